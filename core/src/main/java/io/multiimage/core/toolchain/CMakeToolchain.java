package io.multiimage.core.toolchain;

import io.multiimage.core.EnvironmentException;
import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.spi.ProcessResult;
import io.multiimage.core.spi.ProcessSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The {@code cmake} driver: configures and builds an existing CMake project (a Zephyr
 * application, for example) in the image's build directory.
 *
 * <pre>
 * cmake --no-warn-unused-cli -S &lt;source dir&gt; -B &lt;build dir&gt; -G &lt;generator&gt;
 *       -DBOARD=&lt;board&gt; -DCONF_FILE=&lt;a;b&gt; -DEXTRA_CONF_FILE=&lt;...&gt; -DDTC_OVERLAY_FILE=&lt;...&gt;
 *       -DCMAKE_BUILD_TYPE=&lt;type&gt; -D&lt;forwarded&gt;=&lt;value&gt;...
 *       -DCONFIG_FLASH_LOAD_OFFSET=&lt;offset&gt; -DCONFIG_FLASH_LOAD_SIZE=&lt;size&gt;
 *       -DCONFIG_USE_DT_CODE_PARTITION=n -DMULTIIMAGE_INCLUDE_DIRS=&lt;dir;...&gt; &lt;extra args&gt;
 * cmake --build &lt;build dir&gt; --parallel &lt;n&gt; [--verbose]
 * </pre>
 *
 * <p>The placement is handed over the way Zephyr takes it: {@code CONFIG_*} cache variables
 * become Kconfig assignments of a Zephyr build, which then links at
 * {@code CONFIG_FLASH_BASE_ADDRESS + CONFIG_FLASH_LOAD_OFFSET} for {@code CONFIG_FLASH_LOAD_SIZE}
 * bytes instead of at the devicetree's code partition. The offset counts from the start of the
 * flash ({@code zephyr,flash}); the size is always the partition's, never 0 ("up to the end").
 *
 * <p>The generated headers ({@code autoconf.h}, {@code pm_config.h}) reach the project's
 * compiler through {@code CPATH} (searched after the project's own {@code -I} directories, for
 * {@code <...>} and {@code "..."} includes alike) and, for a project that wants them in
 * {@code include_directories()}, through the {@code MULTIIMAGE_INCLUDE_DIRS} cache variable.
 *
 * <p>Options whose value would be empty are left out. Both commands also get the
 * {@linkplain ToolchainFacts facts} and {@code CPATH} as environment variables. The HEX
 * (required) and ELF (when present) are collected from the configured paths.
 */
public final class CMakeToolchain implements Toolchain {

    /** The driver's name. */
    public static final String ID = "cmake";

    /** The cache variable that names the generated include directories (a CMake list). */
    public static final String INCLUDE_DIRS_VARIABLE = "MULTIIMAGE_INCLUDE_DIRS";

    /** The environment variable gcc searches for headers after the {@code -I} directories. */
    static final String COMPILER_SEARCH_PATH = "CPATH";

    /** What to tell a user whose machine has no CMake. */
    public static final String INSTALL_HINT = "Install CMake with 'sudo apt-get install cmake', or set "
            + "firmware.toolchain.path to the directory that holds it.";

    private final ExecutableLocator locator;
    private final CMakeSettings settings;
    private final ProcessLauncher launcher;
    private final BuildLog log;
    private final ToolVersion versions;

    /** A driver that finds {@code cmake} (and {@code ninja}) with {@code locator}, asking its version every time. */
    public CMakeToolchain(ExecutableLocator locator, CMakeSettings settings, ProcessLauncher launcher, BuildLog log) {
        this(locator, settings, launcher, log, ToolVersion.askingEveryTime());
    }

