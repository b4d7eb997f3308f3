package io.multiimage.core.kconfig.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's API: what a build and a configuration interface read and change. */
class KconfigApiTest {

    @TempDir
    Path root;

    private static final String TREE = String.join(
            "\n",
            "mainmenu \"Demo\"",
            "config DEP",
            "\tbool \"dependency\"",
            "menu \"Drivers\"",
            "\tvisible if DEP || !DEP",
            "menuconfig SERIAL",
            "\tbool \"serial\"",
            "\tselect RING if DEP",
            "\timply LOG",
            "\thelp",
            "\t  Serial drivers.",
            "config SERIAL_BAUD",
            "\tint \"baud\"",
            "\tdepends on SERIAL",
            "\trange 1200 115200",
            "\tdefault 9600",
            "endmenu",
            "config RING",
            "\tbool",
            "config LOG",
            "\tbool \"log\"",
            "\tdepends on !NO_LOG",
            "config NO_LOG",
            "\tbool \"no log\"",
            "choice MODE",
            "\tprompt \"mode\"",
            "\tdefault MODE_B",
            "config MODE_A",
            "\tbool \"a\"",
            "config MODE_B",
            "\tbool \"b\"",
            "endchoice",
            "comment \"the end\"",
            "\tdepends on DEP",
            "rsource \"more/Kconfig\"",
            "");

    private Kconfig load(String... fragments) throws Exception {
        Files.writeString(root.resolve("Kconfig"), TREE);
        Files.createDirectories(root.resolve("more"));
        Files.writeString(
                root.resolve("more/Kconfig"), "config RING\n\tdefault y if LOG\nconfig NAME\n\tstring \"name\"\n");
        Kconfig kconfig = Kconfig.load(root, "Kconfig", Map.of());
        for (int i = 0; i < fragments.length; i++) {
            Path file = root.resolve("frag" + i + ".conf");
            Files.writeString(file, fragments[i]);
            kconfig.loadFragment(Path.of("frag" + i + ".conf"), i == 0);
        }
        return kconfig;
    }

    private static Symbol sym(Kconfig kconfig, String name) {
        return kconfig.symbol(name).orElseThrow();
    }

    @Test
    void symbolsExposeTypeValueVisibilityPromptsHelpAndLocations() throws Exception {
        Kconfig kconfig = load("CONFIG_SERIAL=y\nCONFIG_SERIAL_BAUD=19200\n");
        Symbol serial = sym(kconfig, "SERIAL");
        assertEquals(SymbolType.BOOL, serial.type());
        assertEquals("y", serial.value());
        assertEquals(Tristate.Y, serial.tristate());
        assertEquals(Tristate.Y, serial.visibility());
        assertEquals(List.of("serial"), serial.prompts());
        assertEquals(List.of("Serial drivers."), serial.helpTexts());
        assertEquals(List.of(new Location("Kconfig", 6)), serial.locations());
        Symbol baud = sym(kconfig, "SERIAL_BAUD");
        assertEquals(SymbolType.INT, baud.type());
        assertEquals("19200", baud.value());
        assertEquals("SERIAL", baud.directDependencies().toString());
        assertEquals(
                "RING (defined at Kconfig:18, more/Kconfig:1)",
                sym(kconfig, "RING").nameAndLocations());
        assertEquals("Demo", kconfig.mainMenuTitle());
        assertEquals(List.of("Kconfig", "more/Kconfig"), kconfig.kconfigFiles());
        assertTrue(kconfig.symbol("NOT_IN_THE_TREE").isEmpty());
    }

    @Test
    void reverseDependenciesNameTheSelectingAndImplyingSymbols() throws Exception {
        Kconfig kconfig = load("");
        List<ReverseDependency> selectedBy = sym(kconfig, "RING").selectedBy();
        assertEquals(1, selectedBy.size());
        assertEquals("SERIAL", selectedBy.get(0).by().name());
        assertEquals("DEP", selectedBy.get(0).condition().toString());
        assertEquals(new Location("Kconfig", 6), selectedBy.get(0).location());
        assertEquals(
                "SERIAL && DEP", sym(kconfig, "RING").selectedByExpression().toString());
        List<ReverseDependency> impliedBy = sym(kconfig, "LOG").impliedBy();
        assertEquals("SERIAL", impliedBy.get(0).by().name());
        assertEquals("y", impliedBy.get(0).condition().toString());
    }

