package io.multiimage.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code kconfig} command: arguments, outputs, exit codes (its values are checked against Kconfiglib elsewhere). */
class KconfigCommandTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return KconfigCommand.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                root);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void tree() throws Exception {
        Files.writeString(
                root.resolve("Kconfig"),
                "config A\n\tbool \"a\"\nconfig N\n\tint \"n\"\n\tdefault $(START)\n" + "$(info,parsed)\n");
        Files.writeString(root.resolve("prj.conf"), "CONFIG_A=y\nCONFIG_N=abc\n");
        Files.writeString(root.resolve("extra.conf"), "CONFIG_A=n\n");
    }

    @Test
    void writesConfigHeaderAndWarningsAndExitsZero() throws Exception {
        tree();
        assertEquals(
                0,
                run(
                        "--env",
                        "START=5",
                        "--config-out",
                        "out/.config",
                        "--header-out",
                        "out/autoconf.h",
                        "--warnings-out",
                        "out/warnings.txt",
                        "Kconfig",
                        "prj.conf",
                        "extra.conf"));
        assertEquals("# CONFIG_A is not set\nCONFIG_N=5\n", Files.readString(root.resolve("out/.config")));
        assertEquals("#define CONFIG_N 5\n", Files.readString(root.resolve("out/autoconf.h")));
        assertEquals(
                "warning: the value 'abc' is invalid for N (defined at Kconfig:3), which has type int -- assignment "
                        + "ignored\nextra.conf:1: warning: A (defined at Kconfig:1) set more than once. Old value \"y\", new "
                        + "value \"n\".\n",
                Files.readString(root.resolve("out/warnings.txt")));
        assertEquals("Kconfig:6: parsed\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("", stderr());
    }

    @Test
    void withoutAWarningsFileTheWarningsGoToStandardError() throws Exception {
        tree();
        assertEquals(
                0,
                run(
                        "--env",
                        "START=7",
                        "--config-out",
                        ".config",
                        "--header-out",
                        "autoconf.h",
                        "Kconfig",
                        "prj.conf"));
        assertTrue(stderr().startsWith("warning: the value 'abc' is invalid for N"), stderr());
        assertEquals("CONFIG_A=y\nCONFIG_N=7\n", Files.readString(root.resolve(".config")));
    }

    @Test
    void aKconfigErrorExitsOneWithTheMessageAndWritesNothing() throws Exception {
        Files.writeString(root.resolve("Kconfig"), "config A\n\tbool \"a\"\n\tdepends on (B\n");
        assertEquals(
                1,
                run(
                        "--config-out",
                        "out/.config",
                        "--header-out",
                        "out/autoconf.h",
                        "--warnings-out",
                        "out/w.txt",
                        "Kconfig"));
        assertEquals("Kconfig:3: error: couldn't parse 'depends on (B': malformed expression\n", stderr());
        assertFalse(Files.exists(root.resolve("out")));
    }

    @Test
    void aMissingFragmentExitsOneAndWritesNothing() throws Exception {
        tree();
        assertEquals(
                1,
                run(
                        "--env",
                        "START=1",
                        "--config-out",
                        ".config",
                        "--header-out",
                        "autoconf.h",
                        "Kconfig",
                        "nope.conf"));
        assertEquals(
                "Could not open 'nope.conf' (ENOENT: No such file or directory). Check that the $srctree "
                        + "environment variable (unset or blank) is set correctly.\n",
                stderr());
        try (Stream<Path> files = Files.list(root)) {
            assertEquals(
                    List.of("Kconfig", "extra.conf", "prj.conf"),
                    files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        tree();
        assertEquals(2, run("Kconfig"));
        assertTrue(stderr().startsWith("error: --config-out and --header-out are required\nusage: kconfig"), stderr());
        assertEquals(2, run("--config-out", "a", "--header-out", "b"));
        assertEquals(2, run("--env", "NOVALUE", "--config-out", "a", "--header-out", "b", "Kconfig"));
        assertEquals(2, run("--frobnicate", "--config-out", "a", "--header-out", "b", "Kconfig"));
        assertEquals(2, run("--config-out"));
        assertFalse(Files.exists(root.resolve("a")));
    }

    @Test
    void theCommandIsRegisteredInTheCoreCli() {
        ByteArrayOutputStream usage = new ByteArrayOutputStream();
        int code = CoreCli.run(
                List.of("kconfig", "--help"),
                new PrintStream(usage, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        assertTrue(usage.toString(StandardCharsets.UTF_8).startsWith("usage: kconfig [--env NAME=VALUE]..."));
        assertTrue(CoreCli.usage().contains("kconfig"));
    }
}
