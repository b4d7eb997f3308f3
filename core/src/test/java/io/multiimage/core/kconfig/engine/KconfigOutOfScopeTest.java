package io.multiimage.core.kconfig.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input the engine treats differently from Kconfiglib on purpose (docs/kconfig.md): features out
 * of scope are errors naming the line, and input that crashes Kconfiglib gets an answer.
 */
class KconfigOutOfScopeTest {

    @TempDir
    Path root;

    private Kconfig load(String text) throws Exception {
        Files.writeString(root.resolve("Kconfig"), text);
        return Kconfig.load(root, "Kconfig", Map.of());
    }

    private String error(String text) {
        return assertThrows(KconfigException.class, () -> load(text)).getMessage();
    }

    @Test
    void tristateSymbolsAreAnError() {
        assertEquals(
                "Kconfig:2: error: couldn't parse 'tristate \"t\"': tristate symbols are not supported (firmware "
                        + "images use bool)",
                error("config T\n\ttristate \"t\"\n"));
        assertEquals(
                "Kconfig:2: error: couldn't parse 'def_tristate y': tristate symbols are not supported (firmware "
                        + "images use bool)",
                error("config T\n\tdef_tristate y\n"));
    }

    @Test
    void shellCallsAreAnError() {
        assertEquals(
                "Kconfig:1: error: couldn't parse 'x := $(shell,echo hi)': $(shell,...) is not supported (the "
                        + "engine runs no commands)",
                error("x := $(shell,echo hi)\n"));
    }

    @Test
    void helpOnMenusAndCommentsIsAcceptedAndKept() throws Exception {
        Kconfig kconfig = load("menu \"m\"\n\thelp\n\t  menu help\nconfig A\n\tbool \"a\"\nendmenu\ncomment \"c\"\n"
                + "\thelp\n\t  comment help\n");
        List<MenuNode> top = kconfig.topMenu().children();
        assertEquals("menu help", top.get(0).help().orElseThrow());
        assertEquals("comment help", top.get(1).help().orElseThrow());
        assertEquals("A", top.get(0).children().get(0).symbol().orElseThrow().name());
    }

    @Test
    void propertiesWhereTheyDoNotBelongAreAnError() {
        assertEquals(
                "Kconfig:2: error: couldn't parse 'bool': a menu has no type", error("menu \"m\"\n\tbool\nendmenu\n"));
        assertEquals(
                "Kconfig:2: error: couldn't parse 'prompt \"p\"': a comment takes its title on its first line",
                error("comment \"c\"\n\tprompt \"p\"\n"));
        assertEquals(
                "Kconfig:3: error: couldn't parse 'visible if A': 'visible if' is only valid for menus",
                error("config A\n\tbool \"a\"\n\tvisible if A\n"));
    }

    @Test
    void invalidUtf8IsAnErrorNamingTheFile() throws Exception {
        Files.write(root.resolve("Kconfig"), "source \"bad\"\n".getBytes(StandardCharsets.UTF_8));
        Files.write(root.resolve("bad"), new byte[] {'c', 'o', (byte) 0xff, '\n'});
        KconfigException e = assertThrows(KconfigException.class, () -> Kconfig.load(root, "Kconfig", Map.of()));
        assertEquals("Malformed utf-8 in 'bad'", e.getMessage());
    }
}
