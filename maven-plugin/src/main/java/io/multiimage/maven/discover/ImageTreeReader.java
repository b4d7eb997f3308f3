package io.multiimage.maven.discover;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.BuildStrategySettings;
import io.multiimage.core.imagekconfig.KconfigRoots;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.model.ImageCondition;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.pipeline.ImageSources;
import io.multiimage.core.toolchain.CMakeSettings;
import io.multiimage.core.toolchain.ExecSettings;
import io.multiimage.maven.CMakeConfig;
import io.multiimage.maven.ChildImage;
import io.multiimage.maven.ExecConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the POM world into the core's image declarations: the top module's settings, then
 * recursively each {@code <childImage>}, whose own module settings (board, toolchain, its own
 * children) come from {@link Modules}. Also says which module owns each image (a module its own;
 * a child declared as a directory belongs to the module of the parent that builds it) and where
 * each image's outputs go: {@code target/firmware/<image>/} of its owner.
 */
public final class ImageTreeReader {

    /** Settings of the firmware module in a directory. */
    @FunctionalInterface
    public interface Modules {
        /** The settings of the module in {@code directory}, or an error naming the POM element. */
        ImageSettings settingsOf(Path directory, String declaredBy) throws InvalidConfigurationException;
    }

    /**
     * The image tree as the core takes it, with each image's owning module.
     *
     * @param rootName the top image
     * @param declarations every image, in pre-order
     * @param sources each image's sources and driver settings
     * @param owners each image's owning module directory
     * @param buildDirectories each image's build directory, in its owner's build directory
     */
    public record Tree(
            String rootName,
            List<ImageDeclaration> declarations,
            Map<String, ImageSources> sources,
            Map<String, Path> owners,
            Map<String, Path> buildDirectories) {

        /** The images {@code module} owns: its own image and its directory children. */
        public Set<String> ownedBy(Path module) {
            Set<String> owned = new TreeSet<>();
            owners.forEach((image, owner) -> {
                if (owner.equals(module)) {
                    owned.add(image);
                }
            });
            return owned;
        }
    }

    private final Modules modules;
    private final Optional<String> buildType;
    private final List<ImageDeclaration> declarations = new ArrayList<>();
    private final Map<String, ImageSources> sources = new LinkedHashMap<>();
    private final Map<String, Path> owners = new LinkedHashMap<>();
    private final Map<String, Path> buildDirectories = new LinkedHashMap<>();

    public ImageTreeReader(Modules modules, Optional<String> buildType) {
        this.modules = modules;
        this.buildType = buildType;
    }

    /**
     * Reads the tree whose top module has {@code top} settings.
     *
     * @param topBoard the top image's board when the command line gives one, which wins over the POM's
     */
    public Tree read(ImageSettings top, Optional<String> topBoard) throws InvalidConfigurationException {
        declarations.clear();
        sources.clear();
        owners.clear();
        buildDirectories.clear();
        ImageDeclaration.Builder root =
                ImageDeclaration.builder(top.imageName(), top.basedir()).declaredBy(top.pomFile());
        topBoard.or(top::board).ifPresent(root::board);
        top.boardRevision().ifPresent(root::revision);
        top.domain().ifPresent(root::domain);
        top.toolchain().ifPresent(root::toolchain);
        buildType.ifPresent(root::buildType);
        own(top.imageName(), top);
        addModule(top.imageName(), top, root, List.of(new Visit(top.imageName(), top.basedir())));
        return new Tree(
                top.imageName(),
                List.copyOf(declarations),
                Map.copyOf(sources),
                Map.copyOf(owners),
                Map.copyOf(buildDirectories));
    }

    private void own(String image, ImageSettings owner) {
        owners.put(image, owner.basedir().toAbsolutePath().normalize());
        buildDirectories.put(image, owner.buildDirectory().resolve("firmware").resolve(image));
    }

    /** One module on the way from the top to the module being read. */
    private record Visit(String image, Path directory) {}

    private void addModule(String name, ImageSettings module, ImageDeclaration.Builder image, List<Visit> path)
            throws InvalidConfigurationException {
        if (!module.emptyElements().isEmpty()) {
            throw (InvalidConfigurationException) new InvalidConfigurationException(module.pomFile() + ": "
                            + String.join(", ", module.emptyElements())
                            + (module.emptyElements().size() == 1 ? " is" : " are")
                            + " empty (an unset variable?): give a value or remove the element")
                    .blameFile(
                            module.basedir().resolve("pom.xml").toAbsolutePath().toString());
        }
        sources.put(name, sourcesOf(module));
        for (ChildImage child : module.childImages()) {
            if (child.getName() == null || child.getName().isBlank()) {
                throw (InvalidConfigurationException) new InvalidConfigurationException("Image '" + name
                                + "': a <childImages><childImage> in " + module.pomFile() + " has no <name>")
                        .blameFile(module.basedir()
                                .resolve("pom.xml")
                                .toAbsolutePath()
                                .toString());
            }
            image.children(child.getName().trim());
        }
        declarations.add(image.build());
        for (ChildImage child : module.childImages()) {
            try {
                addChild(module, child, path);
            } catch (InvalidConfigurationException e) {
                e.blameFile(module.basedir().resolve("pom.xml").toAbsolutePath().toString());
                throw e;
            }
        }
    }

