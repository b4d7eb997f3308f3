package io.multiimage.core.verify;

import io.multiimage.core.sign.SigningSlot;
import io.multiimage.core.sign.SlotPartition;
import io.multiimage.hex.MemoryImage;
import io.multiimage.hex.Segment;
import io.multiimage.signing.keys.VerificationKey;
import io.multiimage.signing.verify.ImageLocation;
import io.multiimage.signing.verify.McubootVerifier;
import io.multiimage.signing.verify.VerificationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a merged file against the layout it is meant for, image by image:
 * <ul>
 *   <li>the vector table, the first data in the image's partition: the initial stack pointer in the
 *       image's RAM (its top included) and word-aligned, the reset vector a Thumb address inside
 *       the image's own partition;</li>
 *   <li>for an image in an MCUboot-format slot, the MCUboot header, protected TLVs, TLVs, hash and
 *       (with a key) the key and signature, read from the slot's start ({@link McubootVerifier});</li>
 *   <li>for a bootloader, every partition it was built to boot into lies at the address the layout
 *       gives it now.</li>
 * </ul>
 * Every error names the image, the partition and the address. All checks run; the report lists
 * every failure.
 */
public final class MergedImageVerifier {

    private MergedImageVerifier() {}

    /**
     * Verifies {@code merged}.
     *
     * @param layout the domain's partitions now (name → partition)
     * @param key the public key signatures are checked against; empty checks structure and hash only
     */
    public static VerificationReport verify(
            String fileLabel,
            MemoryImage merged,
            List<ExpectedImage> images,
            Map<String, SlotPartition> layout,
            Optional<VerificationKey> key) {
        List<String> checked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ExpectedImage image : images) {
            vectorTable(merged, image, checked, failures);
            image.slot().ifPresent(slot -> mcuboot(merged, image, slot, key, checked, failures));
            for (BootTarget target : image.bootsInto()) {
                SlotPartition now = layout.get(target.partition());
                if (now == null) {
                    failures.add(String.format(
                            Locale.ROOT,
                            "image '%s' in partition %s boots into %s at 0x%08x (%s),"
                                    + " but the layout has no partition %s",
                            image.name(),
                            image.partition().name(),
                            target.partition(),
                            target.address(),
                            image.origin(),
                            target.partition()));
                } else if (now.address() != target.address()) {
                    failures.add(String.format(
                            Locale.ROOT,
                            "image '%s' in partition %s boots into %s at 0x%08x (%s),"
                                    + " but the layout puts %s at 0x%08x: the bootloader would jump to the wrong address",
                            image.name(),
                            image.partition().name(),
                            target.partition(),
                            target.address(),
                            image.origin(),
                            target.partition(),
                            now.address()));
                } else {
                    checked.add(String.format(
                            Locale.ROOT,
                            "%s boots into %s at 0x%08x",
                            image.name(),
                            target.partition(),
                            target.address()));
                }
            }
        }
        return new VerificationReport(fileLabel, checked, failures);
    }

    private static void vectorTable(
            MemoryImage merged, ExpectedImage image, List<String> checked, List<String> failures) {
        SlotPartition partition = image.partition();
        // The vector table is the image's first word pair: the first data in its partition.
        Optional<Segment> data =
                merged.slice(partition.address(), partition.end()).span();
        if (data.isEmpty() || data.get().length() < 8) {
            failures.add(String.format(
                    Locale.ROOT,
                    "image '%s' in partition %s: no vector table (%s)",
                    image.name(),
                    partition.describe(),
                    data.isEmpty()
                            ? "no data in the partition"
                            : "only " + data.get().length() + " bytes in the partition"));
            return;
        }
        long at = data.get().start();
        if (!merged.contains(at + 7)) {
            failures.add(String.format(
                    Locale.ROOT,
                    "image '%s' in partition %s: no vector table at 0x%08x (fewer than" + " 8 bytes there)",
                    image.name(),
                    partition.describe(),
                    at));
            return;
        }
        long sp = word(merged, at);
        long reset = word(merged, at + 4);
        long ramStart = image.ram().origin();
        long ramEnd = image.ram().end();
        boolean ok = true;
        if (sp <= ramStart || sp > ramEnd || (sp & 3) != 0) {
            failures.add(String.format(
                    Locale.ROOT,
                    "image '%s' in partition %s: the initial stack pointer 0x%08x at"
                            + " 0x%08x is not a word-aligned address in RAM 0x%08x-0x%08x",
                    image.name(),
                    partition.describe(),
                    sp,
                    at,
                    ramStart,
                    ramEnd));
            ok = false;
        }
        long target = reset & ~1L;
        if ((reset & 1) == 0 || !partition.contains(target)) {
            failures.add(String.format(
                    Locale.ROOT,
                    "image '%s' in partition %s: the reset vector 0x%08x at 0x%08x"
                            + " does not point to Thumb code inside the partition",
                    image.name(),
                    partition.describe(),
                    reset,
                    at + 4));
            ok = false;
        }
        if (ok) {
            checked.add(String.format(
                    Locale.ROOT, "%s: vector table at 0x%08x (SP 0x%08x, reset 0x%08x)", image.name(), at, sp, reset));
        }
    }

    private static void mcuboot(
            MemoryImage merged,
            ExpectedImage image,
            SigningSlot slot,
            Optional<VerificationKey> key,
            List<String> checked,
            List<String> failures) {
        SlotPartition s = slot.slot();
        byte[] bytes = merged.read(s.address(), (int) s.size(), (byte) 0xff);
        VerificationResult result =
                McubootVerifier.verify(bytes, key.orElse(null), new ImageLocation(image.name(), s.name(), s.address()));
        if (!result.valid()) {
            failures.add(result.failureMessage());
            return;
        }
        int headerSize = result.header().orElseThrow().headerSize();
        if (s.address() + headerSize != image.partition().address()) {
            failures.add(String.format(
                    Locale.ROOT,
                    "image '%s' in partition %s at 0x%08x: its MCUboot header is 0x%x"
                            + " bytes, so the image would start at 0x%08x, but the layout puts it at 0x%08x (the %s pad is"
                            + " 0x%x bytes)",
                    image.name(),
                    s.name(),
                    s.address(),
                    headerSize,
                    s.address() + headerSize,
                    image.partition().address(),
                    slot.header().name(),
                    slot.header().size()));
            return;
        }
        checked.add(String.format(
                Locale.ROOT,
                "%s: MCUboot image in %s at 0x%08x, version %s, %s",
                image.name(),
                s.name(),
                s.address(),
                result.version().map(Object::toString).orElse("?"),
                key.map(k -> "signed with " + k).orElse("hash only (no public key)")));
    }

    private static long word(MemoryImage image, long at) {
        return (image.get(at) & 0xffL)
                | (image.get(at + 1) & 0xffL) << 8
                | (image.get(at + 2) & 0xffL) << 16
                | (image.get(at + 3) & 0xffL) << 24;
    }
}
