package io.multiimage.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The images of one build as a tree: the top-level image at the root, every image with at
 * most one parent. Built from declarations that name their children; only images reachable
 * from the root belong to the tree.
 */
public final class ImageTree {

    /** Image names become directory names and variable prefixes: keep them plain. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private final String root;
    private final Map<String, ImageDeclaration> images;
    private final Map<String, String> parents;

    private ImageTree(String root, Map<String, ImageDeclaration> images, Map<String, String> parents) {
        this.root = root;
        this.images = images;
        this.parents = parents;
    }

    /**
     * Builds the tree below {@code rootName}.
     *
     * @throws ImageModelException for an unsafe or duplicate name, an unknown root or child, a
     *     cycle (spelled out, e.g. {@code app -> mcuboot -> b0 -> app}) or an image declared as
     *     the child of two images
     */
    public static ImageTree build(String rootName, Collection<ImageDeclaration> declarations)
            throws ImageModelException {
        Map<String, ImageDeclaration> byName = new LinkedHashMap<>();
        for (ImageDeclaration declaration : declarations) {
            checkName(declaration.name());
            ImageDeclaration previous = byName.putIfAbsent(declaration.name(), declaration);
            if (previous != null) {
                throw new ImageModelException(
                        declaration.name(),
                        "Image '" + declaration.name()
                                + "' is declared more than once (in " + slashes(previous.applicationDir()) + " and in "
                                + slashes(declaration.applicationDir()) + "); image names must be unique");
            }
        }
        if (!byName.containsKey(rootName)) {
            throw new ImageModelException(rootName, "Top-level image '" + rootName + "' is not declared");
        }
        Map<String, ImageDeclaration> reached = new LinkedHashMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        visit(rootName, new ArrayList<>(), byName, reached, parents);
        return new ImageTree(rootName, reached, parents);
    }

    private static void visit(
            String name,
            List<String> path,
            Map<String, ImageDeclaration> byName,
            Map<String, ImageDeclaration> reached,
            Map<String, String> parents)
            throws ImageModelException {
        path.add(name);
        ImageDeclaration declaration = byName.get(name);
        reached.put(name, declaration);
        for (String child : declaration.children()) {
            int cycleStart = path.indexOf(child);
            if (cycleStart >= 0) {
                List<String> cycle = new ArrayList<>(path.subList(cycleStart, path.size()));
                cycle.add(child);
                throw new ImageModelException(child, "Image cycle: " + String.join(" -> ", cycle));
            }
            if (!byName.containsKey(child)) {
                throw new ImageModelException(
                        name, "Image '" + name + "' declares child image '" + child + "', which is not declared");
            }
            String otherParent = parents.get(child);
            if (otherParent != null) {
                throw new ImageModelException(
                        child,
                        "Image '" + child + "' is declared as a child of both '" + otherParent + "' and '" + name
                                + "'; an image has one parent");
            }
            parents.put(child, name);
            visit(child, path, byName, reached, parents);
        }
        path.remove(path.size() - 1);
    }

    /** Longer names make build paths that file systems refuse. */
    private static final int MAX_NAME_LENGTH = 64;

    /** An image's directory sits beside the tree's own outputs: such a name would collide with one. */
    private static final Pattern OUTPUT_LIKE = Pattern.compile(".*\\.(hex|bin|elf|map|yml|yaml|config|json|zip|h)");

    private static void checkName(String name) throws ImageModelException {
        if (name.length() > MAX_NAME_LENGTH) {
            throw new ImageModelException(
                    name,
                    "Image name '" + name.substring(0, 20) + "…' is " + name.length()
                            + " characters long: it becomes a directory and file names, so keep it to "
                            + MAX_NAME_LENGTH);
        }
        if (OUTPUT_LIKE.matcher(name).matches()) {
            throw new ImageModelException(
                    name,
                    "Image name '" + name + "' cannot be used: its directory would sit"
                            + " beside the build's own outputs (merged.hex, partitions.yml, build-info.json, …) and could"
                            + " collide with one; choose a name without a file extension");
        }
        if (!SAFE_NAME.matcher(name).matches() || name.contains("..")) {
            throw new ImageModelException(
                    name,
                    "Image name '" + name + "' cannot be used: it becomes a directory"
                            + " name, so use letters, digits, '_', '-' and '.' only, starting with a letter, digit or '_'"
                            + " (no '/', no '..')");
        }
    }

    private static String slashes(java.nio.file.Path path) {
        return path.toString().replace('\\', '/');
    }

    /** The top-level image. */
    public ImageDeclaration root() {
        return images.get(root);
    }

    /** The image called {@code name}; throws {@link IllegalArgumentException} if absent. */
    public ImageDeclaration image(String name) {
        ImageDeclaration image = images.get(name);
        if (image == null) {
            throw new IllegalArgumentException("no image '" + name + "' in the tree");
        }
        return image;
    }

    /** True when {@code name} is an image of this tree. */
    public boolean contains(String name) {
        return images.containsKey(name);
    }

    /** The parent of {@code name}; empty for the root. */
    public Optional<ImageDeclaration> parent(String name) {
        image(name);
        return Optional.ofNullable(parents.get(name)).map(images::get);
    }

    /** The direct children of {@code name}, in declaration order. */
    public List<ImageDeclaration> children(String name) {
        return image(name).children().stream().map(images::get).toList();
    }

    /** Every image, parents before their children, siblings in declaration order. */
    public List<ImageDeclaration> preOrder() {
        return List.copyOf(images.values());
    }

    /** Image names from the root down to {@code name}, both included. */
    public List<String> chain(String name) {
        List<String> chain = new ArrayList<>();
        for (String at = name; at != null; at = parents.get(at)) {
            chain.add(0, image(at).name());
        }
        return List.copyOf(chain);
    }
}
