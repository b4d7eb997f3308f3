package io.multiimage.signing;

import io.multiimage.signing.keys.KeyType;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads a detached signature as signers deliver it: raw bytes, or base64 text (imgtool's
 * {@code --sig-out} and {@code --fix-sig} format); for ECDSA either DER or the raw
 * {@code r || s} pair (PKCS#11, cloud KMS), which is re-encoded as DER because MCUboot
 * expects DER.
 */
public final class DetachedSignature {

    private DetachedSignature() {}

    /**
     * The signature TLV value in {@code content}.
     *
     * @param source names the signature file in messages
     * @throws SigningException the content cannot be a {@code type} signature
     */
    public static byte[] decode(byte[] content, KeyType type, String source) throws SigningException {
        byte[] signature = fromBase64(content, type);
        if (signature == null) {
            signature = content.clone();
        }
        if (type == KeyType.ECDSA_P256) {
            if (isDerSignature(signature)) {
                return signature;
            }
            if (signature.length == 64) {
                return toDer(signature);
            }
            throw new SigningException(source + ": not an ECDSA P-256 signature: " + signature.length
                    + " bytes that are neither DER nor a 64-byte r||s pair");
        }
        int expected = expectedLength(type);
        if (signature.length != expected) {
            throw new SigningException(source + ": not a " + type + " signature: " + signature.length
                    + " bytes, expected " + expected + " (raw, or base64 text)");
        }
        return signature;
    }

    private static int expectedLength(KeyType type) {
        switch (type) {
            case ED25519:
                return 64;
            case RSA_2048:
                return 256;
            default:
                return 384;
        }
    }

    /** The decoded bytes when {@code content} is base64 text of a plausible length, else null. */
    private static byte[] fromBase64(byte[] content, KeyType type) {
        String text = new String(content, StandardCharsets.ISO_8859_1).strip();
        if (text.isEmpty() || !text.matches("[A-Za-z0-9+/=\\s]+")) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        boolean plausible = type == KeyType.ECDSA_P256
                ? isDerSignature(decoded) || decoded.length == 64
                : decoded.length == expectedLength(type);
        return plausible ? decoded : null;
    }

    /** A DER SEQUENCE of exactly two INTEGERs (imgtool's --pad-sig zeros after it allowed). */
    static boolean isDerSignature(byte[] s) {
        if (s.length < 8 || s[0] != 0x30 || (s[1] & 0x80) != 0 || s[1] + 2 > s.length) {
            return false;
        }
        int end = s[1] + 2;
        int position = 2;
        for (int i = 0; i < 2; i++) {
            if (position + 2 > end || s[position] != 0x02 || s[position + 1] < 1) {
                return false;
            }
            position += 2 + s[position + 1];
        }
        if (position != end) {
            return false;
        }
        for (int i = end; i < s.length; i++) {
            if (s[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] toDer(byte[] rs) {
        byte[] r = new BigInteger(1, Arrays.copyOfRange(rs, 0, 32)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64)).toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(72);
        out.write(0x30);
        out.write(4 + r.length + s.length);
        out.write(0x02);
        out.write(r.length);
        out.writeBytes(r);
        out.write(0x02);
        out.write(s.length);
        out.writeBytes(s);
        return out.toByteArray();
    }
}
