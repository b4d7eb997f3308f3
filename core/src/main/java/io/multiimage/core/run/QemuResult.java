package io.multiimage.core.run;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import java.time.Duration;
import java.util.List;

/**
 * How a QEMU run ended: the firmware stopped through semihosting.
 *
 * @param exitStatus QEMU's exit status: the status the firmware passed to the semihosting exit
 *     (0 for a plain "application exit")
 * @param uartLines the last UART lines (all of them went to the request's consumer)
 * @param elapsed how long QEMU ran
 */
public record QemuResult(int exitStatus, List<String> uartLines, Duration elapsed) {

    /** Takes an immutable copy. */
    public QemuResult {
        uartLines = List.copyOf(uartLines);
    }

    /** True when the firmware exited with status 0. */
    public boolean succeeded() {
        return exitStatus == 0;
    }

    /**
     * Returns this result when the firmware exited with status 0, else throws a
     * {@link FirmwareException} with the status and the last UART lines (what the firmware said
     * before it gave up).
     */
    public QemuResult requireSuccess() throws FirmwareException {
        if (exitStatus != 0) {
            int shown = Math.min(uartLines.size(), 20);
            throw new InvalidConfigurationException("The firmware exited with status " + exitStatus
                    + " (semihosting exit). "
                    + (shown == 0
                            ? "It printed nothing on UART0."
                            : "Last UART lines:\n  "
                                    + String.join(
                                            "\n  ", uartLines.subList(uartLines.size() - shown, uartLines.size()))));
        }
        return this;
    }
}
