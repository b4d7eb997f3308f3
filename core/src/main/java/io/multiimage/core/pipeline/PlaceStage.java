package io.multiimage.core.pipeline;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.devicetree.MemoryFacts;
import io.multiimage.core.model.StaticPartitionCheck;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.state.PlacementRecord;
import io.multiimage.partition.OutputDomain;
import io.multiimage.partition.PlacedDomain;
import io.multiimage.partition.RequestSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The place step: every domain's partition requests and static layout → one layout per
 * domain, with the Partition Manager's own algorithm and outputs. The parts, in the order they
 * run for each domain:
 *
 * <ul>
 *   <li>the static layout file ({@link StaticLayout});</li>
 *   <li>the images {@code CONFIG_FLASH_LOAD_OFFSET} places instead ({@link OffsetPlacement});</li>
 *   <li>the requests: the {@code pm.yml} of each image built from source, in tree pre-order,
 *       after the C preprocessor with the image's configuration ({@link PmYmlReader});</li>
 *   <li>the regions, from the devicetree of the domain's main image ({@link DomainRegions});</li>
 *   <li>the layout: taken from the domain's placement record when every input is unchanged,
 *       without parsing any YAML ({@link PlacementRecord}), else solved ({@link LayoutSolver});</li>
 *   <li>the files ({@link LayoutFiles}) and where each image lives ({@link ManagedPlacement}).</li>
 * </ul>
 *
 * A domain left with no image for the partition manager has no layout.
 *
 * <p>The layout of a domain is in the addresses of its main image's board; an image whose board
 * sees the same memory through another alias (a secure image beside a non-secure application
 * on an MPS2 TrustZone board) is linked at its partition seen through its own alias
 * ({@link AliasPlacement}); {@code pm_config.h} and {@code partitions.yml} keep the layout's
 * addresses.
 *
 * <p>Writes {@code partitions[_<D>].yml}, {@code regions[_<D>].yml}, {@code pm[_<D>].config} in the
 * output directory for every domain with a layout (and deletes them for a domain without) and
 * {@code pm_config.h} in the directory of every image the partition manager placed (and deletes
 * it for an image placed by offset). Only a whole-tree build writes the tree's files and records.
 */
final class PlaceStage {

    private final BuildLog log;
    private final PlacementRecord record;

    PlaceStage(BuildLog log, PlacementRecord record) {
        this.log = log;
        this.record = record;
    }

    /** Where each image lives, and every domain's layout as the header generator sees it (root domain first). */
    record Result(Map<String, ImagePlacement> placements, List<OutputDomain> domains) {}

    /** A domain's layout, and what its record needs. */
    private record DomainLayout(
            PlacedDomain placed,
            Optional<Path> recordFile,
            List<String> inputs,
            Set<String> staticNames,
            Optional<Map<String, String>> recordedFiles) {}

