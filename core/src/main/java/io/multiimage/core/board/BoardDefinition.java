package io.multiimage.core.board;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
 * @param memoryAliasOffset how far above the board's base view this board's devicetree places
 *     memory: on a chip whose IDAU makes the security state depend on an address bit (Arm's
 *     SSE-200 and IoTKit: bit 28), the secure board sees the code and data memory the non-secure
 *     board sees at {@code 0x00000000} and {@code 0x28000000} at {@code 0x10000000} and
 *     {@code 0x38000000}, so its offset is {@code 0x10000000}; 0 for every board without such
 *     an alias. Images of one domain share one layout; each is linked at its partition's
 *     address moved by the difference of the two boards' offsets (see {@link #aliasShiftFrom})
 */
public record BoardDefinition(
        String name,
        String domain,
        String soc,
        CpuFacts cpu,
        Optional<String> qemuMachine,
        List<String> revisions,
        Optional<String> defaultRevision,
        Path directory,
        Path dts,
        List<Path> includeDirs,
        boolean shipped,
        Map<String, String> domainBoards,
        long memoryAliasOffset) {

    /** Copies the lists and checks the alias offset. */
    public BoardDefinition {
        revisions = List.copyOf(revisions);
        includeDirs = List.copyOf(includeDirs);
        domainBoards = Collections.unmodifiableMap(new TreeMap<>(domainBoards));
        if (memoryAliasOffset < 0 || memoryAliasOffset >= 1L << 32) {
            throw new IllegalArgumentException(
                    "memory alias offset of board " + name + " is not a 32-bit address: " + memoryAliasOffset);
        }
    }

    /** A board whose memory has no alias (offset 0). */
    public BoardDefinition(
            String name,
            String domain,
            String soc,
            CpuFacts cpu,
            Optional<String> qemuMachine,
            List<String> revisions,
            Optional<String> defaultRevision,
            Path directory,
            Path dts,
            List<Path> includeDirs,
            boolean shipped,
            Map<String, String> domainBoards) {
        this(
                name,
                domain,
                soc,
                cpu,
                qemuMachine,
                revisions,
                defaultRevision,
                directory,
                dts,
                includeDirs,
                shipped,
                domainBoards,
                0);
    }

    /**
     * How far an address of {@code layoutBoard}'s view of memory moves in this board's view:
     * {@code 0x10000000} for a secure image placed in the layout of a non-secure application's
     * domain, {@code -0x10000000} the other way round, 0 when both boards see memory alike.
     */
    public long aliasShiftFrom(BoardDefinition layoutBoard) {
        return memoryAliasOffset - layoutBoard.memoryAliasOffset();
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
