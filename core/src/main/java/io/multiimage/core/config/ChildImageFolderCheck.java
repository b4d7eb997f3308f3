package io.multiimage.core.config;

import io.multiimage.core.model.ClosestName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds what a parent's {@code child_image/} folder holds that no child reads: the
 * configuration rules only look up the names of declared children, so a misspelt
 * {@code child_image/mcubot.conf} would otherwise be ignored without a word.
 *
 * <p>The names a child reads (child-image rules §1, §4, §5): {@code <img>.conf},
 * {@code <img>_<bt>.conf} (any build type: a file for another build type is fine),
 * {@code <img>.overlay} and the folder {@code <img>/}. Hidden entries ({@code .gitkeep}) are
 * left alone; the folder's contents are not checked.
 */
public final class ChildImageFolderCheck {

    /** The folder in a parent's directory that holds its children's files. */
    public static final String FOLDER = "child_image";

    private ChildImageFolderCheck() {}

    /**
     * One warning per entry of {@code parentDir/child_image/} that no child of {@code parent}
     * reads, in name order, naming the entry (project-relative) and the closest child name
     * when one is close enough to be what was meant ({@link ClosestName}).
     *
     * @param parent the parent image's name
     * @param parentDir the parent image's directory
     * @param children the names of every child the parent declares (also those left out of this build)
     * @param layout how paths are shown
     * @throws IOException when the folder cannot be listed
     */
    public static List<String> warnings(String parent, Path parentDir, List<String> children, ProjectLayout layout)
            throws IOException {
        Path folder = parentDir.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> entries;
        try (Stream<Path> listing = Files.list(folder)) {
            entries = listing.filter(entry -> !entry.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
        List<String> warnings = new ArrayList<>();
        for (Path entry : entries) {
            problem(entry, parent, children)
                    .ifPresent(problem -> warnings.add(
                            layout.relative(entry) + (Files.isDirectory(entry) ? "/" : "") + " " + problem));
        }
        return warnings;
    }

    /** What is wrong with one entry; empty when a child reads it. */
    private static Optional<String> problem(Path entry, String parent, List<String> children) {
        String name = entry.getFileName().toString();
        if (Files.isDirectory(entry)) {
            return children.contains(name) ? Optional.empty() : Optional.of(noChild(List.of(name), parent, children));
        }
        if (name.endsWith(".conf")) {
            String stem = name.substring(0, name.length() - ".conf".length());
            boolean read = children.stream()
                    .anyMatch(child ->
                            stem.equals(child) || (stem.startsWith(child + "_") && stem.length() > child.length() + 1));
            return read ? Optional.empty() : Optional.of(noChild(imageParts(stem), parent, children));
        }
        if (name.endsWith(".overlay")) {
            String stem = name.substring(0, name.length() - ".overlay".length());
            if (children.contains(stem)) {
                return Optional.empty();
            }
            if (children.stream().noneMatch(child -> stem.startsWith(child + "_"))) {
                return Optional.of(noChild(List.of(stem), parent, children));
            }
        }
        return Optional.of("fits none of the names a child image reads from " + FOLDER + "/ (<child>.conf,"
                + " <child>_<buildtype>.conf, <child>.overlay, <child>/), so no image uses it");
    }

    /** The names the image part of {@code stem} may be: all of it, or what comes before any {@code _}. */
    private static List<String> imageParts(String stem) {
        List<String> parts = new ArrayList<>();
        for (int at = stem.indexOf('_'); at > 0; at = stem.indexOf('_', at + 1)) {
            parts.add(stem.substring(0, at));
        }
        parts.add(stem);
        return parts;
    }

    private static String noChild(List<String> imageParts, String parent, List<String> children) {
        String known =
                children.isEmpty() ? parent + " declares no child images" : "children: " + String.join(", ", children);
        Optional<String> meant = Optional.empty();
        int best = Integer.MAX_VALUE;
        for (String part : imageParts) {
            Optional<String> closest = ClosestName.among(part, children);
            if (closest.isPresent() && ClosestName.distance(part, closest.get()) < best) {
                meant = closest;
                best = ClosestName.distance(part, closest.get());
            }
        }
        return "matches no child image of " + parent + " (" + known + ")"
                + meant.map(child -> "; did you mean '" + child + "'?").orElse(", so no image uses it");
    }
}
