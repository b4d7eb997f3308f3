package io.multiimage.kconfig.ui;

import io.multiimage.core.kconfig.engine.MenuNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Stable numbers for the menu nodes of a tree (depth-first order), for addressing them in a page. */
final class NodeIndex {

    private final List<MenuNode> nodes = new ArrayList<>();
    private final Map<MenuNode, Integer> ids = new IdentityHashMap<>();

    NodeIndex(MenuNode top) {
        add(top);
    }

    private void add(MenuNode node) {
        ids.put(node, nodes.size());
        nodes.add(node);
        node.children().forEach(this::add);
    }

    int id(MenuNode node) {
        return ids.get(node);
    }

    MenuNode node(String id) {
        try {
            int i = Integer.parseInt(id);
            return i >= 0 && i < nodes.size() ? nodes.get(i) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
