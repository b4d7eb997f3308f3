package io.multiimage.core.pipeline;

import io.multiimage.core.state.AssembleRecord;
import io.multiimage.core.state.CodeIdentity;
import io.multiimage.core.state.DevicetreeMemo;
import io.multiimage.core.state.DevicetreeRecord;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.state.Fingerprint;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.hex.ImageException;
import io.multiimage.hex.ImageMerger;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.hex.NamedImage;
import io.multiimage.hex.OverlapPolicy;
import io.multiimage.hex.ParallelReads;
import io.multiimage.hex.StartPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The assemble step: one merged HEX per domain ({@code merged.hex} for the top-level image's
 * domain, {@code merged_<DOMAIN>.hex} for the others) and {@code merged_domains.hex} holding
 * every domain. Any overlap between two images is an error naming both and the range.
 *
 * <p>The start address of a merged file is that of the image placed lowest in memory: on a
 * Cortex-M the core boots from the vector table at the start of flash, so that image is the
 * one that runs first. Inputs are merged in address order (an image linked at another alias of
 * the memory than its domain's layout, such as a secure image beside a non-secure application,
 * counts at the address the layout gives it), so the result does not depend on the order images
 * were declared or built in. A merge of the same HEX files into the same
 * domains that already wrote today's merged files is not redone ({@link AssembleRecord}).
 */
final class AssembleStage {

    private final BuildLog log;
    private final AssembleRecord record;

    /** An assemble step that logs to {@code log} and skips a merge {@code record} says is already done. */
    AssembleStage(BuildLog log, AssembleRecord record) {
        this.log = log;
        this.record = record;
    }

    /** Writes the merged files into {@code outputDirectory}; returns file name → path. */
    Map<String, Path> run(String rootDomain, List<BuiltImage> images, Path outputDirectory)
            throws InvalidConfigurationException, IOException {
        List<BuiltImage> withHex = images.stream().filter(image -> image.hex().isPresent()).toList();
        List<String> inputs = new ArrayList<>();
        inputs.add("root-domain\t" + rootDomain);
        for (BuiltImage image : withHex) {
            inputs.add(AssembleRecord.input(image.name(), image.placement().domain(), hexDigest(image)));
        }
        Optional<Map<String, Path>> done = record.load(outputDirectory, inputs);
        if (done.isPresent()) {
            return done.get();
        }
        List<MemoryImage> data = readAll(withHex);
        Map<String, List<Placed>> byDomain = new LinkedHashMap<>();
        byDomain.put(rootDomain, new ArrayList<>());
        for (int i = 0; i < withHex.size(); i++) {
            BuiltImage image = withHex.get(i);
            byDomain.computeIfAbsent(image.placement().domain(), d -> new ArrayList<>())
                    .add(new Placed(new NamedImage(image.name(), data.get(i)),
                            data.get(i).span().map(span -> span.start()).orElse(0L) - image.placement().aliasShift()));
        }
        Map<String, Path> written = new LinkedHashMap<>();
        List<NamedImage> domains = new ArrayList<>();
        for (Map.Entry<String, List<Placed>> domain : byDomain.entrySet()) {
            String fileName = domain.getKey().equals(rootDomain) ? "merged.hex" : "merged_" + domain.getKey() + ".hex";
            // In address order, seen as the layout sees memory: an image linked through another
            // alias (a secure image at 0x10000000 before a non-secure one at 0x10000) counts where
            // its partition lies.
            List<NamedImage> inLayoutOrder = domain.getValue().stream()
                    .sorted(Comparator.comparingLong(Placed::layoutAddress).thenComparing(p -> p.image().name()))
                    .map(Placed::image).toList();
            MemoryImage merged = merge(inLayoutOrder, "domain " + domain.getKey());
            written.put(fileName, write(merged, outputDirectory.resolve(fileName)));
            domains.add(new NamedImage(fileName, merged));
        }
        List<NamedImage> byAddress = new ArrayList<>(domains);
        byAddress.sort(Comparator.comparingLong((NamedImage n) -> n.image().span().map(s -> s.start()).orElse(0L))
                .thenComparing(NamedImage::name));
        MemoryImage all = merge(byAddress, "the domains");
        written.put("merged_domains.hex", write(all, outputDirectory.resolve("merged_domains.hex")));
        Map<String, String> digests = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : written.entrySet()) {
            digests.put(file.getKey(), Fingerprint.sha256(file.getValue()));
        }
        record.save(outputDirectory, inputs, digests);
        return written;
    }

    /** The sha256 of an image's HEX: from its build step's outputs, else read now. */
    private static String hexDigest(BuiltImage image) throws IOException {
        Path hex = image.hex().orElseThrow();
        String known = image.outputs().get(hex.getFileName().toString());
        return known != null ? known : Fingerprint.sha256(hex);
    }

    /** An image's data and where it starts, in the addresses of its domain's layout. */
    private record Placed(NamedImage image, long layoutAddress) {}

    /** Merges {@code inputs}, given in the order whose first start address the result keeps. */
    private MemoryImage merge(List<NamedImage> inputs, String what) throws InvalidConfigurationException {
        try {
            return ImageMerger.merge(inputs, OverlapPolicy.ERROR, StartPolicy.FIRST);
        } catch (ImageException e) {
            throw new InvalidConfigurationException("Merging " + what + " failed: " + e.getMessage(), e);
        }
    }

    /** Every image's HEX, read side by side; the first bad one (in tree order) fails the build. */
    private static List<MemoryImage> readAll(List<BuiltImage> images) throws InvalidConfigurationException, IOException {
        List<Path> files = images.stream().map(image -> image.hex().orElseThrow()).toList();
        List<ParallelReads.Outcome> outcomes = ParallelReads.readAll(files, IntelHex::read);
        List<MemoryImage> data = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Exception failure = outcomes.get(i).failure();
            if (failure instanceof ImageException e) {
                throw new InvalidConfigurationException("Image '" + images.get(i).name() + "': " + e.getMessage(), e);
            }
            if (failure instanceof IOException e) {
                throw e;
            }
            data.add(outcomes.get(i).image());
        }
        return data;
    }

    private Path write(MemoryImage image, Path file) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        IntelHex.write(image, text, IntelHex.WriteOptions.DEFAULT);
        if (OutputFiles.writeIfChanged(file, text.toByteArray())) {
            log.info("Wrote " + file.getFileName());
        }
        return file;
    }
}
