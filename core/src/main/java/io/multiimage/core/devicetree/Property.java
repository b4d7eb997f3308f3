package io.multiimage.core.devicetree;

import java.util.ArrayList;
import java.util.List;

/**
 * One property of a node. A deleted property stays in its node as a placeholder (dtc's
 * behaviour): if a later block sets it again, it comes back at its old position.
 */
public final class Property {

    private final String name;
    final List<Label> labels = new ArrayList<>();
    PropertyValue value;
    boolean deleted;
    SourceLocation location;

    Property(String name, PropertyValue value, SourceLocation location) {
        this.name = name;
        this.value = value;
        this.location = location;
    }

    /** The property name, e.g. {@code reg} or {@code #address-cells}. */
    public String name() {
        return name;
    }

    /** Labels on the property in output order. */
    public List<String> labels() {
        return Labels.liveNames(labels);
    }

    /** The value (empty for a boolean property). */
    public PropertyValue value() {
        return value;
    }

    /** Where the property was last assigned. */
    public SourceLocation location() {
        return location;
    }

    void delete() {
        deleted = true;
        Labels.deleteAll(labels);
    }

    @Override
    public String toString() {
        return name + " = " + value;
    }
}
