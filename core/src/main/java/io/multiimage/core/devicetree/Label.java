package io.multiimage.core.devicetree;

/**
 * A label on a node or property. Deleting the owner only marks the label deleted: dtc keeps
 * it in place so that adding the same label to the same owner again revives it where it was.
 */
final class Label {

    final String name;
    final SourceLocation location;
    boolean deleted;

    Label(String name, SourceLocation location) {
        this.name = name;
        this.location = location;
    }
}
