package io.multiimage.signing.keys;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code -----BEGIN label-----} ... {@code -----END label-----} block of a PEM file: its
 * label, its RFC 1421 headers ({@code Proc-Type}, {@code DEK-Info}) and its decoded bytes.
 *
 * @param label     the text between {@code BEGIN } and the dashes, e.g. {@code EC PRIVATE KEY}
 * @param headers   header lines before the base64 body, in file order
 * @param der       the decoded body
 * @param beginLine the 1-based line of the BEGIN marker
 */
record PemBlock(String label, Map<String, String> headers, byte[] der, int beginLine) {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /** Every block in {@code text}, in order; text outside blocks is ignored as openssl does. */
    static List<PemBlock> parseAll(String text, String source) throws KeyException {
        String[] lines = text.split("\r?\n|\r", -1);
        List<PemBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith(BEGIN)) {
                continue;
            }
            if (!line.endsWith(DASHES) || line.length() < BEGIN.length() + DASHES.length()) {
                throw new KeyException(source + ":" + (i + 1) + ": malformed PEM BEGIN line");
            }
            String label = line.substring(BEGIN.length(), line.length() - DASHES.length());
            int begin = i + 1;
            Map<String, String> headers = new LinkedHashMap<>();
            StringBuilder base64 = new StringBuilder();
            boolean ended = false;
            boolean inHeaders = true;
            for (i = i + 1; i < lines.length; i++) {
                String body = lines[i].strip();
                if (body.startsWith(END)) {
                    if (!body.equals(END + label + DASHES)) {
                        throw new KeyException(source + ":" + (i + 1) + ": the PEM block opened at line " + begin
                                + " as '" + label + "' ends with '" + body + "'");
                    }
                    ended = true;
                    break;
                }
                int colon = body.indexOf(':');
                if (inHeaders && colon > 0) {
                    headers.put(
                            body.substring(0, colon).strip(),
                            body.substring(colon + 1).strip());
                    continue;
                }
                inHeaders = false;
                base64.append(body);
            }
            if (!ended) {
                throw new KeyException(source + ":" + begin + ": the PEM block '" + label + "' has no END line");
            }
            byte[] der;
            try {
                der = Base64.getDecoder().decode(base64.toString());
            } catch (IllegalArgumentException e) {
                throw new KeyException(source + ":" + begin + ": the PEM block '" + label + "' is not valid base64");
            }
            blocks.add(new PemBlock(label, headers, der, begin));
        }
        return blocks;
    }
}
