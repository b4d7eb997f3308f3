package io.multiimage.core.lock;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The locked part of one domain's layout.
 *
 * @param domain the domain ({@code -} for the top image's)
 * @param partitions the locked partitions, by address then name
 * @param eraseBlock the flash sector size, where the board gives it
 * @param writeBlock the flash write block size
 */
public record DomainLock(String domain, List<LockedPartition> partitions, OptionalLong eraseBlock, long writeBlock) {

    /** Copies the list. */
    public DomainLock {
        Objects.requireNonNull(domain, "domain");
        partitions = List.copyOf(partitions);
        Objects.requireNonNull(eraseBlock, "eraseBlock");
    }
}
