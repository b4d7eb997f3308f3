package io.multiimage.core.kconfig.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test on hand-written cases, one or more per section of the Kconfig subset spec
 * ({@code src/test/resources/kconfig-engine/cases/*.case}, see {@link CaseFiles}): each case is
 * run through Kconfiglib and our {@code kconfig} command, and the exit code, error message,
 * {@code .config}, {@code autoconf.h}, warnings and minimal configuration must be identical.
 * Python runs once for all cases.
 */
@Tag("tools")
class KconfiglibSpecCasesTest {

    @TempDir
    static Path work;

    private static List<KconfiglibReference.Result> results;

    @BeforeAll
    static void runAllCases() throws Exception {
        List<DifferentialCase> cases = new ArrayList<>(CaseFiles.load("cases"));
        results = KconfiglibReference.run(cases, work);
    }

    @AfterAll
    static void forget() {
        results = null;
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesKconfiglib() {
        return results.stream()
                .map(result ->
                        DynamicTest.dynamicTest(result.kase().name, () -> KconfiglibReference.assertSame(result)));
    }
}