    /** Lays out every domain; places the images {@code CONFIG_FLASH_LOAD_OFFSET} takes out of it. */
    Result run(
            BuildRequest request,
            Map<String, ConfiguredImage> images,
            Map<String, MemoryFacts> memory,
            ImageDirectories dirs)
            throws FirmwareException, IOException {
        String rootDomain = images.get(request.rootImage()).domain();
        PmYmlReader pmYml = new PmYmlReader(request.layout(), log);
        OffsetPlacement offsets = new OffsetPlacement(log);
        Map<String, ImagePlacement> byOffset = new LinkedHashMap<>();
        Map<String, DomainLayout> layoutOf = new LinkedHashMap<>();
        Map<String, List<ConfiguredImage>> byDomain = groupByDomain(images);
        for (Map.Entry<String, List<ConfiguredImage>> domain : byDomain.entrySet()) {
            String pmDomain = domain.getKey().equals(rootDomain) ? "" : domain.getKey();
            ConfiguredImage main = domain.getValue().get(0);
            Statics statics = new Statics(
                    StaticLayout.of(main, pmDomain, images.values(), request.layout()),
                    PlacementRecord.file(dirs.root(), pmDomain));
            List<ConfiguredImage> offsetPlaced = selectByOffset(pmYml, offsets, pmDomain, domain.getValue(), statics);
            for (ConfiguredImage image : offsetPlaced) {
                byOffset.put(image.name(), offsets.place(image, memory.get(main.name()), describe(pmDomain)));
            }
            List<ConfiguredImage> managed = domain.getValue().stream()
                    .filter(i -> !offsetPlaced.contains(i))
                    .toList();
            if (managed.isEmpty()) {
                // Nothing left for the partition manager: an earlier build's layout must not linger.
                if (request.scope().isWholeTree()) {
                    LayoutFiles.delete(pmDomain, request.outputDirectory());
                }
                log.info("The partition manager does not run for " + describe(pmDomain)
                        + ": every image there is placed by " + ImagePlacement.LOAD_OFFSET_SYMBOL);
                continue;
            }
            layoutOf.put(domain.getKey(), layOut(request, pmYml, pmDomain, managed, statics, memory.get(main.name())));
        }
        List<OutputDomain> outputs = new ArrayList<>();
        for (DomainLayout layout : layoutOf.values()) {
            if (request.scope().isWholeTree()) {
                writeAndRecord(layout, request.outputDirectory());
            }
            outputs.add(layout.placed().output());
        }
        Map<String, ImagePlacement> placements = new LinkedHashMap<>();
        AliasPlacement aliases = new AliasPlacement(log);
        for (ConfiguredImage image : images.values()) {
            // Each module writes the files of its own images only.
            boolean mine = request.scope().includes(image.name());
            Path pmConfig = dirs.of(image.name()).resolve("pm_config.h");
            ConfiguredImage main = byDomain.get(image.domain()).get(0);
            if (byOffset.containsKey(image.name())) {
                // No partitions to describe: a source that includes pm_config.h fails to compile, clearly.
                placements.put(
                        image.name(),
                        aliases.place(
                                image.name(),
                                image.board().definition(),
                                main.board().definition(),
                                byOffset.get(image.name()),
                                memory.get(image.name())));
                if (mine) {
                    Files.deleteIfExists(pmConfig);
                }
                continue;
            }
            PlacedDomain placed = layoutOf.get(image.domain()).placed();
            String partition = ManagedPlacement.partitionOf(request.rootImage(), image, placed.layout());
            placements.put(
                    image.name(),
                    aliases.place(
                            image.name(),
                            image.board().definition(),
                            main.board().definition(),
                            ManagedPlacement.of(image, partition, placed.layout()),
                            memory.get(image.name())));
            if (mine) {
                LayoutFiles.writeHeader(pmConfig, outputs, placed.layout().domain() + ":" + partition);
            }
        }
        return new Result(placements, List.copyOf(outputs));
    }

    /** The images of one domain placed by {@code CONFIG_FLASH_LOAD_OFFSET} instead of the partition manager. */
    private List<ConfiguredImage> selectByOffset(
            PmYmlReader pmYml,
            OffsetPlacement offsets,
            String pmDomain,
            List<ConfiguredImage> domainImages,
            Statics statics)
            throws IOException, InvalidConfigurationException {
        offsets.warnUnusedSizes(domainImages);
        if (domainImages.stream().noneMatch(OffsetPlacement::setsOffset)) {
            return List.of();
        }
        ConfiguredImage main = domainImages.get(0);
        Set<String> staticNames = statics.names();
        Map<String, RequestSource> requests = new LinkedHashMap<>();
        for (ConfiguredImage image : domainImages) {
            pmYml.requestOf(image).ifPresent(source -> requests.put(image.name(), source));
        }
        String dynamicPartition = dynamicPartition(pmDomain, main);
        return offsets.select(describe(pmDomain), domainImages, dynamicPartition, image -> {
            if (requests.containsKey(image.name())) {
                return Optional.of("it has " + requests.get(image.name()).label());
            }
            boolean dynamic = image == main && staticNames.contains(dynamicPartition);
            if (staticNames.contains(image.name()) || dynamic) {
                return Optional.of(statics.layout.label().orElseThrow() + " has a partition '"
                        + (dynamic ? dynamicPartition : image.name()) + "'");
            }
            return Optional.empty();
        });
    }

