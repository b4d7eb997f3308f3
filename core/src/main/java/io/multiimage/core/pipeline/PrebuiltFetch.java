package io.multiimage.core.pipeline;

import io.multiimage.core.EnvironmentException;
import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.model.HexCoordinates;
import io.multiimage.core.spi.HexArtifactResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves every prebuilt HEX taken by coordinates before any image is built, one after the
 * other. A download is never interrupted because another one failed (an interrupted download
 * leaves the local repository's tracking files half written), and every failure is reported at
 * once, in tree order.
 */
final class PrebuiltFetch {

    private PrebuiltFetch() {}

    /**
     * A resolver that answers from the artifacts {@code images} need, all resolved now.
     *
     * @throws FirmwareException the failure of the one artifact that could not be resolved, or one
     *     failure listing them all
     */
    static HexArtifactResolver fetch(List<ConfiguredImage> images, HexArtifactResolver resolver)
            throws FirmwareException {
        Map<HexCoordinates, Path> fetched = new LinkedHashMap<>();
        List<FirmwareException> failures = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (ConfiguredImage image : images) {
            if (image.strategy().strategy() instanceof BuildStrategy.UseHex useHex
                    && useHex.source() instanceof HexCoordinates coordinates
                    && !fetched.containsKey(coordinates)) {
                try {
                    fetched.put(coordinates, resolver.resolve(coordinates));
                } catch (FirmwareException e) {
                    e.blameImage(image.name());
                    failures.add(e);
                    failed.add(image.name() + ": " + e.getMessage());
                }
            }
        }
        if (failures.size() == 1) {
            throw failures.get(0);
        }
        if (!failures.isEmpty()) {
            String message =
                    failures.size() + " prebuilt images could not be resolved:\n  " + String.join("\n  ", failed);
            boolean userFault = failures.stream().allMatch(InvalidConfigurationException.class::isInstance);
            FirmwareException all = userFault
                    ? new InvalidConfigurationException(message, failures.get(0))
                    : new EnvironmentException(message, failures.get(0));
            failures.get(0).culpritImage().ifPresent(all::blameImage);
            throw all;
        }
        return coordinates -> {
            Path path = fetched.get(coordinates);
            if (path == null) {
                throw new IllegalStateException(coordinates.describe() + " was not resolved before the build");
            }
            return path;
        };
    }
}
