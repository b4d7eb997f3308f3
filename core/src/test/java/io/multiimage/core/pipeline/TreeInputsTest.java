package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.model.HexFile;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.spi.ProcessResult;
import io.multiimage.core.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What decides each image's outputs, stated before anything is compiled: every input a build
 * reads reaches the inputs of exactly the images whose outputs it changes, and nothing else
 * does. The compiler is a stand-in whose version the test chooses (no process starts); the real
 * compiler's agreement with the build step is {@link TreeInputsBuildTest}'s.
 */
class TreeInputsTest {

    @TempDir
    Path project;

    @TempDir
    Path tools;

    private String compilerVersion = "arm-none-eabi-gcc (Stand-in) 13.2.1";
    private final Map<String, String> variables = new HashMap<>();

    @BeforeEach
    void sampleAndCompiler() throws Exception {
        Samples.copy("secure-boot", project);
        Path gcc = tools.resolve("arm-none-eabi-gcc");
        Files.writeString(gcc, "#!/bin/sh\n");
        Files.setPosixFilePermissions(gcc, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void everyImageOfTheTreeStatesItsBuildStepsInputsAndTheLayout() throws Exception {
        TreeInputs inputs = inputs();

        assertEquals(
                List.of("app", "mcuboot", "b0"), List.copyOf(inputs.images().keySet()));
        ImageInputs mcuboot = inputs.image("mcuboot").orElseThrow();
        assertEquals("from-source", mcuboot.strategy());
        assertTrue(mcuboot.placement().contains("partition mcuboot"), mcuboot.placement());
        for (String entry : List.of("toolchain", ".config", "autoconf.h", "pm_config.h", "zephyr.dts", "src/main.c")) {
            assertTrue(
                    mcuboot.entries().containsKey(entry),
                    entry + " in " + mcuboot.entries().keySet());
        }
        assertEquals(
                Set.of("partitions.yml", "regions.yml", "pm.config"),
                inputs.layouts().keySet());
    }

    @Test
    void theImagesTheBuildSignsNameTheirSlot() throws Exception {
        TreeInputs inputs = inputs();

        assertEquals(
                Optional.of("mcuboot_primary"),
                inputs.image("app").orElseThrow().signingSlot());
        assertEquals(Optional.of("s0"), inputs.image("mcuboot").orElseThrow().signingSlot());
        assertEquals(Optional.empty(), inputs.image("b0").orElseThrow().signingSlot());
    }

    @Test
    void aSourceEditChangesOnlyThatImagesInputs() throws Exception {
        TreeInputs before = inputs();
        Files.writeString(
                project.resolve("mcuboot/src/main/c/main.c"),
                "\n/* edited */\n",
                java.nio.file.StandardOpenOption.APPEND);

        assertChanged(before, inputs(), Set.of("mcuboot"));
    }

    @Test
    void aFragmentChangesOnlyTheImageItConfiguresWhileTheLayoutStays() throws Exception {
        TreeInputs before = inputs();
        Files.writeString(
                project.resolve("mcuboot/prj.conf"),
                "CONFIG_MCUBOOT_BANNER=\"edited\"\n",
                java.nio.file.StandardOpenOption.APPEND);

        TreeInputs after = inputs();
        assertChanged(before, after, Set.of("mcuboot"));
        assertEquals(before.layouts(), after.layouts());
    }

    @Test
    void aCommentInAFragmentChangesNothing() throws Exception {
        TreeInputs before = inputs();
        Files.writeString(
                project.resolve("mcuboot/prj.conf"),
                "# a comment changes no output\n",
                java.nio.file.StandardOpenOption.APPEND);

        assertChanged(before, inputs(), Set.of());
    }

    @Test
    void aParentsChildImageFileChangesTheChildItConfigures() throws Exception {
        TreeInputs before = inputs();
        Files.writeString(project.resolve("app/child_image/mcuboot.conf"), "CONFIG_MCUBOOT_BANNER=\"from app\"\n");

        assertChanged(before, inputs(), Set.of("mcuboot"));
    }

    @Test
    void aForwardedVariableChangesOnlyTheImageItReaches() throws Exception {
        TreeInputs before = inputs();
        variables.put("mcuboot_CONFIG_MCUBOOT_BANNER", "\"forwarded\"");

        assertChanged(before, inputs(), Set.of("mcuboot"));
        variables.clear();
        variables.put("mcuboot_b0_CONFIG_B0_BANNER", "\"forwarded\"");
        assertChanged(before, inputs(), Set.of("b0"));
    }

    @Test
    void aPropertyNoImageReadsChangesNothing() throws Exception {
        TreeInputs before = inputs();
        variables.put("skipTests", "true");

        assertChanged(before, inputs(), Set.of());
    }

    @Test
    void anotherCompilerChangesEveryImageBuiltFromSource() throws Exception {
        TreeInputs before = inputs();
        compilerVersion = "arm-none-eabi-gcc (Stand-in) 14.1.0";
        // Another binary: the version remembered for the first one (.state/gcc-version) is not its.
        Files.writeString(tools.resolve("arm-none-eabi-gcc"), "#!/bin/sh\n# 14.1.0\n");

        assertChanged(before, inputs(), Set.of("app", "mcuboot", "b0"));
    }

    @Test
    void aLargerPartitionChangesTheLayoutAndEveryImageWhosePmConfigShowsIt() throws Exception {
        TreeInputs before = inputs();
        Path pmYml = project.resolve("mcuboot/pm.yml");
        Files.writeString(pmYml, Files.readString(pmYml).replace("size: 0xbe00", "size: 0xce00"));

        TreeInputs after = inputs();
        // b0 stays where it is, but its pm_config.h (every partition's address and size) changes.
        assertChanged(before, after, Set.of("app", "mcuboot", "b0"));
        assertNotEquals(
                before.image("app").orElseThrow().placement(),
                after.image("app").orElseThrow().placement());
        assertEquals(
                before.image("b0").orElseThrow().placement(),
                after.image("b0").orElseThrow().placement());
        assertNotEquals(before.layouts(), after.layouts());
    }

    @Test
    void anOverlayChangesTheImageItIsMergedInto() throws Exception {
        TreeInputs before = inputs();
        Files.writeString(project.resolve("b0/app.overlay"), "/ { multiimage-test { status = \"okay\"; }; };\n");

        assertChanged(before, inputs(), Set.of("b0"));
    }

    @Test
    void anIncludedFileOfAnyNameUnderTheSourcesIsAnInput() throws Exception {
        Files.writeString(project.resolve("b0/src/main/c/table.def"), "ENTRY(1)\n");
        TreeInputs before = inputs();
        assertTrue(before.image("b0").orElseThrow().entries().containsKey("read:b0/src/main/c/table.def"));
        Files.writeString(project.resolve("b0/src/main/c/table.def"), "ENTRY(2)\n");

        assertChanged(before, inputs(), Set.of("b0"));
    }

    @Test
    void aHeaderInAnIncludeDirectoryTheArgumentsNameIsAnInput() throws Exception {
        Files.createDirectories(project.resolve("common/include"));
        Files.writeString(project.resolve("common/include/shared.h"), "#define SHARED 1\n");
        Map<String, ImageSources> sources = Map.of(
                "app",
                new ImageSources(
                        project.resolve("app/src/main/c"),
                        Optional.empty(),
                        Optional.empty(),
                        List.of("-I", "../../../../common/include")));
        TreeInputs before = inputs(sources);
        assertTrue(
                before.image("app").orElseThrow().entries().containsKey("read:common/include/shared.h"),
                before.image("app").orElseThrow().entries().keySet().toString());
        Files.writeString(project.resolve("common/include/shared.h"), "#define SHARED 2\n");

        assertChanged(before, inputs(sources), Set.of("app"));
    }

    @Test
    void aPrebuiltImageIsKnownByItsBytes() throws Exception {
        // A prebuilt image needs its partition in pm_static.yml.
        Files.writeString(project.resolve("app/pm_static.yml"), "b0:\n  address: 0x0\n  size: 0x8000\n");
        Path hex = project.resolve("app/b0.hex");
        Files.writeString(hex, ":0400000001020304F2\n:00000001FF\n");
        TreeInputs before = inputs(prebuiltB0());
        ImageInputs b0 = before.image("b0").orElseThrow();
        assertEquals("use-hex", b0.strategy());
        assertEquals(Optional.of(new HexFile(Path.of("../app/b0.hex")).describe()), b0.hexOrigin());
        Files.writeString(hex, ":0400000001020305F1\n:00000001FF\n");

        assertChanged(before, inputs(prebuiltB0()), Set.of("b0"));
    }

    @Test
    void theSameCommitInAnotherCheckoutHasTheSameInputs(@TempDir Path elsewhere) throws Exception {
        TreeInputs here = inputs();
        Path other = elsewhere.resolve("deeper/checkout");
        Samples.copy("secure-boot", other);

        assertEquals(here, inputs(request(other, Map.of(), declarations(other))));
    }

    @Test
    void aModulesScopeStatesOnlyItsOwnImagesAndNoLayout() throws Exception {
        BuildRequest whole = request(project, Map.of(), declarations(project));
        BuildRequest mcubootModule = BuildRequest.builder(
                        whole.layout(), "app", declarations(project), project.resolve("app/target/firmware"))
                .imageDirectory("mcuboot", project.resolve("mcuboot/target/firmware/mcuboot"))
                .imageDirectory("b0", project.resolve("b0/target/firmware/b0"))
                .options(whole.options())
                .scope(BuildScope.module("mcuboot", Set.of("mcuboot")))
                .build();

        TreeInputs inputs = inputs(mcubootModule);

        assertEquals(Set.of("mcuboot"), inputs.images().keySet());
        assertTrue(inputs.layouts().isEmpty());
        assertEquals(inputs().image("mcuboot"), inputs.image("mcuboot"));
    }

    @Test
    void aMistakeTheBuildWouldReportIsReportedAlike() throws Exception {
        Files.writeString(project.resolve("mcuboot/pm.yml"), "mcuboot:\n  size: [0x100\n");

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, this::inputs);
        assertTrue(e.getMessage().contains("pm.yml"), e.getMessage());
    }

    private TreeInputs inputs() throws Exception {
        return inputs(Map.of());
    }

    private TreeInputs inputs(Map<String, ImageSources> sources) throws Exception {
        return inputs(request(project, sources, declarations(project)));
    }

    private TreeInputs inputs(List<ImageDeclaration> declarations) throws Exception {
        return inputs(request(project, Map.of(), declarations));
    }

    private TreeInputs inputs(BuildRequest request) throws Exception {
        ProcessLauncher standIn = spec -> {
            assertEquals("--version", spec.command().get(spec.command().size() - 1), "only the version is asked");
            return new ProcessResult(spec.command(), 0, List.of(compilerVersion), List.of(), Duration.ZERO);
        };
        return new FirmwareBuild(new RecordingLog(), standIn, HexArtifactResolver.unavailable("none")).inputs(request);
    }

    private BuildRequest request(Path root, Map<String, ImageSources> sources, List<ImageDeclaration> declarations) {
        return BuildRequest.builder(new ProjectLayout(root), "app", declarations, root.resolve("app/target/firmware"))
                .imageDirectory("mcuboot", root.resolve("mcuboot/target/firmware/mcuboot"))
                .imageDirectory("b0", root.resolve("b0/target/firmware/b0"))
                .sources(sources)
                .variables(Map.copyOf(variables))
                .options(new BuildOptions(false, 2, false, Optional.of(tools)))
                .build();
    }

    private static List<ImageDeclaration> declarations(Path root) {
        return List.of(
                ImageDeclaration.builder("app", root.resolve("app"))
                        .board("qemu_cortex_m3")
                        .children("mcuboot")
                        .build(),
                ImageDeclaration.builder("mcuboot", root.resolve("mcuboot"))
                        .children("b0")
                        .build(),
                ImageDeclaration.builder("b0", root.resolve("b0")).build());
    }

    private List<ImageDeclaration> prebuiltB0() {
        return List.of(
                ImageDeclaration.builder("app", project.resolve("app"))
                        .board("qemu_cortex_m3")
                        .children("mcuboot")
                        .build(),
                ImageDeclaration.builder("mcuboot", project.resolve("mcuboot"))
                        .children("b0")
                        .build(),
                ImageDeclaration.builder("b0", project.resolve("b0"))
                        .strategy(new BuildStrategy.UseHex(new HexFile(Path.of("../app/b0.hex")), Optional.empty()))
                        .build());
    }

    /** Fails unless exactly the images {@code changed} have other inputs in {@code after}. */
    private static void assertChanged(TreeInputs before, TreeInputs after, Set<String> changed) {
        assertEquals(before.images().keySet(), after.images().keySet());
        for (String image : before.images().keySet()) {
            ImageInputs was = before.image(image).orElseThrow();
            ImageInputs is = after.image(image).orElseThrow();
            if (changed.contains(image)) {
                assertNotEquals(was, is, image + "'s inputs should have changed");
            } else {
                assertEquals(was, is, image + "'s inputs should not have changed");
            }
        }
        assertFalse(changed.contains("none"));
    }
}
