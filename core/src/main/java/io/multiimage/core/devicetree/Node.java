package io.multiimage.core.devicetree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A devicetree node. The public accessors show the live tree only; deleted children and
 * properties are kept internally as placeholders so that re-adding them restores their
 * position, exactly as dtc does.
 */
public final class Node {

    private final String name;
    Node parent;
    final List<Label> labels = new ArrayList<>();
    final List<Property> properties = new ArrayList<>();
    final List<Node> children = new ArrayList<>();
    boolean deleted;
    SourceLocation location;
    /** 0 when the node has no phandle yet. */
    long phandle;

    Node(String name, SourceLocation location) {
        this.name = name;
        this.location = location;
    }

    /** Full name within the parent, e.g. {@code serial@200}; empty for the root. */
    public String name() {
        return name;
    }

    /** The name without the unit address: {@code serial} for {@code serial@200}. */
    public String baseName() {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    /** The unit address after {@code @}, if any. */
    public Optional<String> unitAddress() {
        int at = name.indexOf('@');
        return at < 0 ? Optional.empty() : Optional.of(name.substring(at + 1));
    }

    /** Full path from the root, {@code /} for the root itself. */
    public String path() {
        if (parent == null) {
            return "/";
        }
        String parentPath = parent.path();
        return parentPath.equals("/") ? "/" + name : parentPath + "/" + name;
    }

    /** The parent node, empty for the root. */
    public Optional<Node> parent() {
        return Optional.ofNullable(parent);
    }

    /** Labels in output order. */
    public List<String> labels() {
        return Labels.liveNames(labels);
    }

    /** Live properties in storage (output) order. */
    public List<Property> properties() {
        List<Property> live = new ArrayList<>();
        for (Property property : properties) {
            if (!property.deleted) {
                live.add(property);
            }
        }
        return List.copyOf(live);
    }

    /** Live children in storage (output) order. */
    public List<Node> children() {
        List<Node> live = new ArrayList<>();
        for (Node child : children) {
            if (!child.deleted) {
                live.add(child);
            }
        }
        return List.copyOf(live);
    }

    /** The live property of that name. */
    public Optional<Property> property(String propertyName) {
        for (Property property : properties) {
            if (!property.deleted && property.name().equals(propertyName)) {
                return Optional.of(property);
            }
        }
        return Optional.empty();
    }

    /**
     * This node's {@code #address-cells} or {@code #size-cells} ({@code name}) for reading its
     * children's {@code reg} and {@code ranges}, {@code fallback} when it has none (the
     * devicetree specification's defaults are 2 and 1). Memories and partitions need 1 or 2 cells
     * (addresses and sizes up to 64 bits); any other value is an error at the property.
     */
    public int cellCount(String name, int fallback) throws DevicetreeException {
        Optional<Property> property = property(name);
        if (property.isEmpty()) {
            return fallback;
        }
        if (property.get().value().length() != 4) {
            throw new DevicetreeException(property.get().location(), name + " of " + path() + " must be one cell");
        }
        long value = property.get().value().cells()[0];
        if (value < 1 || value > 2) {
            throw new DevicetreeException(
                    property.get().location(),
                    name + " = <" + value + "> of " + path() + " is not supported: addresses and sizes of "
                            + (value < 1 ? "1 or 2 cells" : "at most 2 cells (64 bits)"));
        }
        return (int) value;
    }

    /** The live child with that full name ({@code serial@200}, not {@code serial}). */
    public Optional<Node> child(String fullName) {
        for (Node child : children) {
            if (!child.deleted && child.name.equals(fullName)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** The node's phandle, if one was written or allocated. */
    public Optional<Long> phandle() {
        return phandle == 0 ? Optional.empty() : Optional.of(phandle);
    }

    /** Where the node was first defined. */
    public SourceLocation location() {
        return location;
    }

    /** True if a string in the node's {@code compatible} list equals {@code compatible}. */
    public boolean isCompatible(String compatible) {
        Optional<Property> property = property("compatible");
        return property.isPresent()
                && property.get().value().isStringList()
                && property.get().value().strings().contains(compatible);
    }

    /** The string value of {@code status}, {@code "okay"} when absent (the devicetree default). */
    public String status() {
        Optional<Property> status = property("status");
        if (status.isPresent() && status.get().value().isStringList()) {
            return status.get().value().string();
        }
        return "okay";
    }

    @Override
    public String toString() {
        return path();
    }
}
