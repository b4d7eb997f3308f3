package io.multiimage.core.build;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.spi.ProcessResult;
import io.multiimage.core.spi.ProcessSpec;
import io.multiimage.core.spi.ProcessTimeoutException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The {@code cmake} driver: configures and builds an existing CMake project (a Zephyr
 * application, for example) in the image's build directory.
 *
 * <pre>
 * cmake -S &lt;source dir&gt; -B &lt;build dir&gt; -G &lt;generator&gt;
 *       -DBOARD=&lt;board&gt; -DCONF_FILE=&lt;a;b&gt; -DEXTRA_CONF_FILE=&lt;...&gt; -DDTC_OVERLAY_FILE=&lt;...&gt;
 *       -DCMAKE_BUILD_TYPE=&lt;type&gt; -D&lt;forwarded&gt;=&lt;value&gt;... &lt;extra args&gt;
 * cmake --build &lt;build dir&gt; --parallel &lt;n&gt; [--verbose]
 * </pre>
 *
 * <p>Options whose value would be empty are left out. Both commands also get the
 * {@linkplain ToolchainFacts facts} as environment variables. The HEX (required) and ELF
 * (when present) are collected from the configured paths.
 */
public final class CMakeToolchain implements Toolchain {

    /** The driver's name. */
    public static final String ID = "cmake";

    /** What to tell a user whose machine has no CMake. */
    public static final String INSTALL_HINT = "Install CMake with 'sudo apt-get install cmake', or set "
            + "firmware.toolchain.path to the directory that holds it.";

    private final ExecutableLocator locator;
    private final CMakeSettings settings;
    private final ProcessLauncher launcher;
    private final BuildLog log;

    /** A driver that finds {@code cmake} (and {@code ninja}) with {@code locator}. */
    public CMakeToolchain(ExecutableLocator locator, CMakeSettings settings, ProcessLauncher launcher, BuildLog log) {
        this.locator = locator;
        this.settings = settings;
        this.launcher = launcher;
        this.log = log;
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
            throw new FirmwareException("Image '" + request.imageName() + "': cannot create " + request.buildDir() + ": " + e, e);
        }
        Map<String, String> facts = ToolchainFacts.of(request);
        run(request, facts, "configuring the CMake project", configureCommand(cmake, request));
        run(request, facts, "building the CMake project", buildCommand(cmake, request));

        Path hex = request.buildDir().resolve(settings.hexFile()).normalize();
        if (!Files.isRegularFile(hex)) {
            throw new InvalidConfigurationException("Image '" + request.imageName() + "': the CMake build succeeded but "
                    + "did not produce " + hex + "; set the cmake toolchain's hexFile to where the project writes its HEX");
        }
        Path elf = request.buildDir().resolve(settings.elfFile()).normalize();
        return new ToolchainOutputs(Files.isRegularFile(elf) ? Optional.of(elf) : Optional.empty(), Optional.of(hex),
                Optional.empty(), Optional.empty());
    }

    @Override
    public String fingerprint(ToolchainRequest request) throws FirmwareException, InterruptedException {
        Path cmake = locator.require("cmake", INSTALL_HINT);
        StringBuilder text = new StringBuilder();
        text.append("toolchain=").append(ID).append('\n');
        text.append("cmake-version=").append(ToolVersion.of(launcher, cmake, request.buildDir().resolve(".state").resolve("cmake-version"))).append('\n');
        text.append("configure=").append(ProcessSpec.commandLine(configureCommand(cmake, request))).append('\n');
        text.append("build=").append(ProcessSpec.commandLine(buildCommand(cmake, request))).append('\n');
        text.append("hex=").append(settings.hexFile()).append('\n');
        text.append("elf=").append(settings.elfFile()).append('\n');
        ToolchainFacts.of(request).forEach((name, value) -> text.append("env ").append(name).append('=').append(value)
                .append('\n'));
        return text.toString();
    }

    /** The configure command line for {@code request}. */
    List<String> configureCommand(Path cmake, ToolchainRequest request) {
        List<String> command = new ArrayList<>();
        command.add(cmake.toString());
        command.addAll(List.of("-S", request.sourceDir().toString(), "-B", request.buildDir().toString()));
        command.addAll(List.of("-G", generator()));
        addDefinition(command, "BOARD", request.board());
        addDefinition(command, "CONF_FILE", joinPaths(request.confFiles()));
        addDefinition(command, "EXTRA_CONF_FILE", joinPaths(request.extraConfFiles()));
        addDefinition(command, "DTC_OVERLAY_FILE", joinPaths(request.dtcOverlayFiles()));
        addDefinition(command, "CMAKE_BUILD_TYPE", settings.cmakeBuildType().orElse(request.buildType()));
        for (Map.Entry<String, String> variable : request.forwardedVariables().entrySet()) {
            command.add("-D" + variable.getKey() + "=" + variable.getValue());
        }
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

    private void run(ToolchainRequest request, Map<String, String> facts, String step, List<String> command)
            throws FirmwareException, InterruptedException {
        String line = ProcessSpec.commandLine(command);
        if (request.verbose()) {
            log.info(line);
        } else {
            log.debug(line);
        }
        ProcessSpec spec = ProcessSpec.of(command)
                .workingDir(request.buildDir())
                .env(facts)
                .timeout(settings.timeout())
                .onStdout(request.verbose() ? log::info : log::debug)
                .onStderr(log::warn);
        ProcessResult result;
        try {
            result = launcher.run(spec);
        } catch (ProcessTimeoutException e) {
            throw new ToolchainTimeoutException(request.imageName(), step, e);
        }
        if (!result.succeeded()) {
            // CMake and the build tools print most errors on standard output.
            List<String> tail = new ArrayList<>(result.stdoutTail());
            tail.addAll(result.stderrTail());
            throw new ToolchainFailedException(request.imageName(), step, result.commandLine(), result.exitCode(), tail);
        }
    }
}
