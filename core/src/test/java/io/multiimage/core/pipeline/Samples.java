package io.multiimage.core.pipeline;

import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.testkit.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** The repository's samples, copied where a test may build them without touching the source tree. */
final class Samples {

    private Samples() {}

    /** Copies {@code samples/<name>} (without any {@code target/}) into {@code destination}. */
    static void copy(String name, Path destination) throws IOException {
        Path sample = ProjectPaths.root().resolve("samples").resolve(name);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sample)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> !sample.relativize(f).toString().contains("target"))
                    .toList();
        }
        for (Path file : files) {
            Path copy = destination.resolve(sample.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The build of {@code samples/secure-boot} copied to {@code project}: app on qemu_cortex_m3,
     * its child mcuboot, mcuboot's child b0; outputs under {@code app/target/firmware}.
     */
    static BuildRequest secureBootRequest(Path project, BuildOptions options) {
        List<ImageDeclaration> tree = List.of(
                ImageDeclaration.builder("app", project.resolve("app"))
                        .board("qemu_cortex_m3")
                        .children("mcuboot")
                        .build(),
                ImageDeclaration.builder("mcuboot", project.resolve("mcuboot"))
                        .children("b0")
                        .build(),
                ImageDeclaration.builder("b0", project.resolve("b0")).build());
        return BuildRequest.builder(new ProjectLayout(project), "app", tree, project.resolve("app/target/firmware"))
                .options(options)
                .build();
    }
}
