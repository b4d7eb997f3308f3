package io.multiimage.core.kconfig.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test on generated trees: {@value #CASES} seeded random Kconfig trees with random
 * fragments, each run through Kconfiglib and through our {@code kconfig} command; everything
 * they write must be byte-identical. A failure names the seed; set {@code -Dkconfig.seed=N} to
 * replay that one case, {@code -Dkconfig.cases=N} to run more.
 */
@Tag("tools")
class KconfiglibRandomTreesTest {

    private static final int CASES = Integer.getInteger("kconfig.cases", 400);

    @Test
    void randomTreesGiveTheSameOutputsAsKconfiglib(@TempDir Path dir) throws Exception {
        List<DifferentialCase> cases = new ArrayList<>();
        Long only = Long.getLong("kconfig.seed");
        long first = only != null ? only : 1;
        long count = only != null ? 1 : CASES;
        for (long seed = first; seed < first + count; seed++) {
            DifferentialCase kase = new RandomKconfigTree(seed).generate("seed" + seed);
            kase.origin = "replay with -Dkconfig.seed=" + seed;
            cases.add(kase);
        }
        for (KconfiglibReference.Result result : KconfiglibReference.run(cases, dir)) {
            KconfiglibReference.assertSame(result);
        }
    }
}
