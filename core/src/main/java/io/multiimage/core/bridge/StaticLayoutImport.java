package io.multiimage.core.bridge;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.board.BoardCatalog;
import io.multiimage.core.devicetree.DeviceTree;
import io.multiimage.core.devicetree.DevicetreeMerger;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.hex.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code firmware:import-devicetree}: a devicetree's partition tables written as a module's
 * {@code pm_static.yml}, never replacing an existing file unless asked to.
 */
public final class StaticLayoutImport {

    private StaticLayoutImport() {}

    /**
     * Reads {@code files} (the board devicetree, then overlays) and writes the static layout to
     * {@code target}.
     *
     * @param projectBoards the project's {@code boards/} directory; its {@code include/} (if any)
     *     and the shipped SoC files are searched for {@code #include <…>}
     * @param overwrite replace {@code target} when it exists
     * @return the layout written
     * @throws InvalidConfigurationException when {@code target} exists and {@code overwrite} is
     *     false, or the devicetree cannot be read as partitions (naming FILE:LINE)
     */
    public static ImportedLayout write(
            List<Path> files, Path projectBoards, RegionNodes regions, Path target, boolean overwrite, BuildLog log)
            throws InvalidConfigurationException, IOException {
        if (files.isEmpty()) {
            throw new InvalidConfigurationException("no devicetree file given to import");
        }
        if (Files.exists(target) && !overwrite) {
            throw new InvalidConfigurationException(target.getFileName() + " exists already in " + target.getParent()
                    + "; it is not replaced unless overwriting is asked for (firmware.devicetree.overwrite=true)");
        }
        List<Path> includeDirs = new ArrayList<>();
        if (Files.isDirectory(projectBoards.resolve("include"))) {
            includeDirs.add(projectBoards.resolve("include"));
        }
        includeDirs.add(BoardCatalog.shippedIncludeDir());
        DeviceTree tree = new DevicetreeMerger(log).merge(files.get(0), files.subList(1, files.size()), includeDirs);
        ImportedLayout layout = new DevicetreeImporter(regions).read(tree);
        layout.warnings().forEach(log::warn);
        AtomicFiles.writeString(target, layout.pmStaticYaml(ImportedLayout.comment(files)));
        return layout;
    }
}
