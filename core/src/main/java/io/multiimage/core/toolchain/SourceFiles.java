package io.multiimage.core.toolchain;

import io.multiimage.core.EnvironmentException;
import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds the C and assembly sources of an image, in a stable order. */
final class SourceFiles {

    private SourceFiles() {}

    /**
     * Every {@code .c}, {@code .s} and {@code .S} file under {@code sourceDir}, as paths relative
     * to it, sorted by their '/'-separated text so the order does not depend on the file system.
     */
    static List<Path> find(String imageName, Path sourceDir) throws FirmwareException {
        if (!Files.isDirectory(sourceDir)) {
            throw new InvalidConfigurationException("Image '" + imageName + "': source directory " + sourceDir
                    + " does not exist; put the image's C and assembly sources there");
        }
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceDir)) {
            files.filter(Files::isRegularFile)
                    .filter(SourceFiles::isSource)
                    .forEach(f -> sources.add(sourceDir.relativize(f)));
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Image '" + imageName + "': cannot list sources in " + sourceDir + ": " + e, e);
        }
        if (sources.isEmpty()) {
            throw new InvalidConfigurationException(
                    "Image '" + imageName + "': no C or assembly sources (.c, .s, .S) in " + sourceDir);
        }
        sources.sort(Comparator.comparing(SourceFiles::slashed));
        return sources;
    }

    static boolean isSource(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".c") || name.endsWith(".s") || name.endsWith(".S");
    }

    /** The relative path with '/' separators, as shown to users and used for object names. */
    static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
