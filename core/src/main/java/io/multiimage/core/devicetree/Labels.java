package io.multiimage.core.devicetree;

import java.util.ArrayList;
import java.util.List;

/** Label list operations shared by nodes and properties, with dtc's ordering rules. */
final class Labels {

    private Labels() {}

    /**
     * Adds a label the way a later merge does: an existing entry of that name is revived in
     * place, a new one goes in front (so several labels added at once end up reversed).
     */
    static void addInFront(List<Label> labels, Label label) {
        for (Label existing : labels) {
            if (existing.name.equals(label.name)) {
                existing.deleted = false;
                return;
            }
        }
        labels.add(0, new Label(label.name, label.location));
    }

    /** Adds a label written on a freshly created node or property: kept in source order. */
    static void addInOrder(List<Label> labels, Label label) {
        for (Label existing : labels) {
            if (existing.name.equals(label.name)) {
                existing.deleted = false;
                return;
            }
        }
        labels.add(label);
    }

    static void deleteAll(List<Label> labels) {
        for (Label label : labels) {
            label.deleted = true;
        }
    }

    static List<String> liveNames(List<Label> labels) {
        List<String> names = new ArrayList<>();
        for (Label label : labels) {
            if (!label.deleted) {
                names.add(label.name);
            }
        }
        return List.copyOf(names);
    }
}
