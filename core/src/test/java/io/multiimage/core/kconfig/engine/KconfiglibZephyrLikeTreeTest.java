package io.multiimage.core.kconfig.engine;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test on a tree shaped like a Zephyr/NCS application
 * ({@code src/test/resources/kconfig-engine/zephyr-like}): a {@code Kconfig.zephyr}-like top with
 * macros (recursive helper functions, {@code $(warning-if,...)}), {@code rsource} globs over
 * boards' {@code Kconfig.defconfig} files, modules found through environment variables
 * ({@code osource "$(ZEPHYR_NRF_MODULE_DIR)/Kconfig.nrf"}, absolute or relative), the log-level
 * and build-strategy templates sourced once per module, menus, menuconfigs, choices,
 * select/imply, ranges, {@code visible if}, symbols defined in several places, and the
 * fragments of a build (board defconfig, prj.conf, overlays, command-line values), for several
 * boards and environments.
 */
@Tag("tools")
class KconfiglibZephyrLikeTreeTest {

    @TempDir
    static Path work;

    private static List<KconfiglibReference.Result> results;

    @BeforeAll
    static void runAllCases() throws Exception {
        Map<String, String> tree = tree();
        List<DifferentialCase> cases = new ArrayList<>();
        cases.add(kase(
                tree,
                "widget-defconfig-prj",
                "widget",
                false,
                true,
                "zephyr/boards/arm/widget/widget_defconfig",
                "app/prj.conf"));
        cases.add(kase(
                tree,
                "widget-debug-extra",
                "widget",
                false,
                true,
                "zephyr/boards/arm/widget/widget_defconfig",
                "app/prj.conf",
                "app/overlay-debug.conf",
                "app/extra.conf"));
        cases.add(kase(
                tree,
                "gadget-mcuboot-extra",
                "gadget",
                false,
                true,
                "zephyr/boards/arm/gadget/gadget_defconfig",
                "app/prj.conf",
                "app/overlay-mcuboot.conf",
                "app/extra.conf"));
        cases.add(kase(
                tree,
                "gadget-absolute-paths",
                "gadget",
                true,
                true,
                "zephyr/boards/arm/gadget/gadget_defconfig",
                "app/prj.conf",
                "app/overlay-debug.conf",
                "app/overlay-mcuboot.conf"));
        cases.add(kase(
                tree,
                "widget-absolute-all-overlays",
                "widget",
                true,
                true,
                "zephyr/boards/arm/widget/widget_defconfig",
                "app/prj.conf",
                "app/overlay-debug.conf",
                "app/overlay-mcuboot.conf",
                "app/extra.conf"));
        cases.add(kase(tree, "unknown-board-no-modules", "unknown", false, false, "app/prj.conf"));
        cases.add(kase(tree, "widget-no-fragments", "widget", false, true));
        results = KconfiglibReference.run(cases, work);
    }

    @AfterAll
    static void forget() {
        results = null;
    }

    @TestFactory
    Stream<DynamicTest> zephyrLikeBuildsMatchKconfiglib() {
        return results.stream()
                .map(result ->
                        DynamicTest.dynamicTest(result.kase().name, () -> KconfiglibReference.assertSame(result)));
    }

    private static DifferentialCase kase(
            Map<String, String> tree,
            String name,
            String board,
            boolean absolute,
            boolean modules,
            String... fragments) {
        DifferentialCase kase = new DifferentialCase(name);
        kase.origin = "zephyr-like tree, board " + board;
        tree.forEach(kase::file);
        String base = absolute ? "@TREE@/" : "";
        kase.env("APP_NAME", "demo")
                .env("BOARD", board)
                .env("ZEPHYR_BASE", base + "zephyr")
                .env("KCONFIG_BINARY_DIR", base + "build")
                .env("UART_CONSOLE_DEVICE", "uart0");
        if (modules) {
            kase.env("ZEPHYR_NRF_MODULE_DIR", base + "modules/nrf").env("ZEPHYR_HAL_MODULE_DIR", base + "modules/hal");
        }
        kase.fragments.addAll(List.of(fragments));
        return kase;
    }

    private static Map<String, String> tree() throws IOException, URISyntaxException {
        Path root = Path.of(KconfiglibZephyrLikeTreeTest.class
                .getResource("/kconfig-engine/zephyr-like")
                .toURI());
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
