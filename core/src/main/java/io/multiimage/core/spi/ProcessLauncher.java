package io.multiimage.core.spi;

/**
 * Runs external programs (compilers, CMake, QEMU) for the core. The default implementation is
 * {@code io.multiimage.core.process.LocalProcessLauncher}; tests and build tools may pass their own.
 *
 * <p>A launcher returns the result of every process that ran to its end, whatever its exit
 * code: judging the exit code is the caller's job ({@link ProcessResult#requireSuccess()}).
 */
public interface ProcessLauncher {

    /**
     * Runs {@code spec} to completion, streaming its output lines to the spec's consumers.
     *
     * @throws ProcessStartException if the program cannot be started (missing, not executable)
     * @throws ProcessTimeoutException if it did not end within the spec's timeout; it and its
     *     descendants have been killed
     * @throws InterruptedException if the calling thread was interrupted; the process and its
     *     descendants have been killed
     */
    ProcessResult run(ProcessSpec spec) throws ProcessStartException, ProcessTimeoutException, InterruptedException;
}
