package io.multiimage.core.imagekconfig;

import io.multiimage.core.kconfig.Assignment;
import io.multiimage.core.kconfig.FragmentSource;
import io.multiimage.core.kconfig.KconfigResult;
import io.multiimage.core.kconfig.KconfigType;
import io.multiimage.core.kconfig.KconfigValue;
import io.multiimage.core.kconfig.RenderedConfig;
import io.multiimage.core.kconfig.ResolvedSymbol;
import io.multiimage.core.kconfig.SourceLocation;
import io.multiimage.core.kconfig.SymbolProvenance;
import io.multiimage.core.state.CodeIdentity;
import io.multiimage.core.state.Fingerprint;
import io.multiimage.core.state.StateFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image's last Kconfig evaluation, kept in {@code .state/kconfig-<image>} of the build's output
 * directory, so that a no-op build does not parse the Kconfig tree again. The record holds the
 * digest of every input — the running code, the root, the environment, every fragment (name and
 * text, in order) and every Kconfig file the tree read — and the outputs: values, provenance,
 * warnings, override lines, {@code .config} and {@code autoconf.h}. It is used only when all
 * inputs are what they were.
 *
 * <p>A tree that reads a file through a glob or an optional {@code source} ({@code osource},
 * {@code orsource}, a {@code *}, {@code ?} or {@code [} in the path) is never recorded: a file
 * added where the glob would now find it changes the configuration without changing any file the
 * tree read. Nothing is recorded either when the code runs from class directories (no
 * {@link CodeIdentity}).
 */
public final class KconfigRecord {

    private static final String KIND = "kconfig";
    private static final Pattern SOURCE = Pattern.compile("^\\s*(o?r?source|g?r?source)\\s+(.*)$");

    private final Optional<String> code;

    KconfigRecord(Optional<String> code) {
        this.code = code;
    }

    /** Records believed only by the code that is running now. */
    public static KconfigRecord forRunningCode() {
        return new KconfigRecord(CodeIdentity.RUNNING);
    }

    /** The record file of {@code image} in the output directory {@code outputDirectory}. */
    public static Path file(Path outputDirectory, String image) {
        return outputDirectory.resolve(".state").resolve("kconfig-" + image);
    }

    /** The recorded evaluation, when the record exists, is whole and all its inputs are unchanged. */
    Optional<Evaluation> read(Path file, ImageKconfigSetup setup, List<FragmentSource> fragments) {
        if (code.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<String>> lines = StateFile.read(file, KIND);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            String key = null;
            List<String> kconfigFiles = new ArrayList<>();
            List<ResolvedSymbol> symbols = new ArrayList<>();
            Map<String, List<Assignment>> chains = new LinkedHashMap<>();
            List<String> warnings = new ArrayList<>();
            Map<String, List<String>> overrides = new LinkedHashMap<>();
            String config = null;
            String autoconf = null;
            for (String line : lines.get()) {
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "key" -> key = f[1];
                    case "kconfig" -> kconfigFiles.add(unescape(f[1]));
                    case "symbol" -> symbols.add(new ResolvedSymbol(f[1], value(f[2], unescape(f[3]))));
                    case "assign" ->
                        chains.computeIfAbsent(f[1], k -> new ArrayList<>())
                                .add(new Assignment(
                                        f[1],
                                        value(f[2], unescape(f[3])),
                                        new SourceLocation(unescape(f[4]), Integer.parseInt(f[5]))));
                    case "warning" -> warnings.add(unescape(f[1]));
                    case "override" ->
                        overrides
                                .computeIfAbsent(unescape(f[1]), k -> new ArrayList<>())
                                .add(unescape(f[2]));
                    case "config" -> config = unescape(f[1]);
                    case "autoconf" -> autoconf = unescape(f[1]);
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (key == null
                    || config == null
                    || autoconf == null
                    || !key.equals(key(setup, fragments, kconfigFiles).orElse(""))) {
                return Optional.empty();
            }
            List<SymbolProvenance> provenance = new ArrayList<>();
            chains.forEach((symbol, chain) -> provenance.add(new SymbolProvenance(symbol, chain)));
            KconfigResult result =
                    new KconfigResult(symbols, provenance, warnings, Optional.of(new RenderedConfig(config, autoconf)));
            return Optional.of(new Evaluation(result, overrides, kconfigFiles));
        } catch (RuntimeException | IOException e) {
            return Optional.empty(); // a record we cannot use is no record: evaluate again
        }
    }

    /** Records {@code evaluation}, unless the tree cannot be recorded (see the class comment). */
    void write(Path file, ImageKconfigSetup setup, List<FragmentSource> fragments, Evaluation evaluation)
            throws IOException {
        if (code.isEmpty() || !recordable(setup, evaluation.kconfigFiles())) {
            return;
        }
        Optional<String> key = key(setup, fragments, evaluation.kconfigFiles());
        if (key.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("key\t" + key.get());
        evaluation.kconfigFiles().forEach(f -> lines.add("kconfig\t" + escape(f)));
        KconfigResult result = evaluation.result();
        for (ResolvedSymbol symbol : result.symbols()) {
            lines.add("symbol\t" + symbol.name() + "\t" + symbol.value().type().name() + "\t"
                    + escape(symbol.value().text()));
        }
        for (SymbolProvenance chain : result.provenance()) {
            for (Assignment a : chain.assignments()) {
                lines.add("assign\t" + a.symbol() + "\t" + a.value().type().name() + "\t"
                        + escape(a.value().text()) + "\t" + escape(a.location().file()) + "\t"
                        + a.location().line());
            }
        }
        result.warnings().forEach(w -> lines.add("warning\t" + escape(w)));
        evaluation
                .overrides()
                .forEach((fragment, list) ->
                        list.forEach(o -> lines.add("override\t" + escape(fragment) + "\t" + escape(o))));
        lines.add("config\t" + escape(result.dotConfigText()));
        lines.add("autoconf\t" + escape(result.autoconfText()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        StateFile.write(file, KIND, lines);
    }

    /** The digest of every input; empty when a Kconfig file of the list is gone. */
    private Optional<String> key(ImageKconfigSetup setup, List<FragmentSource> fragments, List<String> kconfigFiles)
            throws IOException {
        Fingerprint.Builder key = Fingerprint.builder()
                .value("code", code.orElseThrow())
                .value(
                        "root",
                        setup.root().topFileName() + "\t"
                                + setup.root().sourceTree().toAbsolutePath());
        setup.environment().forEach((name, value) -> key.value("env " + name, value));
        for (int i = 0; i < fragments.size(); i++) {
            FragmentSource fragment = fragments.get(i);
            key.value(
                    String.format("fragment %04d", i),
                    fragment.location() + "\t" + fragment.mergeName() + "\t"
                            + Fingerprint.sha256(fragment.text().getBytes(StandardCharsets.UTF_8)));
        }
        for (String name : kconfigFiles) {
            Path file = resolve(setup, name);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            key.value("kconfig " + name, Fingerprint.sha256(file));
        }
        return Optional.of(key.build().digest());
    }

    /** False when one of the files sources through a glob or optionally. */
    private static boolean recordable(ImageKconfigSetup setup, List<String> kconfigFiles) throws IOException {
        for (String name : kconfigFiles) {
            for (String line : Files.readAllLines(resolve(setup, name), StandardCharsets.UTF_8)) {
                var m = SOURCE.matcher(line);
                if (m.matches() && (m.group(1).startsWith("o") || m.group(2).matches(".*[*?\\[].*"))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Path resolve(ImageKconfigSetup setup, String name) {
        Path path = Path.of(name);
        return path.isAbsolute() ? path : setup.root().sourceTree().resolve(path);
    }

    private static KconfigValue value(String type, String text) {
        return new KconfigValue(KconfigType.valueOf(type), text);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace("\n", "\\n")
                .replace("\t", "\\t")
                .replace("\r", "\\r");
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(
                        switch (next) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> next;
                        });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * One evaluation of an image's tree: the result, the override lines per fragment, and the
     * Kconfig files the tree read (as the engine names them).
     */
    record Evaluation(KconfigResult result, Map<String, List<String>> overrides, List<String> kconfigFiles) {

        Evaluation {
            overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
            kconfigFiles = List.copyOf(kconfigFiles);
        }
    }
}
