package io.multiimage.core.pipeline;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.lock.LayoutLock;
import io.multiimage.core.lock.LayoutLockFile;
import io.multiimage.core.sign.FlashGeometry;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.partition.OutputDomain;
import io.multiimage.signing.keys.VerificationKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layout lock check, before the merge: this build's layout and key against the committed
 * {@code layout.lock}. A change fails the build with a before/after table, unless it is accepted
 * with a reason — then the table and the reason go into the build log and {@code build-info.json}.
 * Without a lock file there is nothing to check (the log says how to make one).
 */
final class LayoutLockStage {

    private final BuildLog log;

    LayoutLockStage(BuildLog log) {
        this.log = log;
    }

    /** The lock of this build's layout: the prepared domains, their flash geometry and {@code key}. */
    static LayoutLock current(PreparedTree prepared, BuildRequest request, Optional<VerificationKey> key)
            throws FirmwareException {
        ImageDirectories dirs = ImageDirectories.of(request);
        String rootDomain = prepared.images().get(request.rootImage()).domain();
        Map<String, FlashGeometry> geometry = new LinkedHashMap<>();
        for (ConfiguredImage image : prepared.images().values()) {
            String name = image.domain().equals(rootDomain) ? "" : image.domain();
            if (!geometry.containsKey(name)) {
                geometry.put(name, FlashGeometry.of(dirs.of(image.name()).resolve("zephyr.dts")));
            }
        }
        List<OutputDomain> domains = new ArrayList<>(prepared.domains());
        return LayoutLock.of(domains, geometry, key.map(VerificationKey::keyHashHex));
    }

    /**
     * Checks the layout against {@code lockFile}.
     *
     * @param accept the reason a change is accepted ({@code -Dfirmware.layout.accept}), if given
     * @return what goes into build-info.json: the accepted change, if any
     * @throws InvalidConfigurationException the layout changed and the change is not accepted
     */
    BuildInfoExtras check(LayoutLock current, Path lockFile, Optional<String> accept, String lockLabel)
            throws FirmwareException, IOException {
        BuildInfoExtras extras = new BuildInfoExtras();
        if (!Files.isRegularFile(lockFile)) {
            log.debug("No " + lockLabel + ": the layout is not locked (mvn firmware:lock-layout writes one)");
            return extras;
        }
        LayoutLock locked = LayoutLockFile.read(lockFile);
        List<LayoutLock.Change> changes = locked.changesTo(current);
        if (changes.isEmpty()) {
            log.info("Layout matches " + lockLabel);
            return extras;
        }
        String table = LayoutLock.table(changes);
        if (accept.isEmpty() || accept.get().isBlank()) {
            throw new InvalidConfigurationException("The layout differs from " + lockLabel + ", which locks the"
                    + " immutable partitions, the slots and the signing key a released boot chain was built for:\n"
                    + table + "A bootloader already in the field would boot the wrong address or refuse the image. If"
                    + " the change is intended, accept it with -Dfirmware.layout.accept=\"<reason>\" (the reason is"
                    + " logged and written to build-info.json), and run mvn firmware:lock-layout to lock the new"
                    + " layout");
        }
        log.warn("Layout change accepted (" + accept.get().strip() + "); it differs from " + lockLabel + ":\n"
                + table.stripTrailing());
        List<Object> list = new ArrayList<>();
        for (LayoutLock.Change change : changes) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("domain", change.domain());
            node.put("what", change.item());
            node.put("locked", change.before());
            node.put("now", change.after());
            list.add(node);
        }
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("reason", accept.get().strip());
        accepted.put("changes", list);
        extras.root("layoutChangeAccepted", accepted);
        return extras;
    }
}
