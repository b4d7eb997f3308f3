package io.multiimage.core.pipeline;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.lock.LayoutLock;
import io.multiimage.core.lock.LayoutLockFile;
import io.multiimage.core.sign.SigningConfig;
import io.multiimage.core.sign.SigningKeys;
import io.multiimage.core.sign.SigningSlots;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.partition.OutputDomain;
import io.multiimage.signing.keys.VerificationKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code firmware:lock-layout} without Maven: configures and places the tree (nothing is built)
 * and writes {@code layout.lock} — the immutable partitions, the slots, the flash geometry and the
 * signing key's fingerprint — for the team to commit.
 */
public final class LayoutLocking {

    private final BuildLog log;
    private final FirmwareBuild build;

    /** Locking that logs to {@code log}; the others are what discovering the tree needs. */
    public LayoutLocking(BuildLog log, ProcessLauncher launcher, HexArtifactResolver resolver, BuildSession session) {
        this.log = log;
        this.build = new FirmwareBuild(log, launcher, resolver, session);
    }

    /**
     * Writes the lock of {@code request}'s layout to {@code lockFile} (only when it changes).
     *
     * @return the lock written
     */
    public LayoutLock write(BuildRequest request, Path lockFile, SigningConfig signing)
            throws FirmwareException, IOException {
        PreparedTree prepared = build.prepare(request);
        boolean signs = false;
        for (OutputDomain domain : prepared.domains()) {
            for (var leaf : SigningSlots.leaves(domain)) {
                signs |= SigningSlots.find(leaf.name(), leaf.name(), domain).isPresent();
            }
        }
        Optional<VerificationKey> key = signs ? SigningKeys.publicKeyOf(signing) : Optional.empty();
        LayoutLock lock = LayoutLockStage.current(prepared, request, key);
        boolean written = OutputFiles.writeIfChanged(lockFile, LayoutLockFile.text(lock));
        log.info((written ? "Wrote " : "Unchanged: ") + request.layout().relative(lockFile) + " ("
                + lock.domains().stream().mapToInt(d -> d.partitions().size()).sum() + " locked partitions, key "
                + lock.keyHash().map(k -> "sha256 " + k.substring(0, 16) + "…").orElse("none") + ")");
        return lock;
    }
}
