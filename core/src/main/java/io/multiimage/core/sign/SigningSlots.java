package io.multiimage.core.sign;

import io.multiimage.partition.OutputDomain;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds, in a domain's layout, the slot an image is signed for. The rule is the layout's, as in
 * the nRF Connect SDK: an image is in an MCUboot-format slot when a container partition spans
 * exactly a {@code *_pad} partition and the image's partition, the pad starting the container and
 * the image starting right where the pad ends. NCS's MCUboot {@code pm.yml} makes
 * {@code mcuboot_primary} = {@code mcuboot_pad} + {@code app}; its b0 {@code pm.yml} makes
 * {@code s0} = {@code s0_pad} + the second stage. The header size is the pad's size and the slot
 * size the container's: neither is typed anywhere else.
 *
 * <p>The secondary slot is {@code mcuboot_secondary} for {@code mcuboot_primary} and {@code s1} for
 * {@code s0} (the name with {@code primary} replaced by {@code secondary} for other slots), when the
 * layout has it.
 */
public final class SigningSlots {

    /** MCUboot's application slot. */
    public static final String MCUBOOT_PRIMARY = "mcuboot_primary";

    private SigningSlots() {}

    /**
     * The slot of {@code image}, whose own partition is {@code partition}, in {@code layout}.
     *
     * @param layout the domain's partitions (its {@code partitions.yml})
     */
    public static Optional<SigningSlot> find(String image, String partition, OutputDomain layout) {
        Map<String, Map<String, Object>> partitions = layout.partitions();
        Optional<SlotPartition> own = partition(partitions, partition);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, Map<String, Object>> entry : partitions.entrySet()) {
            List<String> span = span(entry.getValue());
            if (span.size() != 2 || !span.contains(partition)) {
                continue;
            }
            String padName = span.get(0).equals(partition) ? span.get(1) : span.get(0);
            Optional<SlotPartition> pad = partition(partitions, padName);
            Optional<SlotPartition> slot = partition(partitions, entry.getKey());
            if (!padName.endsWith("_pad") || pad.isEmpty() || slot.isEmpty()) {
                continue;
            }
            if (pad.get().address() != slot.get().address()
                    || own.get().address() != pad.get().end()) {
                continue;
            }
            String slotName = entry.getKey();
            Optional<SlotPartition> secondary = partition(partitions, secondaryOf(slotName));
            String prefix =
                    slotName.equals(MCUBOOT_PRIMARY) ? (layout.name().isEmpty() ? "app" : "net_core_app") : image;
            return Optional.of(
                    new SigningSlot(image, layout.name(), prefix, slot.get(), pad.get(), own.get(), secondary));
        }
        return Optional.empty();
    }

    /** Every partition of {@code layout} that is not a container, by address. */
    public static List<SlotPartition> leaves(OutputDomain layout) {
        List<SlotPartition> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> entry : layout.partitions().entrySet()) {
            if (entry.getValue().get("span") == null) {
                partition(layout.partitions(), entry.getKey()).ifPresent(out::add);
            }
        }
        out.sort(java.util.Comparator.comparingLong(SlotPartition::address).thenComparing(SlotPartition::name));
        return out;
    }

    /** The partition {@code name} of {@code partitions}, if it has an address and a size. */
    public static Optional<SlotPartition> partition(Map<String, Map<String, Object>> partitions, String name) {
        Map<String, Object> props = partitions.get(name);
        if (props == null
                || !(props.get("address") instanceof Number address)
                || !(props.get("size") instanceof Number size)) {
            return Optional.empty();
        }
        return Optional.of(new SlotPartition(name, address.longValue(), size.longValue()));
    }

    private static String secondaryOf(String slot) {
        if (slot.equals("s0")) {
            return "s1";
        }
        String secondary = slot.replace("primary", "secondary");
        return secondary.equals(slot) ? "" : secondary;
    }

    private static List<String> span(Map<String, Object> props) {
        Object span = props.get("span");
        List<String> names = new ArrayList<>();
        if (span instanceof Collection<?> list) {
            for (Object name : list) {
                names.add(String.valueOf(name));
            }
        }
        return names;
    }
}
