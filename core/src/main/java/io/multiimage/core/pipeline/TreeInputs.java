package io.multiimage.core.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What decides the outputs of a build request, known before anything is compiled: the inputs of
 * every image the request builds, and for a whole tree the layout files its merge is placed by.
 * A build system that caches outputs by their inputs (such as Maven's build cache) keys them
 * with this; see {@link FirmwareBuild#inputs(BuildRequest)}.
 *
 * @param images the images in the request's scope that take part, in tree order
 * @param layouts for a whole tree, each domain's layout file ({@code partitions.yml},
 *     {@code regions.yml}, {@code pm.config}, ...) with its sha256; empty for a module's scope
 */
public record TreeInputs(Map<String, ImageInputs> images, SortedMap<String, String> layouts) {

    /** Takes copies, keeping the tree order of the images. */
    public TreeInputs {
        images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
        layouts = Collections.unmodifiableSortedMap(new TreeMap<>(layouts));
    }

    /** The inputs of {@code image}, if it is in the request's scope and takes part. */
    public Optional<ImageInputs> image(String image) {
        return Optional.ofNullable(images.get(image));
    }
}
