package io.multiimage.core.lock;

import io.multiimage.core.sign.FlashGeometry;
import io.multiimage.core.sign.SigningSlots;
import io.multiimage.core.sign.SlotPartition;
import io.multiimage.partition.OutputDomain;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a team commits so that a released boot chain stays bootable: per domain the immutable
 * partitions (every partition that ends before the application slot starts — b0, provision,
 * s0_pad, mcuboot, the MCUboot pad — where the application slot is {@code mcuboot_primary}, else
 * the {@code app} partition), the MCUboot-format slots ({@code s0}, {@code s1},
 * {@code mcuboot_primary}, {@code mcuboot_secondary}, …: a container spanning a {@code *_pad} and an
 * image, and its secondary), the flash geometry, and the signing key's fingerprint.
 *
 * @param domains one lock per domain, the top image's first
 * @param keyHash the SHA-256 of the signing (public) key; empty when the images carry their hash only
 */
public record LayoutLock(List<DomainLock> domains, Optional<String> keyHash) {

    /** Copies the list. */
    public LayoutLock {
        domains = List.copyOf(domains);
        Objects.requireNonNull(keyHash, "keyHash");
    }

    /**
     * The lock of a layout.
     *
     * @param geometry per domain name of {@code domains} ({@code ""} for the top's), its flash geometry
     */
    public static LayoutLock of(
            List<OutputDomain> domains, Map<String, FlashGeometry> geometry, Optional<String> keyHash) {
        List<DomainLock> locks = new ArrayList<>();
        for (OutputDomain domain : domains) {
            FlashGeometry flash = geometry.getOrDefault(
                    domain.name(),
                    new FlashGeometry(FlashGeometry.DEFAULT_WRITE_BLOCK, java.util.OptionalLong.empty()));
            locks.add(new DomainLock(
                    domain.name().isEmpty() ? "-" : domain.name(),
                    locked(domain),
                    flash.eraseBlock(),
                    flash.writeBlock()));
        }
        return new LayoutLock(locks, keyHash);
    }

    private static List<LockedPartition> locked(OutputDomain domain) {
        Map<String, Map<String, Object>> partitions = domain.partitions();
        Map<String, LockedPartition> out = new LinkedHashMap<>();
        // The slots: every container a signed image sits in, and its secondary.
        for (SlotPartition leaf : SigningSlots.leaves(domain)) {
            SigningSlots.find(leaf.name(), leaf.name(), domain).ifPresent(slot -> {
                out.put(slot.slot().name(), slot(slot.slot()));
                slot.secondary().ifPresent(s -> out.put(s.name(), slot(s)));
            });
        }
        Optional<SlotPartition> application = SigningSlots.partition(partitions, SigningSlots.MCUBOOT_PRIMARY)
                .or(() -> SigningSlots.partition(partitions, "app"));
        if (application.isPresent()) {
            for (SlotPartition leaf : SigningSlots.leaves(domain)) {
                if (leaf.end() <= application.get().address() && !out.containsKey(leaf.name())) {
                    out.put(
                            leaf.name(),
                            new LockedPartition(leaf.name(), leaf.address(), leaf.size(), LockedPartition.IMMUTABLE));
                }
            }
            // The application slot's header pad is where every update's header goes: it cannot move either.
            for (SlotPartition leaf : SigningSlots.leaves(domain)) {
                if (leaf.name().endsWith("_pad") && !out.containsKey(leaf.name())) {
                    out.put(
                            leaf.name(),
                            new LockedPartition(leaf.name(), leaf.address(), leaf.size(), LockedPartition.IMMUTABLE));
                }
            }
        }
        List<LockedPartition> sorted = new ArrayList<>(out.values());
        sorted.sort(Comparator.comparingLong(LockedPartition::address).thenComparing(LockedPartition::name));
        return sorted;
    }

    private static LockedPartition slot(SlotPartition partition) {
        return new LockedPartition(partition.name(), partition.address(), partition.size(), LockedPartition.SLOT);
    }

    /** One difference between a lock and a layout. */
    public record Change(String domain, String item, String before, String after) {}

    /** What {@code now} changes against this lock, domain by domain, then the key. */
    public List<Change> changesTo(LayoutLock now) {
        List<Change> changes = new ArrayList<>();
        for (DomainLock locked : domains) {
            DomainLock current = now.domains.stream()
                    .filter(d -> d.domain().equals(locked.domain()))
                    .findFirst()
                    .orElse(new DomainLock(locked.domain(), List.of(), java.util.OptionalLong.empty(), 0));
            Map<String, LockedPartition> currentByName = new LinkedHashMap<>();
            current.partitions().forEach(p -> currentByName.put(p.name(), p));
            for (LockedPartition before : locked.partitions()) {
                LockedPartition after = currentByName.get(before.name());
                if (after == null) {
                    changes.add(new Change(locked.domain(), before.name(), describe(before), "(gone)"));
                } else if (after.address() != before.address() || after.size() != before.size()) {
                    changes.add(new Change(locked.domain(), before.name(), describe(before), describe(after)));
                }
            }
            Map<String, LockedPartition> lockedByName = new LinkedHashMap<>();
            locked.partitions().forEach(p -> lockedByName.put(p.name(), p));
            for (LockedPartition after : current.partitions()) {
                if (!lockedByName.containsKey(after.name())) {
                    changes.add(new Change(locked.domain(), after.name(), "(none)", describe(after)));
                }
            }
            if (locked.eraseBlock().isPresent()
                    && current.eraseBlock().isPresent()
                    && locked.eraseBlock().getAsLong() != current.eraseBlock().getAsLong()) {
                changes.add(new Change(
                        locked.domain(),
                        "sector size",
                        hex(locked.eraseBlock().getAsLong()),
                        hex(current.eraseBlock().getAsLong())));
            }
        }
        for (DomainLock current : now.domains) {
            if (domains.stream().noneMatch(d -> d.domain().equals(current.domain()))
                    && !current.partitions().isEmpty()) {
                changes.add(new Change(
                        current.domain(),
                        "domain",
                        "(not locked)",
                        current.partitions().size() + " locked partitions"));
            }
        }
        if (!keyHash.equals(now.keyHash)) {
            changes.add(new Change(
                    "-",
                    "signing key",
                    keyHash.map(k -> "sha256 " + k).orElse("(none: hash only)"),
                    now.keyHash.map(k -> "sha256 " + k).orElse("(none: hash only)")));
        }
        return changes;
    }

    /** The changes as a table: domain, what, before, after. */
    public static String table(List<Change> changes) {
        int item = "what".length();
        int before = "locked (layout.lock)".length();
        for (Change change : changes) {
            item = Math.max(item, change.item().length());
            before = Math.max(before, change.before().length());
        }
        String format = "  %-7s %-" + item + "s  %-" + before + "s  %s%n";
        StringBuilder table = new StringBuilder(
                String.format(Locale.ROOT, format, "domain", "what", "locked (layout.lock)", "this build"));
        for (Change change : changes) {
            table.append(String.format(
                    Locale.ROOT, format, change.domain(), change.item(), change.before(), change.after()));
        }
        return table.toString();
    }

    private static String describe(LockedPartition partition) {
        return String.format(
                Locale.ROOT,
                "0x%08x-0x%08x (0x%x bytes)",
                partition.address(),
                partition.address() + partition.size(),
                partition.size());
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
