package io.multiimage.partition;

import static io.multiimage.partition.Fixtures.fails;
import static io.multiimage.partition.Fixtures.flash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every input the partition manager rejects, with the message the user gets. */
@Tag("tools")
class PlacementErrorTest {

    private static final List<Region> FLASH = List.of(flash(0x10000));

    private static void assertMessage(PartitionException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void overlappingStaticPartitionsAreRejectedNamingBoth() {
        PartitionException e = fails(
                FLASH,
                "a:\n  address: 0x0\n  size: 0x2000\nb:\n  address: 0x1000\n  size: 0x1000\n",
                "pm.yml",
                "c:\n  size: 0x100\n  placement: {after: [start]}\n");
        assertMessage(
                e,
                "pm_static.yml:1",
                "pm_static.yml:4",
                "static partitions 'a' [0x0, 0x2000) and 'b' [0x1000," + " 0x2000) overlap by 0x1000 bytes");
        assertEquals(List.of("a", "b"), e.partitions());
    }

    @Test
    void moreThanOneStaticGapIsRejectedWithTheGaps() {
        PartitionException e = fails(
                FLASH,
                "a:\n  address: 0x1000\n  size: 0x1000\nb:\n  address: 0x8000\n  size: 0x1000\n",
                "pm.yml",
                "c:\n  size: 0x100\n  placement: {after: [start]}\n");
        assertMessage(
                e, "must leave exactly one free interval", "found 3", "0x0-0x1000", "0x2000-0x8000", "0x9000-0x10000");
    }

    @Test
    void staticPartitionOutsideItsRegionIsRejected() {
        PartitionException e = fails(
                FLASH,
                "big:\n  address: 0xf000\n  size: 0x2000\n",
                "pm.yml",
                "c:\n  size: 0x100\n  placement: {after: [start]}\n");
        assertMessage(
                e,
                "pm_static.yml:1",
                "static partition 'big' [0xf000, 0x11000) lies outside region" + " 'flash_primary' [0x0, 0x10000)");
    }

    @Test
    void notEnoughSpaceSaysWhichPartitionsDoNotFitAndByHowMuch() {
        PartitionException e = fails(
                FLASH,
                null,
                "boot.yml",
                "boot:\n  size: 0x8000\n  placement: {after: [start]}\n",
                "storage.yml",
                "storage:\n  size: 0x6000\n  placement: {before: [end]}\nlogs:\n  size: 0x4000\n"
                        + "  placement: {before: [storage]}\n");
        assertMessage(
                e,
                "NOT ENOUGH SPACE in region 'flash_primary'",
                "need 0x12000 bytes",
                "has 0x10000; 0x2000 bytes missing",
                "Partitions that do not fit: storage (0x6000 bytes, 0x2000 of" + " them beyond the free area)",
                "storage.yml:1");
        assertEquals(List.of("storage"), e.partitions());
    }

    @Test
    void notEnoughSpaceInASimpleRegionIsRejected() {
        List<Region> regions =
                List.of(flash(0x10000), Region.of("otp", 0xff8108L, 756, PlacementStrategy.START_TO_END));
        PartitionException e = fails(
                regions,
                null,
                "otp.yml",
                "provision:\n  region: otp\n  size: 0x280\nkeys:\n  region: otp\n  size: 0x100\n");
        assertMessage(
                e,
                "NOT ENOUGH SPACE in region 'otp'",
                "0x8c bytes missing",
                "keys (0x100 bytes, 0x8c of them" + " beyond the region)",
                "otp.yml:4");
    }

    @Test
    void placementReferringOnlyToUnknownPartitionsIsRejected() {
        PartitionException e = fails(
                FLASH,
                null,
                "a.yml",
                "ok:\n  size: 0x100\n  placement: {after: [start]}\nlost:\n  size: 0x100\n"
                        + "  placement: {after: [no_such_partition]}\n");
        assertMessage(
                e,
                "a.yml:4",
                "partition 'lost' cannot be placed: its placement (after: [no_such_partition])"
                        + " refers only to partitions that do not exist",
                "unknown partition referenced");
    }

    @Test
    void partitionWithoutPlacementInAComplexRegionIsRejected() {
        PartitionException e = fails(FLASH, null, "a.yml", "floating:\n  size: 0x100\n");
        assertMessage(e, "a.yml:1", "partition 'floating' in complex region 'flash_primary' has no 'placement'");
    }

    @Test
    void insideNamingANonContainerIsRejected() {
        PartitionException e = fails(
                FLASH,
                null,
                "a.yml",
                "a:\n  size: 0x100\n  placement: {after: [start]}\nb:\n  size: 0x100\n  placement: {after: [a]}\n"
                        + "  inside: [a]\n");
        assertMessage(e, "a.yml:4", "'inside' names 'a', which is not a container");
    }

    @Test
    void cyclicPlacementIsRejectedNamingThePartitions() {
        PartitionException e = fails(
                FLASH,
                null,
                "a.yml",
                "x:\n  size: 0x100\n  placement: {before: [y]}\ny:\n  size: 0x100\n  placement: {before: [x]}\n");
        assertMessage(
                e,
                "cannot place these partitions",
                "cycle",
                "x: placement {'before': ['y']}",
                "y: placement {'before': ['x']}");
        assertEquals(List.of("x", "y"), e.partitions());
    }

    @Test
    void placingBeforeStartIsRejected() {
        PartitionException e = fails(FLASH, null, "a.yml", "x:\n  size: 0x100\n  placement: {before: [start]}\n");
        assertMessage(e, "partition 'x' is placed before 'start' or after 'end'");
    }

    @Test
    void conflictingDefinitionsFromTwoImagesNameBothFiles() {
        PartitionException e = fails(
                FLASH,
                null,
                "mcuboot/pm.yml",
                "shared:\n  size: 0x1000\n  placement: {after: [start]}\n",
                "app/pm.yml",
                "other:\n  size: 0x10\n  placement: {before: [end]}\nshared:\n  size: 0x2000\n"
                        + "  placement: {after: [start]}\n");
        assertMessage(
                e,
                "conflicting definitions of partition 'shared'",
                "mcuboot/pm.yml:1 defines",
                "app/pm.yml:4" + " defines");
        assertEquals(List.of("mcuboot/pm.yml:1", "app/pm.yml:4"), e.sources());
    }

    @Test
    void identicalDefinitionsFromTwoImagesAreAccepted() throws PartitionException {
        String req = "shared:\n  size: 0x1000\n  placement: {after: [start]}\n";
        Layout l = Fixtures.place(FLASH, null, "a.yml", req, "b.yml", req);
        assertEquals(0x1000, l.addressOf("app"));
    }

    @Test
    void alignNextConflictingWithTheNextAlignmentIsRejected() {
        PartitionException e = fails(
                FLASH,
                null,
                "a.yml",
                "a:\n  size: 0x100\n  placement: {after: [start], align_next: 0x300}\n"
                        + "b:\n  size: 0x100\n  placement: {after: [a], align: {start: 0x200}}\n");
        assertMessage(
                e,
                "requires the next partition to start on a multiple of 0x300, which conflicts with the"
                        + " alignment 0x200 of 'b'");
    }

    @Test
    void alignmentWithBothStartAndEndIsRejected() {
        PartitionException e = fails(
                FLASH,
                null,
                "a.yml",
                "a:\n  size: 0x100\n  placement: {after: [start], align: {start: 0x100, end: 0x100}}\n");
        assertMessage(e, "a.yml:1", "invalid alignment {'start': 256, 'end': 256}");
    }

    @Test
    void nonIntegerAlignmentIsRejected() {
        PartitionException e = fails(
                FLASH, null, "a.yml", "a:\n  size: 0x100\n  placement: {before: [end], align: {start: CONFIG_X}}\n");
        assertMessage(e, "alignment 'align.start' must be a positive integer, found ['CONFIG_X']");
    }

    @Test
    void misplacedAlignKeyIsRejected() {
        PartitionException e = fails(
                FLASH, null, "a.yml", "a:\n  size: 0x100\n  placement: {before: [end]}\n  align: {start: 0x1000}\n");
        assertMessage(e, "'align' is misplaced; it belongs inside 'placement'");
    }

    @Test
    void dynamicSharerAlignedInFrontOfTheDynamicPartitionIsRejected() {
        PartitionException e = fails(
                FLASH,
                null,
                "a.yml",
                "boot:\n  size: 0x104\n  placement: {after: [start]}\nslot:\n  span: [app]\n"
                        + "copy:\n  share_size: [slot]\n  placement: {before: [app], align: {start: 0x1000}}\n");
        assertMessage(
                e,
                "partition 'copy' shares its size with the dynamic partition 'app' and is placed in front"
                        + " of it with an alignment");
    }

    @Test
    void dynamicAlignmentThatIsNotWordSizedIsRejected() {
        PartitionException e = fails(
                FLASH,
                null,
                "a.yml",
                "boot:\n  size: 0x102\n  placement: {after: [start]}\nslot:\n  span: [app]\n"
                        + "copy:\n  share_size: [slot]\n  placement: {after: [app], align: {start: 0x1000}}\n");
        assertMessage(e, "would give 'app' a size that is not a multiple of 4");
    }

    @Test
    void endAlignedFirstPartitionOfAFreeAreaNotAtZeroIsRejectedLikeTheReference() {
        PartitionException e = fails(
                FLASH,
                "boot:\n  address: 0x0\n  size: 0x1000\n",
                "a.yml",
                "x:\n  size: 0x800\n  placement: {after: [start], align: {end: 0x1000}}\n");
        assertMessage(
                e,
                "a.yml:1",
                "partition 'x' would start at 0x800 instead of 0x1000: the alignments cannot be" + " met");
    }

    @Test
    void emptyPlacementIsRejected() {
        PartitionException e = fails(FLASH, null, "a.yml", "a:\n  size: 0x100\n  placement: {}\n");
        assertMessage(e, "a.yml:1", "partition 'a' has an empty 'placement'");
    }

    @Test
    void oneOfInsidePlacementIsRejected() {
        PartitionException e =
                fails(FLASH, null, "a.yml", "a:\n  size: 0x100\n  placement: {after: [{one_of: [x, start]}]}\n");
        assertMessage(e, "'one_of' cannot be used inside 'placement'");
    }

    @Test
    void oneOfWithoutAnyExistingPartitionIsRejected() {
        PartitionException e = fails(
                FLASH,
                null,
                "a.yml",
                "a:\n  size: 0x100\n  placement: {after: [start]}\nc:\n  span: {one_of: [x, y]}\n");
        assertMessage(e, "partition 'c': none of the partitions in one_of ['x', 'y'] exists in this region");
    }

    @Test
    void containerWhoseMembersAreNotAdjacentIsRejected() {
        PartitionException e = fails(
                FLASH,
                null,
                "a.yml",
                "a:\n  size: 0x100\n  placement: {after: [start]}\nb:\n  size: 0x100\n  placement: {after: [a]}\n"
                        + "c:\n  size: 0x100\n  placement: {after: [b]}\nbox:\n  span: [a, c]\n");
        assertMessage(e, "container 'box' spans [a, c], which are not placed next to each other");
    }

    @Test
    void staticEntriesOfASimpleRegionMustBePackedAtItsStart() {
        List<Region> regions =
                List.of(flash(0x10000), Region.of("external_flash", 0, 0x100000, PlacementStrategy.START_TO_END));
        PartitionException e = fails(
                regions,
                "blob:\n  address: 0x1000\n  size: 0x1000\n  region: external_flash\n",
                "a.yml",
                "log:\n  region: external_flash\n  size: 0x1000\n");
        assertMessage(
                e,
                "region 'external_flash': the static partitions must leave exactly one free interval,"
                        + " found 2: [0x0-0x1000, 0x2000-0x100000]");
        PartitionException atEnd = fails(
                regions,
                "blob:\n  address: 0xff000\n  size: 0x1000\n  region: external_flash\n",
                "a.yml",
                "log:\n  region: external_flash\n  size: 0x1000\n");
        assertMessage(
                atEnd,
                "region 'external_flash' (start_to_end): the static partitions must be packed at the"
                        + " start of the region; the free interval is 0x0-0xff000");
    }

    @Test
    void shareSizeLoopBetweenRegionsIsRejected() {
        List<Region> regions = List.of(flash(0x10000), Region.of("ext", 0, 0x10000, PlacementStrategy.START_TO_END));
        PartitionException e = fails(
                regions,
                null,
                "a.yml",
                "a:\n  share_size: [b]\n  placement: {after: [start]}\nb:\n  region: ext\n  share_size: [a]\n");
        assertMessage(e, "share_size loop between regions");
    }

    @Test
    void requestNamedLikeASimpleRegionIsRejected() {
        List<Region> regions = List.of(flash(0x10000), Region.of("otp", 0, 0x100, PlacementStrategy.START_TO_END));
        PartitionException e = fails(regions, null, "a.yml", "otp:\n  region: otp\n  size: 0x10\n");
        assertMessage(e, "partition 'otp' has the name of a region");
    }

    @Test
    void shareSizeWithAnUnknownPartitionInASimpleRegionIsRejected() {
        List<Region> regions = List.of(flash(0x10000), Region.of("ext", 0, 0x10000, PlacementStrategy.START_TO_END));
        PartitionException e = fails(regions, null, "a.yml", "copy:\n  region: ext\n  share_size: [ghost]\n");
        assertMessage(e, "a.yml:1", "'share_size' refers to 'ghost', which is not a partition request");
    }

    @Test
    void shareSizeDirectlyWithTheDynamicPartitionIsRejected() {
        PartitionException e =
                fails(FLASH, null, "a.yml", "copy:\n  share_size: [app]\n  placement: {before: [end]}\n");
        assertMessage(
                e,
                "a.yml:1",
                "'share_size' refers to 'app', which is not a partition request of this domain"
                        + " (share_size with the dynamic partition itself is not supported: share with a container spanning"
                        + " it)");
    }

    @Test
    void containerOfZeroBytesIsRejected() {
        List<Region> regions = List.of(Fixtures.sram(0x20000000L, 0x1000), flash(0x10000));
        PartitionException e =
                fails(regions, null, "a.yml", "big_sram:\n  size: 0x1000\n  placement: {after: [start]}\n");
        assertMessage(e, "container 'app' covers no space");
    }

    @Test
    void invalidYamlIsReportedWithFileAndLine() {
        PartitionException e = fails(FLASH, null, "broken.yml", "a:\n  size: 0x100\n  placement: {after: [start]\n");
        assertTrue(e.getMessage().startsWith("broken.yml:"), e.getMessage());
        assertMessage(e, "not valid YAML");
    }

    @Test
    void partitionThatIsNotAMappingIsRejected() {
        PartitionException e = fails(FLASH, null, "a.yml", "a: 0x100\n");
        assertMessage(e, "a.yml:1", "partition 'a' must be a mapping of properties, found 256");
    }

    @Test
    void unknownPartitionLookupNamesThePartition() throws PartitionException {
        Layout l = Fixtures.place(FLASH, null);
        PartitionException e = assertThrows(PartitionException.class, () -> l.addressOf("nope"));
        assertMessage(e, "unknown partition 'nope'");
        assertEquals(List.of("nope"), e.partitions());
    }

    @Test
    void regionNamesContainingEachOtherAreRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> DomainConfig.root(
                        List.of(),
                        null,
                        List.of(flash(0x1000), Region.of("flash", 0x1000, 0x1000, PlacementStrategy.START_TO_END))));
        assertTrue(e.getMessage().contains("region name 'flash' is part of region name 'flash_primary'"));
    }

    @Test
    void containersNestedDeeperThanTheLimitAreRefused() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            yaml.append("c").append(i).append(":\n  span: [c").append(i + 1).append("]\n");
        }
        yaml.append("c20000:\n  size: 0x100\n  placement: {after: [start]}\n");
        PartitionException e = fails(FLASH, null, "spans.yml", yaml.toString());
        assertEquals(
                "spans.yml:1: nesting deeper than 1000 levels: container 'c0' spans a container that spans a"
                        + " container ... 1000 times",
                e.getMessage());
    }

    @Test
    void headersOfALongContainerChainAreWrittenWithoutRecursion() throws PartitionException {
        // partitions.yml is input to 'output'; a chain of containers must not exhaust the stack
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            yaml.append("c")
                    .append(i)
                    .append(":\n  address: 0x0\n  end_address: 0x100\n  region: flash_primary\n"
                            + "  size: 0x100\n  span: [c")
                    .append(i + 1)
                    .append("]\n");
        }
        yaml.append("c20000:\n  address: 0x0\n  end_address: 0x100\n  region: flash_primary\n  size: 0x100\n");
        OutputDomain domain = OutputDomain.parse(
                "",
                "partitions.yml",
                yaml.toString(),
                "regions.yml",
                "flash_primary:\n  base_address: 0x0\n  device: ''\n  name: flash_primary\n  size: 0x1000\n");
        assertTrue(ConfigGenerator.pmConfig(List.of(domain)).contains("PM_ALL_BY_SIZE=\"c20000 c19999 "));
    }
}
