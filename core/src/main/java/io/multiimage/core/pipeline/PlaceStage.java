package io.multiimage.core.pipeline;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.toolchain.MemoryRegion;
import io.multiimage.core.devicetree.ExternalFlash;
import io.multiimage.core.devicetree.MemoryFacts;
import io.multiimage.core.model.StaticPartitionCheck;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.partition.ConfigGenerator;
import io.multiimage.partition.DomainConfig;
import io.multiimage.partition.Layout;
import io.multiimage.partition.OutputDomain;
import io.multiimage.partition.Partition;
import io.multiimage.partition.PartitionException;
import io.multiimage.partition.PartitionManager;
import io.multiimage.partition.PlacementStrategy;
import io.multiimage.partition.Region;
import io.multiimage.partition.RequestSource;
import io.multiimage.partition.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The place step: every domain's partition requests and static layout → one layout per
 * domain, with the Partition Manager's own algorithm and outputs.
 *
 * <ul>
 *   <li>Requests: the {@code pm.yml} of each image built from source, in tree pre-order, after the
 *       C preprocessor with the image's configuration ({@link PmYmlReader}).</li>
 *   <li>Static layout, in the directory of the domain's main image (the first image of the
 *       domain in pre-order): for a domain other than the top-level image's,
 *       {@code pm_static_<buildtype>_<DOMAIN>.yml}, else {@code pm_static_<DOMAIN>.yml}; then
 *       {@code pm_static_<buildtype>.yml}, else {@code pm_static.yml} — for another domain only
 *       when that directory belongs to no image of a different domain. A prebuilt network
 *       core declared without a directory of its own lives in its parent's directory, whose
 *       {@code pm_static.yml} is the parent domain's layout; its domain's layout goes to
 *       {@code pm_static_<DOMAIN>.yml} there.</li>
 *   <li>Regions, in the SDK's order: {@code sram_primary} and {@code flash_primary} from the
 *       main image's devicetree ({@code zephyr,sram}, {@code zephyr,flash}), then
 *       {@code external_flash} when a request asks for it and the devicetree's
 *       {@code chosen/nordic,pm-ext-flash} names an enabled external flash chip.</li>
 *   <li>The top-level image takes the dynamic partition {@code app} (or the partition its own
 *       {@code pm.yml} names after it, when it has one); the main image of any other domain
 *       takes a dynamic partition named after itself; every other image takes the partition
 *       named after itself.</li>
 * </ul>
 *
 * An image built from source whose configuration sets {@code CONFIG_FLASH_LOAD_OFFSET} and
 * that takes no part in the partition manager is left out of it and placed by that offset
 * ({@link OffsetPlacement}); a domain left with no image for the partition manager has no layout.
 *
 * <p>The layout of a domain is in the addresses of its main image's board; an image whose board
 * sees the same memory through another alias (a secure image beside a non-secure application
 * on an MPS2 TrustZone board) is linked at its partition seen through its own alias
 * ({@link AliasPlacement}); {@code pm_config.h} and {@code partitions.yml} keep the layout's
 * addresses.
 *
 * <p>Writes {@code partitions[_<D>].yml}, {@code regions[_<D>].yml}, {@code pm[_<D>].config} in
 * the output directory for every domain with a layout (and deletes them for a domain without)
 * and {@code pm_config.h} in the directory of every image the partition manager placed (and
 * deletes it for an image placed by offset).
 */
final class PlaceStage {

    static final String ROOT_PARTITION = "app";

    private final BuildLog log;

    PlaceStage(BuildLog log) {
        this.log = log;
    }

    /** Where each image lives, and every domain's layout as the header generator sees it (root domain first). */
    record Result(Map<String, ImagePlacement> placements, List<OutputDomain> domains) {}