    @Test
    void menuTreeHasMenusImplicitMenusChoicesAndComments() throws Exception {
        Kconfig kconfig = load("");
        MenuNode top = kconfig.topMenu();
        List<String> topLevel =
                top.children().stream().map(KconfigApiTest::describe).collect(Collectors.toList());
        assertEquals(
                List.of(
                        "SYMBOL DEP",
                        "MENU Drivers",
                        "SYMBOL RING",
                        "SYMBOL LOG",
                        "SYMBOL NO_LOG",
                        "CHOICE mode",
                        "COMMENT the end",
                        "SYMBOL RING",
                        "SYMBOL NAME"),
                topLevel);
        MenuNode drivers = top.children().get(1);
        assertEquals("DEP || !DEP", drivers.visibleIf().toString());
        MenuNode serial = drivers.children().get(0);
        assertTrue(serial.isMenuconfig());
        assertEquals(
                List.of("SYMBOL SERIAL_BAUD"),
                serial.children().stream().map(KconfigApiTest::describe).collect(Collectors.toList()),
                "a symbol depending on the one before it becomes its child");
        MenuNode choice = top.children().get(5);
        assertEquals(
                List.of("SYMBOL MODE_A", "SYMBOL MODE_B"),
                choice.children().stream().map(KconfigApiTest::describe).collect(Collectors.toList()));
        assertEquals("DEP", top.children().get(6).dependencies().toString());
        assertEquals("MODE", choice.choice().orElseThrow().name().orElseThrow());
    }

    private static String describe(MenuNode node) {
        return node.kind() + " "
                + node.symbol().map(Symbol::name).orElse(node.prompt().orElse(""));
    }

    @Test
    void userAssignmentsKeepTheirFragmentLinesAndReplacingStartsOver() throws Exception {
        Kconfig kconfig = load("CONFIG_NAME=\"first\"\n", "\nCONFIG_NAME=\"second\"\n");
        Symbol name = sym(kconfig, "NAME");
        assertEquals("second", name.value());
        assertEquals(
                new Location("frag1.conf", 2),
                name.userAssignment().orElseThrow().location());
        assertEquals(
                List.of("first", "second"),
                name.assignmentHistory().stream().map(UserAssignment::value).collect(Collectors.toList()));
        Files.writeString(root.resolve("other.conf"), "CONFIG_DEP=y\n");
        kconfig.loadFragment(Path.of("other.conf"), true);
        assertTrue(name.userValue().isEmpty(), "a replacing load drops earlier user values");
        assertTrue(name.assignmentHistory().isEmpty());
        assertEquals("", name.value());
    }

    @Test
    void explainSaysWhereAValueComesFromAndWhyAUserValueDidNotTake() throws Exception {
        Kconfig kconfig = load("CONFIG_SERIAL=y\nCONFIG_SERIAL_BAUD=500000\nCONFIG_RING=n\nCONFIG_NO_LOG=y\n"
                + "CONFIG_LOG=y\nCONFIG_MODE_A=y\n");
        ValueExplanation baud = sym(kconfig, "SERIAL_BAUD").explain();
        assertEquals(ValueExplanation.Origin.DEFAULT, baud.origin());
        assertEquals("default 9600 at Kconfig:12", baud.detail());
        assertEquals(
                "outside the active range [1200, 115200]",
                baud.userValueIgnoredBecause().orElseThrow());
        assertEquals(
                new Location("frag0.conf", 2),
                baud.userAssignment().orElseThrow().location());

        ValueExplanation ring = sym(kconfig, "RING").explain();
        assertEquals(
                "the symbol has no prompt, so user values have no effect",
                ring.userValueIgnoredBecause().orElseThrow());
        assertEquals(ValueExplanation.Origin.NO_VALUE, ring.origin());

        ValueExplanation log = sym(kconfig, "LOG").explain();
        assertTrue(
                log.userValueIgnoredBecause()
                        .orElseThrow()
                        .startsWith("the symbol is not visible: prompt condition " + "!NO_LOG"),
                log.userValueIgnoredBecause().orElseThrow());
        assertEquals(
                ValueExplanation.Origin.USER_VALUE,
                sym(kconfig, "SERIAL").explain().origin());
        ValueExplanation mode = sym(kconfig, "MODE_A").explain();
        assertEquals(ValueExplanation.Origin.CHOICE, mode.origin());
        assertEquals("selected by the user in <choice MODE>", mode.detail());
        assertEquals(
                "<choice MODE> selected MODE_A",
                sym(kconfig, "MODE_B").explain().detail());
    }

    @Test
    void explainNamesSelectsAndImplies() throws Exception {
        Kconfig kconfig = load("CONFIG_DEP=y\nCONFIG_SERIAL=y\n");
        assertEquals(List.of(), sym(kconfig, "RING").assignableValues(), "no prompt");
        ValueExplanation ring = sym(kconfig, "RING").explain();
        assertEquals(ValueExplanation.Origin.SELECT, ring.origin());
        assertEquals("selected by SERIAL", ring.detail());
        ValueExplanation log = sym(kconfig, "LOG").explain();
        assertEquals(ValueExplanation.Origin.IMPLY, log.origin());
        assertEquals("implied by SERIAL", log.detail());
        assertTrue(log.summary().startsWith("y (implied by SERIAL)"), log.summary());
    }

