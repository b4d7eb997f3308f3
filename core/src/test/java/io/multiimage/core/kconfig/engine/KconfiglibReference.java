package io.multiimage.core.kconfig.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.multiimage.core.cli.KconfigCommandAccess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs cases through Kconfiglib 14.1.0 ({@code kconfig_reference.py}, one Python process per
 * batch) and through our {@code kconfig} command (in-process), and compares what they produce
 * byte for byte: exit code, {@code .config}, {@code autoconf.h}, warnings, error message, and
 * the minimal configuration.
 *
 * <p>Skips (assumption) only when no python3 with kconfiglib is installed.
 */
final class KconfiglibReference {

    /** What one run produced. */
    record Outcome(
            int exit, String stdout, String stderr, String config, String autoconf, String warnings, String minimal) {}

    /** Both outcomes of one case. */
    record Result(DifferentialCase kase, Outcome ours, Outcome reference) {}

    private KconfiglibReference() {}

    /** A python3 that imports kconfiglib (Debian's first), or a skipped test. */
    static Path python() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process probe = new ProcessBuilder(candidate, "-c", "import kconfiglib")
                        .redirectErrorStream(true)
                        .start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return Path.of(candidate);
                }
            } catch (IOException e) {
                // try the next candidate
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Assumptions.assumeTrue(false, "python3 with kconfiglib is not installed (apt-get install python3-kconfiglib)");
        return null;
    }

    /** Runs every case both ways under {@code workDir}; returns the outcomes in order. */
    static List<Result> run(List<DifferentialCase> cases, Path workDir) throws IOException, InterruptedException {
        Path python = python();
        Path script = workDir.resolve("kconfig_reference.py");
        try (InputStream in = KconfiglibReference.class.getResourceAsStream("/kconfig-engine/kconfig_reference.py")) {
            Files.write(script, in.readAllBytes());
        }
        StringBuilder batch = new StringBuilder();
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            DifferentialCase kase = cases.get(i);
            Path dir = workDir.resolve(String.format("case%04d", i)).resolve("tree");
            kase.writeTo(dir);
            Files.createDirectories(dir.resolveSibling("ref"));
            Files.createDirectories(dir.resolveSibling("ours"));
            dirs.add(dir);
            batch.append(json(Map.of(
                            "cwd", dir.toString(),
                            "args", kase.arguments("../ref", dir),
                            "stdout",
                                    dir.resolveSibling("ref").resolve("stdout").toString(),
                            "stderr",
                                    dir.resolveSibling("ref").resolve("stderr").toString(),
                            "exit", dir.resolveSibling("ref").resolve("exit").toString(),
                            "min",
                                    kase.compareMinimal
                                            ? dir.resolveSibling("ref")
                                                    .resolve("minimal")
                                                    .toString()
                                            : "")))
                    .append('\n');
        }
        Path batchFile = workDir.resolve("batch.jsonl");
        Files.writeString(batchFile, batch);
        Process process = new ProcessBuilder(python.toString(), script.toString(), "--batch", batchFile.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail("kconfig_reference.py --batch failed:\n" + output);
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            results.add(new Result(
                    cases.get(i),
                    runOurs(cases.get(i), dirs.get(i)),
                    readOutcome(dirs.get(i).resolveSibling("ref"))));
        }
        return results;
    }

    private static Outcome runOurs(DifferentialCase kase, Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = KconfigCommandAccess.run(kase.arguments("../ours", dir), o, e, dir);
        }
        Path outs = dir.resolveSibling("ours");
        String minimal = null;
        if (exit == 0 && kase.compareMinimal) {
            minimal = minimalThroughApi(kase, dir);
        }
        return new Outcome(
                exit,
                out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8),
                read(outs.resolve(".config")),
                read(outs.resolve("autoconf.h")),
                read(outs.resolve("warnings.txt")),
                minimal);
    }

    private static String minimalThroughApi(DifferentialCase kase, Path dir) {
        try {
            Kconfig kconfig = Kconfig.load(dir, kase.kconfig, kase.environment(dir));
            List<Path> fragments = new ArrayList<>();
            for (String f : kase.fragments) {
                fragments.add(Path.of(f));
            }
            kconfig.loadFragments(fragments);
            return kconfig.minimalConfigText("");
        } catch (KconfigException e) {
            return "error: " + e.getMessage();
        }
    }

    private static Outcome readOutcome(Path refDir) {
        String exit = read(refDir.resolve("exit"));
        return new Outcome(
                exit == null ? -1 : Integer.parseInt(exit.strip()),
                read(refDir.resolve("stdout")),
                read(refDir.resolve("stderr")),
                read(refDir.resolve(".config")),
                read(refDir.resolve("autoconf.h")),
                read(refDir.resolve("warnings.txt")),
                read(refDir.resolve("minimal")));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless both runs agree; the message shows the case so it can be replayed. */
    static void assertSame(Result result) {
        Outcome ours = result.ours();
        Outcome ref = result.reference();
        String where = "\n" + result.kase().describe();
        if (ref.exit() == 3) {
            fail("Kconfiglib crashed on this case (not a valid reference case):\n" + ref.stderr() + where);
        }
        assertEquals(
                ref.exit(),
                ours.exit(),
                "exit code; reference stderr: " + ref.stderr() + "; ours: " + ours.stderr() + where);
        if (ref.exit() != 0) {
            String refMessage = ref.stderr();
            String ourMessage = ours.stderr();
            if (refMessage.startsWith("Dependency loop")) {
                refMessage = refMessage.lines().findFirst().orElse("");
                ourMessage = ourMessage.lines().findFirst().orElse("");
            }
            assertEquals(refMessage, ourMessage, "error message" + where);
            assertEquals(null, ours.config(), "no .config on error" + where);
            assertEquals(null, ours.autoconf(), "no autoconf.h on error" + where);
            return;
        }
        assertText(ref.stdout(), ours.stdout(), "standard output", where);
        assertText(ref.warnings(), ours.warnings(), "warnings", where);
        assertText(ref.config(), ours.config(), ".config", where);
        assertText(ref.autoconf(), ours.autoconf(), "autoconf.h", where);
        if (result.kase().compareMinimal) {
            assertText(ref.minimal(), ours.minimal(), "minimal configuration", where);
        }
    }

    /** Equal texts, or a failure that starts with the first line that differs. */
    private static void assertText(String expected, String actual, String what, String where) {
        if (java.util.Objects.equals(expected, actual)) {
            return;
        }
        if (expected == null || actual == null) {
            fail(what + ": reference " + (expected == null ? "wrote nothing" : "wrote text") + ", ours "
                    + (actual == null ? "wrote nothing" : "wrote text") + where);
        }
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int i = 0;
        while (i < a.length && i < b.length && a[i].equals(b[i])) {
            i++;
        }
        fail(what + " differ at line " + (i + 1) + ":\n  reference: " + (i < a.length ? a[i] : "<end>")
                + "\n  ours:      " + (i < b.length ? b[i] : "<end>") + "\n--- reference:\n" + expected
                + "\n--- ours:\n" + actual + where);
    }

    private static String json(Map<String, Object> fields) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : new java.util.TreeMap<>(fields).entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append(quote(e.getKey())).append(": ");
            if (e.getValue() instanceof List) {
                out.append('[');
                List<?> list = (List<?>) e.getValue();
                for (int i = 0; i < list.size(); i++) {
                    out.append(i > 0 ? ", " : "").append(quote(list.get(i).toString()));
                }
                out.append(']');
            } else {
                out.append(quote(e.getValue().toString()));
            }
        }
        return out.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
