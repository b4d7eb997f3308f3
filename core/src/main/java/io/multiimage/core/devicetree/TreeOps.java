package io.multiimage.core.devicetree;

/**
 * The tree operations dtc performs while reading source: merging a block into an existing
 * node, deleting nodes and properties (leaving placeholders), and looking nodes up by label
 * or path among the live nodes.
 */
final class TreeOps {

    private TreeOps() {}

    /** Merges the freshly parsed {@code update} into {@code target} (dtc's merge rules). */
    static void merge(Node target, Node update) {
        target.deleted = false;
        for (Label label : update.labels) {
            Labels.addInFront(target.labels, label);
        }
        for (Property incoming : update.properties) {
            if (incoming.deleted) {
                deletePropertyByName(target, incoming.name());
                continue;
            }
            Property existing = firstPropertyNamed(target, incoming.name());
            if (existing != null) {
                for (Label label : incoming.labels) {
                    Labels.addInFront(existing.labels, label);
                }
                existing.value = incoming.value;
                existing.location = incoming.location;
                existing.deleted = false;
            } else {
                target.properties.add(incoming);
            }
        }
        for (Node incoming : update.children) {
            if (incoming.deleted) {
                deleteChildByName(target, incoming.name());
                continue;
            }
            Node existing = firstChildNamed(target, incoming.name());
            if (existing != null) {
                merge(existing, incoming);
            } else {
                incoming.parent = target;
                target.children.add(incoming);
            }
        }
    }

    /** Deletes a node, everything below it and every label on them. */
    static void delete(Node node) {
        node.deleted = true;
        for (Node child : node.children) {
            if (!child.deleted) {
                delete(child);
            }
        }
        for (Property property : node.properties) {
            if (!property.deleted) {
                property.delete();
            }
        }
        Labels.deleteAll(node.labels);
    }

    static Node nodeByLabel(Node node, String label) {
        if (node.deleted) {
            return null;
        }
        for (Label candidate : node.labels) {
            if (!candidate.deleted && candidate.name.equals(label)) {
                return node;
            }
        }
        for (Node child : node.children) {
            Node found = nodeByLabel(child, label);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Looks up an absolute path; every component must match a live child's full name. */
    static Node nodeByPath(Node root, String path) {
        if (root.deleted || !path.startsWith("/")) {
            return null;
        }
        Node current = root;
        for (String component : path.split("/")) {
            if (component.isEmpty()) {
                continue;
            }
            current = liveChildNamed(current, component);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** A reference target: a path when it starts with {@code /}, else a label. */
    static Node nodeByReference(Node root, String reference) {
        return reference.startsWith("/") ? nodeByPath(root, reference) : nodeByLabel(root, reference);
    }

    private static void deletePropertyByName(Node node, String name) {
        for (Property property : node.properties) {
            if (!property.deleted && property.name().equals(name)) {
                property.delete();
                return;
            }
        }
    }

    private static void deleteChildByName(Node node, String name) {
        Node child = liveChildNamed(node, name);
        if (child != null) {
            delete(child);
        }
    }

    private static Property firstPropertyNamed(Node node, String name) {
        for (Property property : node.properties) {
            if (property.name().equals(name)) {
                return property;
            }
        }
        return null;
    }

    private static Node firstChildNamed(Node node, String name) {
        for (Node child : node.children) {
            if (child.name().equals(name)) {
                return child;
            }
        }
        return null;
    }

    private static Node liveChildNamed(Node node, String name) {
        for (Node child : node.children) {
            if (!child.deleted && child.name().equals(name)) {
                return child;
            }
        }
        return null;
    }
}
