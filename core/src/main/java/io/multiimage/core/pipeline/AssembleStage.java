package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.state.AssembleRecord;
import io.multiimage.core.state.Fingerprint;
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
import java.nio.file.Files;
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
 *
 * <p>Every merged file is also written in the chosen {@link MergeFormats} ({@code merged.bin},
 * {@code merged.srec}, {@code merged.uf2}; no {@code merged_domains.bin} for several domains);
 * the record knows these files too, so deleting one makes the next build write it again, and
 * a format no longer chosen has its files removed.
 */
final class AssembleStage {

    private final BuildLog log;
    private final AssembleRecord record;
    private final MergeFormats formats;

    /** An assemble step that logs to {@code log} and skips a merge {@code record} says is already done. */
    AssembleStage(BuildLog log, AssembleRecord record) {
        this(log, record, MergeFormats.HEX_ONLY);
    }

    /** As above, writing every merged file in {@code formats} too. */
    AssembleStage(BuildLog log, AssembleRecord record, MergeFormats formats) {
        this.log = log;
        this.record = record;
        this.formats = formats;
    }

    /**
     * What the step wrote.
     *
     * @param hex merged HEX file name → path, in the order written
     * @param additional the same merged files in the other formats, published under the HEX's classifier
     * @param binaryStarts binary file name → the address of its first byte
     */
    record Assembled(Map<String, Path> hex, List<PublishedFile> additional, Map<String, Long> binaryStarts) {

        /** Every file written, HEX first, for build-info.json. */
        Map<String, Path> all() {
            Map<String, Path> all = new LinkedHashMap<>(hex);
            additional.forEach(file -> all.put(file.file().getFileName().toString(), file.file()));
            return all;
        }

        /** What build-info.json says about each binary: where it starts, its size and fill byte. */
        Map<String, Object> binaryFacts(MergeFormats formats) throws IOException {
            Map<String, Object> facts = new LinkedHashMap<>();
            for (PublishedFile file : additional) {
                String name = file.file().getFileName().toString();
                Long start = binaryStarts.get(name);
                if (start != null) {
                    Map<String, Object> node = new LinkedHashMap<>();
                    node.put("address", "0x" + Long.toHexString(start));
                    node.put("size", "0x" + Long.toHexString(Files.size(file.file())));
                    node.put("fill", String.format("0x%02x", formats.binFill() & 0xFF));
                    facts.put(name, node);
                }
            }
            return facts;
        }
    }

    /** Writes the merged files into {@code outputDirectory}; returns HEX file name → path. */
    Map<String, Path> run(String rootDomain, List<BuiltImage> images, Path outputDirectory)
            throws InvalidConfigurationException, IOException {
        return assemble(rootDomain, images, outputDirectory).hex();
    }

