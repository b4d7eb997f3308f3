package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.BuildProperties;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.model.HexFile;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which board and which sources an image is built from: every image of a domain builds for
 * that domain's board, and an image built from source is built from its own sources only.
 * Configure and place only (nothing is compiled).
 */
class ImageBoardsAndSourcesTest {

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void copySample() throws IOException {
        Samples.copy("dual-core", project);
        // The network core's own bootloader: a child of netcore, in netcore's domain.
        Files.createDirectories(project.resolve("b0n"));
        Files.writeString(project.resolve("b0n/prj.conf"), "CONFIG_B0N=y\n");
        Files.writeString(project.resolve("b0n/pm.yml"), "b0n:\n  size: 0x8000\n  placement:\n    before: [netcore]\n");
    }

    @Test
    void anImageInAnotherDomainBuildsForThatDomainsBoardNotTheParentsBoard() throws Exception {
        PreparedTree tree = prepare(List.of(
                app("nrf5340dk/nrf5340/cpuapp"),
                netcore().build(),
                ImageDeclaration.builder("b0n", project.resolve("b0n")).build()));

        assertEquals(
                "nrf5340dk/nrf5340/cpunet",
                tree.image("netcore").orElseThrow().board().name());
        assertEquals("CPUNET", tree.image("b0n").orElseThrow().domain());
        assertEquals(
                "nrf5340dk/nrf5340/cpunet",
                tree.image("b0n").orElseThrow().board().name());
        assertEquals(
                "soft",
                tree.image("b0n").orElseThrow().board().definition().cpu().floatAbi());
        assertTrue(
                log.at("INFO")
                        .contains("netcore: board nrf5340dk/nrf5340/cpunet (the board of domain CPUNET on"
                                + " nrf5340dk/nrf5340/cpuapp)"),
                log.lines().toString());
    }

    @Test
    void anExplicitBoardOfAnotherDomainIsAnErrorNamingBoth() {
        InvalidConfigurationException error = assertThrows(
                InvalidConfigurationException.class,
                () -> prepare(List.of(
                        app("nrf5340dk/nrf5340/cpuapp"),
                        netcore().build(),
                        ImageDeclaration.builder("b0n", project.resolve("b0n"))
                                .board("nrf5340dk/nrf5340/cpuapp")
                                .declaredBy("<childImage> 'b0n' in netcore/pom.xml")
                                .build())));

        assertEquals(
                "Image 'b0n' is in domain CPUNET, whose board is nrf5340dk/nrf5340/cpunet (chip nrf5340), but the"
                        + " board declared for it (<childImage> 'b0n' in netcore/pom.xml) gives it board"
                        + " nrf5340dk/nrf5340/cpuapp (domain CPUAPP, chip nrf5340). Every image of a domain builds for that"
                        + " domain's board: remove the board, or declare the domain the board belongs to",
                error.getMessage());
    }

    @Test
    void anApplicationBoardOfAnotherChipIsNotMergedWithANetworkCore() {
        InvalidConfigurationException error = assertThrows(
                InvalidConfigurationException.class,
                () -> prepare(List.of(
                        app("nrf52840dk/nrf52840"),
                        netcore().board("nrf5340dk/nrf5340/cpunet").build(),
                        ImageDeclaration.builder("b0n", project.resolve("b0n")).build())));

        assertTrue(
                error.getMessage()
                        .startsWith("Image 'netcore' is in domain CPUNET, but the board of its parent"
                                + " 'app', nrf52840dk/nrf52840 (chip nrf52840), has no domain CPUNET (domains: CPUAPP): the images of"
                                + " one firmware must share a chip."),
                error.getMessage());
    }

    @Test
    void aChildWithoutSourcesOfItsOwnIsNotBuiltFromItsParentsSources() {
        InvalidConfigurationException error = assertThrows(
                InvalidConfigurationException.class,
                () -> prepare(
                        List.of(
                                ImageDeclaration.builder("app", project.resolve("app"))
                                        .board("nrf5340dk/nrf5340/cpuapp")
                                        .children("fsbl")
                                        .build(),
                                ImageDeclaration.builder("fsbl", project.resolve("app"))
                                        .withoutOwnDirectory()
                                        .declaredBy("<childImage> 'fsbl' in app/pom.xml")
                                        .strategy(
                                                BuildStrategy.UseHex.of("fsbl", new HexFile(Path.of("fsbl.hex")), null))
                                        .build()),
                        new BuildProperties(Map.of("fsbl.buildStrategy", "from-source"), Map.of(), "")));

        assertEquals(
                "Image 'fsbl' is built from source (from -Dfsbl.buildStrategy), but <childImage> 'fsbl' in"
                        + " app/pom.xml names no sources of its own: an image is built from its own sources, never its"
                        + " parent's. Give it sources of its own (a firmware module or an application directory),"
                        + " or take it prebuilt (a HEX file or artifact) or skip it",
                error.getMessage());
    }

    private ImageDeclaration app(String board) {
        return ImageDeclaration.builder("app", project.resolve("app"))
                .board(board)
                .children("netcore")
                .build();
    }

    private ImageDeclaration.Builder netcore() {
        return ImageDeclaration.builder("netcore", project.resolve("netcore"))
                .domain("CPUNET")
                .children("b0n");
    }

    private PreparedTree prepare(List<ImageDeclaration> declarations) throws Exception {
        return prepare(declarations, BuildProperties.none());
    }

    private PreparedTree prepare(List<ImageDeclaration> declarations, BuildProperties properties) throws Exception {
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(project), "app", declarations, project.resolve("app/target/firmware"))
                .properties(properties)
                .build();
        return new FirmwareBuild(log, new LocalProcessLauncher(), HexArtifactResolver.unavailable("none"))
                .prepare(request);
    }
}
