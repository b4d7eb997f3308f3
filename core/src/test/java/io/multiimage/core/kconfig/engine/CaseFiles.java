package io.multiimage.core.kconfig.engine;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads hand-written differential cases: one {@code .case} file per case, in
 * {@code src/test/resources/kconfig-engine/cases}. A case file holds sections:
 *
 * <pre>
 * # what the case shows (lines before the first section)
 * === args
 * --env NAME=VALUE Kconfig prj.conf overlay.conf
 * === Kconfig
 * config A
 * 	bool "A"
 * === prj.conf
 * CONFIG_A=y
 * </pre>
 *
 * A section header may end in {@code (no newline)} (the file does not end in a line break) or
 * {@code (crlf)} (its lines end in CR LF); {@code (dir)} creates an empty directory instead.
 */
final class CaseFiles {

    private CaseFiles() {}

    static List<DifferentialCase> load(String directory) throws IOException, URISyntaxException {
        Path dir = Path.of(
                CaseFiles.class.getResource("/kconfig-engine/" + directory).toURI());
        List<DifferentialCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>)
                    files.filter(p -> p.toString().endsWith(".case")).sorted()::iterator) {
                cases.add(parse(
                        file.getFileName().toString().replace(".case", ""),
                        Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return cases;
    }

    static DifferentialCase parse(String name, String text) {
        DifferentialCase kase = new DifferentialCase(name);
        kase.origin = "src/test/resources/kconfig-engine/cases/" + name + ".case";
        String section = null;
        StringBuilder body = new StringBuilder();
        List<String> args = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("=== ")) {
                args = finish(kase, section, body, args);
                section = line.substring(4).strip();
                body.setLength(0);
            } else if (section != null) {
                body.append(line).append('\n');
            }
        }
        args = finish(kase, section, body, args);
        if (args == null) {
            throw new IllegalArgumentException(name + ": no '=== args' section");
        }
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--env")) {
                String pair = args.get(++i);
                kase.env(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            } else {
                positional.add(args.get(i));
            }
        }
        kase.kconfig = positional.get(0);
        kase.fragments.addAll(positional.subList(1, positional.size()));
        return kase;
    }

    private static List<String> finish(DifferentialCase kase, String section, StringBuilder body, List<String> args) {
        if (section == null) {
            return args;
        }
        String content = body.toString();
        if (content.endsWith("\n")) {
            content = content.substring(0, content.length() - 1);
        }
        if (section.equals("args")) {
            List<String> words = new ArrayList<>();
            for (String word : content.strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
            return words;
        }
        String path = section;
        boolean newline = true;
        boolean crlf = false;
        if (path.endsWith("(no newline)")) {
            path = path.substring(0, path.length() - "(no newline)".length()).strip();
            newline = false;
        } else if (path.endsWith("(crlf)")) {
            path = path.substring(0, path.length() - "(crlf)".length()).strip();
            crlf = true;
        } else if (path.endsWith("(dir)")) {
            kase.file(path.substring(0, path.length() - "(dir)".length()).strip() + "/.keep", "");
            return args;
        }
        if (!newline && content.endsWith("\n")) {
            content = content.substring(0, content.length() - 1);
        }
        if (crlf) {
            content = content.replace("\n", "\r\n");
        }
        kase.file(path, content);
        return args;
    }
}
