package io.multiimage.core.pipeline;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a build produced.
 *
 * @param moduleImage the image of the module that asked: the top's, or the child module's own
 * @param images the images built (or checked up to date), in tree pre-order
 * @param merged merged file name ({@code merged.hex}, {@code merged_CPUNET.hex},
 *     {@code merged_domains.hex}) → path; empty when only one image was built
 * @param buildInfo {@code build-info.json}; empty when only one image was built
 * @param published further files the module publishes with a classifier: its signed image, and at
 *     the top of a tree the NCS update files and {@code dfu_application.zip}
 */
public record BuildResult(
        String moduleImage,
        List<BuiltImage> images,
        Map<String, Path> merged,
        Optional<Path> buildInfo,
        List<PublishedFile> published) {

    /** Copies the parts. */
    public BuildResult {
        Objects.requireNonNull(moduleImage, "moduleImage");
        images = List.copyOf(images);
        merged = Collections.unmodifiableMap(new LinkedHashMap<>(merged));
        published = List.copyOf(published);
    }

    /** A result that publishes nothing besides the HEX files. */
    public BuildResult(
            String moduleImage, List<BuiltImage> images, Map<String, Path> merged, Optional<Path> buildInfo) {
        this(moduleImage, images, merged, buildInfo, List.of());
    }

    /** The image named {@code name}. */
    public Optional<BuiltImage> image(String name) {
        return images.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /**
     * The module's own image as this module built it from source; empty when the image is not
     * built here (left out of the tree, taken prebuilt or skipped): a module publishes only the
     * bytes it built.
     */
    public Optional<BuiltImage> ownBuiltImage() {
        return image(moduleImage).filter(image -> image.strategy().equals("from-source"));
    }

    /** The merged HEX of the top-level image's domain. */
    public Optional<Path> mergedHex() {
        return Optional.ofNullable(merged.get("merged.hex"));
    }
}