    /** As the other constructor, remembering CMake's version in {@code versions}. */
    public CMakeToolchain(
            ExecutableLocator locator,
            CMakeSettings settings,
            ProcessLauncher launcher,
            BuildLog log,
            ToolVersion versions) {
        this.locator = locator;
        this.settings = settings;
        this.launcher = launcher;
        this.log = log;
        this.versions = versions;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ToolchainOutputs build(ToolchainRequest request) throws FirmwareException, InterruptedException {
        Path cmake = locator.require("cmake", INSTALL_HINT);
        if (!Files.isRegularFile(request.sourceDir().resolve("CMakeLists.txt"))) {
            throw new InvalidConfigurationException("Image '" + request.imageName() + "': " + request.sourceDir()
                    + " has no CMakeLists.txt; the cmake toolchain builds an existing CMake project");
        }
        try {
            Files.createDirectories(request.buildDir());
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Image '" + request.imageName() + "': cannot create " + request.buildDir() + ": " + e, e);
        }
        Map<String, String> environment =
                environment(request, Optional.ofNullable(System.getenv(COMPILER_SEARCH_PATH)));
        run(request, environment, "configuring the CMake project", configureCommand(cmake, request));
        run(request, environment, "building the CMake project", buildCommand(cmake, request));

        Path hex = request.buildDir().resolve(settings.hexFile()).normalize();
        if (!Files.isRegularFile(hex)) {
            throw new InvalidConfigurationException(
                    "Image '" + request.imageName() + "': the CMake build succeeded but " + "did not produce " + hex
                            + "; set the cmake toolchain's hexFile to where the project writes its HEX");
        }
        Path elf = request.buildDir().resolve(settings.elfFile()).normalize();
        return new ToolchainOutputs(
                Files.isRegularFile(elf) ? Optional.of(elf) : Optional.empty(),
                Optional.of(hex),
                Optional.empty(),
                Optional.empty());
    }

    @Override
    public String fingerprint(ToolchainRequest request) throws FirmwareException, InterruptedException {
        Path cmake = locator.require("cmake", INSTALL_HINT);
        // The job count changes how fast the image builds, never what it builds: described as 1
        // whatever it is, so that another --parallel does not rebuild.
        ToolchainRequest described = request.toBuilder().parallelism(1).build();
        StringBuilder text = new StringBuilder();
        text.append("toolchain=").append(ID).append('\n');
        text.append("cmake-version=")
                .append(versions.of(
                        launcher, cmake, request.buildDir().resolve(".state").resolve("cmake-version")))
                .append('\n');
        text.append("configure=")
                .append(ProcessSpec.commandLine(configureCommand(cmake, described)))
                .append('\n');
        text.append("build=")
                .append(ProcessSpec.commandLine(buildCommand(cmake, described)))
                .append('\n');
        text.append("hex=").append(settings.hexFile()).append('\n');
        text.append("elf=").append(settings.elfFile()).append('\n');
        // The user's own CPATH is left out like the rest of the inherited environment.
        environment(described, Optional.empty())
                .forEach((name, value) -> text.append("env ")
                        .append(name)
                        .append('=')
                        .append(value)
                        .append('\n'));
        return text.toString();
    }

    /** The configure command line for {@code request}. */
    List<String> configureCommand(Path cmake, ToolchainRequest request) {
        List<String> command = new ArrayList<>();
        command.add(cmake.toString());
        // Every project gets the same variables, used or not: CMake's list of unused ones would
        // be noise in every build of a project that is not a Zephyr application.
        command.add("--no-warn-unused-cli");
        command.addAll(List.of(
                "-S", request.sourceDir().toString(), "-B", request.buildDir().toString()));
        command.addAll(List.of("-G", generator()));
        addDefinition(command, "BOARD", request.board());
        addDefinition(command, "CONF_FILE", joinPaths(request.confFiles()));
        addDefinition(command, "EXTRA_CONF_FILE", joinPaths(request.extraConfFiles()));
        addDefinition(command, "DTC_OVERLAY_FILE", joinPaths(request.dtcOverlayFiles()));
        addDefinition(command, "CMAKE_BUILD_TYPE", settings.cmakeBuildType().orElse(request.buildType()));
        for (Map.Entry<String, String> variable : request.forwardedVariables().entrySet()) {
            command.add("-D" + variable.getKey() + "=" + variable.getValue());
        }
        // The placement, after the forwarded variables so that it wins over a forwarded
        // CONFIG_FLASH_LOAD_OFFSET the partition manager overruled.
        addDefinition(command, "CONFIG_FLASH_LOAD_OFFSET", MemoryRegion.hex(request.loadOffset()));
        addDefinition(
                command,
                "CONFIG_FLASH_LOAD_SIZE",
                MemoryRegion.hex(request.flash().size()));
        addDefinition(command, "CONFIG_USE_DT_CODE_PARTITION", "n");
        addDefinition(command, INCLUDE_DIRS_VARIABLE, joinPaths(request.includeDirs()));
        command.addAll(request.extraArgs());
        return command;
    }

    /** The build command line for {@code request}. */
    List<String> buildCommand(Path cmake, ToolchainRequest request) {
        List<String> command = new ArrayList<>();
        command.add(cmake.toString());
        command.addAll(List.of("--build", request.buildDir().toString()));
        command.addAll(List.of("--parallel", Integer.toString(request.parallelism())));
        if (request.verbose()) {
            command.add("--verbose");
        }
        return command;
    }

    /**
     * The environment of both commands: the facts, and (when there are generated include
     * directories) {@code CPATH} with them ahead of {@code inheritedSearchPath}, the user's own
     * {@code CPATH}, if any.
     */
    static Map<String, String> environment(ToolchainRequest request, Optional<String> inheritedSearchPath)
            throws InvalidConfigurationException {
        Map<String, String> environment = new TreeMap<>(ToolchainFacts.of(request));
        if (!request.includeDirs().isEmpty()) {
            StringJoiner searchPath = new StringJoiner(File.pathSeparator);
            request.includeDirs().forEach(dir -> searchPath.add(dir.toString()));
            inheritedSearchPath.filter(path -> !path.isEmpty()).ifPresent(searchPath::add);
            environment.put(COMPILER_SEARCH_PATH, searchPath.toString());
        }
        return environment;
    }

    private String generator() {
        if (settings.generator().isPresent() && !settings.generator().get().isBlank()) {
            return settings.generator().get();
        }
        return locator.find("ninja").isPresent() ? "Ninja" : "Unix Makefiles";
    }

    private static void addDefinition(List<String> command, String name, String value) {
        if (!value.isEmpty()) {
            command.add("-D" + name + "=" + value);
        }
    }

    private static String joinPaths(List<Path> paths) {
        StringJoiner joined = new StringJoiner(";");
        for (Path path : paths) {
            joined.add(path.toString());
        }
        return joined.toString();
    }

    private void run(ToolchainRequest request, Map<String, String> environment, String step, List<String> command)
            throws FirmwareException, InterruptedException {
        ProcessSpec spec = ProcessSpec.of(command)
                .workingDir(request.buildDir())
                .env(environment)
                .timeout(settings.timeout())
                .onStdout(request.verbose() ? log::info : log::debug)
                .onStderr(log::warn);
        ProcessResult result = ToolCommand.run(request, log, launcher, step, spec);
        if (!result.succeeded()) {
            // CMake and the build tools print most errors on standard output.
            List<String> tail = new ArrayList<>(result.stdoutTail());
            tail.addAll(result.stderrTail());
            throw new ToolchainFailedException(
                    request.imageName(), step, result.commandLine(), result.exitCode(), tail);
        }
    }
}
