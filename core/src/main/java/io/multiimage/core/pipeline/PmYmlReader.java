package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.board.BoardCatalog;
import io.multiimage.core.config.ImageConfiguration;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.devicetree.DevicetreeException;
import io.multiimage.core.devicetree.LineKeepingPreprocessor;
import io.multiimage.core.devicetree.SourceLocation;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.partition.RequestSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image's partition request: its {@code pm.yml} run through the C preprocessor with the
 * image's configuration as {@code autoconf.h}, as NCS does ({@code #include <autoconf.h>},
 * {@code #if defined(CONFIG_…)} blocks, sizes given by {@code CONFIG_} symbols). Only images
 * built from source have one. The text keeps the file's line numbers, so a YAML error names
 * the line of the original file.
 *
 * <p>At placement the image's {@code autoconf.h} is not written yet (the build step writes it),
 * so the header is rendered from the configuration in memory into a temporary directory that
 * is deleted again. The shipped devicetree include directory is on the search path too.
 */
final class PmYmlReader {

    static final String FILE_NAME = "pm.yml";

    private static final Pattern CONFIG_NAME = Pattern.compile("\\bCONFIG_[A-Za-z0-9_]+");

    private final ProjectLayout layout;
    private final BuildLog log;
    private final Map<String, Optional<RequestSource>> requests = new HashMap<>();

    PmYmlReader(ProjectLayout layout, BuildLog log) {
        this.layout = layout;
        this.log = log;
    }

    /** The {@code pm.yml} of an image built from source, whether or not it requests anything. */
    static Optional<Path> fileOf(ConfiguredImage image) {
        Path pmYml = image.context().imageDir().resolve(FILE_NAME);
        return image.fromSource() && Files.isRegularFile(pmYml) ? Optional.of(pmYml) : Optional.empty();
    }

    /**
     * The image's preprocessed {@code pm.yml}, labelled with its project-relative path; empty
     * when the image has none or when nothing is left of it with this configuration (every
     * request inside a branch not taken). Each image's file is preprocessed once.
     *
     * @throws InvalidConfigurationException for a preprocessor error, naming {@code x/pm.yml:LINE}
     */
    Optional<RequestSource> requestOf(ConfiguredImage image) throws InvalidConfigurationException, IOException {
        Optional<RequestSource> known = requests.get(image.name());
        if (known == null) {
            known = read(image);
            requests.put(image.name(), known);
        }
        return known;
    }

    private Optional<RequestSource> read(ConfiguredImage image) throws InvalidConfigurationException, IOException {
        Optional<Path> pmYml = fileOf(image);
        if (pmYml.isEmpty()) {
            return Optional.empty();
        }
        String label = layout.relative(pmYml.get());
        String text = preprocess(image, pmYml.get(), image.configuration().orElseThrow(), label);
        if (!hasContent(text)) {
            log.info(image.name() + ": " + label + " requests no partition with this configuration");
            return Optional.empty();
        }
        return Optional.of(RequestSource.ofText(label, text));
    }

    private static String preprocess(ConfiguredImage image, Path pmYml, ImageConfiguration configuration, String label)
            throws InvalidConfigurationException, IOException {
        Path autoconfDir = Files.createTempDirectory("multiimage-autoconf-");
        Path autoconf = autoconfDir.resolve("autoconf.h");
        try {
            Files.writeString(autoconf, configuration.kconfig().autoconfText(), StandardCharsets.UTF_8);
            return LineKeepingPreprocessor.preprocess(pmYml, List.of(autoconfDir, BoardCatalog.shippedIncludeDir()));
        } catch (DevicetreeException e) {
            InvalidConfigurationException error =
                    new InvalidConfigurationException(message(e, pmYml, label, autoconfDir), e);
            error.blameFile(label);
            error.blameImage(image.name());
            throw error;
        } finally {
            Files.deleteIfExists(autoconf);
            Files.deleteIfExists(autoconfDir);
        }
    }

    /** {@code x/pm.yml:LINE: problem}; a problem in an included file is named after {@code x/pm.yml: }. */
    private static String message(DevicetreeException e, Path pmYml, String label, Path autoconfDir) {
        String detail = e.detail().replace(autoconfDir.toString(), "(the image's autoconf.h)");
        Optional<SourceLocation> where = e.location();
        if (where.isEmpty()) {
            return label + ": " + detail;
        }
        Path file = where.get().file().toAbsolutePath().normalize();
        if (file.equals(pmYml.toAbsolutePath().normalize())) {
            return label + ":" + where.get().line() + ": " + detail;
        }
        String shown = file.startsWith(autoconfDir.toAbsolutePath().normalize()) ? "autoconf.h" : file.toString();
        return label + ": " + shown + ":" + where.get().line() + ": " + detail;
    }

    /**
     * Why a value the partition manager refused may be a name: for each {@code CONFIG_} name in
     * {@code problem} that an image's preprocessed {@code pm.yml} still contains (a symbol its
     * configuration does not set is no macro, so the preprocessor leaves the name as it is), a
     * sentence saying so; empty when there is none.
     */
    String unsetSymbols(String problem) {
        StringBuilder hint = new StringBuilder();
        Set<String> named = new TreeSet<>();
        Matcher symbols = CONFIG_NAME.matcher(problem);
        while (symbols.find()) {
            named.add(symbols.group());
        }
        for (String symbol : named) {
            Pattern word = Pattern.compile("\\b" + symbol + "\\b");
            requests.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .filter(entry -> entry.getValue().isPresent())
                    .filter(entry -> word.matcher(entry.getValue().get().text()).find())
                    .findFirst()
                    .ifPresent(entry -> hint.append(" (")
                            .append(symbol)
                            .append(" is not set in the configuration of ")
                            .append(entry.getKey())
                            .append(", so the preprocessor left the name in ")
                            .append(entry.getValue().get().label())
                            .append(": set it, or keep the line out with #if)"));
        }
        return hint.toString();
    }

    /** True unless every line is blank or a YAML comment. */
    private static boolean hasContent(String text) {
        return text.lines().map(String::strip).anyMatch(line -> !line.isEmpty() && !line.startsWith("#"));
    }
}
