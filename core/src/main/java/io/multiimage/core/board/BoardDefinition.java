package io.multiimage.core.board;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * A board the build can target: its devicetree, CPU facts, domain and revisions.
 *
 * @param name board name with qualifiers, e.g. {@code nrf5340dk/nrf5340/cpuapp}
 * @param domain the domain (CPU core) images on this board belong to: {@code CPUAPP},
 *     {@code CPUNET}
 * @param soc the system on chip, e.g. {@code nrf5340}
 * @param cpu compiler facts
 * @param qemuMachine the {@code qemu-system-arm -machine} that emulates the board, if any
 * @param revisions known revisions, empty if the board has none
 * @param defaultRevision the revision used when none is given
 * @param directory the board's directory (shipped resources or {@code boards/<file name>/})
 * @param dts the board's devicetree source
 * @param includeDirs search path for the board's {@code #include <…>}
 * @param shipped true for boards that come with the plugin, false for project boards
 * @param domainBoards for each other domain of the same chip, the board that defines it
 *     ({@code CPUNET → nrf5340dk/nrf5340/cpunet}), as the seed's
 *     {@code CONFIG_DOMAIN_<DOMAIN>_BOARD}
 */
public record BoardDefinition(String name, String domain, String soc, CpuFacts cpu, Optional<String> qemuMachine,
        List<String> revisions, Optional<String> defaultRevision, Path directory, Path dts, List<Path> includeDirs,
        boolean shipped, Map<String, String> domainBoards) {

    /** Copies the lists. */
    public BoardDefinition {
        revisions = List.copyOf(revisions);
        includeDirs = List.copyOf(includeDirs);
        domainBoards = Collections.unmodifiableMap(new TreeMap<>(domainBoards));
    }

    /** The name used for files: {@code nrf5340dk/nrf5340/cpuapp} → {@code nrf5340dk_nrf5340_cpuapp}. */
    public String fileName() {
        return BoardCatalog.fileNameOf(name);
    }

    /**
     * The board's own overlay for a revision, {@code <file name>_<rev with _ for .>.overlay}
     * in the board directory, if it exists.
     */
    public Optional<Path> revisionOverlay(String revision) {
        Path overlay = directory.resolve(fileName() + "_" + revision.replace('.', '_') + ".overlay");
        return Files.isRegularFile(overlay) ? Optional.of(overlay) : Optional.empty();
    }
}
