package io.multiimage.core.pipeline;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.board.Board;
import io.multiimage.core.run.QemuRequest;
import io.multiimage.core.run.QemuResult;
import io.multiimage.core.run.QemuRunner;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.spi.ProcessLauncher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Builds a tree (nothing is redone when it is up to date) and boots its merged HEX in QEMU,
 * on the machine the top image's board names. UART output streams to the consumer as it
 * arrives; the run ends at the firmware's semihosting exit or after the timeout.
 */
public final class FirmwareRun {

    private final BuildLog log;
    private final ProcessLauncher launcher;
    private final BuildSession session;
    private final HexArtifactResolver resolver;

    public FirmwareRun(BuildLog log, ProcessLauncher launcher, HexArtifactResolver resolver) {
        this(log, launcher, resolver, null);
    }

    /** As {@link FirmwareBuild#FirmwareBuild(BuildLog, ProcessLauncher, HexArtifactResolver, BuildSession)}. */
    public FirmwareRun(BuildLog log, ProcessLauncher launcher, HexArtifactResolver resolver, BuildSession session) {
        this.session = session;
        this.log = log;
        this.launcher = launcher;
        this.resolver = resolver;
    }

    /**
     * Builds and boots.
     *
     * @throws InvalidConfigurationException when the request is not the top of a tree or the
     *     board has no emulator
     */
    public QemuResult run(BuildRequest request, Duration timeout, Consumer<String> uart)
            throws FirmwareException, IOException, InterruptedException {
        if (!request.scope().isWholeTree()) {
            throw new InvalidConfigurationException("Running boots a whole image tree: run the top image of "
                    + "the tree (" + request.rootImage() + "), not the child image "
                    + request.scope().moduleImage().orElseThrow());
        }
        FirmwareBuild build = new FirmwareBuild(log, launcher, resolver, session);
        PreparedTree prepared = build.prepare(request);
        Board board = prepared.images().get(request.rootImage()).board();
        String machine = board.definition().qemuMachine().orElseThrow(() -> new InvalidConfigurationException(
                "Board " + board.name() + " of image " + request.rootImage() + " has no QEMU machine, so it cannot be "
                        + "run here; boards that can: qemu_cortex_m3"));
        Path merged = build.build(request, prepared).mergedHex().orElseThrow();
        return new QemuRunner(launcher, log).run(QemuRequest.of(merged, machine, timeout, uart));
    }
}
