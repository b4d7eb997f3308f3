package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.board.BoardDefinition;
import io.multiimage.core.sign.ImageSigner;
import io.multiimage.core.sign.SigningConfig;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.signing.ImageVersion;
import io.multiimage.signing.dfu.DfuPackage;
import io.multiimage.signing.dfu.NcsDfu;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files NCS users look for under the top build directory, after the merge: each MCUboot
 * application slot's {@code app_signed.hex}, {@code app_update.bin}, {@code app_test_update.hex},
 * {@code app_moved_test_update.hex} (and {@code net_core_app_*} for a network core with its own
 * slot), and {@code dfu_application.zip} with its {@code manifest.json}. The zip carries the
 * configured output timestamp, never the build time: the same inputs give the same bytes.
 */
final class UpdatePackageStage {

    /** The DFU package's file name, as NCS names it. */
    static final String DFU_ZIP = "dfu_application.zip";

    private final BuildLog log;

    UpdatePackageStage(BuildLog log) {
        this.log = log;
    }

    /** Writes the files into {@code root}; returns them as the top module publishes them. */
    List<PublishedFile> run(SignStage.Result signing, PreparedTree prepared, SigningConfig config, Path root)
            throws InvalidConfigurationException, IOException {
        List<PublishedFile> published = new ArrayList<>();
        Optional<ImageSigner.Outcome> app = Optional.empty();
        Optional<ImageSigner.Outcome> net = Optional.empty();
        for (ImageSigner.Outcome outcome : signing.signed().values()) {
            if (!outcome.slot().isMcubootApplication()) {
                continue;
            }
            for (Map.Entry<String, byte[]> file : outcome.files().entrySet()) {
                Path target = root.resolve(file.getKey());
                if (OutputFiles.writeIfChanged(target, file.getValue())) {
                    log.info("Wrote " + file.getKey());
                }
                published.add(PublishedFile.named(target));
            }
            if (outcome.request().isPresent()) {
                continue;
            }
            if (outcome.slot().prefix().equals("app")) {
                app = Optional.of(outcome);
            } else if (outcome.slot().prefix().equals("net_core_app")) {
                net = Optional.of(outcome);
            }
        }
        if (app.isPresent()) {
            DfuPackage zip = zip(app.get(), net, signing.version().orElseThrow(), prepared, config.outputTimestamp());
            Path target = root.resolve(DFU_ZIP);
            if (OutputFiles.writeIfChanged(target, zip.toZip())) {
                log.info("Wrote " + DFU_ZIP + " (" + String.join(", ", zip.entryNames()) + ")");
            }
            published.add(PublishedFile.named(target));
        }
        return published;
    }

    private static DfuPackage zip(
            ImageSigner.Outcome app,
            Optional<ImageSigner.Outcome> net,
            ImageVersion version,
            PreparedTree prepared,
            long timestamp) {
        BoardDefinition appBoard =
                prepared.images().get(app.slot().image()).board().definition();
        NcsDfu.Image appImage =
                new NcsDfu.Image(app.signed().binary(), app.slot().partition().address());
        if (net.isEmpty()) {
            return NcsDfu.application(appImage, version, appBoard.name(), appBoard.soc(), timestamp);
        }
        BoardDefinition netBoard =
                prepared.images().get(net.get().slot().image()).board().definition();
        NcsDfu.Image netImage = new NcsDfu.Image(
                net.get().signed().binary(), net.get().slot().partition().address());
        return NcsDfu.applicationAndNetworkCore(
                appImage,
                version,
                netImage,
                netBoard.name(),
                netBoard.soc(),
                version.toString(),
                appBoard.name(),
                appBoard.soc(),
                timestamp);
    }
}
