package io.multiimage.core.devicetree;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs, on the fully merged tree, the checks and fix-ups dtc runs after reading: duplicate
 * node and property names, {@code name} properties, duplicate labels, explicit phandles,
 * phandle allocation for {@code <&x>} references and path strings for {@code = &x}
 * references, in that order.
 */
final class ReferenceResolver {

    private final Node root;
    private final Set<Long> usedPhandles = new HashSet<>();
    private long nextPhandle = 1;

    private ReferenceResolver(Node root) {
        this.root = root;
    }

    static DeviceTree resolve(DtsParser.Parsed parsed) throws DevicetreeException {
        ReferenceResolver resolver = new ReferenceResolver(parsed.root());
        resolver.checkDuplicateNames(parsed.root());
        resolver.checkNameProperties(parsed.root());
        resolver.checkDuplicateLabels();
        resolver.readExplicitPhandles(parsed.root(), new HashMap<>());
        resolver.fixPhandleReferences(parsed.root());
        resolver.fixPathReferences(parsed.root());
        return new DeviceTree(parsed.reservations(), parsed.root());
    }

    private void checkDuplicateNames(Node node) throws DevicetreeException {
        List<Node> children = node.children;
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).deleted) {
                continue;
            }
            for (int j = i + 1; j < children.size(); j++) {
                if (children.get(j).name().equals(children.get(i).name())) {
                    throw new DevicetreeException(
                            children.get(j).location,
                            "duplicate node name '" + children.get(i).name() + "' in " + node.path());
                }
            }
        }
        List<Property> properties = node.properties;
        for (int i = 0; i < properties.size(); i++) {
            for (int j = i + 1; j < properties.size() && !properties.get(i).deleted; j++) {
                if (!properties.get(j).deleted
                        && properties.get(j).name().equals(properties.get(i).name())) {
                    throw new DevicetreeException(
                            properties.get(j).location,
                            "duplicate property name '" + properties.get(i).name() + "' in " + node.path());
                }
            }
        }
        for (Node child : node.children()) {
            checkDuplicateNames(child);
        }
    }

    /**
     * An old-style {@code name} property must equal the node's base name; dtc then drops it as
     * redundant, so it does not appear in the output.
     */
    private void checkNameProperties(Node node) throws DevicetreeException {
        Property name = node.property("name").orElse(null);
        if (name != null) {
            byte[] base = node.baseName().getBytes(StandardCharsets.UTF_8);
            byte[] value = name.value.rawBytes();
            boolean matches =
                    value.length == base.length + 1 && Arrays.equals(value, 0, base.length, base, 0, base.length);
            if (!matches) {
                String shown = new String(value, StandardCharsets.UTF_8);
                int nul = shown.indexOf('\0');
                throw new DevicetreeException(
                        name.location,
                        "\"name\" property of " + node.path() + " is incorrect (\""
                                + (nul < 0 ? shown : shown.substring(0, nul)) + "\" instead of the base node name \""
                                + node.baseName() + "\")");
            }
            name.delete();
        }
        for (Node child : node.children()) {
            checkNameProperties(child);
        }
    }

    /** Every label, on nodes, properties and inside values, must be unique in the live tree. */
    private void checkDuplicateLabels() throws DevicetreeException {
        Map<String, String> owners = new HashMap<>();
        visitLabels(root, owners);
    }

    private void visitLabels(Node node, Map<String, String> owners) throws DevicetreeException {
        for (Label label : node.labels) {
            if (!label.deleted) {
                claim(owners, label.name, node.path(), label.location);
            }
        }
        for (Property property : node.properties) {
            if (property.deleted) {
                continue;
            }
            for (Label label : property.labels) {
                if (!label.deleted) {
                    claim(owners, label.name, "property '" + property.name() + "' in " + node.path(), label.location);
                }
            }
            for (Marker marker : property.value.markers()) {
                if (marker.type() == MarkerType.LABEL) {
                    claim(
                            owners,
                            marker.ref(),
                            "value of '" + property.name() + "' in " + node.path(),
                            marker.location());
                }
            }
        }
        for (Node child : node.children()) {
            visitLabels(child, owners);
        }
    }

    private static void claim(Map<String, String> owners, String label, String owner, SourceLocation location)
            throws DevicetreeException {
        String first = owners.putIfAbsent(label, owner);
        if (first != null) {
            throw new DevicetreeException(location, "duplicate label '" + label + "' on " + first + " and " + owner);
        }
    }

    private void readExplicitPhandles(Node node, Map<Long, Node> seen) throws DevicetreeException {
        long phandle = explicitPhandle(node, "phandle");
        long linuxPhandle = explicitPhandle(node, "linux,phandle");
        if (phandle != 0 && linuxPhandle != 0 && phandle != linuxPhandle) {
            throw new DevicetreeException(
                    node.property("linux,phandle").orElseThrow().location,
                    "mismatching 'phandle' and 'linux,phandle' properties in " + node.path());
        }
        long value = phandle != 0 ? phandle : linuxPhandle;
        if (value != 0) {
            Node other = seen.get(value);
            if (other != null && other != node) {
                throw new DevicetreeException(
                        node.property(phandle != 0 ? "phandle" : "linux,phandle")
                                .orElseThrow()
                                .location,
                        "duplicated phandle 0x" + Long.toHexString(value) + " on " + node.path() + " (seen before at "
                                + other.path() + ")");
            }
            seen.put(value, node);
            node.phandle = value;
            usedPhandles.add(value);
        }
        for (Node child : node.children()) {
            readExplicitPhandles(child, seen);
        }
    }

    /**
     * The value of an explicit {@code phandle}/{@code linux,phandle} property, or 0 if absent
     * or written as a reference to the node itself ({@code phandle = <&me>;}: allocate one).
     */
    private long explicitPhandle(Node node, String name) throws DevicetreeException {
        Property property = node.property(name).orElse(null);
        if (property == null) {
            return 0;
        }
        if (property.value.length() != 4) {
            throw new DevicetreeException(
                    property.location,
                    "bad length (" + property.value.length() + ") of " + name + " property in " + node.path());
        }
        for (Marker marker : property.value.markers()) {
            if (marker.type() == MarkerType.REF_PHANDLE) {
                if (TreeOps.nodeByReference(root, marker.ref()) != node) {
                    throw new DevicetreeException(
                            property.location, name + " of " + node.path() + " is a reference to another node");
                }
                return 0;
            }
        }
        long value = property.value.cells()[0];
        if (value == 0 || value == 0xffffffffL) {
            throw new DevicetreeException(
                    property.location,
                    "bad value (0x" + Long.toHexString(value) + ") in " + name + " property of " + node.path());
        }
        return value;
    }

    /** Depth first in output order; phandles are handed out on first use. */
    private void fixPhandleReferences(Node node) throws DevicetreeException {
        for (int p = 0; p < node.properties.size(); p++) {
            Property property = node.properties.get(p);
            if (property.deleted) {
                continue;
            }
            for (Marker marker : property.value.markers()) {
                if (marker.type() != MarkerType.REF_PHANDLE) {
                    continue;
                }
                Node target = TreeOps.nodeByReference(root, marker.ref());
                if (target == null) {
                    throw missingTarget(marker, property, node);
                }
                property.value = property.value.withCell(marker.offset(), phandleOf(target));
            }
        }
        for (Node child : node.children()) {
            fixPhandleReferences(child);
        }
    }

    private long phandleOf(Node target) {
        if (target.phandle != 0) {
            return target.phandle;
        }
        while (usedPhandles.contains(nextPhandle)) {
            nextPhandle++;
        }
        target.phandle = nextPhandle;
        usedPhandles.add(nextPhandle);
        if (target.property("phandle").isEmpty()) {
            Property property = new Property("phandle", PropertyValue.ofCell(nextPhandle), target.location);
            target.properties.add(property);
        }
        return target.phandle;
    }

    private void fixPathReferences(Node node) throws DevicetreeException {
        for (Property property : node.properties) {
            if (property.deleted) {
                continue;
            }
            List<Marker> markers = property.value.markers();
            for (int i = 0; i < markers.size(); i++) {
                Marker marker = property.value.markers().get(i);
                if (marker.type() != MarkerType.REF_PATH) {
                    continue;
                }
                Node target = TreeOps.nodeByReference(root, marker.ref());
                if (target == null) {
                    throw missingTarget(marker, property, node);
                }
                byte[] path = (target.path() + "\0").getBytes(StandardCharsets.UTF_8);
                property.value = property.value.withInsertion(i, path);
            }
        }
        for (Node child : node.children()) {
            fixPathReferences(child);
        }
    }

    private static DevicetreeException missingTarget(Marker marker, Property property, Node node) {
        String shown = marker.ref().startsWith("/") ? "{" + marker.ref() + "}" : marker.ref();
        return new DevicetreeException(
                marker.location(),
                "reference to non-existent node or label '" + shown + "' in property '" + property.name() + "' of "
                        + node.path());
    }
}
