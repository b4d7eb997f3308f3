package io.multiimage.core.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What to boot and how.
 *
 * @param hexFile the merged Intel HEX file to load
 * @param machine the QEMU machine, e.g. {@code lm3s6965evb} for board {@code qemu_cortex_m3}
 * @param qemuPath the directory holding {@code qemu-system-arm}; empty to search PATH
 * @param timeout how long the firmware may run before it is killed and the run fails
 * @param uartConsumer receives every UART line as it arrives (without the line end)
 * @param extraArgs further QEMU arguments, appended
 */
public record QemuRequest(
        Path hexFile,
        String machine,
        Optional<Path> qemuPath,
        Duration timeout,
        Consumer<String> uartConsumer,
        List<String> extraArgs) {

    private static final Pattern MACHINE = Pattern.compile("[A-Za-z0-9_.-]+");

    /** Checks the values. */
    public QemuRequest {
        Objects.requireNonNull(hexFile, "hexFile");
        if (machine == null || !MACHINE.matcher(machine).matches()) {
            throw new IllegalArgumentException("not a QEMU machine name: '" + machine + "'");
        }
        Objects.requireNonNull(qemuPath, "qemuPath");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        uartConsumer = uartConsumer == null ? line -> {} : uartConsumer;
        extraArgs = List.copyOf(extraArgs);
    }

    /** Boots {@code hexFile} on {@code machine} with qemu-system-arm from PATH. */
    public static QemuRequest of(Path hexFile, String machine, Duration timeout, Consumer<String> uartConsumer) {
        return new QemuRequest(hexFile, machine, Optional.empty(), timeout, uartConsumer, List.of());
    }
}
