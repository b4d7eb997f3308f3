package io.multiimage.core.pipeline;

import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.BuildProperties;
import io.multiimage.core.model.ImageDeclaration;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One multi-image build, as plain values: the image tree, the variables given on the command
 * line, where each image's outputs go and which images this invocation builds. The Maven
 * plugin fills it from the reactor; a CLI or a test fills it from files.
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
 * @param outputDirectory the tree's output directory ({@code target/firmware} of the top
 *     module): the layout, the merged files and {@code build-info.json}
 * @param imageDirectories each image's build directory where it is not
 *     {@code <outputDirectory>/<image>}: an image owned by another module builds into that
 *     module's {@code target/firmware/<image>}
 * @param scope which images this invocation builds, and whether it merges
 * @param options how to run the build
 */
public record BuildRequest(
        ProjectLayout layout,
        String rootImage,
        List<ImageDeclaration> declarations,
        Map<String, ImageSources> sources,
        Map<String, String> variables,
        BuildProperties properties,
        Path outputDirectory,
        Map<String, Path> imageDirectories,
        BuildScope scope,
        BuildOptions options) {

    /** Checks the parts and takes sorted, immutable copies of the maps. */
    public BuildRequest {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(rootImage, "rootImage");
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(options, "options");
        declarations = List.copyOf(declarations);
        sources = Map.copyOf(sources);
        variables = Collections.unmodifiableSortedMap(new TreeMap<>(variables));
        imageDirectories = Collections.unmodifiableSortedMap(new TreeMap<>(imageDirectories));
    }

    /** A whole-tree request with everything else empty or default; see {@link Builder}. */
    public static Builder builder(
            ProjectLayout layout, String rootImage, List<ImageDeclaration> declarations, Path outputDirectory) {
        return new Builder(layout, rootImage, declarations, outputDirectory);
    }

    /** The sources of {@code image}, declared or conventional. */
    public ImageSources sourcesOf(String image, Path applicationDir) {
        return sources.getOrDefault(image, ImageSources.conventional(applicationDir));
    }

    /** Fluent construction of a request. */
    public static final class Builder {
        private final ProjectLayout layout;
        private final String rootImage;
        private final List<ImageDeclaration> declarations;
        private final Path outputDirectory;
        private Map<String, ImageSources> sources = Map.of();
        private Map<String, String> variables = Map.of();
        private BuildProperties properties = BuildProperties.none();
        private final Map<String, Path> imageDirectories = new LinkedHashMap<>();
        private BuildScope scope = BuildScope.wholeTree();
        private BuildOptions options = BuildOptions.defaults();

        private Builder(
                ProjectLayout layout, String rootImage, List<ImageDeclaration> declarations, Path outputDirectory) {
            this.layout = layout;
            this.rootImage = rootImage;
            this.declarations = declarations;
            this.outputDirectory = outputDirectory;
        }

        /** Sets the sources of the images built from source. */
        public Builder sources(Map<String, ImageSources> value) {
            this.sources = value;
            return this;
        }

        /** Sets the seed-style variables. */
        public Builder variables(Map<String, String> value) {
            this.variables = value;
            return this;
        }

        /** Sets the build properties. */
        public Builder properties(BuildProperties value) {
            this.properties = value;
            return this;
        }

        /** Builds {@code image} into {@code directory} instead of {@code <outputDirectory>/<image>}. */
        public Builder imageDirectory(String image, Path directory) {
            imageDirectories.put(image, directory);
            return this;
        }

        /** Sets which images this invocation builds. */
        public Builder scope(BuildScope value) {
            this.scope = value;
            return this;
        }

        /** Sets how to run the build. */
        public Builder options(BuildOptions value) {
            this.options = value;
            return this;
        }

        /** The request. */
        public BuildRequest build() {
            return new BuildRequest(
                    layout,
                    rootImage,
                    declarations,
                    sources,
                    variables,
                    properties,
                    outputDirectory,
                    imageDirectories,
                    scope,
                    options);
        }
    }
}
