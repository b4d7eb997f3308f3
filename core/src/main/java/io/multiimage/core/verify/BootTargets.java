package io.multiimage.core.verify;

import io.multiimage.core.sign.SigningSlots;
import io.multiimage.core.sign.SlotPartition;
import io.multiimage.partition.OutputDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which partitions a bootloader boots into, by the nRF Connect SDK's names: {@code b0} boots
 * {@code s0} (and {@code s1}), {@code b0n} boots the network core's {@code app}, {@code mcuboot}
 * boots {@code mcuboot_primary} (the application partition {@code app} when the layout has no
 * MCUboot slot). Other images boot nothing. The sample chains and NCS's layouts follow these
 * names; an image of another name is not checked.
 */
public final class BootTargets {

    private BootTargets() {}

    /** The partitions {@code partition} (a bootloader's own) boots into, at their addresses in {@code layout}. */
    public static List<BootTarget> of(String partition, OutputDomain layout) {
        Map<String, Map<String, Object>> partitions = layout.partitions();
        List<String> names = switch (partition) {
            case "b0" -> partitions.containsKey("s0") ? List.of("s0", "s1") : List.of("mcuboot");
            case "b0n" -> List.of("app");
            case "mcuboot" -> partitions.containsKey(SigningSlots.MCUBOOT_PRIMARY)
                    ? List.of(SigningSlots.MCUBOOT_PRIMARY) : List.of("app");
            default -> List.of();
        };
        List<BootTarget> targets = new ArrayList<>();
        for (String name : names) {
            Optional<SlotPartition> target = SigningSlots.partition(partitions, name);
            target.ifPresent(p -> targets.add(new BootTarget(p.name(), p.address())));
        }
        return targets;
    }
}
