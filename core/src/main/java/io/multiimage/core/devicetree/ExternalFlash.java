package io.multiimage.core.devicetree;

import java.util.List;

/**
 * An external (SPI/QSPI NOR) flash chip, e.g. the MX25R64 on Nordic development kits.
 *
 * @param nodePath full path of the chip's node
 * @param labels labels on the node ({@code mx25r64})
 * @param compatible the matching compatible ({@code jedec,spi-nor} or {@code nordic,qspi-nor})
 * @param size capacity in bytes (the binding's {@code size} property is in bits)
 * @param enabled true if the node and all its ancestors have status "okay"
 */
public record ExternalFlash(String nodePath, List<String> labels, String compatible, long size, boolean enabled) {

    /** Copies the label list. */
    public ExternalFlash {
        labels = List.copyOf(labels);
    }
}
