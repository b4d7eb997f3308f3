package io.multiimage.core.pipeline;

import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.ImageDeclaration;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One multi-image build, as plain values: the image tree, the variables given on the command
 * line, and where the outputs go. The Maven plugin fills it from the reactor; a CLI could
 * fill it from files.
 *
 * @param layout the project root, against which paths in messages are shown
 * @param rootImage the name of the image at the top of the tree
 * @param declarations every image of the tree (the root and all descendants)
 * @param sources per image built from source: its sources and driver settings (images
 *     missing here use {@link ImageSources#conventional})
 * @param variables the top-level variables, as the seed's {@code -D} CMake options:
 *     {@code CONFIG_X}, {@code EXTRA_CONF_FILE}, {@code mcuboot_CONF_FILE}, ...
 * @param properties build properties consulted for strategy overrides
 *     ({@code mcuboot.buildStrategy}) and property conditions
 * @param outputDirectory the tree's output directory ({@code target/firmware} of the root)
 * @param onlyImage build only this image of the tree (a child module building itself);
 *     empty builds every image and assembles the merged outputs
 * @param options how to run the build
 */
public record BuildRequest(ProjectLayout layout, String rootImage, List<ImageDeclaration> declarations,
        Map<String, ImageSources> sources, Map<String, String> variables, Map<String, String> properties,
        Path outputDirectory, Optional<String> onlyImage, BuildOptions options) {

    /** Checks the parts and takes sorted, immutable copies of the maps. */
    public BuildRequest {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(rootImage, "rootImage");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(onlyImage, "onlyImage");
        Objects.requireNonNull(options, "options");
        declarations = List.copyOf(declarations);
        sources = Map.copyOf(sources);
        variables = Collections.unmodifiableSortedMap(new TreeMap<>(variables));
        properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
    }

    /** The sources of {@code image}, declared or conventional. */
    public ImageSources sourcesOf(String image, Path applicationDir) {
        return sources.getOrDefault(image, ImageSources.conventional(applicationDir));
    }
}
