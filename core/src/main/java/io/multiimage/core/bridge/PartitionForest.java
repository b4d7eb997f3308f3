package io.multiimage.core.bridge;

import io.multiimage.core.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The partitions of one region arranged as devicetree nodes. A container becomes a node whose
 * children are its members (Zephyr's {@code fixed-subpartitions}), so that its span can be read
 * back from the devicetree: every partition is the child of the innermost container it is a
 * member of, a gap ({@code EMPTY_<n>}) the child of the innermost container it lies in. A
 * partition inside a container's range that is not its member (a static container that covers
 * a later partition) stays outside it, beside it. A container whose members cross those of
 * another (both hold some of the same partitions, neither all of the other's) cannot nest: it is
 * "detached" and written flat in a second table, where it covers whole partitions of the first.
 *
 * <p>Containers are taken in address order, the larger first at one address, then by name; the
 * first of two crossing containers nests. For the nRF9160 TF-M layout this nests
 * {@code tfm_secure} and {@code tfm_nonsecure} in {@code mcuboot_primary}, as Zephyr's own boards
 * do, and detaches {@code mcuboot_primary_app}.
 */
final class PartitionForest {

    /** A node: a partition and, for a nested container, the nodes inside it in address order. */
    record TreeNode(LayoutPartition partition, List<TreeNode> children) {}

    private final List<TreeNode> roots;
    private final List<LayoutPartition> detached;

    private PartitionForest(List<TreeNode> roots, List<LayoutPartition> detached) {
        this.roots = roots;
        this.detached = detached;
    }

    /** The top-level nodes in address order. */
    List<TreeNode> roots() {
        return roots;
    }

    /** Containers that cannot nest, in address order. */
    List<LayoutPartition> detached() {
        return detached;
    }

    /**
     * Arranges the partitions of one region.
     *
     * @param source names the layout in messages
     * @throws InvalidConfigurationException when two non-container partitions overlap or a
     *     container covers a partition that is not its member
     */
    static PartitionForest of(List<LayoutPartition> partitions, String source) throws InvalidConfigurationException {
        List<LayoutPartition> leaves =
                partitions.stream().filter(p -> !p.isContainer()).toList();
        for (int i = 0; i + 1 < leaves.size(); i++) {
            LayoutPartition a = leaves.get(i);
            LayoutPartition b = leaves.get(i + 1);
            if (a.overlaps(b)) {
                throw new InvalidConfigurationException(source + ": partitions '" + a.name() + "' and '" + b.name()
                        + "' overlap; a layout the partition manager wrote never has that");
            }
        }
        List<LayoutPartition> containers = new ArrayList<>(
                partitions.stream().filter(LayoutPartition::isContainer).toList());
        containers.sort(Comparator.comparingLong(LayoutPartition::address)
                .thenComparing(Comparator.comparingLong(LayoutPartition::size).reversed())
                .thenComparing(LayoutPartition::name));
        List<LayoutPartition> nested = new ArrayList<>();
        List<LayoutPartition> detached = new ArrayList<>();
        for (LayoutPartition container : containers) {
            for (String member : container.span()) {
                LayoutPartition leaf = leaves.stream()
                        .filter(p -> p.name().equals(member))
                        .findFirst()
                        .orElseThrow(() -> new InvalidConfigurationException(source + ": container '" + container.name()
                                + "' spans '" + member + "', a partition of another region"));
                if (!leaf.liesWithin(container)) {
                    throw new InvalidConfigurationException(source + ": container '" + container.name()
                            + "' does not cover its member '" + member + "'");
                }
            }
            boolean crosses = nested.stream().anyMatch(other -> crosses(container, other));
            (crosses ? detached : nested).add(container);
        }
        return new PartitionForest(build(leaves, nested), List.copyOf(detached));
    }

    /** True when the two share members but neither holds all of the other's. */
    private static boolean crosses(LayoutPartition a, LayoutPartition b) {
        Set<String> shared = new LinkedHashSet<>(a.span());
        shared.retainAll(b.span());
        return !shared.isEmpty() && !b.span().containsAll(a.span()) && !a.span().containsAll(b.span());
    }

    /** True when {@code inner} can be a child of the container {@code outer}. */
    private static boolean nestsIn(LayoutPartition inner, LayoutPartition outer) {
        if (inner.isGap()) {
            return inner.liesWithin(outer);
        }
        if (!inner.isContainer()) {
            return outer.span().contains(inner.name());
        }
        return outer.span().containsAll(inner.span()) && inner.liesWithin(outer);
    }

    private static List<TreeNode> build(List<LayoutPartition> leaves, List<LayoutPartition> containers) {
        // containers are in the order they were taken: an outer one before the ones inside it
        Map<LayoutPartition, TreeNode> nodes = new LinkedHashMap<>();
        containers.forEach(c -> nodes.put(c, new TreeNode(c, new ArrayList<>())));
        leaves.forEach(l -> nodes.put(l, new TreeNode(l, new ArrayList<>())));
        List<TreeNode> roots = new ArrayList<>();
        for (Map.Entry<LayoutPartition, TreeNode> entry : nodes.entrySet()) {
            LayoutPartition partition = entry.getKey();
            // a container nests in a container taken before it; any other partition in the innermost
            LayoutPartition parent = null;
            for (LayoutPartition candidate : containers) {
                if (candidate == partition) {
                    break;
                }
                if (nestsIn(partition, candidate)) {
                    parent = candidate;
                }
            }
            (parent == null ? roots : nodes.get(parent).children()).add(entry.getValue());
        }
        Comparator<TreeNode> byAddress = Comparator.comparingLong(
                        (TreeNode n) -> n.partition().address())
                .thenComparing(
                        Comparator.comparingLong((TreeNode n) -> n.partition().size())
                                .reversed())
                .thenComparing(n -> n.partition().name());
        nodes.values().forEach(n -> n.children().sort(byAddress));
        roots.sort(byAddress);
        return roots;
    }
}
