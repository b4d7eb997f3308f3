package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A placement kept as lines and read back is the same placement: it writes the same
 * {@code partitions.yml}, {@code regions.yml}, {@code pm.config} and headers, knows the same
 * static partitions and replays the same warnings; lines that are not exactly such lines read
 * as absent.
 */
class PlacedDomainTest {

    private static final String MCUBOOT = String.join(
            "\n",
            "mcuboot:",
            "  size: 0xc000",
            "  placement: {before: [mcuboot_primary]}",
            "mcuboot_pad:",
            "  size: 0x200",
            "  placement: {before: [mcuboot_primary_app]}",
            "mcuboot_primary:",
            "  span: [mcuboot_pad, mcuboot_primary_app]",
            "mcuboot_primary_app:",
            "  span: [app]",
            "mcuboot_secondary:",
            "  share_size: [mcuboot_primary]",
            "  placement: {after: [mcuboot_primary]}",
            "  extra_params: {note: \"tab\\there, line\\nbreak, back\\\\slash, caf\\u00e9 \\U0001F600\"}",
            "empty_container:",
            "  span: []",
            "");

    private static final String STATIC = String.join(
            "\n", "settings_storage:", "  address: 0xf8000", "  size: 0x8000", "  region: flash_primary", "");

    static LongStream seeds() {
        return LongStream.range(1, 201);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomLayoutsReadBackFromTheirLinesWriteTheSameFiles(long seed) throws PartitionException {
        RandomRequests random = new RandomRequests(seed);
        assertSamePlacementAfterLines(PlacedDomain.place(random.config(), warning -> {}));
    }

    @Test
    void containersStaticPartitionsAwkwardTextAndWarningsSurvive() throws PartitionException {
        List<String> warned = new ArrayList<>();
        DomainConfig config = DomainConfig.root(
                Fixtures.requests("mcuboot/pm.yml", MCUBOOT),
                RequestSource.ofText("pm_static.yml", STATIC),
                List.of(Fixtures.sram(0x20000000L, 0x40000), Fixtures.flash(0x100000)));
        PlacedDomain placed = PlacedDomain.place(config, warned::add);

        assertEquals(warned, placed.warnings());
        assertTrue(warned.stream().anyMatch(w -> w.contains("empty_container")), warned.toString());
        assertTrue(
                placed.layout().partitionsYaml().contains("&id001"),
                placed.layout().partitionsYaml());
        assertTrue(placed.layout().isStatic("settings_storage"));
        PlacedDomain back = assertSamePlacementAfterLines(placed);
        assertTrue(back.layout().isStatic("settings_storage"));
        assertFalse(back.layout().isStatic("mcuboot"));
    }

    @Test
    void aDomainWithItsOwnFileNamesComesBackUnderItsName() throws PartitionException {
        DomainConfig config = new DomainConfig(
                "CPUNET",
                Fixtures.requests("net/pm.yml", "net_boot:\n  size: 0x8000\n  placement: {after: [start]}\n"),
                null,
                List.of(
                        Fixtures.sram(0x21000000L, 0x10000),
                        Fixtures.flash(0x40000).withDynamicPartition("hci_ipc")));
        PlacedDomain back = assertSamePlacementAfterLines(PlacedDomain.place(config, warning -> {}));
        assertEquals("CPUNET", back.layout().domain());
        assertEquals("partitions_CPUNET.yml", back.layout().fileNames().partitions());
        assertEquals(0x8000L, back.layout().find("hci_ipc").orElseThrow().address());
    }

    @Test
    void linesCutShortOrDamagedReadAsAbsent() throws PartitionException {
        DomainConfig config = DomainConfig.root(
                Fixtures.requests("mcuboot/pm.yml", MCUBOOT),
                RequestSource.ofText("pm_static.yml", STATIC),
                List.of(Fixtures.sram(0x20000000L, 0x40000), Fixtures.flash(0x100000)));
        List<String> lines = PlacedDomain.place(config, warning -> {}).lines();
        for (int cut = 0; cut < lines.size(); cut++) {
            assertEquals(Optional.empty(), PlacedDomain.fromLines(lines.subList(0, cut)), "cut at line " + cut);
        }
        List<String> extra = new ArrayList<>(lines);
        extra.add("warning\tlate");
        assertEquals(Optional.empty(), PlacedDomain.fromLines(extra));
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            List<String> damaged = new ArrayList<>(lines);
            int at = random.nextInt(damaged.size());
            StringBuilder line = new StringBuilder(damaged.get(at));
            int pos = random.nextInt(line.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> line.insert(pos, (char) (0x20 + random.nextInt(0x5f)));
                case 1 -> line.setLength(pos);
                default -> damaged.remove(at);
            }
            if (!damaged.isEmpty() && damaged.size() == lines.size()) {
                damaged.set(at, line.toString());
            }
            PlacedDomain.fromLines(damaged); // never throws: a damaged record is placed again
        }
    }

    /** Checks the placement read back from its lines equals {@code placed}; returns it. */
    private static PlacedDomain assertSamePlacementAfterLines(PlacedDomain placed) throws PartitionException {
        List<String> lines = placed.lines();
        for (String line : lines) {
            assertTrue(line.chars().allMatch(c -> c == '\t' || c >= 0x20 && c < 0x7f), line);
        }
        PlacedDomain back =
                PlacedDomain.fromLines(lines).orElseThrow(() -> new AssertionError(String.join("\n", lines)));
        Layout layout = placed.layout();
        Layout again = back.layout();
        assertEquals(layout.partitionsYaml(), again.partitionsYaml());
        assertEquals(layout.regionsYaml(), again.regionsYaml());
        assertEquals(layout.partitions(), again.partitions());
        assertEquals(layout.regions(), again.regions());
        assertEquals(layout.domain(), again.domain());
        for (String name : layout.partitions().keySet()) {
            assertEquals(layout.isStatic(name), again.isStatic(name), name);
        }
        assertEquals(placed.output(), back.output());
        assertEquals(layout.toOutputDomain(), back.output());
        assertEquals(
                ConfigGenerator.pmConfig(List.of(placed.output())), ConfigGenerator.pmConfig(List.of(back.output())));
        assertEquals(placed.warnings(), back.warnings());
        assertEquals(lines, back.lines());
        return back;
    }
}
