package io.multiimage.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreCliTest {

    @TempDir
    Path root;

    private String out;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = CoreCli.run(
                List.of(args),
                new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @BeforeEach
    void project() throws IOException {
        write("boot/prj.conf", "CONFIG_BOOT_BANNER=y\nCONFIG_NAME=\"boot\"\n");
        write("boot/trace.conf", "CONFIG_TRACE=y\n");
        write("boot/app.overlay", "/ {\n};\n");
        write("app/child_image/mcuboot/prj.conf", "CONFIG_BOOT_BANNER=y\nCONFIG_SIZE=0xc000\n");
        write("app/child_image/mcuboot.conf", "# CONFIG_TRACE is not set\n");
        write("app/prj.conf", "CONFIG_APP=y\n");
    }

    private String[] resolveArgs(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "config",
                command,
                "--image-dir",
                root.resolve("boot").toString(),
                "--name",
                "mcuboot",
                "--parent-dir",
                root.resolve("app").toString(),
                "--board",
                "qemu_cortex_m3"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void dtsMergeIsDispatchedToTheDevicetreeCommand() throws IOException {
        write("board.dts", "/dts-v1/;\n/ {\n\tmodel = \"m\";\n\tlabel: node {\n\t\tx = <1>;\n\t};\n};\n");
        write("extra.overlay", "&label {\n\tx = <2>;\n};\n");
        Path merged = root.resolve("out/zephyr.dts");

        int code = run(
                "dts",
                "merge",
                "-o",
                merged.toString(),
                root.resolve("board.dts").toString(),
                root.resolve("extra.overlay").toString());

        assertEquals(0, code, err);
        assertTrue(Files.readString(merged).contains("x = <0x02>;"), Files.readString(merged));
    }

    @Test
    void configResolvePrintsFilesWithRulesAndWritesOutputs() throws IOException {
        Path output = root.resolve("build/mcuboot");
        int code = run(resolveArgs(
                "resolve",
                "--output-dir",
                output.toString(),
                "-Dmcuboot_EXTRA_CONF_FILE=trace.conf",
                "-Dmcuboot_CONFIG_BOOT_BANNER=n",
                "-DCONFIG_PARENT=y"));
        assertEquals("", err);
        assertEquals(0, code);
        String expected = String.join(
                "\n",
                "image mcuboot (child of app)",
                "board qemu_cortex_m3",
                "build type (none)",
                "Kconfig row G",
                "Kconfig fragments, in merge order:",
                "  1. app/child_image/mcuboot/prj.conf  [(G) base file of row G]",
                "  2. boot/trace.conf  [EXTRA_CONF_FILE item 1]",
                "  3. app/child_image/mcuboot.conf  [(I) child-image fragment]",
                "  4. command line  [single values CONFIG_BOOT_BANNER]",
                "Devicetree overlays, in order:",
                "  1. boot/app.overlay  [the image's own overlay app.overlay]",
                "Log:",
                "  mcuboot: build strategy from-source (default)",
                "  mcuboot: Kconfig row G: app/child_image/mcuboot/prj.conf (G) exists",
                "  mcuboot: boot/prj.conf (A) not used: Kconfig row G applies",
                "  mcuboot: devicetree overlay 'boot/app.overlay' (the image's own overlay app.overlay)",
                "  Merged configuration 'app/child_image/mcuboot/prj.conf'",
                "  Merged configuration 'trace.conf'",
                "  Merged configuration 'app/child_image/mcuboot.conf'",
                "  CONFIG_TRACE=n (app/child_image/mcuboot.conf:1) overrides CONFIG_TRACE=y (boot/trace.conf:1)",
                "  Merged configuration 'command line'",
                "  CONFIG_BOOT_BANNER=n (command line:1) overrides CONFIG_BOOT_BANNER=y (app/child_image/mcuboot/prj.conf:1)",
                "wrote " + output.resolve(".config") + " and " + output.resolve("autoconf.h"),
                "");
        assertEquals(expected, out);
        assertEquals(
                "# CONFIG_BOOT_BANNER is not set\nCONFIG_SIZE=0xc000\n# CONFIG_TRACE is not set\n",
                Files.readString(output.resolve(".config")));
        assertEquals("#define CONFIG_SIZE 0xc000\n", Files.readString(output.resolve("autoconf.h")));
    }

    @Test
    void configShowPrintsTheProvenanceOfEverySymbol() {
        int code = run(resolveArgs("show", "-Dmcuboot_CONFIG_BOOT_BANNER=n"));
        assertEquals(0, code, err);
        assertEquals(
                String.join(
                        "\n",
                        "CONFIG_BOOT_BANNER=n",
                        "  set at command line:1",
                        "  overrides y at app/child_image/mcuboot/prj.conf:1",
                        "CONFIG_SIZE=0xc000",
                        "  set at app/child_image/mcuboot/prj.conf:2",
                        "CONFIG_TRACE=n",
                        "  set at app/child_image/mcuboot.conf:1",
                        ""),
                out);
    }

    @Test
    void aTopLevelImageResolvesWithoutParent() {
        int code = run(
                "config",
                "resolve",
                "--image-dir",
                root.resolve("boot").toString(),
                "--board",
                "qemu_cortex_m3",
                "--build-type",
                "release");
        assertEquals(0, code, err);
        assertTrue(out.startsWith("image boot\nboard qemu_cortex_m3\nbuild type release\nKconfig row A\n"), out);
        assertTrue(out.contains("  1. boot/prj.conf  [(A) base file of row A]"), out);
    }

    @Test
    void aGrandchildResolvesWithTheVariablesForwardedThroughItsParent() throws IOException {
        write("b0/prj.conf", "CONFIG_B0=y\n");
        int code = run(resolveArgs(
                "resolve",
                "--child",
                "mcuboot:b0=" + root.resolve("b0"),
                "--image",
                "b0",
                "-Dmcuboot_b0_CONFIG_DEEP=7"));
        assertEquals(0, code, err);
        assertTrue(out.startsWith("image b0 (child of mcuboot)\nboard qemu_cortex_m3\n"), out);
        assertTrue(out.contains("  Merged configuration 'command line'"), out);
        int show = run(resolveArgs(
                "show", "--child", "mcuboot:b0=" + root.resolve("b0"), "--image", "b0", "-Dmcuboot_b0_CONFIG_DEEP=7"));
        assertEquals(0, show, err);
        assertTrue(out.contains("CONFIG_DEEP=7"), out);
    }

    @Test
    void aChildInAnotherDomainBuildsForThatDomainsBoard() throws IOException {
        write("net/prj.conf", "CONFIG_NET=y\n");
        int code = run(
                "config",
                "resolve",
                "--image-dir",
                root.resolve("app").toString(),
                "--board",
                "nrf5340dk/nrf5340/cpuapp",
                "--child",
                "app:net=" + root.resolve("net"),
                "--image-domain",
                "net=CPUNET",
                "--image-board",
                "net=nrf5340dk/nrf5340/cpunet",
                "--image",
                "net");
        assertEquals(0, code, err);
        assertTrue(out.startsWith("image net (child of app)\nboard nrf5340dk/nrf5340/cpunet\n"), out);

        assertEquals(
                1,
                run(
                        "config",
                        "resolve",
                        "--image-dir",
                        root.resolve("app").toString(),
                        "--board",
                        "nrf5340dk/nrf5340/cpuapp",
                        "--child",
                        "app:net=" + root.resolve("net"),
                        "--image-domain",
                        "net=CPUNET",
                        "--image-board",
                        "net=nrf5340dk/nrf5340/cpuapp",
                        "--image",
                        "net"));
        assertTrue(err.contains("cpuapp"), err);
    }

    @Test
    void anImageWithAKconfigTreeIsConfiguredByTheEngineAsInTheBuild() throws IOException {
        write(
                "boot/Kconfig",
                "config BOOT_BANNER\n\tbool \"banner\"\n\nconfig NAME\n\tstring \"name\"\n\n"
                        + "config TRACE\n\tbool \"trace\"\n\nconfig SIZE\n\thex \"size\"\n\tdefault 0x1000\n\n"
                        + "config RETRIES\n\tint \"retries\"\n\tdefault 3\n");
        int code = run(resolveArgs("show"));
        assertEquals(0, code, err);
        // A default no fragment sets: only the engine knows it.
        assertTrue(out.contains("CONFIG_RETRIES=3\n  not assigned: its Kconfig default\n"), out);
        assertTrue(out.contains("CONFIG_SIZE=0xc000\n  set at app/child_image/mcuboot/prj.conf:2\n"), out);
    }

    @Test
    void anImageLeftOutOfTheTreeIsNamedWithTheReason() throws IOException {
        write("b0/prj.conf", "CONFIG_B0=y\n");
        assertEquals(
                1,
                run(resolveArgs(
                        "resolve",
                        "--child",
                        "mcuboot:b0=" + root.resolve("b0"),
                        "--image",
                        "b0",
                        "-Dmcuboot.buildStrategy=skip")));
        assertEquals("", out);
        assertTrue(
                err.startsWith("Image 'b0' is not configured in this tree; b0: not part of the build (its parent"
                        + " mcuboot is not built from source)"),
                err);
    }

    @Test
    void treeOptionsThatNameNoImageAreUsageErrors() {
        assertEquals(2, run(resolveArgs("resolve", "--child", "nobody:b0=" + root.resolve("b0"))));
        assertTrue(
                err.startsWith("--child names parent 'nobody' of image 'b0', which is not an image of the tree"), err);
        assertEquals(2, run(resolveArgs("resolve", "--child", "b0")));
        assertTrue(err.startsWith("expected --child PARENT:NAME=DIR, found 'b0'"), err);
        assertEquals(2, run(resolveArgs("resolve", "--image", "ghost")));
        assertTrue(err.startsWith("--image 'ghost' is not an image of the tree"), err);
        assertEquals(2, run(resolveArgs("resolve", "--image-board", "ghost=qemu_cortex_m3")));
        assertTrue(err.startsWith("'ghost' is not an image of the tree"), err);
    }

    @Test
    void badInputExitsOneWithFileAndLineAndWritesNothing() throws IOException {
        write("app/child_image/mcuboot.conf", "\nCONFIG_TRACE=maybe\n");
        Path output = root.resolve("build/mcuboot");
        int code = run(resolveArgs("resolve", "--output-dir", output.toString()));
        assertEquals(1, code);
        assertEquals("", out);
        assertEquals(
                "app/child_image/mcuboot.conf:2: expected y, n, a decimal number, a 0x hex number or a"
                        + " \"quoted string\" as the value of CONFIG_TRACE, found 'maybe'\n",
                err);
        assertFalse(Files.exists(output));
    }

    @Test
    void ruleErrorsExitOneWithTheExactMessage() throws IOException {
        write("app/child_image/mcuboot/boards/qemu_cortex_m3_release.conf", "CONFIG_X=y\n");
        assertEquals(1, run(resolveArgs("resolve", "--build-type", "release")));
        assertEquals("", out);
        assertEquals(
                "Child image 'mcuboot': app/child_image/mcuboot/boards/qemu_cortex_m3_release.conf (F) requires"
                        + " app/child_image/mcuboot/prj_release.conf (H), which does not exist\n",
                err);
        assertEquals(1, run(resolveArgs("show", "-Dmcuboot_CONF_FILE=nope.conf")));
        assertEquals("File not found: boot/nope.conf\n", err);
        assertEquals("", out);
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run());
        assertTrue(err.startsWith("usage: multiimage-core <command>"), err);
        assertEquals(2, run("frobnicate"));
        assertTrue(err.startsWith("unknown command 'frobnicate'"), err);
        assertEquals(2, run("config"));
        assertEquals(2, run("config", "explode"));
        assertEquals(2, run("config", "resolve", "--board", "b"));
        assertTrue(err.startsWith("--image-dir is required"), err);
        assertEquals(2, run("config", "resolve", "--image-dir", "x", "--board", "b", "-DNOVALUE"));
        assertTrue(err.startsWith("expected -DVAR=value, found '-DNOVALUE'"), err);
        assertEquals(2, run("config", "resolve", "--image-dir", "x", "--board"));
        assertEquals(2, run("config", "show", "--image-dir", "x", "--board", "b", "--frob"));
        assertEquals(
                2,
                run(
                        "config",
                        "show",
                        "--image-dir",
                        root.resolve("app").toString(),
                        "--board",
                        "b",
                        "--parent-dir",
                        root.resolve("app").toString()));
        assertTrue(err.startsWith("the image and its parent are both called 'app'"), err);
        assertEquals("", out);
    }
}
