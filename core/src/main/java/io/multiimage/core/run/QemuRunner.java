package io.multiimage.core.run;

import io.multiimage.core.EnvironmentException;
import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.spi.ProcessResult;
import io.multiimage.core.spi.ProcessSpec;
import io.multiimage.core.spi.ProcessStartException;
import io.multiimage.core.spi.ProcessTimeoutException;
import io.multiimage.core.toolchain.ExecutableLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Boots a merged HEX file in {@code qemu-system-arm} and reports how the firmware ended:
 *
 * <pre>
 * qemu-system-arm -machine &lt;machine&gt; -nographic -monitor none -serial stdio
 *                 -semihosting-config enable=on,target=native
 *                 -device loader,file=&lt;merged.hex&gt;
 * </pre>
 *
 * <p>The generic loader device reads Intel HEX ({@code -kernel} does not, on QEMU 7.2) and
 * writes every record where its address says, so one file can hold the images of several
 * cores, or of both security states (a secure image at its secure alias). Without a
 * {@code cpu-num} it leaves the CPUs alone, so a Cortex-M starts as after a reset: stack
 * pointer and program counter from the vector table where the machine's reset looks for it
 * (address 0 on {@code lm3s6965evb}; on {@code mps2-an505} and {@code mps2-an521} the secure
 * {@code 0x10000000}, and CPU1 of the AN521 waits until CPU0 releases it). UART0 goes
 * to standard output, whose lines are streamed to the request's consumer. The firmware ends the
 * session through semihosting ({@code SYS_EXIT} or {@code SYS_EXIT_EXTENDED}); QEMU's exit
 * status is the firmware's.
 */
public final class QemuRunner {

    /** The emulator's file name. */
    public static final String QEMU = "qemu-system-arm";

    /** What to tell a user whose machine has no QEMU. */
    public static final String INSTALL_HINT = "Install QEMU with 'sudo apt-get install qemu-system-arm'.";

    private static final int UART_TAIL_LINES = 200;

    private final ProcessLauncher launcher;
    private final BuildLog log;

    /** A runner that starts QEMU through {@code launcher} and logs through {@code log}. */
    public QemuRunner(ProcessLauncher launcher, BuildLog log) {
        this.launcher = launcher;
        this.log = log;
    }

    /** The QEMU command line for {@code request}, with {@code qemu} as the program. */
    public static List<String> commandLine(Path qemu, QemuRequest request) {
        List<String> command = new ArrayList<>();
        command.add(qemu.toString());
        command.addAll(List.of("-machine", request.machine()));
        command.addAll(List.of("-nographic", "-monitor", "none", "-serial", "stdio"));
        command.addAll(List.of("-semihosting-config", "enable=on,target=native"));
        // The loader's option parser splits on commas; a comma in the path is written twice.
        command.addAll(List.of(
                "-device",
                "loader,file=" + request.hexFile().toAbsolutePath().toString().replace(",", ",,")));
        command.addAll(request.extraArgs());
        return command;
    }

    /**
     * Boots the firmware and waits until it exits through semihosting.
     *
     * @throws InvalidConfigurationException if the HEX file does not exist
     * @throws io.multiimage.core.toolchain.ToolNotFoundException if QEMU is not installed
     * @throws QemuTimeoutException if the firmware did not exit within the timeout
     * @throws FirmwareException if QEMU itself failed (could not load the file, bad machine)
     * @throws InterruptedException if the calling thread was interrupted; QEMU was killed
     */
    public QemuResult run(QemuRequest request) throws FirmwareException, InterruptedException {
        if (!Files.isRegularFile(request.hexFile())) {
            throw new InvalidConfigurationException(
                    "Cannot boot " + request.hexFile() + ": the file does not exist; " + "build the firmware first");
        }
        Path qemu = ExecutableLocator.of(request.qemuPath()).require(QEMU, INSTALL_HINT);
        List<String> command = commandLine(qemu, request);
        log.info("Booting " + request.hexFile() + " on QEMU machine " + request.machine());
        log.debug(ProcessSpec.commandLine(command));
        ProcessSpec spec = ProcessSpec.of(command)
                .timeout(request.timeout())
                .tailLines(UART_TAIL_LINES)
                .onStdout(request.uartConsumer())
                .onStderr(log::debug);
        ProcessResult result;
        try {
            result = launcher.run(spec);
        } catch (ProcessTimeoutException e) {
            throw new QemuTimeoutException(request.hexFile().toString(), request.timeout(), e.stdoutTail());
        } catch (ProcessStartException e) {
            throw new EnvironmentException("Cannot start QEMU: " + e.getMessage(), e);
        }
        List<String> qemuErrors = qemuErrors(qemu, result.stderrTail());
        if (!result.succeeded() && !qemuErrors.isEmpty()) {
            throw new EnvironmentException("QEMU failed running " + request.hexFile() + " (exit status "
                    + result.exitCode() + "):\n  " + String.join("\n  ", qemuErrors));
        }
        return new QemuResult(result.exitCode(), result.stdoutTail(), result.elapsed());
    }

    /**
     * QEMU's own error lines ("qemu-system-arm: unsupported machine type", "qemu: fatal: Lockup
     * ..." when the CPU locked up), as opposed to the firmware's output.
     */
    private static List<String> qemuErrors(Path qemu, List<String> stderr) {
        String prefix = qemu.getFileName() + ":";
        List<String> errors = new ArrayList<>();
        for (String line : stderr) {
            if (line.startsWith(prefix) || line.startsWith("qemu: fatal:")) {
                errors.add(line);
            }
        }
        return errors;
    }
}
