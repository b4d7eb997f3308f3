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

    /**
     * The layout the prebuilt image at {@code coordinates} was built for, published beside it with
     * classifier {@code layout} and type {@code txt} ({@code image-layout.txt}); empty when the
     * repository has none (an image published by another tool) or the resolver cannot look.
     */
    default java.util.Optional<Path> resolveLayout(HexCoordinates coordinates) {
        return java.util.Optional.empty();
    }

    /** A resolver for builds without a repository: every lookup fails with {@code reason}. */
    static HexArtifactResolver unavailable(String reason) {
        return coordinates -> {
            throw new EnvironmentException("Cannot resolve prebuilt HEX " + coordinates.describe() + ": " + reason);
        };
    }
}
