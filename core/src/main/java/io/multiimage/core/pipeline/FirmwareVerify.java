package io.multiimage.core.pipeline;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.sign.SigningConfig;
import io.multiimage.core.sign.SigningKeys;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.verify.VerificationReport;
import io.multiimage.signing.keys.VerificationKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code firmware:verify} without Maven: checks a merged HEX file — the tree's own
 * {@code merged.hex}, or any file given by path, such as one someone else built — against the
 * tree's layout, with the public key of the signing configuration. Nothing is built.
 */
public final class FirmwareVerify {

    private final BuildLog log;
    private final FirmwareBuild build;

    /** A verification that logs to {@code log}; the others are what discovering the tree needs. */
    public FirmwareVerify(BuildLog log, ProcessLauncher launcher, HexArtifactResolver resolver, BuildSession session) {
        this.log = log;
        this.build = new FirmwareBuild(log, launcher, resolver, session);
    }

    /**
     * Verifies {@code hexFile}, or the tree's {@code merged.hex} when empty.
     *
     * @return the report; its failures are also thrown
     * @throws InvalidConfigurationException a check failed (every failure listed), or the file is missing
     */
    public VerificationReport verify(BuildRequest request, Optional<Path> hexFile, SigningConfig signing)
            throws FirmwareException, IOException {
        PreparedTree prepared = build.prepare(request);
        String rootDomain = prepared.images().get(request.rootImage()).domain();
        Path file = hexFile.orElse(request.outputDirectory().resolve("merged.hex"));
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigurationException(
                    hexFile.isPresent()
                            ? "The HEX file to verify, " + file + ", does not exist"
                            : "There is no " + request.layout().relative(file)
                                    + " to verify: build the tree first, or give a"
                                    + " file with -Dfirmware.verify.hex=<file>");
        }
        String domain = domainOf(file, prepared, rootDomain);
        Optional<VerificationKey> key = SigningKeys.publicKeyOf(signing);
        String label = hexFile.isPresent() ? file.toString() : request.layout().relative(file);
        VerificationReport report = VerifyStage.verify(prepared, request, domain, file, label, key, Map.of());
        for (String line : report.checked()) {
            log.info("  ok: " + line);
        }
        report.requireValid();
        log.info("Verified " + label + " against the layout of " + request.rootImage() + ": "
                + report.checked().size()
                + " checks passed"
                + key.map(k -> ", signatures checked with " + k)
                        .orElse(", no public key configured: hashes checked, signatures not"));
        return report;
    }

    /** {@code merged_<DOMAIN>.hex} belongs to that domain; any other file to the top image's. */
    private static String domainOf(Path file, PreparedTree prepared, String rootDomain) {
        String name = file.getFileName().toString();
        for (ConfiguredImage image : prepared.images().values()) {
            if (name.equals("merged_" + image.domain() + ".hex")) {
                return image.domain();
            }
        }
        return rootDomain;
    }
}
