package io.multiimage.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.testkit.ProjectPaths;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code multiimage-core devicetree export|import}: files written, errors and exit codes. */
class DevicetreeCommandTest {

    private static final Path MCUBOOT_APP =
            ProjectPaths.root().resolve("partition/src/test/resources/golden/mcuboot-app/expected");

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CoreCli.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void exportWritesOneOverlayPerImageAndImportReadsThemBack() throws Exception {
        assertEquals(
                0,
                run(
                        "devicetree",
                        "export",
                        "--layout",
                        MCUBOOT_APP.resolve("partitions.yml").toString(),
                        "--board",
                        "nrf52840dk/nrf52840",
                        "--image",
                        "app",
                        "--image",
                        "mcuboot",
                        "-o",
                        work.toString()),
                text(err));
        Path app = work.resolve("app/partitions.overlay");
        assertTrue(Files.readString(app).contains("zephyr,code-partition = &app_partition;"));
        assertTrue(Files.readString(work.resolve("mcuboot/partitions.overlay"))
                .contains("zephyr,code-partition = &mcuboot_partition;"));

        Path board = ProjectPaths.root()
                .resolve(
                        "core/src/main/resources/io/multiimage/core/boards/nrf52840dk_nrf52840/nrf52840dk_nrf52840.dts");
        Path include = ProjectPaths.root().resolve("core/src/main/resources/io/multiimage/core/boards/include");
        Path pmStatic = work.resolve("pm_static.yml");
        assertEquals(
                0,
                run(
                        "devicetree",
                        "import",
                        "-I",
                        include.toString(),
                        "-o",
                        pmStatic.toString(),
                        board.toString(),
                        app.toString()),
                text(err));
        String text = Files.readString(pmStatic);
        assertTrue(
                text.startsWith("# Static partition layout imported by multiimage from the devicetree partitions of\n"
                        + "# nrf52840dk_nrf52840.dts + partitions.overlay.\n# chosen zephyr,code-partition: app\n"),
                text);
        assertTrue(
                text.contains("mcuboot_primary:\n  address: 0xc000\n  end_address: 0x85000\n"
                        + "  region: flash_primary\n  size: 0x79000\n  span:\n  - mcuboot_pad\n  - app\n"),
                text);
    }

    @Test
    void importToDashPrintsTheLayout() throws Exception {
        Path board = Files.writeString(
                work.resolve("b.dts"),
                "/dts-v1/;\n/ {\n\t#address-cells = <1>;\n"
                        + "\t#size-cells = <1>;\n\tchosen {\n\t\tzephyr,flash = &f;\n\t};\n\tf: flash@0 {\n"
                        + "\t\treg = <0x0 0x1000>;\n\t\tpartitions {\n\t\t\tcompatible = \"fixed-partitions\";\n"
                        + "\t\t\t#address-cells = <1>;\n\t\t\t#size-cells = <1>;\n\t\t\tstore_partition: partition@0 {\n"
                        + "\t\t\t\treg = <0x0 0x1000>;\n\t\t\t};\n\t\t};\n\t};\n};\n");
        assertEquals(0, run("devicetree", "import", "-o", "-", board.toString()), text(err));
        assertEquals(
                "# Static partition layout imported by multiimage from the devicetree partitions of\n# b.dts.\n"
                        + "store:\n  address: 0x0\n  end_address: 0x1000\n  region: flash_primary\n  size: 0x1000\n",
                text(out));
    }

    @Test
    void aBadLayoutWritesNothingAndExitsOne() throws Exception {
        int code = run(
                "devicetree",
                "export",
                "--layout",
                MCUBOOT_APP.resolve("partitions.yml").toString(),
                "--board",
                "qemu_cortex_m3",
                "--image",
                "app",
                "-o",
                work.resolve("out").toString());
        assertEquals(1, code);
        assertTrue(
                text(err)
                        .startsWith(
                                "error: " + MCUBOOT_APP.resolve("partitions.yml") + ": partition 'mcuboot_primary'"),
                text(err));
        assertFalse(Files.exists(work.resolve("out")));
    }

    @Test
    void anImportErrorNamesTheFileAndLine() throws Exception {
        Path board = Files.writeString(
                work.resolve("b.dts"),
                "/dts-v1/;\n/ {\n\tchosen {\n\t\tzephyr,flash = &f;\n"
                        + "\t};\n\tf: flash@0 {\n\t\treg = <0x0 0x0 0x1000>;\n\t\tpartitions {\n"
                        + "\t\t\tcompatible = \"fixed-partitions\";\n\t\t\t#address-cells = <1>;\n\t\t\t#size-cells = <1>;\n"
                        + "\t\t\tpartition@0 {\n\t\t\t\treg = <0x0 0x1000>;\n\t\t\t};\n\t\t};\n\t};\n};\n");
        assertEquals(
                1,
                run("devicetree", "import", "-o", work.resolve("pm_static.yml").toString(), board.toString()));
        assertEquals(
                "error: " + board + ":12: partition /flash@0/partitions/partition@0 has no name: give it a label"
                        + " property naming it (label = \"storage\";) or a node label ending in _partition\n",
                text(err));
        assertFalse(Files.exists(work.resolve("pm_static.yml")));
    }

    @Test
    void exportWithoutAnImageIsAUsageError() {
        assertEquals(2, run("devicetree", "export", "--layout", "partitions.yml", "--board", "x", "-o", "d"));
        assertTrue(text(err).contains("usage: devicetree export"), text(err));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
