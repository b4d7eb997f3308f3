package io.multiimage.core.report;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.toolchain.MemoryRegion;
import io.multiimage.hex.ImageFormatException;
import io.multiimage.hex.IntelHex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Measures one image from the files its build left: its ELF file when there is one, else its
 * HEX (flash only), else nothing, and says which.
 */
public final class ImageMeasurement {

    /** The note of a prebuilt image. */
    public static final String PREBUILT = "no ELF (prebuilt): flash used is the HEX's extent; RAM unknown";

    private ImageMeasurement() {}

    /**
     * The figures of an image built with {@code strategy} ({@code from-source}, {@code use-hex},
     * {@code skip}) whose build left {@code elf} and {@code hex}, placed at {@code flash} with
     * {@code ram}; {@code label} names files as messages and the report show them.
     *
     * @throws InvalidConfigurationException when the ELF or HEX file is malformed
     * @throws IOException when a file cannot be read
     */
    public static ImageUsage measure(
            String strategy,
            Optional<Path> elf,
            Optional<Path> hex,
            MemoryRegion flash,
            MemoryRegion ram,
            Function<Path, String> label)
            throws IOException, InvalidConfigurationException {
        if (strategy.equals("skip")) {
            return ImageUsage.none("skipped (build strategy skip): its partition stays reserved, nothing is built");
        }
        if (elf.isPresent() && Files.isRegularFile(elf.get())) {
            return ImageUsage.fromElf(ElfSections.read(elf.get(), label.apply(elf.get())), flash, ram);
        }
        if (hex.isPresent() && Files.isRegularFile(hex.get())) {
            String file = label.apply(hex.get());
            try {
                return ImageUsage.fromHex(
                        IntelHex.read(hex.get()),
                        file,
                        flash,
                        strategy.equals("use-hex")
                                ? PREBUILT
                                : "no ELF file from the toolchain: flash used is the HEX's extent; RAM unknown");
            } catch (ImageFormatException e) {
                throw new InvalidConfigurationException("Memory report: " + e.getMessage(), e);
            }
        }
        return ImageUsage.none("not built yet: no ELF or HEX file");
    }
}