    /** Lays out every domain; places the images {@code CONFIG_FLASH_LOAD_OFFSET} takes out of it. */
    Result run(BuildRequest request, Map<String, ConfiguredImage> images,
            Map<String, MemoryFacts> memory, ImageDirectories dirs) throws FirmwareException, IOException {
        Map<String, List<ConfiguredImage>> byDomain = groupByDomain(images);
        String rootDomain = images.get(request.rootImage()).domain();
        OffsetPlacement offsets = new OffsetPlacement(log);
        Map<String, ImagePlacement> byOffset = new LinkedHashMap<>();
        Map<String, Layout> layoutOf = new LinkedHashMap<>();
        Map<String, String> pmDomainOf = new LinkedHashMap<>();
        PmYmlReader pmYml = new PmYmlReader(request.layout(), log);
        for (Map.Entry<String, List<ConfiguredImage>> domain : byDomain.entrySet()) {
            String pmDomain = domain.getKey().equals(rootDomain) ? "" : domain.getKey();
            pmDomainOf.put(domain.getKey(), pmDomain);
            List<ConfiguredImage> offsetPlaced = selectByOffset(request, pmYml, offsets, pmDomain,
                    domain.getValue(), images.values());
            ConfiguredImage main = domain.getValue().get(0);
            for (ConfiguredImage image : offsetPlaced) {
                byOffset.put(image.name(), offsets.place(image, memory.get(main.name()), describe(pmDomain)));
            }
            List<ConfiguredImage> managed = domain.getValue().stream().filter(i -> !offsetPlaced.contains(i)).toList();
            if (managed.isEmpty()) {
                // Nothing left for the partition manager: an earlier build's layout must not linger.
                if (request.scope().isWholeTree()) {
                    deleteLayout(pmDomain, request.outputDirectory());
                }
                log.info("The partition manager does not run for " + describe(pmDomain)
                        + ": every image there is placed by " + ImagePlacement.LOAD_OFFSET_SYMBOL);
                continue;
            }
            layoutOf.put(domain.getKey(), layOut(request, pmYml, pmDomain, managed, images.values(), memory));
        }
        List<OutputDomain> outputs = new ArrayList<>();
        for (Layout layout : layoutOf.values()) {
            OutputDomain output = toOutput(layout);
            if (request.scope().isWholeTree()) {
                writeLayout(layout, output, request.outputDirectory());
            }
            outputs.add(output);
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
                placements.put(image.name(), aliases.place(image.name(), image.board().definition(),
                        main.board().definition(), byOffset.get(image.name()), memory.get(image.name())));
                if (mine) {
                    Files.deleteIfExists(pmConfig);
                }
                continue;
            }
            String pmDomain = pmDomainOf.get(image.domain());
            Layout layout = layoutOf.get(image.domain());
            String partition = partitionOf(request, image, layout);
            placements.put(image.name(), aliases.place(image.name(), image.board().definition(),
                    main.board().definition(), placementOf(image, partition, layout), memory.get(image.name())));
            if (mine) {
                OutputFiles.writeIfChanged(pmConfig, header(outputs, pmDomain + ":" + partition) + "\n");
            }
        }
        return new Result(placements, List.copyOf(outputs));
    }

    /** The images of one domain placed by {@code CONFIG_FLASH_LOAD_OFFSET} instead of the partition manager. */
    private List<ConfiguredImage> selectByOffset(BuildRequest request, PmYmlReader pmYml, OffsetPlacement offsets,
            String pmDomain, List<ConfiguredImage> domainImages, Collection<ConfiguredImage> allImages)
            throws IOException, InvalidConfigurationException {
        offsets.warnUnusedSizes(domainImages);
        if (domainImages.stream().noneMatch(OffsetPlacement::setsOffset)) {
            return List.of();
        }
        ConfiguredImage main = domainImages.get(0);
        Optional<Path> staticFile = staticCandidates(main, pmDomain, otherDomainDirs(main, allImages)).stream()
                .filter(Files::isRegularFile).findFirst();
        Set<String> staticNames = new TreeSet<>();
        if (staticFile.isPresent()) {
            staticNames.addAll(staticPartitionNames(RequestSource.ofText(request.layout().relative(staticFile.get()),
                    Files.readString(staticFile.get(), StandardCharsets.UTF_8))));
        }
        Map<String, RequestSource> requests = new LinkedHashMap<>();
        for (ConfiguredImage image : domainImages) {
            pmYml.requestOf(image).ifPresent(source -> requests.put(image.name(), source));
        }
        String dynamicPartition = pmDomain.isEmpty() ? ROOT_PARTITION : main.name();
        return offsets.select(describe(pmDomain), domainImages, dynamicPartition, image -> {
            if (requests.containsKey(image.name())) {
                return Optional.of("it has " + requests.get(image.name()).label());
            }
            boolean dynamic = image == main && staticNames.contains(dynamicPartition);
            if (staticNames.contains(image.name()) || dynamic) {
                return Optional.of(request.layout().relative(staticFile.orElseThrow()) + " has a partition '"
                        + (dynamic ? dynamicPartition : image.name()) + "'");
            }
            return Optional.empty();
        });
    }

    /** Deletes a domain's {@code partitions[_D].yml}, {@code regions[_D].yml} and {@code pm[_D].config}. */
    private static void deleteLayout(String pmDomain, Path outputDirectory) throws IOException {
        DomainConfig names = new DomainConfig(pmDomain, List.of(), null, List.of());
        Files.deleteIfExists(outputDirectory.resolve(names.partitionsFileName()));
        Files.deleteIfExists(outputDirectory.resolve(names.regionsFileName()));
        Files.deleteIfExists(outputDirectory.resolve(pmConfigFileName(pmDomain)));
    }

    private static String pmConfigFileName(String pmDomain) {
        return pmDomain.isEmpty() ? "pm.config" : "pm_" + pmDomain + ".config";
    }

    private static Set<Path> otherDomainDirs(ConfiguredImage main, Collection<ConfiguredImage> allImages) {
        Set<Path> dirs = new TreeSet<>();
        for (ConfiguredImage other : allImages) {
            if (!other.domain().equals(main.domain())) {
                dirs.add(directoryOf(other));
            }
        }
        return dirs;
    }

    /**
     * The partition an image is placed in: the one named after it; for the top-level image the
     * dynamic partition {@code app}, unless the layout has a partition named after the top-level
     * image too (its own {@code pm.yml} asks for one). A bootloader built on its own then lands
     * where it would in a parent's tree, at the start of flash, instead of behind an empty
     * partition reserved for itself.
     */
    static String partitionOf(BuildRequest request, ConfiguredImage image, Layout layout) {
        if (!image.name().equals(request.rootImage())) {
            return image.name();
        }
        return layout.find(image.name()).isPresent() ? image.name() : ROOT_PARTITION;
    }

    private Layout layOut(BuildRequest request, PmYmlReader pmYml, String pmDomain, List<ConfiguredImage> images,
            Collection<ConfiguredImage> allImages, Map<String, MemoryFacts> memory) throws FirmwareException, IOException {
        ConfiguredImage main = images.get(0);
        String dynamicPartition = pmDomain.isEmpty() ? ROOT_PARTITION : main.name();
        List<RequestSource> requests = new ArrayList<>();
        boolean wantsExternalFlash = false;
        for (ConfiguredImage image : images) {
            Optional<RequestSource> source = pmYml.requestOf(image);
            if (source.isPresent()) {
                requests.add(source.get());
                // What the preprocessor left: a region inside a branch not taken is not asked for.
                wantsExternalFlash |= source.get().text().contains("external_flash");
            }
        }
        List<Path> candidates = staticCandidates(main, pmDomain, otherDomainDirs(main, allImages));
        Optional<Path> staticFile = candidates.stream().filter(Files::isRegularFile).findFirst();
        RequestSource staticConfig = null;
        Set<String> staticNames = new TreeSet<>();
        if (staticFile.isPresent()) {
            staticConfig = RequestSource.ofText(request.layout().relative(staticFile.get()),
                    Files.readString(staticFile.get(), StandardCharsets.UTF_8));
            staticNames.addAll(staticPartitionNames(staticConfig));
            log.info("Static partitions of " + describe(pmDomain) + " from " + request.layout().relative(staticFile.get()));
        }
        // The file the user should add a missing static partition to: the one read, else the preferred one.
        String staticFileShown = request.layout().relative(staticFile.orElse(candidates.get(candidates.size() - 1)));
        // A static partition named after no image nor the dynamic partition may be a misspelt image name.
        Set<String> expectedNames = new TreeSet<>(List.of(ROOT_PARTITION, dynamicPartition));
        request.declarations().forEach(declaration -> expectedNames.add(declaration.name()));
        for (ConfiguredImage image : images) {
            StaticPartitionCheck.require(image.name(), image.strategy().strategy(), staticNames, Optional.empty(),
                    staticFileShown, expectedNames);
        }
        MemoryFacts facts = memory.get(main.name());
        List<Region> regions = new ArrayList<>();
        regions.add(Region.of("sram_primary", facts.sram().address(), facts.sram().size(), PlacementStrategy.COMPLEX)
                .withDynamicPartition("sram_primary"));
        boolean nordic = main.board().definition().soc().startsWith("nrf");
        regions.add(Region.of("flash_primary", facts.flash().address(), facts.flash().size(), PlacementStrategy.COMPLEX)
                .withDevice(facts.flashControllerLabel().orElse("flash_controller"), nordic ? "CONFIG_SOC_FLASH_NRF" : "")
                .withDynamicPartition(dynamicPartition));
        if (wantsExternalFlash) {
            Optional<ExternalFlash> chip = facts.pmExternalFlash().filter(ExternalFlash::enabled);
            if (chip.isPresent()) {
                String device = chip.get().labels().isEmpty() ? "external_flash" : chip.get().labels().get(0);
                regions.add(Region.of("external_flash", 0, chip.get().size(), PlacementStrategy.START_TO_END)
                        .withDevice(device, ""));
            }
        }
        try {
            return new PartitionManager(warning -> log.warn(describe(pmDomain) + ": " + warning))
                    .place(new DomainConfig(pmDomain, requests, staticConfig, regions));
        } catch (PartitionException e) {
            InvalidConfigurationException error = new InvalidConfigurationException("Partition layout of "
                    + describe(pmDomain) + ": " + e.getMessage() + pmYml.unsetSymbols(e.getMessage()), e);
            e.sources().stream().findFirst().ifPresent(error::blameFile);
            error.blameImage(main.name());
            throw error;
        }
    }

    /**
     * The files a domain's static layout may come from, most specific first; the last one is
     * where a missing static partition should be added.
     */
    static List<Path> staticCandidates(ConfiguredImage main, String pmDomain, Set<Path> otherDomainDirs) {
        Path dir = main.context().imageDir();
        String buildType = main.context().buildType();
        List<Path> domainFiles = new ArrayList<>();
        List<Path> plainFiles = new ArrayList<>();
        if (!pmDomain.isEmpty()) {
            if (!buildType.isEmpty()) {
                domainFiles.add(dir.resolve("pm_static_" + buildType + "_" + pmDomain + ".yml"));
            }
            domainFiles.add(dir.resolve("pm_static_" + pmDomain + ".yml"));
        }
        // Another domain's main image in a directory shared with a different domain (a prebuilt
        // image declared without a directory of its own) must not take that domain's pm_static.yml.
        if (pmDomain.isEmpty() || !otherDomainDirs.contains(directoryOf(main))) {
            if (!buildType.isEmpty()) {
                plainFiles.add(dir.resolve("pm_static_" + buildType + ".yml"));
            }
            plainFiles.add(dir.resolve("pm_static.yml"));
        }
        List<Path> candidates = new ArrayList<>(domainFiles);
        candidates.addAll(plainFiles);
        return candidates;
    }

    private static Path directoryOf(ConfiguredImage image) {
        return image.context().imageDir().toAbsolutePath().normalize();
    }

    private static Set<String> staticPartitionNames(RequestSource source) throws InvalidConfigurationException {
        try {
            Object root = YamlReader.parse(source.label(), source.text()).root();
            Set<String> names = new TreeSet<>();
            if (root instanceof Map<?, ?> map) {
                map.keySet().forEach(key -> names.add(String.valueOf(key)));
            }
            return names;
        } catch (PartitionException e) {
            InvalidConfigurationException error = new InvalidConfigurationException(e.getMessage(), e);
            error.blameFile(source.label());
            throw error;
        }
    }

    private static ImagePlacement placementOf(ConfiguredImage image, String partitionName, Layout layout)
            throws InvalidConfigurationException {
        Partition partition = layout.find(partitionName).orElseThrow(() -> new InvalidConfigurationException(
                "Image '" + image.name() + "': the partition layout has no partition '" + partitionName
                        + "'; add a pm.yml with a '" + partitionName + "' request to "
                        + image.context().imageDir().getFileName() + "/, or an entry to pm_static.yml"));
        Partition ram = layout.find(image.name() + "_sram").or(() -> layout.find("sram_primary")).orElseThrow(
                () -> new InvalidConfigurationException("Image '" + image.name() + "': no sram_primary partition"));
        // The flash the partition lies in starts where its region does (flash_primary: zephyr,flash).
        long flashBase = layout.regions().stream().filter(region -> region.name().equals(partition.region()))
                .mapToLong(Region::baseAddress).findFirst()
                .orElseThrow(() -> new IllegalStateException("partition " + partitionName + " names no region of the"
                        + " layout: " + partition.region()));
        return new ImagePlacement(image.domain(), partitionName, new MemoryRegion(partition.address(), partition.size()),
                flashBase, new MemoryRegion(ram.address(), ram.size()), layout.isStatic(partitionName));
    }

    private static Map<String, List<ConfiguredImage>> groupByDomain(Map<String, ConfiguredImage> images) {
        Map<String, List<ConfiguredImage>> byDomain = new LinkedHashMap<>();
        for (ConfiguredImage image : images.values()) {
            byDomain.computeIfAbsent(image.domain(), d -> new ArrayList<>()).add(image);
        }
        return byDomain;
    }

    private void writeLayout(Layout layout, OutputDomain output, Path outputDirectory)
            throws IOException, InvalidConfigurationException {
        DomainConfig names = new DomainConfig(layout.domain(), List.of(), null, List.of());
        OutputFiles.writeIfChanged(outputDirectory.resolve(names.partitionsFileName()), layout.partitionsYaml());
        OutputFiles.writeIfChanged(outputDirectory.resolve(names.regionsFileName()), layout.regionsYaml());
        try {
            OutputFiles.writeIfChanged(outputDirectory.resolve(pmConfigFileName(layout.domain())),
                    ConfigGenerator.pmConfig(List.of(output)));
        } catch (PartitionException e) {
            throw new InvalidConfigurationException(e.getMessage(), e);
        }
    }

    private static OutputDomain toOutput(Layout layout) throws InvalidConfigurationException {
        try {
            return layout.toOutputDomain();
        } catch (PartitionException e) {
            throw new InvalidConfigurationException(e.getMessage(), e);
        }
    }

    private static String header(List<OutputDomain> outputs, String image) throws InvalidConfigurationException {
        try {
            return ConfigGenerator.header(outputs, image, "pm_config.h");
        } catch (PartitionException e) {
            throw new InvalidConfigurationException("pm_config.h for " + image + ": " + e.getMessage(), e);
        }
    }

    private static String describe(String pmDomain) {
        return pmDomain.isEmpty() ? "the default domain" : "domain " + pmDomain;
    }
}
