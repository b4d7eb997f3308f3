package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.model.HexFile;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.model.ImageModelException;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that match nothing, found while discovering, configuring and placing: a file of a
 * parent's {@code child_image/} that names no child, and a static partition that names no image
 * but is one letter away from a prebuilt child's name.
 */
class MisspeltNamesTest {

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void project() throws IOException {
        write("app/prj.conf", "CONFIG_APP=y\n");
        write("mcuboot/prj.conf", "CONFIG_MCUBOOT=y\n");
        write("mcuboot/pm.yml", "mcuboot:\n  placement:\n    after: [start]\n  size: 0x8000\n");
    }

    @Test
    void aChildImageFileThatNamesNoChildIsAWarningNamingTheClosestChild() throws Exception {
        write("app/child_image/mcubot.conf", "CONFIG_MCUBOOT_LOG=y\n");
        write("app/child_image/mcuboot_release.conf", "CONFIG_OTHER_BUILD_TYPE=y\n");
        write("app/child_image/mcuboot.overlay", "/ {\n};\n");

        prepare(BuildScope.wholeTree(), BuildStrategy.fromSource());

        assertEquals(
                List.of("WARN app/child_image/mcubot.conf matches no child image of app (children: mcuboot);"
                        + " did you mean 'mcuboot'?"),
                log.lines().stream().filter(line -> line.startsWith("WARN")).toList());
    }

    @Test
    void onlyTheBuildOfTheParentsOwnImageWarns() throws Exception {
        write("app/child_image/mcubot.conf", "CONFIG_MCUBOOT_LOG=y\n");

        prepare(BuildScope.module("mcuboot", Set.of("mcuboot")), BuildStrategy.fromSource());

        assertEquals(List.of(), log.at("WARN"));
    }

    @Test
    void aStaticPartitionOneLetterFromAPrebuiltChildsNameIsNamedAsTheLikelyMisspelling() throws Exception {
        write("app/pm_static.yml", "ssbl:\n  address: 0x0\n  size: 0x8000\n  region: flash_primary\n");

        ImageModelException error = assertThrows(
                ImageModelException.class,
                () -> prepare(
                        BuildScope.wholeTree(),
                        new BuildStrategy.UseHex(new HexFile(project.resolve("ssbl.hex")), Optional.empty())));

        assertEquals(
                "Image 'sbl' uses build strategy use-hex, which needs a static partition 'sbl'; app/pm_static.yml"
                        + " has a partition 'ssbl' that matches no image: is 'sbl' a misspelling of 'ssbl'? Name the"
                        + " image 'ssbl', or add this entry to app/pm_static.yml:\n"
                        + "sbl:\n  address: <address>\n  size: <size>\n  region: flash_primary",
                error.getMessage());
    }

    /** app with one child, mcuboot (from source) or sbl (declared without sources, with {@code strategy}). */
    private void prepare(BuildScope scope, BuildStrategy strategy) throws Exception {
        boolean prebuilt = !(strategy instanceof BuildStrategy.FromSource);
        String child = prebuilt ? "sbl" : "mcuboot";
        ImageDeclaration app = ImageDeclaration.builder("app", project.resolve("app"))
                .board("qemu_cortex_m3")
                .children(child)
                .build();
        ImageDeclaration.Builder declaration =
                ImageDeclaration.builder(child, project.resolve(child)).strategy(strategy);
        if (prebuilt) {
            declaration.withoutOwnDirectory();
        }
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(project),
                        "app",
                        List.of(app, declaration.build()),
                        project.resolve("app/target/firmware"))
                .scope(scope)
                .build();
        new FirmwareBuild(log, new LocalProcessLauncher(), HexArtifactResolver.unavailable("no repository"))
                .prepare(request);
    }

    private void write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
