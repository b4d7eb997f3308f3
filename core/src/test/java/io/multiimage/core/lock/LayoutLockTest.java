package io.multiimage.core.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.sign.FlashGeometry;
import io.multiimage.partition.OutputDomain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutLockTest {

    private static final String KEY = "ab".repeat(32);
    private static final Map<String, FlashGeometry> GEOMETRY = Map.of("", new FlashGeometry(4, OptionalLong.of(0x400)));

    /** The secure-boot sample's layout, with mcuboot of {@code mcubootSize} and the app slot after it. */
    private static OutputDomain layout(long mcubootSize) throws Exception {
        long s0 = 0x8000;
        long primary = s0 + 0x200 + mcubootSize;
        long slot = (0x40000 - primary) / 2;
        String yaml = "b0: {address: 0x0, size: 0x8000, end_address: 0x8000}\n"
                + "s0_pad: {address: 0x8000, size: 0x200}\n"
                + "mcuboot: {address: 0x8200, size: " + mcubootSize + "}\n"
                + "s0: {address: 0x8000, size: " + (0x200 + mcubootSize) + ", span: [s0_pad, mcuboot]}\n"
                + "mcuboot_pad: {address: " + primary + ", size: 0x200}\n"
                + "app: {address: " + (primary + 0x200) + ", size: " + (slot - 0x200) + "}\n"
                + "mcuboot_primary_app: {address: " + (primary + 0x200) + ", size: " + (slot - 0x200)
                + ", span: [app]}\n"
                + "mcuboot_primary: {address: " + primary + ", size: " + slot + ", span: [app, mcuboot_pad]}\n"
                + "mcuboot_secondary: {address: " + (primary + slot) + ", size: " + slot + "}\n";
        return OutputDomain.parse("", "partitions.yml", yaml, "regions.yml", "");
    }

    @Test
    void theImagesBeforeTheApplicationSlotThePadsAndTheSlotsAreLocked() throws Exception {
        LayoutLock lock = LayoutLock.of(List.of(layout(0xbe00)), GEOMETRY, Optional.of(KEY));

        List<String> locked = lock.domains().get(0).partitions().stream()
                .map(p -> p.kind() + " " + p.name())
                .toList();
        assertEquals(
                List.of(
                        "immutable b0",
                        "slot s0",
                        "immutable s0_pad",
                        "immutable mcuboot",
                        "immutable mcuboot_pad",
                        "slot mcuboot_primary",
                        "slot mcuboot_secondary"),
                locked);
    }

    @Test
    void theFileReadsBackAsTheSameLock(@TempDir Path dir) throws Exception {
        LayoutLock lock = LayoutLock.of(List.of(layout(0xbe00)), GEOMETRY, Optional.of(KEY));
        Path file = dir.resolve("layout.lock");
        Files.writeString(file, LayoutLockFile.text(lock));

        assertEquals(lock, LayoutLockFile.read(file));
        String text = Files.readString(file);
        assertTrue(
                text.contains("\nkey sha256 " + KEY + "\ndomain -\nflash write-block 0x4 erase-block 0x400\n"
                        + "immutable b0 0x00000000 0x8000\nslot s0 0x00008000 0xc000\n"),
                text);
        assertEquals(text, LayoutLockFile.text(LayoutLockFile.read(file)), "the text is deterministic");
    }

    @Test
    void anEnlargedSecondStageIsAChangeOfTheImmutablePartitionsAndTheSlots() throws Exception {
        LayoutLock locked = LayoutLock.of(List.of(layout(0xbe00)), GEOMETRY, Optional.of(KEY));
        LayoutLock now = LayoutLock.of(List.of(layout(0xfe00)), GEOMETRY, Optional.of(KEY));

        List<LayoutLock.Change> changes = locked.changesTo(now);

        assertEquals(
                List.of("s0", "mcuboot", "mcuboot_pad", "mcuboot_primary", "mcuboot_secondary"),
                changes.stream().map(LayoutLock.Change::item).toList());
        String table = LayoutLock.table(changes);
        assertTrue(
                table.contains("  -       mcuboot            0x00008200-0x00014000 (0xbe00 bytes)   "
                        + "0x00008200-0x00018000 (0xfe00 bytes)"),
                table);
    }

    @Test
    void anotherSigningKeyIsAChange() throws Exception {
        LayoutLock locked = LayoutLock.of(List.of(layout(0xbe00)), GEOMETRY, Optional.of(KEY));
        LayoutLock now = LayoutLock.of(List.of(layout(0xbe00)), GEOMETRY, Optional.of("cd".repeat(32)));

        List<LayoutLock.Change> changes = locked.changesTo(now);

        assertEquals(1, changes.size());
        assertEquals(
                new LayoutLock.Change("-", "signing key", "sha256 " + KEY, "sha256 " + "cd".repeat(32)),
                changes.get(0));
        assertEquals(List.of(), locked.changesTo(LayoutLock.of(List.of(layout(0xbe00)), GEOMETRY, Optional.of(KEY))));
    }

    @Test
    void aDamagedLockNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("layout.lock");
        Files.writeString(file, "format 1\nkey none\ndomain -\nimmutable b0 0x0\n");

        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> LayoutLockFile.read(file));

        assertEquals(
                file + ":4: expected 'immutable <partition> <address> <size>' after a domain line, found"
                        + " 'immutable b0 0x0'",
                e.getMessage());
    }
}
