package io.multiimage.core.pipeline;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What decides the outputs of one image, known before anything is compiled: how it gets into the
 * firmware, where it lives, and every input its build step compares, each reduced to a sha256.
 * Two builds whose images have equal inputs produce the same files for them, in any checkout:
 * nothing here names the checkout's location.
 *
 * @param name the image
 * @param strategy {@code from-source}, {@code use-hex} or {@code skip}
 * @param strategyOrigin who chose the strategy, as {@code build-info.json} records it
 * @param hexOrigin where a prebuilt HEX comes from (a file or coordinates); empty when built here
 * @param placement the image's domain, partition, flash and RAM
 * @param signingSlot the MCUboot-format slot the layout puts the image in, where the build signs it; empty
 *     when the build does not sign it
 * @param entries each input by name ({@code toolchain}, {@code .config}, {@code src/main.c},
 *     {@code prebuilt-hex}, ...) with its sha256, sorted by name
 */
public record ImageInputs(
        String name,
        String strategy,
        String strategyOrigin,
        Optional<String> hexOrigin,
        String placement,
        Optional<String> signingSlot,
        SortedMap<String, String> entries) {

    /** Checks the parts and takes a sorted copy of the entries. */
    public ImageInputs {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(strategyOrigin, "strategyOrigin");
        Objects.requireNonNull(hexOrigin, "hexOrigin");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(signingSlot, "signingSlot");
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }
}
