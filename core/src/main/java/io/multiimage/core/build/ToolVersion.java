package io.multiimage.core.build;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.spi.LocalProcessLauncher;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.spi.ProcessResult;
import io.multiimage.core.spi.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the first line of a tool's {@code --version} output, which names its exact release.
 *
 * <p>Every image's up-to-date check needs the compiler's version, and a Maven build checks
 * several images in several modules of one JVM: real tools are asked once per binary. The
 * answer is remembered under the binary's path, size and modification time, so an upgraded
 * compiler is asked again. Fake launchers (tests) are always asked.
 */
final class ToolVersion {

    private record Binary(Path path, long size, long modified) {}

    private static final Map<Binary, String> KNOWN = new ConcurrentHashMap<>();

    private ToolVersion() {}

    static String of(ProcessLauncher launcher, Path tool) throws FirmwareException, InterruptedException {
        if (!(launcher instanceof LocalProcessLauncher)) {
            return ask(launcher, tool);
        }
        Binary binary;
        try {
            Path real = tool.toRealPath();
            binary = new Binary(real, Files.size(real), Files.getLastModifiedTime(real).toMillis());
        } catch (IOException e) {
            return ask(launcher, tool);
        }
        String known = KNOWN.get(binary);
        if (known != null) {
            return known;
        }
        String version = ask(launcher, tool);
        KNOWN.put(binary, version);
        return version;
    }

    private static String ask(ProcessLauncher launcher, Path tool) throws FirmwareException, InterruptedException {
        ProcessResult result = launcher.run(ProcessSpec.of(List.of(tool.toString(), "--version"))
                .timeout(Duration.ofMinutes(1)))
                .requireSuccess();
        return result.stdoutTail().isEmpty() ? "" : result.stdoutTail().get(0);
    }
}
