package io.multiimage.core.toolchain;

import io.multiimage.core.EnvironmentException;
import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.spi.ProcessResult;
import io.multiimage.core.spi.ProcessSpec;
import io.multiimage.core.spi.ProcessStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code exec} driver: runs a configured command line with the request's
 * {@linkplain ToolchainFacts facts} as environment variables and {@code ${NAME}} placeholders,
 * then collects the HEX and/or ELF file it was configured to produce. The request's extra
 * arguments are appended to the command.
 */
public final class ExecToolchain implements Toolchain {

    /** The driver's name. */
    public static final String ID = "exec";

    private final ExecSettings settings;
    private final ProcessLauncher launcher;
    private final BuildLog log;

    /** A driver running the command of {@code settings}. */
    public ExecToolchain(ExecSettings settings, ProcessLauncher launcher, BuildLog log) {
        this.settings = settings;
        this.launcher = launcher;
        this.log = log;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String fingerprint(ToolchainRequest buildRequest) throws FirmwareException {
        // The job count changes how fast the image builds, never what it builds: described as 1
        // whatever it is, so that another --parallel does not rebuild.
        ToolchainRequest request = buildRequest.toBuilder().parallelism(1).build();
        Map<String, String> facts = ToolchainFacts.of(request);
        String where = "Image '" + request.imageName() + "': exec toolchain";
        StringBuilder text = new StringBuilder();
        text.append("toolchain=").append(ID).append('\n');
        text.append("command=")
                .append(ProcessSpec.commandLine(command(request, facts, where)))
                .append('\n');
        text.append("working-dir=").append(workingDir(request, facts, where)).append('\n');
        text.append("hex=")
                .append(resolveOutput(request, facts, settings.hexFile(), where + " hexFile")
                        .map(Path::toString)
                        .orElse(""))
                .append('\n');
        text.append("elf=")
                .append(resolveOutput(request, facts, settings.elfFile(), where + " elfFile")
                        .map(Path::toString)
                        .orElse(""))
                .append('\n');
        text.append("timeout=").append(settings.timeout()).append('\n');
        facts.forEach((name, value) ->
                text.append("env ").append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    private List<String> command(ToolchainRequest request, Map<String, String> facts, String where)
            throws InvalidConfigurationException {
        List<String> command = new ArrayList<>();
        for (String argument : settings.command()) {
            command.add(Placeholders.expand(argument, facts, where + " command"));
        }
        command.addAll(request.extraArgs());
        return command;
    }

    private Path workingDir(ToolchainRequest request, Map<String, String> facts, String where)
            throws InvalidConfigurationException {
        if (settings.workingDir().isEmpty()) {
            return request.buildDir();
        }
        return request.buildDir()
                .resolve(Placeholders.expand(settings.workingDir().get(), facts, where + " working directory"))
                .normalize();
    }

    @Override
    public ToolchainOutputs build(ToolchainRequest request) throws FirmwareException, InterruptedException {
        Map<String, String> facts = ToolchainFacts.of(request);
        String where = "Image '" + request.imageName() + "': exec toolchain";
        List<String> command = command(request, facts, where);
        Path workingDir = workingDir(request, facts, where);
        Optional<Path> hex = resolveOutput(request, facts, settings.hexFile(), where + " hexFile");
        Optional<Path> elf = resolveOutput(request, facts, settings.elfFile(), where + " elfFile");
        try {
            Files.createDirectories(workingDir);
        } catch (IOException e) {
            throw new EnvironmentException(where + ": cannot create " + workingDir + ": " + e, e);
        }

        ProcessSpec spec = ProcessSpec.of(command)
                .workingDir(workingDir)
                .env(facts)
                .timeout(settings.timeout())
                .onStdout(request.verbose() ? log::info : log::debug)
                .onStderr(log::warn);
        ProcessResult result;
        try {
            result = ToolCommand.run(request, log, launcher, "running the exec toolchain command", spec);
        } catch (ProcessStartException e) {
            throw new InvalidConfigurationException(
                    where + ": " + e.getMessage() + "; check the configured command and that its program is installed",
                    e);
        }
        if (!result.succeeded()) {
            throw new ToolchainFailedException(
                    request.imageName(),
                    "running the exec toolchain command",
                    result.commandLine(),
                    result.exitCode(),
                    result.stderrTail().isEmpty() ? result.stdoutTail() : result.stderrTail());
        }
        requireProduced(where, hex, "hexFile");
        requireProduced(where, elf, "elfFile");
        return new ToolchainOutputs(elf, hex, Optional.empty(), Optional.empty());
    }

    private static Optional<Path> resolveOutput(
            ToolchainRequest request, Map<String, String> facts, Optional<String> configured, String where)
            throws InvalidConfigurationException {
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(request.buildDir()
                .resolve(Placeholders.expand(configured.get(), facts, where))
                .normalize());
    }

    private static void requireProduced(String where, Optional<Path> output, String setting)
            throws InvalidConfigurationException {
        if (output.isPresent() && !Files.isRegularFile(output.get())) {
            throw new InvalidConfigurationException(where + ": the command succeeded but did not produce "
                    + output.get() + " (the configured " + setting + ")");
        }
    }
}
