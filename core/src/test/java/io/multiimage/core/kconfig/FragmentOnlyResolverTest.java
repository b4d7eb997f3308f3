package io.multiimage.core.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.multiimage.core.testing.RecordingLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class FragmentOnlyResolverTest {

    @Test
    void laterAssignmentsWinSymbolsKeepFirstAssignmentOrderAndChainsAreKept() throws Exception {
        RecordingLog log = new RecordingLog(false);
        KconfigResult result = new FragmentOnlyResolver()
                .resolve(
                        List.of(
                                new FragmentSource("prj.conf", "boot/prj.conf", "CONFIG_B=1\nCONFIG_A=y\n"),
                                new FragmentSource("x.conf", "boot/x.conf", "CONFIG_C=\"c\"\nCONFIG_B=2\nCONFIG_A=y\n"),
                                new FragmentSource("command line", "command line", "CONFIG_B=3\n")),
                        log);
        assertEquals(
                List.of("B", "A", "C"),
                result.symbols().stream().map(ResolvedSymbol::name).toList());
        assertEquals(new KconfigValue(KconfigType.INT, "3"), result.value("B").orElseThrow());
        assertEquals(
                List.of("boot/prj.conf:1", "boot/x.conf:2", "command line:1"),
                result.provenanceOf("B").orElseThrow().assignments().stream()
                        .map(a -> a.location().toString())
                        .toList());
        assertEquals("boot/x.conf:3", result.origin("A").orElseThrow().toString());
        assertEquals(
                List.of(
                        "INFO Merged configuration 'prj.conf'",
                        "INFO Merged configuration 'x.conf'",
                        "INFO CONFIG_B=2 (boot/x.conf:2) overrides CONFIG_B=1 (boot/prj.conf:1)",
                        "INFO Merged configuration 'command line'",
                        "INFO CONFIG_B=3 (command line:1) overrides CONFIG_B=2 (boot/x.conf:2)"),
                log.lines());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void aTypeChangeIsAlsoAWarning() throws Exception {
        RecordingLog log = new RecordingLog(false);
        KconfigResult result = new FragmentOnlyResolver()
                .resolve(
                        List.of(
                                new FragmentSource("a.conf", "a.conf", "CONFIG_X=y\n"),
                                new FragmentSource("b.conf", "b.conf", "CONFIG_X=\"y\"\n")),
                        log);
        String warning = "b.conf:1: warning: CONFIG_X changes type from bool (a.conf:1) to string";
        assertEquals(List.of(warning), result.warnings());
        assertEquals("WARN " + warning, log.lines().get(log.lines().size() - 1));
        assertEquals(KconfigValue.ofString("y"), result.value("X").orElseThrow());
    }

    @Test
    void aMalformedLineInAnyFragmentLogsNothing() {
        RecordingLog log = new RecordingLog(false);
        FragmentSyntaxException e = assertThrows(
                FragmentSyntaxException.class,
                () -> new FragmentOnlyResolver()
                        .resolve(
                                List.of(
                                        new FragmentSource("a.conf", "a.conf", "CONFIG_X=y\n"),
                                        new FragmentSource("b.conf", "b.conf", "\n\nCONFIG_X=maybe\n")),
                                log));
        assertEquals(
                "b.conf:3: expected y, n, a decimal number, a 0x hex number or a \"quoted string\" as the value"
                        + " of CONFIG_X, found 'maybe'",
                e.getMessage());
        assertEquals(List.of(), log.lines());
    }
}