    @Test
    void settingAUserValueReevaluatesEverythingThatDependsOnIt() throws Exception {
        Kconfig kconfig = load("");
        Symbol serial = sym(kconfig, "SERIAL");
        assertEquals("n", serial.value());
        assertFalse(sym(kconfig, "SERIAL_BAUD").isWrittenToConfig());
        assertEquals(List.of(Tristate.N, Tristate.Y), serial.assignableValues());
        assertEquals(List.of(), sym(kconfig, "SERIAL_BAUD").assignableValues(), "invisible, and not a bool");
        assertTrue(kconfig.setUserValue(serial, "y"));
        assertEquals("y", serial.value());
        assertEquals(
                List.of(Tristate.Y), sym(kconfig, "MODE_A").assignableValues(), "a choice symbol can only be picked");
        assertEquals("9600", sym(kconfig, "SERIAL_BAUD").value());
        assertTrue(kconfig.configText("").contains("CONFIG_SERIAL_BAUD=9600\n"));
        assertEquals("y", sym(kconfig, "LOG").value(), "imply takes effect");
        assertFalse(kconfig.setUserValue(sym(kconfig, "SERIAL_BAUD"), "fast"), "not an int");
        assertEquals("9600", sym(kconfig, "SERIAL_BAUD").value());
        assertTrue(kconfig.setUserValue(sym(kconfig, "MODE_A"), "y"));
        assertEquals(
                "MODE_A", kconfig.choices().get(0).selection().orElseThrow().name());
        kconfig.unsetUserValue(sym(kconfig, "MODE_A"));
        assertEquals(
                "MODE_B", kconfig.choices().get(0).selection().orElseThrow().name());
        kconfig.unsetUserValue(serial);
        assertEquals("n", serial.value());
        assertEquals(Tristate.N, kconfig.evaluate(sym(kconfig, "SERIAL_BAUD").directDependencies()));
    }

    @Test
    void aSelectedVisibleBoolCanOnlyBeY() throws Exception {
        Files.writeString(root.resolve("Kconfig"), "config T\n\tbool \"t\"\nconfig S\n\tdef_bool y\n\tselect T\n");
        Kconfig kconfig = Kconfig.load(root, "Kconfig", Map.of());
        assertEquals(List.of(Tristate.Y), sym(kconfig, "T").assignableValues());
    }

    @Test
    void warningsAreStructuredAndInTheReferenceOrder() throws Exception {
        Kconfig kconfig = load("CONFIG_NOPE=y\nCONFIG_SERIAL_BAUD=fast\n");
        List<KconfigWarning> warnings = kconfig.warnings();
        assertEquals(2, warnings.size(), warnings.toString());
        KconfigWarning undefined = warnings.get(0);
        assertEquals(WarningKind.UNDEFINED_ASSIGNMENT, undefined.kind());
        assertEquals("NOPE", undefined.symbol());
        assertEquals(new Location("frag0.conf", 1), undefined.location());
        assertEquals(
                "frag0.conf:1: warning: attempt to assign the value 'y' to the undefined symbol NOPE",
                undefined.formatted());
        assertEquals(WarningKind.INVALID_VALUE, warnings.get(1).kind());
        assertEquals(WarningKind.Phase.FRAGMENT, warnings.get(1).kind().phase());
        assertEquals(List.of(), kconfig.assignmentChecks());
    }

    @Test
    void minimalConfigurationListsOnlyChangedUserSettableSymbols() throws Exception {
        Kconfig kconfig = load("CONFIG_SERIAL=y\nCONFIG_SERIAL_BAUD=9600\nCONFIG_MODE_A=y\nCONFIG_NAME=\"x\"\n");
        assertEquals("CONFIG_SERIAL=y\nCONFIG_MODE_A=y\nCONFIG_NAME=\"x\"\n", kconfig.minimalConfigText(""));
    }

    @Test
    void outputsAreWrittenWithTheirHeadersAndNoTemporaryFileRemains() throws Exception {
        Kconfig kconfig = load("CONFIG_SERIAL=y\n");
        Path out = root.resolve("build/zephyr");
        kconfig.writeConfig(out.resolve(".config"), "# generated\n");
        kconfig.writeAutoconf(out.resolve("autoconf.h"), "/* generated */\n");
        kconfig.writeMinimalConfig(out.resolve("defconfig"), "");
        assertTrue(Files.readString(out.resolve(".config")).startsWith("# generated\n# CONFIG_DEP is not set\n"));
        assertTrue(
                Files.readString(out.resolve("autoconf.h")).startsWith("/* generated */\n#define CONFIG_SERIAL 1\n"));
        assertEquals("CONFIG_SERIAL=y\n", Files.readString(out.resolve("defconfig")));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(
                    List.of(".config", "autoconf.h", "defconfig"),
                    files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
    }

    @Test
    void fragmentTextCanComeFromACommandLine() throws Exception {
        Kconfig kconfig = load("CONFIG_NAME=\"file\"\n");
        kconfig.loadFragmentText("<command line>", "CONFIG_NAME=\"cli\"\n", false);
        assertEquals("cli", sym(kconfig, "NAME").value());
        assertEquals(
                "<command line>:1: warning: NAME (defined at more/Kconfig:3) set more than once. Old value "
                        + "\"file\", new value \"cli\".",
                kconfig.warnings().get(0).formatted());
    }
}
