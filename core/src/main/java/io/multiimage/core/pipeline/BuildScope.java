package io.multiimage.core.pipeline;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which images of a tree one invocation builds. The whole tree is always configured and
 * placed (an image's address depends on every other image), but a firmware module builds only
 * the images it owns: its own image and the children declared as directories below it. Only
 * the top of the tree merges and writes the tree's own outputs ({@code partitions.yml},
 * {@code merged.hex}, {@code build-info.json}).
 *
 * @param moduleImage the image of the module asking; empty for a whole-tree build
 * @param images the images to build; empty for a whole-tree build (every image)
 */
public record BuildScope(Optional<String> moduleImage, Optional<Set<String>> images) {

    /** Checks the parts and freezes the set. */
    public BuildScope {
        Objects.requireNonNull(moduleImage, "moduleImage");
        images = images.map(set -> Set.copyOf(new TreeSet<>(set)));
        if (moduleImage.isPresent() != images.isPresent()) {
            throw new IllegalArgumentException("a module scope names its image and its images");
        }
    }

    /** Every image of the tree, then the merge: the top module's build. */
    public static BuildScope wholeTree() {
        return new BuildScope(Optional.empty(), Optional.empty());
    }

    /** The images a child module owns: {@code moduleImage} and its directory children. */
    public static BuildScope module(String moduleImage, Set<String> images) {
        if (!images.contains(moduleImage)) {
            throw new IllegalArgumentException(moduleImage + " must be among its own images " + images);
        }
        return new BuildScope(Optional.of(moduleImage), Optional.of(images));
    }

    /** True for the top module's build: every image, the merge and the tree's outputs. */
    public boolean isWholeTree() {
        return images.isEmpty();
    }

    /** True when {@code image} is built (and its outputs written) by this invocation. */
    public boolean includes(String image) {
        return images.map(set -> set.contains(image)).orElse(true);
    }
}
