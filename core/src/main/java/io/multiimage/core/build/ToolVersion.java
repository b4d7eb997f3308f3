package io.multiimage.core.build;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.spi.ProcessResult;
import io.multiimage.core.spi.ProcessSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Reads the first line of a tool's {@code --version} output, which names its exact release. */
final class ToolVersion {

    private ToolVersion() {}

    static String of(ProcessLauncher launcher, Path tool) throws FirmwareException, InterruptedException {
        ProcessResult result = launcher.run(ProcessSpec.of(List.of(tool.toString(), "--version"))
                .timeout(Duration.ofMinutes(1)))
                .requireSuccess();
        return result.stdoutTail().isEmpty() ? "" : result.stdoutTail().get(0);
    }
}
