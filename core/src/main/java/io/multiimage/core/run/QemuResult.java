package io.multiimage.core.run;

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
}
