package io.multiimage.core.pipeline;

import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.sign.SigningSlot;
import io.multiimage.core.sign.SigningSlots;
import io.multiimage.core.sign.SlotPartition;
import io.multiimage.core.verify.BootTarget;
import io.multiimage.partition.OutputDomain;
import java.util.List;
import java.util.Optional;

/**
 * Which partition an image boots, by the tree: a bootloader is declared as a child of the image it
 * boots (app → mcuboot → b0: b0 boots mcuboot, mcuboot boots app), so an image boots its parent when
 * the parent is in the same domain; the top image of a tree that has a partition of its own (a
 * bootloader reactor whose top is the second stage) boots the {@code app} partition. The target is
 * the parent's MCUboot-format slot when it has one ({@code s0}, {@code mcuboot_primary}: where the
 * bootloader finds the header), else its partition. An image in another domain's tree (a network
 * core) boots nothing of its parent's.
 */
final class BootChain {

    private BootChain() {}

    /** The partitions {@code image} boots into, with their addresses in this layout. */
    static List<BootTarget> targets(String image, PreparedTree prepared, BuildRequest request) {
        ImagePlacement own = prepared.placements().get(image);
        if (own == null || own.byLoadOffset()) {
            return List.of();
        }
        Optional<OutputDomain> layout = SignStage.layoutOf(prepared, request, own.domain());
        if (layout.isEmpty()) {
            return List.of();
        }
        String next;
        Optional<String> parent = parentOf(image, request.declarations());
        if (parent.isPresent()) {
            ImagePlacement target = prepared.placements().get(parent.get());
            if (target == null || target.byLoadOffset() || !target.domain().equals(own.domain())) {
                return List.of();
            }
            next = target.partition();
        } else if (!own.partition().equals("app") && layout.get().partitions().containsKey("app")) {
            next = "app";
        } else {
            return List.of();
        }
        Optional<SlotPartition> slot = SigningSlots.find(next, next, layout.get())
                .map(SigningSlot::slot)
                .or(() -> SigningSlots.partition(layout.get().partitions(), next));
        return slot.map(s -> List.of(new BootTarget(s.name(), s.address()))).orElse(List.of());
    }

    private static Optional<String> parentOf(String image, List<ImageDeclaration> declarations) {
        return declarations.stream()
                .filter(d -> d.children().contains(image))
                .map(ImageDeclaration::name)
                .findFirst();
    }
}
