package io.multiimage.partition;

import static io.multiimage.partition.Fixtures.fails;
import static io.multiimage.partition.Fixtures.flash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys and sizes of request and static entries are checked on loading, with file and line. */
class EntryCheckerTest {

    private static final List<Region> FLASH = List.of(flash(0x10000));
    private static final List<Region> FLASH_AND_EXTERNAL = List.of(
            flash(0x10000),
            Region.of("external_flash", 0, 0x2000, PlacementStrategy.START_TO_END)
                    .withDevice("spi_nor", "CONFIG_SPI"));

    @Test
    void misspeltKeyIsRefusedWithFileLineAndSuggestion() {
        PartitionException e =
                fails(FLASH, null, "mcuboot/pm.yml", "mcuboot:\n  placement: {before: [end]}\n  sizee: 0x1000\n");
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "mcuboot/pm.yml:3: partition 'mcuboot': unknown key 'sizee'; did you mean"
                                        + " 'size'? Keys allowed here: size, placement, span, inside, share_size, region, affiliation,"
                                        + " extra_params; as in a copied partitions.yml: address, end_address, orig_span, sharers, device;"),
                e.getMessage());
        assertEquals(List.of("mcuboot"), e.partitions());
        assertEquals(List.of("mcuboot/pm.yml:3"), e.sources());
    }

    @Test
    void unknownKeyFarFromEveryAllowedOneGetsNoSuggestion() {
        PartitionException e =
                fails(FLASH, null, "pm.yml", "a:\n  size: 0x100\n  placement: {after: [start]}\n" + "  colour: blue\n");
        assertTrue(
                e.getMessage().startsWith("pm.yml:4: partition 'a': unknown key 'colour'. Keys allowed here:"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Put data of your own under 'extra_params'."), e.getMessage());
    }

    @Test
    void unknownPlacementAndAlignKeysAreRefusedWhereTheyAre() {
        PartitionException placement =
                fails(FLASH, null, "pm.yml", "a:\n  size: 0x100\n  placement:\n    befor: [end]\n");
        assertEquals(
                "pm.yml:4: partition 'a': unknown key 'befor' in 'placement'; did you mean 'before'? Keys allowed"
                        + " in 'placement': before, after, align, align_next.",
                placement.getMessage());
        PartitionException align = fails(
                FLASH,
                null,
                "pm.yml",
                "a:\n  size: 0x100\n  placement:\n    before: [end]\n    align: {strat: 0x1000}\n");
        assertEquals(
                "pm.yml:5: partition 'a': unknown key 'strat' in 'placement.align'; did you mean 'start'?"
                        + " 'align' takes exactly one of: start, end.",
                align.getMessage());
    }

    @Test
    void misplacedAlignIsRefusedWithItsLineAlsoInSimpleRegions() {
        PartitionException e = fails(
                FLASH_AND_EXTERNAL,
                null,
                "pm.yml",
                "log:\n  region: external_flash\n  size: 0x100\n  align: {start: 0x100}\n");
        assertEquals("pm.yml:4: partition 'log': 'align' is misplaced; it belongs inside 'placement'", e.getMessage());
    }

    @Test
    void staticEntriesAreCheckedToo() {
        PartitionException e = fails(FLASH, "boot:\n  address: 0x0\n  size: 0x1000\n  adress: 0x0\n", "pm.yml", "");
        assertEquals(List.of("pm_static.yml:4"), e.sources());
        assertTrue(
                e.detail().startsWith("static partition 'boot': unknown key 'adress'; did you mean 'address'?"),
                e.getMessage());
    }

    @Test
    void entryGivenAsAMapIsNamedByItsLabel() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("size", 0x100L);
        props.put("regoin", "flash_primary");
        PartitionException e = assertThrows(
                PartitionException.class,
                () -> new PartitionManager()
                        .place(DomainConfig.root(
                                List.of(RequestSource.ofMap("app/pm.yml", Map.of("a", props))), null, FLASH)));
        assertTrue(
                e.getMessage().startsWith("app/pm.yml: partition 'a': unknown key 'regoin'; did you mean 'region'?"),
                e.getMessage());
    }

    @Test
    void negativeSizeIsRefusedWithFileLineAndValue() {
        PartitionException e = fails(FLASH, null, "pm.yml", "boot:\n  size: -0x1000\n  placement: {after: [start]}\n");
        assertEquals(
                "pm.yml:2: partition 'boot': size -0x1000 is negative; a size is a number of bytes (0 leaves the"
                        + " partition out)",
                e.getMessage());
        PartitionException st = fails(FLASH, "boot:\n  address: 0x0\n  size: -0x10\n", "pm.yml", "");
        assertEquals(
                "pm_static.yml:3: static partition 'boot': size -0x10 is negative; a size is a number of bytes",
                st.getMessage());
    }

    @Test
    void zeroSizeIsRefusedInStaticEntriesButNotInGeneratedRecordsOrRequests() throws PartitionException {
        PartitionException e = fails(FLASH, "boot:\n  address: 0x0\n  size: 0x0\n", "pm.yml", "");
        assertEquals(
                "pm_static.yml:3: static partition 'boot': size 0x0; a static partition must give its size in"
                        + " bytes (remove the entry to leave the partition out)",
                e.getMessage());
        // a packed simple region's free-space record of size 0, copied from partitions.yml
        Layout full = Fixtures.place(
                FLASH_AND_EXTERNAL,
                "external_flash:\n  address: 0x2000\n  end_address: 0x2000\n"
                        + "  region: external_flash\n  size: 0x0\nlog:\n  address: 0x0\n  region: external_flash\n  size: 0x2000\n",
                "pm.yml",
                "");
        assertEquals(0x2000, full.sizeOf("log"));
        // in a request, size 0 means "leave the partition out" (NCS sets sizes from Kconfig values)
        Layout dropped = Fixtures.place(FLASH, null, "pm.yml", "opt:\n  size: 0\n  placement: {before: [end]}\n");
        assertFalse(dropped.find("opt").isPresent());
    }

    @Test
    void everyKeyOfACopiedPartitionsFileIsAccepted() throws PartitionException {
        String copied = "EMPTY_0:\n  address: 0xf000\n  end_address: 0x10000\n  placement:\n    after:\n    - slot\n"
                + "  region: flash_primary\n  size: 0x1000\n"
                + "app:\n  address: 0x1000\n  end_address: 0xf000\n  region: flash_primary\n  size: 0xe000\n"
                + "boot:\n  address: 0x0\n  end_address: 0x1000\n  placement:\n    align:\n      start: 0x1000\n"
                + "    before:\n    - app\n  region: flash_primary\n  size: 0x1000\n  affiliation:\n  - disk\n"
                + "  extra_params:\n    anything: {goes: here}\n  description: first stage\n  notes: kept\n"
                + "  image: b0\n  erase_on_update: true\n"
                + "slot:\n  address: 0x1000\n  end_address: 0xf000\n  orig_span: &id001\n  - app\n  region: flash_primary\n"
                + "  sharers: 0x1\n  size: 0xe000\n  span: *id001\n  device: flash_controller\n";
        Layout layout = Fixtures.place(
                FLASH,
                copied,
                "pm.yml",
                "copy:\n  share_size: [slot]\n  inside: [nothing]\n" + "  placement: {align_next: 0x100}\n");
        assertEquals(0x1000, layout.addressOf("app"));
    }

    @Test
    void suggestionsNeedAtMostTwoEdits() {
        assertEquals("; did you mean 'size'?", EntryChecker.suggestion("sise", EntryChecker.REQUEST_KEYS));
        assertEquals("; did you mean 'placement'?", EntryChecker.suggestion("Placment", EntryChecker.REQUEST_KEYS));
        assertEquals("; did you mean 'share_size'?", EntryChecker.suggestion("shrae_size", EntryChecker.REQUEST_KEYS));
        assertEquals(".", EntryChecker.suggestion("x", EntryChecker.ALIGN_KEYS));
        assertEquals(".", EntryChecker.suggestion("z".repeat(100_000), EntryChecker.REQUEST_KEYS));
    }
}