    private void addChild(ImageSettings parent, ChildImage child, List<Visit> path)
            throws InvalidConfigurationException {
        String name = child.getName().trim();
        String element = "<childImage> '" + name + "' in " + parent.pomFile();
        if (child.getModule() != null && child.getSourceDirectory() != null) {
            throw new InvalidConfigurationException(element + ": give <module> or <sourceDirectory>, not both");
        }
        Optional<ImageSettings> module = Optional.empty();
        Path applicationDir = parent.basedir();
        boolean ownDirectory = true;
        if (child.getModule() != null) {
            Path dir = parent.basedir().resolve(child.getModule()).normalize();
            if (path.stream().anyMatch(visit -> visit.directory().equals(dir))) {
                List<String> cycle =
                        new ArrayList<>(path.stream().map(Visit::image).toList());
                cycle.add(name);
                throw new InvalidConfigurationException("Image cycle: " + String.join(" -> ", cycle) + " (" + element
                        + " names module " + child.getModule() + ", which is already in the tree)");
            }
            module = Optional.of(modules.settingsOf(dir, element));
            applicationDir = dir;
        } else if (child.getSourceDirectory() != null) {
            applicationDir =
                    parent.basedir().resolve(child.getSourceDirectory()).normalize();
        } else {
            ownDirectory = false; // prebuilt or skipped; never built from the parent's sources
        }
        ImageDeclaration.Builder image =
                ImageDeclaration.builder(name, applicationDir).declaredBy(element);
        if (!ownDirectory) {
            image.withoutOwnDirectory();
        }
        // A board inherited from a parent POM is the top's; a child's own board is one its POM or
        // its <childImage> sets. Otherwise the child builds for its domain's board.
        firstOf(child.getBoard(), module.flatMap(ImageSettings::ownBoard)).ifPresent(image::board);
        module.filter(ImageSettings::boardDeclaredHere)
                .flatMap(ImageSettings::boardRevision)
                .ifPresent(image::revision);
        firstOf(child.getDomain(), module.flatMap(ImageSettings::domain)).ifPresent(image::domain);
        module.flatMap(ImageSettings::toolchain).ifPresent(image::toolchain);
        strategyOf(name, parent.basedir(), child, element).ifPresent(image::strategy);
        conditionOf(child).ifPresent(image::condition);
        if (module.isPresent()) {
            own(name, module.get());
            List<Visit> deeper = new ArrayList<>(path);
            deeper.add(new Visit(name, applicationDir));
            addModule(name, module.get(), image, deeper);
        } else {
            own(name, parent); // a directory child is built by the module that declares it
            sources.put(name, ImageSources.conventional(applicationDir));
            declarations.add(image.build());
        }
    }

    private static Optional<BuildStrategy> strategyOf(String name, Path declaringDir, ChildImage child, String element)
            throws InvalidConfigurationException {
        return new BuildStrategySettings(
                        text(child.getBuildStrategy()),
                        text(child.getHexFile()),
                        text(child.getHexArtifact()),
                        text(child.getSha256()),
                        ELEMENTS)
                .parse(name, declaringDir, Optional.empty(), element);
    }

    /** The {@code <childImage>} elements, as messages name them. */
    private static final BuildStrategySettings.Names ELEMENTS = new BuildStrategySettings.Names() {
        @Override
        public String strategy() {
            return "<buildStrategy>";
        }

        @Override
        public String hexFile() {
            return "<hexFile>";
        }

        @Override
        public String hexArtifact() {
            return "<hexArtifact>";
        }

        @Override
        public String sha256() {
            return "<sha256>";
        }

        @Override
        public String shown(String element, String value) {
            return element + value + "</" + element.substring(1);
        }
    };

    private static Optional<String> text(String value) {
        return value == null ? Optional.empty() : Optional.of(value);
    }

    private static Optional<ImageCondition> conditionOf(ChildImage child) {
        if (child.getCondition() == null || child.getCondition().isBlank()) {
            return Optional.empty();
        }
        String condition = child.getCondition().trim();
        return Optional.of(
                condition.startsWith("CONFIG_")
                        ? ImageCondition.kconfig(condition)
                        : ImageCondition.property(condition));
    }

    private static ImageSources sourcesOf(ImageSettings module) {
        Optional<CMakeSettings> cmake = Optional.ofNullable(module.cmake()).map(ImageTreeReader::cmakeSettings);
        Optional<ExecSettings> exec = Optional.ofNullable(module.exec()).map(ImageTreeReader::execSettings);
        return new ImageSources(
                module.sourceDirectory(),
                cmake,
                exec,
                module.toolchainArguments(),
                module.kconfigRoot()
                        .map(root -> new KconfigRoots.Configured(root, "<kconfigRoot> in " + module.pomFile())));
    }

    private static CMakeSettings cmakeSettings(CMakeConfig config) {
        CMakeSettings settings = CMakeSettings.defaults();
        if (config.getGenerator() != null) {
            settings = settings.withGenerator(config.getGenerator());
        }
        if (config.getHexFile() != null) {
            settings = settings.withHexFile(config.getHexFile());
        }
        if (config.getElfFile() != null) {
            settings = settings.withElfFile(config.getElfFile());
        }
        return settings;
    }

    private static ExecSettings execSettings(ExecConfig config) {
        return new ExecSettings(
                List.copyOf(config.getCommand()),
                Optional.ofNullable(config.getWorkingDirectory()),
                Optional.ofNullable(config.getHexFile()),
                Optional.ofNullable(config.getElfFile()),
                Duration.ofMinutes(30));
    }

    private static Optional<String> firstOf(String declared, Optional<String> fallback) {
        return declared != null && !declared.isBlank() ? Optional.of(declared.trim()) : fallback;
    }
}
