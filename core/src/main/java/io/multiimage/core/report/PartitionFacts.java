package io.multiimage.core.report;

/**
 * Where a partition lies, as a baseline remembers it and a comparison shows it.
 *
 * @param address first address
 * @param size bytes
 */
public record PartitionFacts(long address, long size) {

    /** {@code 0x14000 (0x2c000 bytes)}. */
    @Override
    public String toString() {
        return "0x" + Long.toHexString(address) + " (0x" + Long.toHexString(size) + " bytes)";
    }
}
