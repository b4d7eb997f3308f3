package io.multiimage.core.devicetree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A merged, resolved devicetree: what {@link DevicetreeMerger} returns and
 * {@link DtsWriter} prints. Phandles are allocated and references filled in.
 */
public final class DeviceTree {

    private final List<MemoryReservation> reservations;
    private final Node root;

    DeviceTree(List<MemoryReservation> reservations, Node root) {
        this.reservations = List.copyOf(reservations);
        this.root = root;
    }

    /** {@code /memreserve/} entries in source order. */
    public List<MemoryReservation> reservations() {
        return reservations;
    }

    /** The root node {@code /}. */
    public Node root() {
        return root;
    }

    /** The node at a full path such as {@code /soc/flash-controller@4001e000/flash@0}. */
    public Optional<Node> node(String path) {
        return Optional.ofNullable(TreeOps.nodeByPath(root, path));
    }

    /** The node carrying {@code label}. */
    public Optional<Node> nodeByLabel(String label) {
        return Optional.ofNullable(TreeOps.nodeByLabel(root, label));
    }

    /**
     * The node a {@code /chosen} entry points at, e.g. {@code chosen("zephyr,flash")}. The
     * entry holds a path string (written {@code = &label;}) after the merge.
     */
    public Optional<Node> chosen(String name) {
        return pathProperty("/chosen", name);
    }

    /** The node an {@code /aliases} entry points at. */
    public Optional<Node> alias(String name) {
        return pathProperty("/aliases", name);
    }

    /** Every live node, depth first in output order. */
    public List<Node> nodes() {
        List<Node> all = new ArrayList<>();
        collect(root, all);
        return List.copyOf(all);
    }

    /** Every live node whose {@code compatible} list contains {@code compatible}, in output order. */
    public List<Node> compatibleNodes(String compatible) {
        List<Node> matches = new ArrayList<>();
        for (Node node : nodes()) {
            if (node.isCompatible(compatible)) {
                matches.add(node);
            }
        }
        return List.copyOf(matches);
    }

    private Optional<Node> pathProperty(String holder, String name) {
        Optional<Property> property = node(holder).flatMap(n -> n.property(name));
        if (property.isEmpty() || !property.get().value().isStringList()) {
            return Optional.empty();
        }
        return node(property.get().value().string());
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        for (Node child : node.children()) {
            collect(child, into);
        }
    }
}
