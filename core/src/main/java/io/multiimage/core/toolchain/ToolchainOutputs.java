package io.multiimage.core.toolchain;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The files a driver produced for one image. At least one of ELF and HEX is present.
 *
 * @param elf the linked image ({@code <image>.elf}), if the driver produced one
 * @param hex the image as Intel HEX, if the driver produced one
 * @param map the linker map, if any
 * @param size flash and RAM use, when the driver could measure it
 */
public record ToolchainOutputs(Optional<Path> elf, Optional<Path> hex, Optional<Path> map, Optional<SizeReport> size) {

    /** Checks that something was produced. */
    public ToolchainOutputs {
        if (elf.isEmpty() && hex.isEmpty()) {
            throw new IllegalArgumentException("a toolchain must produce an ELF or a HEX file");
        }
    }
}