    /**
     * Writes the merged files into {@code outputDirectory}, in every chosen format. Nothing is
     * written unless every file can be: a merge conflict or a binary over a too large gap fails
     * before the first write.
     */
    Assembled assemble(String rootDomain, List<BuiltImage> images, Path outputDirectory)
            throws InvalidConfigurationException, IOException {
        List<BuiltImage> withHex =
                images.stream().filter(image -> image.hex().isPresent()).toList();
        List<String> inputs = new ArrayList<>();
        inputs.add("root-domain\t" + rootDomain);
        if (!formats.equals(MergeFormats.HEX_ONLY)) {
            inputs.add(formats.recordLine()); // absent for HEX only, so earlier records stay valid
        }
        for (BuiltImage image : withHex) {
            inputs.add(AssembleRecord.input(image.name(), image.placement().domain(), hexDigest(image)));
        }
        Optional<AssembleRecord.Recorded> done = record.loadRecorded(outputDirectory, inputs);
        if (done.isPresent()) {
            return recorded(done.get());
        }
        List<MemoryImage> data = readAll(withHex);
        Map<String, List<Placed>> byDomain = new LinkedHashMap<>();
        byDomain.put(rootDomain, new ArrayList<>());
        for (int i = 0; i < withHex.size(); i++) {
            BuiltImage image = withHex.get(i);
            byDomain.computeIfAbsent(image.placement().domain(), d -> new ArrayList<>())
                    .add(new Placed(
                            new NamedImage(image.name(), data.get(i)),
                            data.get(i).span().map(span -> span.start()).orElse(0L)
                                    - image.placement().aliasShift()));
        }
        Map<String, MemoryImage> mergedFiles = new LinkedHashMap<>();
        List<NamedImage> domains = new ArrayList<>();
        for (Map.Entry<String, List<Placed>> domain : byDomain.entrySet()) {
            String fileName = domain.getKey().equals(rootDomain) ? "merged.hex" : "merged_" + domain.getKey() + ".hex";
            // In address order, seen as the layout sees memory: an image linked through another
            // alias (a secure image at 0x10000000 before a non-secure one at 0x10000) counts where
            // its partition lies.
            List<NamedImage> inLayoutOrder = domain.getValue().stream()
                    .sorted(Comparator.comparingLong(Placed::layoutAddress)
                            .thenComparing(p -> p.image().name()))
                    .map(Placed::image)
                    .toList();
            MemoryImage merged = merge(inLayoutOrder, "domain " + domain.getKey());
            mergedFiles.put(fileName, merged);
            domains.add(new NamedImage(fileName, merged));
        }
        List<NamedImage> byAddress = new ArrayList<>(domains);
        byAddress.sort(Comparator.comparingLong(
                        (NamedImage n) -> n.image().span().map(s -> s.start()).orElse(0L))
                .thenComparing(NamedImage::name));
        mergedFiles.put(DOMAINS_FILE, merge(byAddress, "the domains"));

        Map<String, byte[]> hexTexts = new LinkedHashMap<>();
        Map<String, byte[]> otherTexts = new LinkedHashMap<>();
        Map<String, Long> binaryStarts = new LinkedHashMap<>();
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, MemoryImage> file : mergedFiles.entrySet()) {
            hexTexts.put(file.getKey(), hexText(file.getValue()));
            String base = file.getKey().substring(0, file.getKey().length() - ".hex".length());
            for (MergeFormat format : MergeFormat.values()) {
                if (format == MergeFormat.HEX) {
                    continue;
                }
                String name = base + "." + format.extension();
                if (!formats.includes(format)
                        || (format == MergeFormat.BIN && !binaryWritten(file.getKey(), byDomain.size()))) {
                    stale.add(name);
                    continue;
                }
                MergedFormatWriter.Written written =
                        MergedFormatWriter.write(file.getValue(), format, formats, name, file.getKey());
                otherTexts.put(name, written.bytes());
                if (format == MergeFormat.BIN) {
                    binaryStarts.put(name, written.binaryStart());
                }
            }
        }
        Map<String, Path> hex = new LinkedHashMap<>();
        Map<String, String> digests = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> text : hexTexts.entrySet()) {
            hex.put(text.getKey(), write(text.getValue(), outputDirectory.resolve(text.getKey())));
            digests.put(text.getKey(), Fingerprint.sha256(text.getValue()));
        }
        List<PublishedFile> additional = new ArrayList<>();
        for (Map.Entry<String, byte[]> text : otherTexts.entrySet()) {
            additional.add(PublishedFile.named(write(text.getValue(), outputDirectory.resolve(text.getKey()))));
            digests.put(text.getKey(), Fingerprint.sha256(text.getValue()));
        }
        for (String name : stale) {
            if (Files.deleteIfExists(outputDirectory.resolve(name))) {
                log.info("Removed " + name + " (not among the merge formats of this build)");
            }
        }
        Map<String, String> facts = new LinkedHashMap<>();
        binaryStarts.forEach((name, start) -> facts.put("start:" + name, Long.toString(start)));
        record.save(outputDirectory, inputs, digests, facts);
        return new Assembled(hex, additional, binaryStarts);
    }

    /** The name of the file holding every domain. */
    private static final String DOMAINS_FILE = "merged_domains.hex";

    /**
     * Whether {@code hexName} also gets a binary: every domain's file does; the file of all domains
     * only when there is one domain, because the domains are the memories of different cores, which
     * one raw image cannot place.
     */
    private static boolean binaryWritten(String hexName, int domainCount) {
        return !hexName.equals(DOMAINS_FILE) || domainCount == 1;
    }

    /** The result of a merge the record says is already written. */
    private static Assembled recorded(AssembleRecord.Recorded done) {
        Map<String, Path> hex = new LinkedHashMap<>();
        List<PublishedFile> additional = new ArrayList<>();
        Map<String, Long> binaryStarts = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : done.files().entrySet()) {
            if (file.getKey().endsWith(".hex")) {
                hex.put(file.getKey(), file.getValue());
            } else {
                additional.add(PublishedFile.named(file.getValue()));
                String start = done.facts().get("start:" + file.getKey());
                if (start != null) {
                    binaryStarts.put(file.getKey(), Long.parseLong(start));
                }
            }
        }
        return new Assembled(hex, additional, binaryStarts);
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
    private static List<MemoryImage> readAll(List<BuiltImage> images)
            throws InvalidConfigurationException, IOException {
        List<Path> files =
                images.stream().map(image -> image.hex().orElseThrow()).toList();
        List<ParallelReads.Outcome> outcomes = ParallelReads.readAll(files, IntelHex::read);
        List<MemoryImage> data = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Exception failure = outcomes.get(i).failure();
            if (failure instanceof ImageException e) {
                throw new InvalidConfigurationException(
                        "Image '" + images.get(i).name() + "': " + e.getMessage(), e);
            }
            if (failure instanceof IOException e) {
                throw e;
            }
            data.add(outcomes.get(i).image());
        }
        return data;
    }

    private static byte[] hexText(MemoryImage image) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        IntelHex.write(image, text, IntelHex.WriteOptions.DEFAULT);
        return text.toByteArray();
    }

    private Path write(byte[] bytes, Path file) throws IOException {
        if (OutputFiles.writeIfChanged(file, bytes)) {
            log.info("Wrote " + file.getFileName());
        }
        return file;
    }
}
