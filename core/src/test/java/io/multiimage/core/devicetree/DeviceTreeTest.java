package io.multiimage.core.devicetree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.spi.BuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read API of a merged tree and the writer's file handling. */
class DeviceTreeTest {

    @TempDir
    Path work;

    private DeviceTree tree() throws Exception {
        Path dir = Fixtures.dir("cases/references");
        return new DevicetreeMerger().merge(dir.resolve("board.dts"), Fixtures.overlays(dir), List.of());
    }

    @Test
    void nodesAreFoundByPathLabelChosenAndAlias() throws Exception {
        DeviceTree tree = tree();
        Node uart = tree.node("/soc/serial@3000").orElseThrow();
        assertEquals(Optional.of(uart), tree.nodeByLabel("uart0"));
        assertEquals(Optional.of(uart), tree.chosen("zephyr,console"));
        assertEquals(Optional.of(uart), tree.alias("serial0"));
        assertEquals(Optional.empty(), tree.chosen("zephyr,flash"));
        assertEquals(Optional.empty(), tree.node("/soc/serial"));
        assertEquals(List.of(tree.node("/defined-after-use").orElseThrow()), tree.compatibleNodes("test,later"));
        assertEquals("serial", uart.baseName());
        assertEquals(Optional.of("3000"), uart.unitAddress());
        assertEquals("okay", uart.status());
        assertEquals("/soc", uart.parent().orElseThrow().path());
        assertEquals(Optional.of(5L), uart.phandle());
        assertEquals(List.of("uart0"), uart.labels());
        assertEquals(14, tree.nodes().size());
    }

    @Test
    void propertyValuesReadAsCellsAndStrings() throws Exception {
        DeviceTree tree = tree();
        Node uart = tree.nodeByLabel("uart0").orElseThrow();
        PropertyValue rx = uart.property("rx-gpios").orElseThrow().value();
        assertArrayEquals(new long[] {1, 7, 0, 3, 1, 0}, rx.cells());
        assertEquals("<0x01 0x07 0x00 0x03 0x01 0x00>", rx.toString());
        assertEquals(
                "\"/soc/serial@3000\"",
                tree.node("/chosen")
                        .orElseThrow()
                        .property("zephyr,console")
                        .orElseThrow()
                        .value()
                        .toString());
        assertEquals(
                List.of("okay"), uart.property("status").orElseThrow().value().strings());
        assertTrue(tree.node("/soc/gpio@1000")
                .orElseThrow()
                .property("gpio-controller")
                .orElseThrow()
                .value()
                .isEmpty());
        assertThrows(
                IllegalStateException.class,
                () -> uart.property("mixed").orElseThrow().value().strings());
        assertFalse(uart.property("mixed").orElseThrow().value().isStringList());
    }

    @Test
    void cellsSpellNumbersMostSignificantCellFirst() throws Exception {
        PropertyValue rx = tree().nodeByLabel("uart0")
                .orElseThrow()
                .property("rx-gpios")
                .orElseThrow()
                .value();
        assertEquals(7, rx.number(1, 1));
        assertEquals((7L << 32) | 0, rx.number(1, 2));
        assertEquals((3L << 32) | 1, rx.number(3, 2));
        assertEquals(0, rx.number(0, 0));
    }

    @Test
    void mergerLogsEveryFileItReads() throws Exception {
        Path dir = Fixtures.dir("cases/partitions");
        List<String> lines = new ArrayList<>();
        BuildLog log = new BuildLog() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {}

            @Override
            public void debug(String message) {}

            @Override
            public boolean isDebugEnabled() {
                return false;
            }
        };
        new DevicetreeMerger(log).merge(dir.resolve("board.dts"), Fixtures.overlays(dir), List.of());
        assertEquals(
                List.of(
                        "Devicetree: board file '" + dir.resolve("board.dts") + "'",
                        "Devicetree: merged overlay '" + dir.resolve("1-resize.overlay") + "'",
                        "Devicetree: merged overlay '" + dir.resolve("2-new-table.overlay") + "'"),
                lines);
    }

    @Test
    void writeReplacesTheTargetAndLeavesNoTemporaryFile() throws Exception {
        Path target = Files.writeString(work.resolve("zephyr.dts"), "old content\n");
        DeviceTree tree = tree();
        DtsWriter.write(tree, target);
        assertEquals(DtsWriter.toDts(tree), Files.readString(target));
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void sameInputGivesByteIdenticalOutput() throws Exception {
        Path first = work.resolve("a/zephyr.dts");
        Path second = work.resolve("b/zephyr.dts");
        DtsWriter.write(tree(), first);
        DtsWriter.write(tree(), second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }
}