    /** The layout of one domain, from its record when nothing it depends on changed, else solved. */
    private DomainLayout layOut(
            BuildRequest request,
            PmYmlReader pmYml,
            String pmDomain,
            List<ConfiguredImage> images,
            Statics statics,
            MemoryFacts facts)
            throws FirmwareException, IOException {
        ConfiguredImage main = images.get(0);
        String dynamicPartition = dynamicPartition(pmDomain, main);
        List<RequestSource> requests = new ArrayList<>();
        for (ConfiguredImage image : images) {
            pmYml.requestOf(image).ifPresent(requests::add);
        }
        statics.layout
                .label()
                .ifPresent(label -> log.info("Static partitions of " + describe(pmDomain) + " from " + label));
        Set<String> staticNames = statics.names();
        // A static partition named after no image nor the dynamic partition may be a misspelt image name.
        Set<String> expectedNames = new TreeSet<>(List.of(ManagedPlacement.ROOT_PARTITION, dynamicPartition));
        request.declarations().forEach(declaration -> expectedNames.add(declaration.name()));
        for (ConfiguredImage image : images) {
            StaticPartitionCheck.require(
                    image.name(),
                    image.strategy().strategy(),
                    staticNames,
                    Optional.empty(),
                    statics.layout.fileShown(),
                    expectedNames);
        }
        boolean nordic = main.board().definition().soc().startsWith("nrf");
        DomainRegions regions = DomainRegions.of(facts, nordic, dynamicPartition);
        List<String> inputs = PlacementRecord.inputs(pmDomain, requests, statics.layout.source(), regions.available());
        Optional<PlacementRecord.Recalled> recalled = statics.recordFile.flatMap(file -> record.load(file, inputs));
        if (recalled.isPresent()) {
            PlacedDomain placed = recalled.get().placed();
            placed.warnings().forEach(warning -> log.warn(describe(pmDomain) + ": " + warning));
            return new DomainLayout(
                    placed,
                    statics.recordFile,
                    inputs,
                    staticNames,
                    Optional.of(recalled.get().written()));
        }
        PlacedDomain placed =
                new LayoutSolver(log, pmYml).solve(pmDomain, main.name(), requests, statics.layout.source(), regions);
        return new DomainLayout(placed, statics.recordFile, inputs, staticNames, Optional.empty());
    }

    /** Writes a domain's layout files and records the placement, unless the record already says exactly this. */
    private void writeAndRecord(DomainLayout layout, Path outputDirectory)
            throws IOException, InvalidConfigurationException {
        Map<String, String> written = LayoutFiles.write(
                layout.placed(), outputDirectory, layout.recordedFiles().orElse(Map.of()));
        if (layout.recordFile().isPresent() && !layout.recordedFiles().equals(Optional.of(written))) {
            record.save(layout.recordFile().get(), layout.inputs(), layout.staticNames(), layout.placed(), written);
        }
    }

    /** The dynamic partition of a domain: {@code app} for the top-level one, else named after its main image. */
    private static String dynamicPartition(String pmDomain, ConfiguredImage main) {
        return pmDomain.isEmpty() ? ManagedPlacement.ROOT_PARTITION : main.name();
    }

    private static Map<String, List<ConfiguredImage>> groupByDomain(Map<String, ConfiguredImage> images) {
        Map<String, List<ConfiguredImage>> byDomain = new LinkedHashMap<>();
        for (ConfiguredImage image : images.values()) {
            byDomain.computeIfAbsent(image.domain(), d -> new ArrayList<>()).add(image);
        }
        return byDomain;
    }

    /** The domain as messages name it: {@code the default domain}, {@code domain CPUNET}. */
    static String describe(String pmDomain) {
        return pmDomain.isEmpty() ? "the default domain" : "domain " + pmDomain;
    }

    /** A domain's static layout and its partition names: from the domain's record when it holds them, else parsed, once. */
    private final class Statics {
        final StaticLayout layout;
        final Optional<Path> recordFile;
        private Set<String> names;

        Statics(StaticLayout layout, Optional<Path> recordFile) {
            this.layout = layout;
            this.recordFile = recordFile;
        }

        Set<String> names() throws InvalidConfigurationException {
            if (names == null) {
                Optional<Set<String>> recorded = layout.source().isEmpty()
                        ? Optional.of(Set.of())
                        : recordFile.flatMap(file -> record.staticNames(file, layout.source()));
                names = recorded.isPresent() ? recorded.get() : layout.parseNames();
            }
            return names;
        }
    }
}
