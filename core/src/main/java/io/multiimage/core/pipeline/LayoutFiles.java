package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.state.Fingerprint;
import io.multiimage.partition.ConfigGenerator;
import io.multiimage.partition.Layout;
import io.multiimage.partition.LayoutFileNames;
import io.multiimage.partition.OutputDomain;
import io.multiimage.partition.PartitionException;
import io.multiimage.partition.PlacedDomain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The files that describe the layouts, each written only when its content changed: a domain's
 * {@code partitions[_D].yml}, {@code regions[_D].yml} and {@code pm[_D].config} in the tree's
 * output directory (named by {@link LayoutFileNames}), and the {@code pm_config.h} of each image.
 */
final class LayoutFiles {

    private LayoutFiles() {}

    /**
     * Writes a domain's three files. A YAML file whose sha256 on disk is the one {@code written}
     * gives for it (what an earlier build of the same layout wrote) is left as it is without
     * rendering its YAML.
     *
     * @param written the sha256 of each YAML file as written for this layout before, by file name; may be empty
     * @return the sha256 of the text of each YAML file, by file name
     */
    static Map<String, String> write(PlacedDomain placed, Path outputDirectory, Map<String, String> written)
            throws IOException, InvalidConfigurationException {
        Layout layout = placed.layout();
        LayoutFileNames names = layout.fileNames();
        Map<String, String> digests = new LinkedHashMap<>();
        writeYaml(outputDirectory.resolve(names.partitions()), layout::partitionsYaml, written, digests);
        writeYaml(outputDirectory.resolve(names.regions()), layout::regionsYaml, written, digests);
        try {
            OutputFiles.writeIfChanged(
                    outputDirectory.resolve(names.pmConfig()), ConfigGenerator.pmConfig(List.of(placed.output())));
        } catch (PartitionException e) {
            throw new InvalidConfigurationException(e.getMessage(), e);
        }
        return digests;
    }

    private static void writeYaml(
            Path file, Supplier<String> yaml, Map<String, String> written, Map<String, String> digests)
            throws IOException {
        String name = file.getFileName().toString();
        Optional<String> known = Optional.ofNullable(written.get(name));
        if (known.isPresent()
                && Files.isRegularFile(file)
                && Fingerprint.sha256(file).equals(known.get())) {
            digests.put(name, known.get());
            return;
        }
        String text = yaml.get();
        OutputFiles.writeIfChanged(file, text);
        digests.put(name, Fingerprint.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Deletes a domain's three files: a domain without a layout must not keep an earlier build's. */
    static void delete(String pmDomain, Path outputDirectory) throws IOException {
        for (String name : new LayoutFileNames(pmDomain).all()) {
            Files.deleteIfExists(outputDirectory.resolve(name));
        }
    }

    /** Writes {@code pm_config.h} for {@code image} ({@code <domain>:<partition>}, e.g. {@code :app}). */
    static void writeHeader(Path file, List<OutputDomain> outputs, String image)
            throws IOException, InvalidConfigurationException {
        String header;
        try {
            header = ConfigGenerator.header(outputs, image, "pm_config.h");
        } catch (PartitionException e) {
            throw new InvalidConfigurationException("pm_config.h for " + image + ": " + e.getMessage(), e);
        }
        OutputFiles.writeIfChanged(file, header + "\n");
    }
}
