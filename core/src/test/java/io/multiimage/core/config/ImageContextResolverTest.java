package io.multiimage.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.model.ImageModelException;
import io.multiimage.core.model.ImageTree;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.core.variables.VariableForwarding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageContextResolverTest {

    private static Map<String, ImageContext> contexts(
            List<ImageDeclaration> images, Map<String, String> variables, RecordingLog log) throws Exception {
        ImageTree tree = ImageTree.build(images.get(0).name(), images);
        return ImageContextResolver.resolve(tree, VariableForwarding.compute(tree, variables), log);
    }

    private static ImageDeclaration.Builder image(String name) {
        return ImageDeclaration.builder(name, Path.of("/p", name));
    }

    @Test
    void aChildOfNonSecureFirmwareGetsTheSecureBoardWithAStatusLine() throws Exception {
        RecordingLog log = new RecordingLog(false);
        Map<String, ImageContext> c = contexts(
                List.of(
                        image("app")
                                .board("nrf9160dk@1.0.0/nrf9160/ns")
                                .children("spm")
                                .build(),
                        image("spm").build()),
                Map.of(),
                log);
        assertEquals("nrf9160dk/nrf9160", c.get("spm").board().target());
        assertEquals(Optional.of("1.0.0"), c.get("spm").revision());
        assertEquals(List.of("INFO Changed board to secure nrf9160dk/nrf9160 (NOT NS)"), log.lines());
        assertEquals("nrf9160dk/nrf9160/ns", c.get("app").board().target());
    }

    @Test
    void theOlderUnderscoreNsFormIsDroppedToo() throws Exception {
        RecordingLog log = new RecordingLog(false);
        Map<String, ImageContext> c = contexts(
                List.of(
                        image("app")
                                .board("nrf9160dk_nrf9160_ns")
                                .children("spm")
                                .build(),
                        image("spm").build()),
                Map.of(),
                log);
        assertEquals("nrf9160dk_nrf9160", c.get("spm").boardToken());
        assertEquals(List.of("INFO Changed board to secure nrf9160dk_nrf9160 (NOT NS)"), log.lines());
    }

    @Test
    void boardVariableAndDeclaredBoardBeatTheParentsAndKeepNs() throws Exception {
        RecordingLog log = new RecordingLog(false);
        Map<String, ImageContext> c = contexts(
                List.of(
                        image("app")
                                .board("nrf5340dk/nrf5340/cpuapp/ns")
                                .children("net", "tfm")
                                .build(),
                        image("net")
                                .board("nrf5340dk/nrf5340/cpunet")
                                .domain("CPUNET")
                                .build(),
                        image("tfm").build()),
                Map.of("tfm_BOARD", "nrf5340dk@2.0.0/nrf5340/cpuapp/ns"),
                log);
        assertEquals("nrf5340dk/nrf5340/cpunet", c.get("net").board().target());
        assertEquals(Optional.of("CPUNET"), c.get("net").domain());
        assertEquals("nrf5340dk/nrf5340/cpuapp/ns", c.get("tfm").board().target());
        assertEquals(Optional.of("2.0.0"), c.get("tfm").revision());
        assertTrue(log.lines().isEmpty());
    }

    @Test
    void revisionPrecedenceIsVariableThenBoardAtRevisionThenDeclaredThenParent() throws Exception {
        Map<String, ImageContext> c = contexts(
                List.of(
                        image("app")
                                .board("nrf52840dk@3.0.0/nrf52840")
                                .children("a", "b", "c", "d")
                                .build(),
                        image("a").build(),
                        image("b").build(),
                        image("c").board("other@1.5.0").build(),
                        image("d").board("other").build()),
                Map.of("a_BOARD_REVISION", "9.9.9", "a_BOARD", "x@1.0.0", "b_BOARD", "y@2.0.0"),
                new RecordingLog(false));
        assertEquals(Optional.of("9.9.9"), c.get("a").revision());
        assertEquals(Optional.of("2.0.0"), c.get("b").revision());
        assertEquals(Optional.of("1.5.0"), c.get("c").revision());
        assertEquals(
                Optional.of("3.0.0"),
                c.get("d").revision(),
                "children with their own board keep the parent's revision");
        assertEquals(Optional.of("3_0_0"), c.get("d").revisionToken());
    }

    @Test
    void buildTypeIsInferredFromConfFileElseInheritedDownTheChain() throws Exception {
        Map<String, ImageContext> c = contexts(
                List.of(
                        image("app")
                                .board("qemu_cortex_m3")
                                .buildType("release")
                                .children("mcuboot", "other")
                                .build(),
                        image("mcuboot").children("b0").build(),
                        image("b0").build(),
                        image("other").build()),
                Map.of("mcuboot_CONF_FILE", "prj_small.conf", "other_CONF_FILE", "prj_a.conf;prj_b.conf"),
                new RecordingLog(false));
        assertEquals("release", c.get("app").buildType());
        assertEquals("small", c.get("mcuboot").buildType());
        assertEquals("small", c.get("b0").buildType());
        assertEquals("release", c.get("other").buildType(), "a list of several files infers nothing");
    }

    @Test
    void topLevelBuildTypeIsInferredFromItsOwnConfFile() throws Exception {
        Map<String, ImageContext> c = contexts(
                List.of(image("app").board("qemu_cortex_m3").build()),
                Map.of("CONF_FILE", "prj_debug.conf"),
                new RecordingLog(false));
        assertEquals("debug", c.get("app").buildType());
    }

    @Test
    void toolchainAndDomainAreInheritedUnlessGiven() throws Exception {
        Map<String, ImageContext> c = contexts(
                List.of(
                        image("app")
                                .board("b")
                                .domain("CPUAPP")
                                .children("x", "y")
                                .build(),
                        image("x").toolchain("cmake").build(),
                        image("y").build()),
                Map.of("y_TOOLCHAIN", "exec"),
                new RecordingLog(false));
        assertEquals(ImageContextResolver.DEFAULT_TOOLCHAIN, c.get("app").toolchain());
        assertEquals("cmake", c.get("x").toolchain());
        assertEquals("exec", c.get("y").toolchain());
        assertEquals(Optional.of("CPUAPP"), c.get("y").domain());
        assertEquals(List.of("app", "y"), c.get("y").chain());
    }

    @Test
    void theTopLevelImageNeedsABoard() {
        ImageModelException e = assertThrows(
                ImageModelException.class,
                () -> contexts(List.of(image("app").build()), Map.of(), new RecordingLog(false)));
        assertEquals("Image 'app' has no board: declare one or give BOARD", e.getMessage());
        ImageModelException bad = assertThrows(
                ImageModelException.class,
                () -> contexts(List.of(image("app").board("a b").build()), Map.of(), new RecordingLog(false)));
        assertEquals(
                "Image 'app': invalid board 'a b': expected <board>[@<revision>][/<qualifiers>]", bad.getMessage());
    }
}
