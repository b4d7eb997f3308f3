package io.multiimage.core.devicetree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@link MemoryFacts} from a merged tree: {@code chosen} flash and SRAM, external
 * NOR flash chips and {@code fixed-partitions} tables. {@code reg} is decoded with the
 * parent's {@code #address-cells} / {@code #size-cells} (defaults 2 and 1); addresses are
 * the node's own, without {@code ranges} translation, as Zephyr's {@code DT_REG_ADDR}.
 */
public final class MemoryFactsExtractor {

    /** Compatibles of external flash chips whose {@code size} property gives the capacity in bits. */
    public static final List<String> EXTERNAL_FLASH_COMPATIBLES = List.of("jedec,spi-nor", "nordic,qspi-nor");

    private MemoryFactsExtractor() {}

    /**
     * Extracts the facts.
     *
     * @throws DevicetreeException if {@code zephyr,flash} or {@code zephyr,sram} is missing or
     *     points nowhere, or a {@code reg}/{@code size} property has the wrong shape
     */
    public static MemoryFacts extract(DeviceTree tree) throws DevicetreeException {
        MemoryRegion flash = chosenRegion(tree, "zephyr,flash");
        MemoryRegion sram = chosenRegion(tree, "zephyr,sram");
        Optional<String> codePartition = tree.chosen("zephyr,code-partition").map(Node::path);
        List<ExternalFlash> external = new ArrayList<>();
        List<PartitionTable> tables = new ArrayList<>();
        for (Node node : tree.nodes()) {
            for (String compatible : EXTERNAL_FLASH_COMPATIBLES) {
                if (node.isCompatible(compatible)) {
                    external.add(externalFlash(node, compatible));
                    break;
                }
            }
            if (node.isCompatible("fixed-partitions")) {
                tables.add(partitionTable(node));
            }
        }
        Node flashNode = tree.chosen("zephyr,flash").orElseThrow();
        Optional<Long> eraseBlock = Optional.empty();
        Optional<Property> erase = flashNode.property("erase-block-size");
        if (erase.isPresent()) {
            if (erase.get().value().length() != 4) {
                throw new DevicetreeException(
                        erase.get().location(),
                        "'erase-block-size' of " + flashNode.path() + " must be one 32-bit cell");
            }
            eraseBlock = Optional.of(erase.get().value().cells()[0]);
        }
        Optional<String> controller =
                flashNode.parent().flatMap(p -> p.labels().stream().findFirst());
        Optional<String> pmExternal = Optional.empty();
        if (tree.node("/chosen").flatMap(c -> c.property("nordic,pm-ext-flash")).isPresent()) {
            Node chosen = tree.chosen("nordic,pm-ext-flash")
                    .orElseThrow(() -> new DevicetreeException(
                            tree.node("/chosen")
                                    .orElseThrow()
                                    .property("nordic,pm-ext-flash")
                                    .orElseThrow()
                                    .location(),
                            "/chosen 'nordic,pm-ext-flash' does not name a node"));
            if (external.stream().noneMatch(f -> f.nodePath().equals(chosen.path()))) {
                throw new DevicetreeException(
                        tree.node("/chosen")
                                .orElseThrow()
                                .property("nordic,pm-ext-flash")
                                .orElseThrow()
                                .location(),
                        "/chosen 'nordic,pm-ext-flash' names " + chosen.path()
                                + ", which is not an external flash (compatible "
                                + String.join(" or ", EXTERNAL_FLASH_COMPATIBLES) + ")");
            }
            pmExternal = Optional.of(chosen.path());
        }
        return new MemoryFacts(flash, sram, codePartition, external, tables, pmExternal, eraseBlock, controller);
    }

    /** The first {@code (address, size)} pair of a node's {@code reg}. */
    public static long[] firstReg(Node node) throws DevicetreeException {
        Property reg = node.property("reg")
                .orElseThrow(() ->
                        new DevicetreeException(node.location(), "node " + node.path() + " has no 'reg' property"));
        Node parent = node.parent().orElse(node);
        int addressCells = parent.cellCount("#address-cells", 2);
        int sizeCells = parent.cellCount("#size-cells", 1);
        int entry = (addressCells + sizeCells) * 4;
        if (entry == 0 || reg.value().length() < entry || reg.value().length() % entry != 0) {
            throw new DevicetreeException(
                    reg.location(),
                    "'reg' of " + node.path() + " has " + reg.value().length()
                            + " bytes; expected (address, size) entries of " + addressCells + "+" + sizeCells
                            + " cells as #address-cells/#size-cells of " + parent.path() + " say");
        }
        return new long[] {reg.value().number(0, addressCells), reg.value().number(addressCells, sizeCells)};
    }

    private static MemoryRegion chosenRegion(DeviceTree tree, String name) throws DevicetreeException {
        Node chosen = tree.node("/chosen")
                .orElseThrow(() -> new DevicetreeException(
                        tree.root().location(),
                        "the devicetree has no /chosen node; " + name + " must name the image's memory"));
        Property property = chosen.property(name)
                .orElseThrow(() -> new DevicetreeException(
                        chosen.location(),
                        "/chosen has no '" + name + "' property; add e.g. '" + name
                                + " = &label;' to the board or an overlay"));
        Node node = tree.chosen(name)
                .orElseThrow(() ->
                        new DevicetreeException(property.location(), "/chosen '" + name + "' does not name a node"));
        long[] reg = firstReg(node);
        return new MemoryRegion(node.path(), node.labels(), reg[0], reg[1]);
    }

    private static ExternalFlash externalFlash(Node node, String compatible) throws DevicetreeException {
        Property size = node.property("size")
                .orElseThrow(() -> new DevicetreeException(
                        node.location(),
                        "external flash " + node.path() + " (" + compatible
                                + ") has no 'size' property (capacity in bits)"));
        if (size.value().length() != 4) {
            throw new DevicetreeException(
                    size.location(),
                    "'size' of " + node.path() + " must be one 32-bit cell (capacity in bits) but has "
                            + size.value().length() + " bytes");
        }
        boolean enabled = true;
        for (Node at = node; at != null; at = at.parent().orElse(null)) {
            enabled &= at.status().equals("okay") || at.status().equals("ok");
        }
        return new ExternalFlash(
                node.path(), node.labels(), compatible, size.value().cells()[0] / 8, enabled);
    }

    private static PartitionTable partitionTable(Node node) throws DevicetreeException {
        Node device = node.parent().orElse(node);
        Optional<Long> base = Optional.empty();
        boolean external = EXTERNAL_FLASH_COMPATIBLES.stream().anyMatch(device::isCompatible);
        // an external chip's reg is its chip select, not an address in the memory map
        if (!external && device.property("reg").isPresent() && device.parent().isPresent()) {
            base = Optional.of(firstReg(device)[0]);
        }
        List<FlashPartition> partitions = new ArrayList<>();
        for (Node child : node.children()) {
            long[] reg = firstReg(child);
            Optional<String> label = child.property("label")
                    .filter(p -> p.value().isStringList())
                    .map(p -> p.value().string());
            partitions.add(new FlashPartition(
                    child.path(),
                    child.labels(),
                    label,
                    reg[0],
                    reg[1],
                    child.property("read-only").isPresent()));
        }
        return new PartitionTable(node.path(), device.path(), base, partitions);
    }
}
