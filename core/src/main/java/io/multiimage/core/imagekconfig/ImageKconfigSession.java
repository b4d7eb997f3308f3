package io.multiimage.core.imagekconfig;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.kconfig.FragmentSource;
import io.multiimage.core.kconfig.KconfigValue;
import io.multiimage.core.kconfig.engine.Kconfig;
import io.multiimage.core.kconfig.engine.Symbol;
import io.multiimage.core.kconfig.engine.SymbolType;
import io.multiimage.hex.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One image's configuration opened for a configuration interface (menuconfig, guiconfig): its
 * Kconfig tree with the build's fragments loaded, the changes made through the interface, and
 * how to keep them.
 *
 * <p>Zephyr loses menuconfig changes on a pristine build, because they live only in the build
 * directory's {@code .config}. Here {@link #saveFragment} writes the minimal difference — the
 * assignments the interface made whose values differ from what the fragments give — into a
 * fragment file that the child-image rules read on every build; {@link #writeBuildConfig} can
 * also write the build's {@code .config} and {@code autoconf.h}.
 *
 * <p>Not thread-safe (the engine is not): an interface serializes its calls.
 */
public final class ImageKconfigSession {

    private final ImageKconfigSetup setup;
    private final Kconfig kconfig;
    private final List<FragmentSource> fragments;
    private final Path buildDirectory;
    private final FragmentTarget defaultTarget;
    private final Map<String, String> variables;
    private final Map<String, String> baseline = new HashMap<>();
    /** Symbols the interface assigned, in the order of their first assignment. */
    private final Set<String> assigned = new LinkedHashSet<>();

    private ImageKconfigSession(
            ImageKconfigSetup setup,
            Kconfig kconfig,
            List<FragmentSource> fragments,
            Path buildDirectory,
            FragmentTarget defaultTarget,
            Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
        this.setup = setup;
        this.kconfig = kconfig;
        this.fragments = List.copyOf(fragments);
        this.buildDirectory = buildDirectory;
        this.defaultTarget = defaultTarget;
        for (Symbol symbol : kconfig.definedSymbols()) {
            baseline.put(symbol.name(), symbol.value());
        }
    }

    /**
     * Parses the image's tree and loads its fragments (the first replaces, the others merge).
     *
     * @param setup the image's Kconfig setup
     * @param fragments the fragments in the child-image rules' order
     * @param buildDirectory the image's build directory ({@code .config} and {@code autoconf.h})
     * @param defaultTarget where {@link #saveFragment} writes unless told otherwise
     * @param variables the variables the image received (a Kconfig target's command sees them)
     */
    public static ImageKconfigSession open(
            ImageKconfigSetup setup,
            List<FragmentSource> fragments,
            Path buildDirectory,
            FragmentTarget defaultTarget,
            Map<String, String> variables)
            throws InvalidConfigurationException {
        Kconfig kconfig = load(setup, fragments);
        return new ImageKconfigSession(setup, kconfig, fragments, buildDirectory, defaultTarget, variables);
    }

    private static Kconfig load(ImageKconfigSetup setup, List<FragmentSource> fragments)
            throws InvalidConfigurationException {
        Kconfig kconfig = setup.load();
        for (int i = 0; i < fragments.size(); i++) {
            kconfig.loadFragmentText(
                    fragments.get(i).location(), fragments.get(i).text(), i == 0);
        }
        return kconfig;
    }

    /** The image name. */
    public String image() {
        return setup.image();
    }

    /** The loaded tree, with the interface's changes. */
    public Kconfig kconfig() {
        return kconfig;
    }

    /** The setup the tree was loaded with. */
    public ImageKconfigSetup setup() {
        return setup;
    }

    /** Where {@link #saveFragment} writes by default. */
    public FragmentTarget defaultTarget() {
        return defaultTarget;
    }

    /** True when the build reads {@code file} as one of this image's fragments (or its default target). */
    public boolean readByBuild(Path file) {
        String location = setup.layout().relative(file);
        return file.toAbsolutePath()
                        .normalize()
                        .equals(defaultTarget.file().toAbsolutePath().normalize())
                || fragments.stream().anyMatch(f -> f.location().equals(location));
    }

    /** The variables the image received, e.g. {@code CONF_FILE}, {@code CONFIG_X}. */
    public Map<String, String> variables() {
        return variables;
    }

    /** The image's build directory. */
    public Path buildDirectory() {
        return buildDirectory;
    }

    /**
     * Sets a symbol's value as a person does in the interface.
     *
     * @return false when the value does not fit the symbol's type (nothing changes then)
     */
    public boolean set(Symbol symbol, String value) {
        boolean valid = kconfig.setUserValue(symbol, value);
        if (valid) {
            assigned.add(symbol.name());
        }
        return valid;
    }

    /** The file and line that gave {@code symbol} its current user value, or why it has its value. */
    public String valueOrigin(Symbol symbol) {
        if (assigned.contains(symbol.name())
                && symbol.userAssignment().map(a -> a.location() == null).orElse(false)) {
            return "set in this session";
        }
        return symbol.explain().summary();
    }

    /**
     * The minimal difference: for every symbol this session assigned whose value now differs
     * from what the fragments gave, its {@code .config} line, in {@code .config} order.
     */
    public Map<String, String> changes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Symbol symbol : EngineResults.inConfigOrder(kconfig)) {
            if (assigned.contains(symbol.name()) && !symbol.value().equals(baseline.get(symbol.name()))) {
                out.put(symbol.name(), configLine(symbol));
            }
        }
        return out;
    }

    private static String configLine(Symbol symbol) {
        String value = symbol.value();
        if (symbol.type() == SymbolType.BOOL) {
            return value.equals("y") ? "CONFIG_" + symbol.name() + "=y" : "# CONFIG_" + symbol.name() + " is not set";
        }
        return "CONFIG_" + symbol.name() + "="
                + (symbol.type() == SymbolType.STRING ? KconfigValue.quote(value) : value);
    }

    /**
     * Writes the {@link #changes} into {@code target} (created, or edited in place: lines of the
     * same symbols replaced, the rest appended). Before writing it checks that the fragments plus
     * the new file give exactly this session's configuration.
     *
     * @return what was written
     */
    public SavedFragment saveFragment(FragmentTarget target) throws IOException, InvalidConfigurationException {
        Map<String, String> changes = changes();
        Path file = target.file();
        boolean existed = Files.isRegularFile(file);
        String before = existed ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String text = FragmentFile.merge(
                before, changes, "Saved by firmware:menuconfig/guiconfig for image " + setup.image());
        List<String> differences = differencesWith(target, text);
        boolean writes = !changes.isEmpty() && !text.equals(before);
        if (writes) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.writeString(file, text);
        }
        return new SavedFragment(
                file,
                setup.layout().relative(file),
                new ArrayList<>(changes.values()),
                writes && !existed,
                differences);
    }

    /**
     * The symbols whose values would differ from this session's if {@code text} were read in
     * {@code target}'s place of the fragment order (last when it is not among the fragments).
     */
    private List<String> differencesWith(FragmentTarget target, String text) throws InvalidConfigurationException {
        String location = setup.layout().relative(target.file());
        List<FragmentSource> order = new ArrayList<>();
        boolean placed = false;
        for (FragmentSource fragment : fragments) {
            if (fragment.location().equals(location)) {
                order.add(new FragmentSource(fragment.mergeName(), location, text));
                placed = true;
            } else {
                order.add(fragment);
            }
        }
        if (!placed) {
            int at = target.position().orElse(order.size());
            order.add(Math.min(at, order.size()), new FragmentSource(location, location, text));
        }
        Kconfig again = load(setup, order);
        List<String> out = new ArrayList<>();
        for (Symbol symbol : kconfig.definedSymbols()) {
            String now = again.symbol(symbol.name()).map(Symbol::value).orElse("");
            if (!now.equals(symbol.value())) {
                out.add(symbol.name() + " would be '" + now + "', not '" + symbol.value() + "'");
            }
        }
        return out;
    }

    /** Writes this session's {@code .config} and {@code autoconf.h} into the build directory; returns the {@code .config}. */
    public Path writeBuildConfig() throws IOException {
        Files.createDirectories(buildDirectory);
        Path config = buildDirectory.resolve(".config");
        AtomicFiles.writeString(config, kconfig.configText(""));
        AtomicFiles.writeString(buildDirectory.resolve("autoconf.h"), kconfig.autoconfText(""));
        return config;
    }

    /**
     * Where a saved fragment goes and where it stands in the fragment order.
     *
     * @param file the fragment file
     * @param rule why the child-image rules read it, e.g. {@code (C) board file of row A}
     * @param position its index in the fragment order when it does not exist yet; empty: last
     */
    public record FragmentTarget(Path file, String rule, java.util.Optional<Integer> position) {

        /** Checks the parts. */
        public FragmentTarget {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(position, "position");
        }
    }

    /**
     * What {@link #saveFragment} did.
     *
     * @param file the fragment file
     * @param name the file as messages name it
     * @param lines the assignments written, in order (empty: nothing changed)
     * @param created true when the file was created (nothing is written without changes)
     * @param differences symbols the fragments plus this file would not give this session's value
     *     (a later fragment overrides them); empty when the file reproduces the configuration
     */
    public record SavedFragment(Path file, String name, List<String> lines, boolean created, List<String> differences) {

        /** Freezes the lists. */
        public SavedFragment {
            lines = List.copyOf(lines);
            differences = List.copyOf(differences);
        }
    }
}
