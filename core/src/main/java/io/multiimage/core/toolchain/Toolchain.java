package io.multiimage.core.toolchain;

import io.multiimage.core.FirmwareException;
import java.nio.file.Path;
import java.util.List;

/**
 * A toolchain driver: turns one image's sources into an ELF and/or HEX file for the image's
 * partition. Implementations: {@link GnuArmToolchain} ({@code gnu-arm}, the default),
 * {@link CMakeToolchain} ({@code cmake}), {@link ExecToolchain} ({@code exec}).
 *
 * <p>Drivers are thread-safe: independent images may be built concurrently with one driver.
 */
public interface Toolchain {

    /** The driver's name as users write it: {@code gnu-arm}, {@code cmake}, {@code exec}. */
    String id();

    /**
     * Builds the image described by {@code request} into its build directory.
     *
     * @throws ToolNotFoundException if the compiler, CMake or command cannot be found
     * @throws ToolchainFailedException if a tool exited with an error (compile error, ...)
     * @throws ImageTooLargeException if the image does not fit its partition or RAM
     * @throws ToolchainTimeoutException if a tool ran longer than allowed
     * @throws FirmwareException for other failures (missing sources, missing outputs, I/O)
     * @throws InterruptedException if the calling thread was interrupted; running tools were killed
     */
    ToolchainOutputs build(ToolchainRequest request) throws FirmwareException, InterruptedException;

    /**
     * A text that changes whenever this driver would build {@code request} differently, apart
     * from the contents of the source files and generated headers: the tool and its version,
     * flags, command lines, the generated linker script. The build hashes it together with the
     * image's input files to decide whether the image is up to date. Stable: the same request
     * on the same machine gives the same text. The job count ({@link ToolchainRequest#parallelism()})
     * is left out: it changes how fast an image builds, not what it builds.
     *
     * @throws ToolNotFoundException if the tool cannot be found
     * @throws FirmwareException if the tool's version cannot be read
     * @throws InterruptedException if the calling thread was interrupted
     */
    String fingerprint(ToolchainRequest request) throws FirmwareException, InterruptedException;

    /**
     * The files the last {@link #build} of {@code request} read besides the image's source tree
     * and generated headers, as the tools themselves reported them (a compiler's dependency
     * files): an edit to any of them makes the image out of date. Empty for drivers that cannot
     * tell.
     *
     * @throws FirmwareException when the tools' reports cannot be read
     */
    default List<Path> filesRead(ToolchainRequest request) throws FirmwareException {
        return List.of();
    }
}
