package io.multiimage.core.toolchain;

import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.spi.ProcessResult;
import io.multiimage.core.spi.ProcessSpec;
import io.multiimage.core.spi.ProcessStartException;
import io.multiimage.core.spi.ProcessTimeoutException;

/**
 * What every driver does around one command of an image's build: shows its command line and
 * runs it, naming the image and the step when it times out. What a failure reports (which
 * output, which excerpt) stays with each driver, since the tools print their errors differently.
 */
final class ToolCommand {

    private ToolCommand() {}

    /**
     * Logs the command line of {@code spec} (at info for a verbose request, else at debug), runs it
     * and returns its result, successful or not.
     *
     * @throws ToolchainTimeoutException if it ran longer than its timeout
     * @throws ProcessStartException if it could not be started
     */
    static ProcessResult run(
            ToolchainRequest request, BuildLog log, ProcessLauncher launcher, String step, ProcessSpec spec)
            throws ToolchainTimeoutException, ProcessStartException, InterruptedException {
        String line = ProcessSpec.commandLine(spec.command());
        if (request.verbose()) {
            log.info(line);
        } else {
            log.debug(line);
        }
        try {
            return launcher.run(spec);
        } catch (ProcessTimeoutException e) {
            throw new ToolchainTimeoutException(request.imageName(), step, e);
        }
    }
}
