package io.multiimage.core.board;

import io.multiimage.core.devicetree.DeviceTree;
import io.multiimage.core.devicetree.DevicetreeException;
import io.multiimage.core.devicetree.DevicetreeMerger;
import io.multiimage.core.devicetree.MemoryFacts;
import io.multiimage.core.devicetree.MemoryFactsExtractor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A board with its revision chosen: what an image is built for.
 *
 * @param definition the board
 * @param revision the revision in effect (the given one, else the board's default)
 */
public record Board(BoardDefinition definition, Optional<String> revision) {

    /** The board name, e.g. {@code nrf9160dk/nrf9160/ns}. */
    public String name() {
        return definition.name();
    }

    /** The domain images on this board belong to. */
    public String domain() {
        return definition.domain();
    }

    /** The board's devicetree source. */
    public Path dts() {
        return definition.dts();
    }

    /** Include search path for the board's devicetree and for overlays that include SoC headers. */
    public List<Path> includeDirs() {
        return definition.includeDirs();
    }

    /**
     * Overlays that belong to the board itself and go before any application overlay: the
     * revision overlay, if the board has one for {@link #revision()}.
     */
    public List<Path> boardOverlays() {
        List<Path> overlays = new ArrayList<>();
        revision.flatMap(definition::revisionOverlay).ifPresent(overlays::add);
        return List.copyOf(overlays);
    }

    /** The board's devicetree with its own overlays merged, without application overlays. */
    public DeviceTree devicetree() throws DevicetreeException {
        return new DevicetreeMerger().merge(dts(), boardOverlays(), includeDirs());
    }

    /**
     * Memory facts of the board alone: the flash, SRAM, external flash and partitions that
     * every image of this board's domain shares.
     */
    public MemoryFacts memoryFacts() throws DevicetreeException {
        return MemoryFactsExtractor.extract(devicetree());
    }

    /** Name and revision as Zephyr writes them: {@code nrf9160dk@0.14.0/nrf9160/ns}. */
    @Override
    public String toString() {
        if (revision.isEmpty()) {
            return name();
        }
        int slash = name().indexOf('/');
        return slash < 0
                ? name() + "@" + revision.get()
                : name().substring(0, slash) + "@" + revision.get() + name().substring(slash);
    }
}
