package io.multiimage.core.variables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.model.ImageTree;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VariableForwardingTest {

    private static ImageDeclaration image(String name, String... children) {
        return ImageDeclaration.builder(name, Path.of(name)).children(children).build();
    }

    private static Map<String, String> values(ReceivedVariables received) {
        Map<String, String> values = new TreeMap<>();
        received.all().forEach(v -> values.put(v.name(), v.value()));
        return values;
    }

    @Test
    void twoLevelPrefixedVariablesReachTheChildWithoutPrefixAndUnprefixedStay() throws Exception {
        ImageTree tree = ImageTree.build("app", List.of(image("app", "mcuboot"), image("mcuboot")));
        Map<String, ReceivedVariables> received = VariableForwarding.compute(
                tree,
                Map.of(
                        "mcuboot_CONF_FILE",
                        "small.conf",
                        "CONF_FILE",
                        "app.conf",
                        "VARIABLEONE",
                        "v",
                        "mcuboot_VARIABLEONE",
                        "w",
                        "other_X",
                        "1"));
        assertEquals(Map.of("CONF_FILE", "small.conf", "VARIABLEONE", "w"), values(received.get("mcuboot")));
        assertEquals(
                List.of("CONF_FILE", "VARIABLEONE"),
                List.copyOf(received.get("mcuboot").asMap().keySet()));
        assertEquals(5, received.get("app").all().size());
        ReceivedVariable conf = received.get("mcuboot").variable("CONF_FILE").orElseThrow();
        assertEquals("mcuboot_CONF_FILE", conf.givenAs());
        assertEquals(ReceivedVariable.Origin.IMAGE_SPECIFIC, conf.origin());
    }

    @Test
    void threeLevelChainReachesTheGrandchildOnlyThroughTheMiddleImage() throws Exception {
        ImageTree tree = ImageTree.build(
                "app", List.of(image("app", "mcuboot", "b0"), image("mcuboot", "b1"), image("b1"), image("b0")));
        Map<String, ReceivedVariables> received = VariableForwarding.compute(
                tree,
                Map.of(
                        "mcuboot_b1_CONFIG_X",
                        "y",
                        "mcuboot_b0_CONFIG_Y",
                        "y",
                        "b0_CONFIG_Z",
                        "n",
                        "mcuboot_b1_EXTRA_CONF_FILE",
                        "a.conf;;b.conf"));
        assertEquals(
                Map.of("b1_CONFIG_X", "y", "b0_CONFIG_Y", "y", "b1_EXTRA_CONF_FILE", "a.conf;;b.conf"),
                values(received.get("mcuboot")));
        assertEquals(Map.of("CONFIG_X", "y", "EXTRA_CONF_FILE", "a.conf;;b.conf"), values(received.get("b1")));
        assertEquals(List.of("a.conf", "b.conf"), received.get("b1").list("EXTRA_CONF_FILE"));
        assertEquals(Map.of("CONFIG_X", "y"), received.get("b1").configValues());
        // mcuboot does not declare b0: mcuboot_b0_* reaches nobody; b0_* reaches the top-level b0
        assertEquals(Map.of("CONFIG_Z", "n"), values(received.get("b0")));
        assertEquals(
                "mcuboot_b1_CONFIG_X",
                received.get("b1").variable("CONFIG_X").orElseThrow().givenAs());
    }

    @Test
    void fourLevelChainStripsOnePrefixPerLevel() throws Exception {
        ImageTree tree = ImageTree.build("a", List.of(image("a", "b"), image("b", "c"), image("c", "d"), image("d")));
        Map<String, ReceivedVariables> received = VariableForwarding.compute(tree, Map.of("b_c_d_K", "1"));
        assertEquals(Map.of("c_d_K", "1"), values(received.get("b")));
        assertEquals(Map.of("d_K", "1"), values(received.get("c")));
        assertEquals(Map.of("K", "1"), values(received.get("d")));
    }

    @Test
    void childrenWhoseNamesShareAPrefixEachGetTheirOwnReading() throws Exception {
        ImageTree tree =
                ImageTree.build("app", List.of(image("app", "net", "net_core"), image("net"), image("net_core")));
        Map<String, ReceivedVariables> received = VariableForwarding.compute(tree, Map.of("net_core_X", "1"));
        assertEquals(Map.of("core_X", "1"), values(received.get("net")));
        assertEquals(Map.of("X", "1"), values(received.get("net_core")));
    }

    @Test
    void globalSettingsReachEveryImageAndImageSpecificValuesWin() throws Exception {
        ImageTree tree = ImageTree.build(
                "app", List.of(image("app", "mcuboot", "hci"), image("mcuboot", "b0"), image("b0"), image("hci")));
        Map<String, String> top = new LinkedHashMap<>();
        top.put("VERBOSE", "1");
        top.put("CMAKE_BUILD_TYPE", "Debug");
        top.put("mcuboot_CMAKE_BUILD_TYPE", "MinSizeRel");
        top.put("EXTRA_MULTI_IMAGE_CMAKE_ARGS", "--trace-expand;;-DFOO=1");
        top.put("CONF_FILE", "app.conf");
        Map<String, ReceivedVariables> received = VariableForwarding.compute(tree, top);

        ReceivedVariables mcuboot = received.get("mcuboot");
        assertEquals("MinSizeRel", mcuboot.get("CMAKE_BUILD_TYPE").orElseThrow());
        assertEquals(
                ReceivedVariable.Origin.IMAGE_SPECIFIC,
                mcuboot.variable("CMAKE_BUILD_TYPE").orElseThrow().origin());
        assertEquals("1", mcuboot.get("VERBOSE").orElseThrow());
        assertEquals(
                ReceivedVariable.Origin.GLOBAL,
                mcuboot.variable("VERBOSE").orElseThrow().origin());
        // the grandchild inherits the middle image's effective value
        assertEquals("MinSizeRel", received.get("b0").get("CMAKE_BUILD_TYPE").orElseThrow());
        assertEquals("Debug", received.get("hci").get("CMAKE_BUILD_TYPE").orElseThrow());
        assertEquals(List.of("--trace-expand", "-DFOO=1"), received.get("b0").list(GlobalVariables.EXTRA_CHILD_ARGS));
        // the parent's own CONF_FILE never reaches a child
        assertTrue(received.get("mcuboot").get("CONF_FILE").isEmpty());
        assertTrue(received.get("b0").get("CONF_FILE").isEmpty());
        // a global received by the middle image is not image-specific there, so it is not forwarded by prefix
        assertTrue(received.get("mcuboot").imageSpecific("VERBOSE").isEmpty());
    }

    @Test
    void listsSplitOnSemicolonDroppingEmptyItemsKeepingOrder() {
        assertEquals(List.of("b.conf", "a.conf", "b.conf"), ReceivedVariables.splitList(";b.conf;;a.conf;b.conf;"));
        assertEquals(List.of(), ReceivedVariables.splitList(";;"));
    }
}
