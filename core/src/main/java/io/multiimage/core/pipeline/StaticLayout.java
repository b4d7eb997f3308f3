package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.partition.PartitionException;
import io.multiimage.partition.RequestSource;
import io.multiimage.partition.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A domain's static layout: the {@code pm_static*.yml} file it is read from, if any, and its
 * text. The file lies in the directory of the domain's main image (the first image of the
 * domain in pre-order): for a domain other than the top-level image's,
 * {@code pm_static_<buildtype>_<DOMAIN>.yml}, else {@code pm_static_<DOMAIN>.yml}; then
 * {@code pm_static_<buildtype>.yml}, else {@code pm_static.yml} — for another domain only when
 * that directory belongs to no image of a different domain. A prebuilt network core declared
 * without a directory of its own lives in its parent's directory, whose {@code pm_static.yml}
 * is the parent domain's layout; its domain's layout goes to {@code pm_static_<DOMAIN>.yml}
 * there.
 */
final class StaticLayout {

    private final Optional<Path> file;
    private final String fileShown;
    private final Optional<RequestSource> source;

    private StaticLayout(Optional<Path> file, String fileShown, Optional<RequestSource> source) {
        this.file = file;
        this.fileShown = fileShown;
        this.source = source;
    }

    /** Finds and reads the static layout of the domain {@code pmDomain} ({@code ""} for the top-level one). */
    static StaticLayout of(
            ConfiguredImage main, String pmDomain, Collection<ConfiguredImage> allImages, ProjectLayout layout)
            throws IOException {
        List<Path> candidates = candidates(main, pmDomain, otherDomainDirs(main, allImages));
        Optional<Path> file = candidates.stream().filter(Files::isRegularFile).findFirst();
        Optional<RequestSource> source = Optional.empty();
        if (file.isPresent()) {
            source = Optional.of(RequestSource.ofText(
                    layout.relative(file.get()), Files.readString(file.get(), StandardCharsets.UTF_8)));
        }
        // The file the user should add a missing static partition to: the one read, else the preferred one.
        String shown = layout.relative(file.orElse(candidates.get(candidates.size() - 1)));
        return new StaticLayout(file, shown, source);
    }

    /** The static layout as the partition manager takes it; empty without a file. */
    Optional<RequestSource> source() {
        return source;
    }

    /** The file read, as messages name it ({@code app/pm_static.yml}); empty without a file. */
    Optional<String> label() {
        return source.map(RequestSource::label);
    }

    /** The file a missing static partition should be added to, as messages name it. */
    String fileShown() {
        return fileShown;
    }

    /**
     * The names of the static partitions, read from the YAML.
     *
     * @throws InvalidConfigurationException when the file is not valid YAML, naming {@code file:line}
     */
    Set<String> parseNames() throws InvalidConfigurationException {
        Set<String> names = new TreeSet<>();
        if (source.isEmpty()) {
            return names;
        }
        try {
            Object root =
                    YamlReader.parse(source.get().label(), source.get().text()).root();
            if (root instanceof Map<?, ?> map) {
                map.keySet().forEach(key -> names.add(String.valueOf(key)));
            }
            return names;
        } catch (PartitionException e) {
            InvalidConfigurationException error = new InvalidConfigurationException(e.getMessage(), e);
            error.blameFile(source.get().label());
            throw error;
        }
    }

    /**
     * The files a domain's static layout may come from, most specific first; the last one is
     * where a missing static partition should be added.
     */
    static List<Path> candidates(ConfiguredImage main, String pmDomain, Set<Path> otherDomainDirs) {
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

    private static Set<Path> otherDomainDirs(ConfiguredImage main, Collection<ConfiguredImage> allImages) {
        Set<Path> dirs = new TreeSet<>();
        for (ConfiguredImage other : allImages) {
            if (!other.domain().equals(main.domain())) {
                dirs.add(directoryOf(other));
            }
        }
        return dirs;
    }

    private static Path directoryOf(ConfiguredImage image) {
        return image.context().imageDir().toAbsolutePath().normalize();
    }
}
