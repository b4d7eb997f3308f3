package io.multiimage.core.kconfig.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pathologically deep input ends in a clear error naming the file and line, never in a
 * {@link StackOverflowError}; deep but legal input (long chains of forward references, huge
 * operator chains, many selects) is evaluated.
 */
class KconfigDeepInputTest {

    @TempDir
    Path root;

    private Kconfig load(String text) throws Exception {
        Files.writeString(root.resolve("Kconfig"), text);
        return Kconfig.load(root, "Kconfig", Map.of());
    }

    @Test
    void tenThousandNestedIfsAreAClearError() {
        StringBuilder text = new StringBuilder("config A\n\tbool \"a\"\n");
        text.append("if A\n".repeat(10_000)).append("config B\n\tbool \"b\"\n").append("endif\n".repeat(10_000));
        KconfigException e = assertThrows(KconfigException.class, () -> load(text.toString()));
        assertEquals(
                "Kconfig:1003: error: couldn't parse 'if A': if/menu/choice blocks and sourced files nest deeper "
                        + "than 1000 levels",
                e.getMessage());
    }

    @Test
    void tenThousandNestedMenusAreAClearError() {
        String text = "menu \"m\"\n".repeat(10_000) + "endmenu\n".repeat(10_000);
        KconfigException e = assertThrows(KconfigException.class, () -> load(text));
        assertTrue(e.getMessage().startsWith("Kconfig:1001: error: couldn't parse 'menu \"m\"': "), e.getMessage());
    }

    @Test
    void aHundredThousandNestedParenthesesAreAClearError() {
        String text = "config A\n\tbool \"a\"\n\tdepends on " + "(".repeat(100_000) + "B" + ")".repeat(100_000) + "\n";
        KconfigException e = assertThrows(KconfigException.class, () -> load(text));
        assertTrue(e.getMessage().startsWith("Kconfig:3: error: couldn't parse 'depends on (((("), e.getMessage());
        assertTrue(e.getMessage().endsWith("': expression nested deeper than 1000 levels"), e.getMessage());
    }

    @Test
    void aHundredThousandNegationsAreAClearError() {
        String text = "config A\n\tbool \"a\"\n\tdepends on " + "!".repeat(100_000) + "B\n";
        KconfigException e = assertThrows(KconfigException.class, () -> load(text));
        assertTrue(e.getMessage().endsWith("': expression nested deeper than 1000 levels"), e.getMessage());
    }

    @Test
    void nestingJustBelowTheLimitIsAccepted() throws Exception {
        String text = "config A\n\tdef_bool y\n" + "if A\n".repeat(999) + "config B\n\tbool \"b\"\n\tdefault y\n"
                + "endif\n".repeat(999) + "config C\n\tbool \"c\"\n\tdepends on " + "(".repeat(999) + "B"
                + ")".repeat(999) + "\n\tdefault y\n";
        Kconfig kconfig = load(text);
        assertEquals("y", kconfig.symbol("B").orElseThrow().value());
        assertEquals("y", kconfig.symbol("C").orElseThrow().value());
    }

    @Test
    void sourcingTooDeeplyIsAClearError() throws Exception {
        for (int i = 0; i < 1100; i++) {
            Files.writeString(root.resolve("K" + i), "source \"K" + (i + 1) + "\"\n");
        }
        Files.writeString(root.resolve("K1100"), "config END\n\tbool\n");
        KconfigException e = assertThrows(KconfigException.class, () -> Kconfig.load(root, "K0", Map.of()));
        assertEquals(
                "K1000:1: error: couldn't parse 'source \"K1001\"': if/menu/choice blocks and sourced files nest "
                        + "deeper than 1000 levels",
                e.getMessage());
    }

    @Test
    void aLongChainOfForwardReferencesIsEvaluated() throws Exception {
        int n = 20_000;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append("config S")
                    .append(i)
                    .append("\n\tbool \"s\"\n\tdefault S")
                    .append(i + 1)
                    .append('\n');
        }
        text.append("config S").append(n).append("\n\tdef_bool y\n");
        Kconfig kconfig = load(text.toString());
        assertEquals("y", kconfig.symbol("S0").orElseThrow().value());
        assertTrue(kconfig.configText("").startsWith("CONFIG_S0=y\nCONFIG_S1=y\n"));
    }

    @Test
    void hugeOperatorChainsAndManySelectsAreEvaluated() throws Exception {
        StringBuilder text = new StringBuilder("config TARGET\n\tbool\n");
        StringBuilder chain = new StringBuilder("n");
        for (int i = 0; i < 5000; i++) {
            text.append("config SEL")
                    .append(i)
                    .append("\n\tdef_bool ")
                    .append(i == 4999 ? "y" : "n")
                    .append("\n\tselect TARGET\n");
            chain.append(" || SEL").append(i);
        }
        text.append("config ANY\n\tdef_bool ").append(chain).append('\n');
        text.append("config ALL\n\tdef_bool ")
                .append(chain.toString().replace("||", "&&"))
                .append('\n');
        Kconfig kconfig = load(text.toString());
        assertEquals("y", kconfig.symbol("TARGET").orElseThrow().value());
        assertEquals("y", kconfig.symbol("ANY").orElseThrow().value());
        assertEquals("n", kconfig.symbol("ALL").orElseThrow().value());
        assertEquals(5000, kconfig.symbol("TARGET").orElseThrow().selectedBy().size());
    }

    @Test
    void aDependencyLoopIsAnErrorNamingTheSymbols() {
        String text = "config A\n\tbool \"a\"\n\tdepends on B\nconfig B\n\tbool \"b\"\n\tdefault A\n";
        KconfigException e = assertThrows(KconfigException.class, () -> load(text));
        assertEquals(
                "Dependency loop\n===============\n\nA (defined at Kconfig:1)\n...depends on B (defined at Kconfig:4)\n"
                        + "...depends again on A (defined at Kconfig:1)",
                e.getMessage());
    }
}
