package io.multiimage.core.pipeline;

import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.state.PlacementRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A small tree for the placement record's tests: app (qemu_cortex_m3, a static partition in
 * app/pm_static.yml) with a child mcuboot whose pm.yml takes its size from its configuration
 * and asks for a partition of size 0 (a warning of the partition manager). Only discover,
 * configure and place run.
 */
final class PlacementProject {

    static final String MCUBOOT_PM_YML = String.join(
            "\n",
            "#include <autoconf.h>",
            "mcuboot:",
            "  size: CONFIG_PM_PARTITION_SIZE_MCUBOOT",
            "  placement: {after: [start]}",
            "unused:",
            "  size: 0",
            "  placement: {after: [mcuboot]}",
            "");

    static final String STATIC = "storage:\n  address: 0x3e000\n  size: 0x2000\n  region: flash_primary\n";

    private PlacementProject() {}

    /** Writes the tree's files under {@code project}. */
    static void create(Path project) throws IOException {
        Files.createDirectories(project.resolve("app"));
        Files.createDirectories(project.resolve("mcuboot"));
        Files.writeString(project.resolve("app/prj.conf"), "CONFIG_APP=y\n");
        Files.writeString(project.resolve("app/pm_static.yml"), STATIC);
        Files.writeString(project.resolve("mcuboot/prj.conf"), "CONFIG_PM_PARTITION_SIZE_MCUBOOT=0x8000\n");
        Files.writeString(project.resolve("mcuboot/pm.yml"), MCUBOOT_PM_YML);
    }

    /** Configures and places the tree, keeping placements tied to {@code codeIdentity} (none when empty). */
    static PreparedTree prepare(Path project, BuildLog log, Optional<String> codeIdentity) throws Exception {
        ImageDeclaration app = ImageDeclaration.builder("app", project.resolve("app"))
                .board("qemu_cortex_m3")
                .children("mcuboot")
                .build();
        ImageDeclaration mcuboot =
                ImageDeclaration.builder("mcuboot", project.resolve("mcuboot")).build();
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(project), "app", List.of(app, mcuboot), outputDirectory(project))
                .build();
        return new FirmwareBuild(
                        log,
                        new LocalProcessLauncher(),
                        HexArtifactResolver.unavailable("no repository"),
                        null,
                        new PlacementRecord(codeIdentity))
                .prepare(request);
    }

    static Path outputDirectory(Path project) {
        return project.resolve("app/target/firmware");
    }

    static Path recordFile(Path project) {
        return outputDirectory(project).resolve(".state/placement");
    }
}
