package io.multiimage.core.toolchain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of the {@code exec} driver: the command and where its outputs appear. Every
 * text may hold {@code ${NAME}} placeholders for the {@linkplain ToolchainFacts facts}.
 *
 * @param command the program and its arguments; a relative program name is looked up on PATH
 *     by the operating system
 * @param workingDir the directory to run in, relative to the build directory; empty for the
 *     build directory itself
 * @param hexFile the HEX file the command produces, relative to the build directory
 * @param elfFile the ELF file the command produces, relative to the build directory
 * @param timeout the longest the command may run
 */
public record ExecSettings(
        List<String> command,
        Optional<String> workingDir,
        Optional<String> hexFile,
        Optional<String> elfFile,
        Duration timeout) {

    /** Checks that there is a command and at least one output. */
    public ExecSettings {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the exec toolchain needs a command");
        }
        Objects.requireNonNull(workingDir, "workingDir");
        if (hexFile.isEmpty() && elfFile.isEmpty()) {
            throw new IllegalArgumentException("the exec toolchain needs the path of the HEX or ELF file it produces");
        }
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Runs {@code command} in the build directory, collects {@code hexFile}, 10 minutes at most. */
    public static ExecSettings producingHex(List<String> command, String hexFile) {
        return new ExecSettings(
                command, Optional.empty(), Optional.of(hexFile), Optional.empty(), Duration.ofMinutes(10));
    }
}
