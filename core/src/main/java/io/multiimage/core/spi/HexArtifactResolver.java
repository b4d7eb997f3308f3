package io.multiimage.core.spi;

import io.multiimage.core.EnvironmentException;
import io.multiimage.core.FirmwareException;
import io.multiimage.core.model.HexCoordinates;
import java.nio.file.Path;

/**
 * Finds a prebuilt image's HEX by Maven coordinates. The Maven plugin resolves through Maven's
 * repository system (mirrors, credentials, offline mode apply); other callers may refuse.
 */
public interface HexArtifactResolver {

    /**
     * The local file of {@code coordinates} (type {@code hex}).
     *
     * @throws FirmwareException naming the coordinates and the repositories tried when absent
     */
    Path resolve(HexCoordinates coordinates) throws FirmwareException;

    /** A resolver for builds without a repository: every lookup fails with {@code reason}. */
    static HexArtifactResolver unavailable(String reason) {
        return coordinates -> {
            throw new EnvironmentException("Cannot resolve prebuilt HEX " + coordinates.describe() + ": " + reason);
        };
    }
}
