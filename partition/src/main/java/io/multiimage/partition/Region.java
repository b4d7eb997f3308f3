package io.multiimage.partition;

import java.util.Objects;

/**
 * A contiguous memory range of one domain that partitions are placed in.
 *
 * @param name                 region name ({@code flash_primary}, {@code sram_primary}, {@code otp}, ...)
 * @param baseAddress          first address
 * @param size                 size in bytes
 * @param strategy             placement strategy
 * @param device               device name for the header ({@code ""} for none)
 * @param defaultDriverKconfig Kconfig option enabling the driver ({@code ""} for none)
 * @param dynamicPartition     name of the partition taking the free space of a complex region,
 *                             {@code null} for the default ({@code app})
 */
public record Region(
        String name,
        long baseAddress,
        long size,
        PlacementStrategy strategy,
        String device,
        String defaultDriverKconfig,
        String dynamicPartition) {

    /** Validates the fields; {@code device} and {@code defaultDriverKconfig} default to {@code ""}. */
    public Region {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        device = device == null ? "" : device;
        defaultDriverKconfig = defaultDriverKconfig == null ? "" : defaultDriverKconfig;
        if (name.isEmpty()) {
            throw new IllegalArgumentException("region name must not be empty");
        }
        if (size < 0) {
            throw new IllegalArgumentException("region " + name + ": negative size " + size);
        }
    }

    /** A region without device, driver or dynamic partition name. */
    public static Region of(String name, long baseAddress, long size, PlacementStrategy strategy) {
        return new Region(name, baseAddress, size, strategy, "", "", null);
    }

    /** A copy with a device and its driver Kconfig option. */
    public Region withDevice(String newDevice, String kconfig) {
        return new Region(name, baseAddress, size, strategy, newDevice, kconfig, dynamicPartition);
    }

    /** A copy with another dynamic partition name. */
    public Region withDynamicPartition(String partition) {
        return new Region(name, baseAddress, size, strategy, device, defaultDriverKconfig, partition);
    }

    /** The dynamic partition actually used: the configured one or {@code app}. */
    public String effectiveDynamicPartition() {
        return dynamicPartition == null ? "app" : dynamicPartition;
    }

    /** One past the last address. */
    public long endAddress() {
        return baseAddress + size;
    }
}
