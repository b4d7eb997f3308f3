package io.multiimage.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.spi.BuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import goal's core: pm_static.yml written, an existing one kept unless overwriting is asked for. */
class StaticLayoutImportTest {

    @TempDir
    Path dir;

    private Path board() throws Exception {
        return Files.writeString(
                dir.resolve("board.dts"),
                "/dts-v1/;\n#include <mem.h>\n/ {\n\t#address-cells = <1>;\n"
                        + "\t#size-cells = <1>;\n\tchosen {\n\t\tzephyr,flash = &f;\n\t};\n\tf: flash@0 {\n"
                        + "\t\treg = <0x0 DT_SIZE_K(4)>;\n\t\tpartitions {\n\t\t\tcompatible = \"fixed-partitions\";\n"
                        + "\t\t\t#address-cells = <1>;\n\t\t\t#size-cells = <1>;\n\t\t\tpartition@0 {\n"
                        + "\t\t\t\tlabel = \"store\";\n\t\t\t\treg = <0x0 0x1000>;\n\t\t\t};\n\t\t};\n\t};\n};\n");
    }

    @Test
    void writesTheStaticLayoutFindingTheShippedHeaders() throws Exception {
        Path target = dir.resolve("pm_static.yml");
        StaticLayoutImport.write(
                List.of(board()), dir.resolve("boards"), RegionNodes.standard(), target, false, BuildLog.silent());
        assertTrue(
                Files.readString(target)
                        .endsWith("store:\n  address: 0x0\n  end_address: 0x1000\n"
                                + "  region: flash_primary\n  size: 0x1000\n"),
                Files.readString(target));
    }

    @Test
    void anExistingPmStaticIsKeptUnlessOverwritingIsAskedFor() throws Exception {
        Path target = Files.writeString(dir.resolve("pm_static.yml"), "mine: {}\n");
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> StaticLayoutImport.write(
                        List.of(board()),
                        dir.resolve("boards"),
                        RegionNodes.standard(),
                        target,
                        false,
                        BuildLog.silent()));
        assertEquals(
                "pm_static.yml exists already in " + dir + "; it is not replaced unless overwriting is asked for"
                        + " (firmware.devicetree.overwrite=true)",
                e.getMessage());
        assertEquals("mine: {}\n", Files.readString(target));
        StaticLayoutImport.write(
                List.of(board()), dir.resolve("boards"), RegionNodes.standard(), target, true, BuildLog.silent());
        assertTrue(Files.readString(target).contains("store:"));
    }
}
