package io.multiimage.core.toolchain;

import io.multiimage.core.board.CpuFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Everything a toolchain driver needs to build one image, as plain values. Build one with
 * {@link #builder(String, Path, Path)}:
 *
 * <pre>{@code
 * ToolchainRequest request = ToolchainRequest.builder("mcuboot", moduleDir.resolve("src/main/c"), imageBuildDir)
 *         .includeDirs(List.of(imageBuildDir.resolve("include")))
 *         .flash(new MemoryRegion(0x8000, 0xc000))
 *         .flashBase(0x0)
 *         .ram(new MemoryRegion(0x2000_0000L, 0x10000))
 *         .cpu(CpuFacts.withoutFpu("cortex-m3"))
 *         .board("qemu_cortex_m3")
 *         .parallelism(2)
 *         .build();
 * }</pre>
 *
 * @param imageName the image ({@code app}, {@code mcuboot}); names the output files
 * @param sourceDir the image's sources ({@code src/main/c} for gnu-arm, the CMake project for cmake)
 * @param buildDir the image's own build directory; outputs go here
 * @param includeDirs generated include directories, searched first (where {@code autoconf.h} and
 *     {@code pm_config.h} live)
 * @param defines preprocessor definitions, name to value (an empty value defines the name as 1)
 * @param flash the image's flash partition: the generated linker script places the image here
 * @param flashBase where the flash holding the partition starts ({@code chosen/zephyr,flash});
 *     the partition lies {@link #loadOffset()} bytes into it. Default 0
 * @param ram the RAM the image may use
 * @param cpu compiler facts of the CPU, as the board states them; the gnu-arm driver compiles
 *     with {@link CpuFacts#buildFlags()}
 * @param board the board target, e.g. {@code qemu_cortex_m3}; may be empty
 * @param buildType the build type, e.g. {@code release}; empty when none
 * @param confFiles the Kconfig fragments that make up the image's configuration, in order
 *     (passed to CMake as {@code CONF_FILE})
 * @param extraConfFiles extra Kconfig fragments (CMake {@code EXTRA_CONF_FILE})
 * @param dtcOverlayFiles devicetree overlays in order (CMake {@code DTC_OVERLAY_FILE})
 * @param forwardedVariables variables forwarded to the image ({@code -D<img>_VAR=value} arrives
 *     as {@code VAR}), sorted by name
 * @param verbose print every command line and the tools' output
 * @param parallelism how many jobs may run at once; at least 1
 * @param extraArgs extra arguments: compiler options for gnu-arm, CMake configure options for
 *     cmake, appended arguments for exec
 * @param projectDir the project's root, when known: drivers map it to {@code .} in what they
 *     record (gcc's {@code -ffile-prefix-map}), so a build gives the same bytes in any checkout
 * @param facts additional named facts, exported as environment variables and usable as
 *     {@code ${NAME}} placeholders (names are environment-variable names)
 */
public record ToolchainRequest(
        String imageName,
        Path sourceDir,
        Path buildDir,
        List<Path> includeDirs,
        Map<String, String> defines,
        MemoryRegion flash,
        long flashBase,
        MemoryRegion ram,
        CpuFacts cpu,
        String board,
        String buildType,
        List<Path> confFiles,
        List<Path> extraConfFiles,
        List<Path> dtcOverlayFiles,
        Map<String, String> forwardedVariables,
        boolean verbose,
        int parallelism,
        List<String> extraArgs,
        Optional<Path> projectDir,
        Map<String, String> facts) {

    private static final Pattern IMAGE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Checks the values and takes immutable, sorted copies. */
    public ToolchainRequest {
        Objects.requireNonNull(imageName, "imageName");
        if (!IMAGE_NAME.matcher(imageName).matches() || imageName.contains("..")) {
            throw new IllegalArgumentException("not a valid image name: '" + imageName + "'");
        }
        sourceDir =
                Objects.requireNonNull(sourceDir, "sourceDir").toAbsolutePath().normalize();
        buildDir = Objects.requireNonNull(buildDir, "buildDir").toAbsolutePath().normalize();
        includeDirs = List.copyOf(includeDirs);
        defines = sortedCopy(defines, "define");
        Objects.requireNonNull(flash, "flash");
        if (flashBase < 0 || flashBase > flash.origin()) {
            throw new IllegalArgumentException("image '" + imageName + "': the flash partition " + flash
                    + " does not lie in a flash starting at " + MemoryRegion.hex(flashBase));
        }
        Objects.requireNonNull(ram, "ram");
        Objects.requireNonNull(cpu, "cpu");
        board = board == null ? "" : board;
        buildType = buildType == null ? "" : buildType;
        confFiles = List.copyOf(confFiles);
        extraConfFiles = List.copyOf(extraConfFiles);
        dtcOverlayFiles = List.copyOf(dtcOverlayFiles);
        forwardedVariables = sortedCopy(forwardedVariables, "forwarded variable");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        extraArgs = List.copyOf(extraArgs);
        facts = sortedCopy(facts, "fact");
    }

    private static Map<String, String> sortedCopy(Map<String, String> map, String what) {
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> entry : map.entrySet()) {
            if (!IDENTIFIER.matcher(entry.getKey()).matches()) {
                throw new IllegalArgumentException("not a valid " + what + " name: '" + entry.getKey() + "'");
            }
            sorted.put(entry.getKey(), Objects.requireNonNull(entry.getValue(), entry.getKey()));
        }
        return Collections.unmodifiableMap(sorted);
    }

    /**
     * How far into its flash the image starts: {@code flash().origin() - flashBase()}, the value
     * of Zephyr's {@code CONFIG_FLASH_LOAD_OFFSET} for this placement.
     */
    public long loadOffset() {
        return flash.origin() - flashBase;
    }

    /** A builder with the required values; CPU defaults to a Cortex-M3 (soft float), parallelism to 1. */
    public static Builder builder(String imageName, Path sourceDir, Path buildDir) {
        return new Builder(imageName, sourceDir, buildDir);
    }

    /** A builder holding this request's values, to change some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder(imageName, sourceDir, buildDir);
        builder.includeDirs = new ArrayList<>(includeDirs);
        builder.defines = new LinkedHashMap<>(defines);
        builder.flash = flash;
        builder.flashBase = flashBase;
        builder.ram = ram;
        builder.cpu = cpu;
        builder.board = board;
        builder.buildType = buildType;
        builder.confFiles = new ArrayList<>(confFiles);
        builder.extraConfFiles = new ArrayList<>(extraConfFiles);
        builder.dtcOverlayFiles = new ArrayList<>(dtcOverlayFiles);
        builder.forwardedVariables = new LinkedHashMap<>(forwardedVariables);
        builder.verbose = verbose;
        builder.parallelism = parallelism;
        builder.extraArgs = new ArrayList<>(extraArgs);
        builder.facts = new LinkedHashMap<>(facts);
        builder.projectDir = projectDir.orElse(null);
        return builder;
    }

    /** Collects the values of a {@link ToolchainRequest}. */
    public static final class Builder {
        private final String imageName;
        private final Path sourceDir;
        private final Path buildDir;
        private List<Path> includeDirs = new ArrayList<>();
        private Map<String, String> defines = new LinkedHashMap<>();
        private MemoryRegion flash;
        private long flashBase;
        private MemoryRegion ram;
        private CpuFacts cpu = CpuFacts.withoutFpu("cortex-m3");
        private String board = "";
        private String buildType = "";
        private List<Path> confFiles = new ArrayList<>();
        private List<Path> extraConfFiles = new ArrayList<>();
        private List<Path> dtcOverlayFiles = new ArrayList<>();
        private Map<String, String> forwardedVariables = new LinkedHashMap<>();
        private boolean verbose;
        private int parallelism = 1;
        private List<String> extraArgs = new ArrayList<>();
        private Map<String, String> facts = new LinkedHashMap<>();
        private Path projectDir;

        private Builder(String imageName, Path sourceDir, Path buildDir) {
            this.imageName = imageName;
            this.sourceDir = sourceDir;
            this.buildDir = buildDir;
        }

        /** Generated include directories, searched in this order before anything else. */
        public Builder includeDirs(List<Path> value) {
            includeDirs = new ArrayList<>(value);
            return this;
        }

        /** Preprocessor definitions. */
        public Builder defines(Map<String, String> value) {
            defines = new LinkedHashMap<>(value);
            return this;
        }

        /** The image's flash partition. */
        public Builder flash(MemoryRegion value) {
            flash = value;
            return this;
        }

        /** Where the flash holding the partition starts (default 0). */
        public Builder flashBase(long value) {
            flashBase = value;
            return this;
        }

        /** The RAM the image may use. */
        public Builder ram(MemoryRegion value) {
            ram = value;
            return this;
        }

        /** The CPU's compiler facts. */
        public Builder cpu(CpuFacts value) {
            cpu = value;
            return this;
        }

        /** The board target. */
        public Builder board(String value) {
            board = value;
            return this;
        }

        /** The build type ({@code release}), empty for none. */
        public Builder buildType(String value) {
            buildType = value;
            return this;
        }

        /** The Kconfig fragments of the configuration ({@code CONF_FILE}). */
        public Builder confFiles(List<Path> value) {
            confFiles = new ArrayList<>(value);
            return this;
        }

        /** Extra Kconfig fragments ({@code EXTRA_CONF_FILE}). */
        public Builder extraConfFiles(List<Path> value) {
            extraConfFiles = new ArrayList<>(value);
            return this;
        }

        /** Devicetree overlays ({@code DTC_OVERLAY_FILE}). */
        public Builder dtcOverlayFiles(List<Path> value) {
            dtcOverlayFiles = new ArrayList<>(value);
            return this;
        }

        /** Variables forwarded to the image. */
        public Builder forwardedVariables(Map<String, String> value) {
            forwardedVariables = new LinkedHashMap<>(value);
            return this;
        }

        /** Print every command line. */
        public Builder verbose(boolean value) {
            verbose = value;
            return this;
        }

        /** How many jobs may run at once. */
        public Builder parallelism(int value) {
            parallelism = value;
            return this;
        }

        /** Extra driver-specific arguments. */
        public Builder extraArgs(List<String> value) {
            extraArgs = new ArrayList<>(value);
            return this;
        }

        /** The project's root, mapped to {@code .} in what the tools record. */
        public Builder projectDir(Path value) {
            projectDir = value;
            return this;
        }

        /** Additional named facts for the environment and placeholders. */
        public Builder facts(Map<String, String> value) {
            facts = new LinkedHashMap<>(value);
            return this;
        }

        /** The request; fails if flash or RAM is missing. */
        public ToolchainRequest build() {
            if (flash == null || ram == null) {
                throw new IllegalStateException("image '" + imageName + "': flash and RAM regions are required");
            }
            return new ToolchainRequest(
                    imageName,
                    sourceDir,
                    buildDir,
                    includeDirs,
                    defines,
                    flash,
                    flashBase,
                    ram,
                    cpu,
                    board,
                    buildType,
                    confFiles,
                    extraConfFiles,
                    dtcOverlayFiles,
                    forwardedVariables,
                    verbose,
                    parallelism,
                    extraArgs,
                    Optional.ofNullable(projectDir)
                            .map(dir -> dir.toAbsolutePath().normalize()),
                    facts);
        }
    }
}
