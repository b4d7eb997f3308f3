package io.multiimage.bench.hex;

import java.util.List;

/**
 * The benchmark workloads: each is a list of images (name, base address, size) whose bytes
 * come from a seeded generator, so every run on every machine merges the same files.
 */
public enum Workload {
    /** A typical multi-image product: bootloader, app, network core, settings; about 1 MiB. */
    SMALL(List.of(
            new Image("mcuboot.hex", 0x0000_0000L, 48 << 10),
            new Image("app.hex", 0x0000_C000L, 832 << 10),
            new Image("settings.hex", 0x000F_C000L, 16 << 10),
            new Image("netcore.hex", 0x0100_0000L, 128 << 10))),
    /** A 16 MiB external flash image (nRF53 QSPI XIP window) plus 1 MiB of internal flash. */
    EXT16(List.of(new Image("internal.hex", 0x0000_0000L, 1 << 20), new Image("external.hex", 0x1000_0000L, 16 << 20))),
    /** 64 MiB in four 16 MiB images. */
    BIG64(List.of(
            new Image("part0.hex", 0x1000_0000L, 16 << 20),
            new Image("part1.hex", 0x1100_0000L, 16 << 20),
            new Image("part2.hex", 0x1200_0000L, 16 << 20),
            new Image("part3.hex", 0x1300_0000L, 16 << 20)));

    /**
     * One input file of a workload.
     *
     * @param file    file name
     * @param address where its data starts
     * @param size    data bytes
     */
    public record Image(String file, long address, int size) {}

    private final List<Image> images;

    Workload(List<Image> images) {
        this.images = images;
    }

    /** The inputs, in merge order. */
    public List<Image> images() {
        return images;
    }

    /** Total data bytes. */
    public long dataBytes() {
        return images.stream().mapToLong(Image::size).sum();
    }

    /** Lower-case name, used for directories. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
