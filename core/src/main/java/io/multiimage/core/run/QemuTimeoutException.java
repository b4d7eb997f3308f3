package io.multiimage.core.run;

import io.multiimage.core.InvalidConfigurationException;
import java.time.Duration;
import java.util.List;

/**
 * The firmware did not end the QEMU session (no semihosting exit) within the timeout; QEMU was
 * killed. The message shows the last UART lines, which usually say where it got stuck.
 */
public class QemuTimeoutException extends InvalidConfigurationException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;
    private final List<String> uartTail;

    /** The run was stopped after {@code timeout}; {@code uartTail} holds the last UART lines. */
    public QemuTimeoutException(String hexFile, Duration timeout, List<String> uartTail) {
        super("The firmware " + hexFile + " did not exit within " + seconds(timeout)
                + " (no semihosting exit); QEMU was stopped. "
                + (uartTail.isEmpty()
                        ? "It printed nothing on UART0."
                        : "Last UART lines:\n  " + String.join("\n  ", uartTail))
                + "\nRaise firmware.run.timeout if the firmware needs longer.");
        this.timeout = timeout;
        this.uartTail = List.copyOf(uartTail);
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0
                ? millis / 1000 + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** The limit that was exceeded. */
    public Duration timeout() {
        return timeout;
    }

    /** The last UART lines before QEMU was stopped. */
    public List<String> uartTail() {
        return uartTail;
    }
}
