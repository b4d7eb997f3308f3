package io.multiimage.core.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What later steps add to {@code build-info.json}: per image (how it was signed, for which slot)
 * and for the whole build (the signing version and key, accepted layout changes). Insertion order
 * is kept, so the file stays deterministic.
 */
final class BuildInfoExtras {

    private final Map<String, Map<String, Object>> images = new LinkedHashMap<>();
    private final Map<String, Object> root = new LinkedHashMap<>();

    /** Adds {@code key} → {@code value} to image {@code image}'s node. */
    BuildInfoExtras image(String image, String key, Object value) {
        images.computeIfAbsent(image, i -> new LinkedHashMap<>()).put(key, value);
        return this;
    }

    /** Adds {@code key} → {@code value} at the top level. */
    BuildInfoExtras root(String key, Object value) {
        root.put(key, value);
        return this;
    }

    /** Adds everything {@code other} holds. */
    BuildInfoExtras merge(BuildInfoExtras other) {
        other.images.forEach((image, facts) -> facts.forEach((key, value) -> image(image, key, value)));
        root.putAll(other.root);
        return this;
    }

    Map<String, Object> imageFacts(String image) {
        return Collections.unmodifiableMap(images.getOrDefault(image, Map.of()));
    }

    Map<String, Object> rootFacts() {
        return Collections.unmodifiableMap(root);
    }
}
