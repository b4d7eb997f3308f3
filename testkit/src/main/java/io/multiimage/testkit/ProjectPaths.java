package io.multiimage.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository and the shared specifications are, seen from a running test. */
public final class ProjectPaths {

    private ProjectPaths() {}

    /**
     * The repository root: the {@code multiimage.root} system property set by the root POM's
     * Surefire configuration, else the nearest ancestor of the working directory that holds
     * {@code mvnw}.
     */
    public static Path root() {
        String configured = System.getProperty("multiimage.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "cannot find the repository root from " + Path.of("").toAbsolutePath());
    }
}
