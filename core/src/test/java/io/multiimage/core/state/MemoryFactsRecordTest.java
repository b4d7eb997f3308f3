package io.multiimage.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.board.BoardCatalog;
import io.multiimage.core.board.BoardDefinition;
import io.multiimage.core.devicetree.ExternalFlash;
import io.multiimage.core.devicetree.FlashPartition;
import io.multiimage.core.devicetree.MemoryFacts;
import io.multiimage.core.devicetree.MemoryRegion;
import io.multiimage.core.devicetree.PartitionTable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Memory facts kept as text come back equal; facts the text cannot hold are not kept. */
class MemoryFactsRecordTest {

    private static MemoryFacts roundTrip(MemoryFacts facts) {
        return MemoryFactsRecord.parse(MemoryFactsRecord.format(facts).orElseThrow())
                .orElseThrow();
    }

    @Test
    void everyShippedBoardsFactsComeBackEqual() throws Exception {
        BoardCatalog catalog = BoardCatalog.shipped();
        for (BoardDefinition board : catalog.boards()) {
            MemoryFacts facts = catalog.lookup(board.name()).memoryFacts();
            assertEquals(facts, roundTrip(facts), board.name());
        }
    }

    private static MemoryFacts everything(String partitionLabel, String flashLabel) {
        FlashPartition labelled = new FlashPartition(
                "/soc/flash/partitions/partition@0",
                List.of("boot_partition"),
                Optional.of(partitionLabel),
                0,
                0xC000,
                true);
        FlashPartition bare = new FlashPartition(
                "/soc/flash/partitions/partition@c000", List.of(), Optional.empty(), 0xC000, 0x74000, false);
        return new MemoryFacts(
                new MemoryRegion("/soc/flash@0", List.of(flashLabel, "flash0"), 0, 0x100000),
                new MemoryRegion("/soc/sram@20000000", List.of(), 0x20000000L, 0x40000),
                Optional.of("/soc/flash/partitions/partition@c000"),
                List.of(
                        new ExternalFlash("/soc/qspi/mx25r64@0", List.of("mx25r64"), "nordic,qspi-nor", 8 << 20, true),
                        new ExternalFlash("/spi/flash@1", List.of(), "jedec,spi-nor", 1 << 20, false)),
                List.of(
                        new PartitionTable(
                                "/soc/flash/partitions", "/soc/flash@0", Optional.of(0L), List.of(labelled, bare)),
                        new PartitionTable("/spi/flash@1/partitions", "/spi/flash@1", Optional.empty(), List.of())),
                Optional.of("/soc/qspi/mx25r64@0"),
                Optional.of(4096L),
                Optional.of("flash_controller"));
    }

    @Test
    void everyKindOfFactComesBackEqual() {
        MemoryFacts facts = everything("mcuboot", "");
        assertEquals(facts, roundTrip(facts));
    }

    @Test
    void factsWithoutOptionalPartsComeBackEqual() {
        MemoryFacts facts = new MemoryFacts(
                new MemoryRegion("/flash", List.of(), 0, 1024),
                new MemoryRegion("/sram", List.of(), 0x20000000L, 512),
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        assertEquals(facts, roundTrip(facts));
    }

    @Test
    void factsTheTextCannotHoldAreNotKept() {
        assertTrue(
                MemoryFactsRecord.format(everything("-", "")).isEmpty(), "a partition label that reads as 'no label'");
        assertTrue(MemoryFactsRecord.format(everything("mcuboot", "a\tb")).isEmpty(), "a tab inside a label");
        assertTrue(MemoryFactsRecord.format(everything("multi\nline", "")).isEmpty(), "a line end inside a label");
    }

    @Test
    void damagedTextIsNotTakenForFacts() {
        List<String> lines = MemoryFactsRecord.format(everything("mcuboot", "")).orElseThrow();
        assertTrue(MemoryFactsRecord.parse(lines.subList(2, lines.size())).isEmpty(), "flash and sram missing");
        assertTrue(MemoryFactsRecord.parse(List.of("flash\t/f\tnot-a-number\t1", "sram\t/s\t0\t1"))
                .isEmpty());
        assertTrue(MemoryFactsRecord.parse(List.of("flash\t/f\t0\t1", "sram\t/s\t0\t1", "mystery\tline"))
                .isEmpty());
    }
}
