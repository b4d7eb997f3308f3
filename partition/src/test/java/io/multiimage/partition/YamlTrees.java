package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.fail;

import io.multiimage.testkit.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Helpers for the YAML reader tests: the YAML corpus and a deep comparison that checks aliases. */
final class YamlTrees {

    private YamlTrees() {}

    /**
     * Every {@code .yml} file the project's tests, integration tests and samples feed the
     * partition manager (golden inputs and expected outputs, pm_static files), sorted.
     */
    static List<Path> corpus() {
        Path root = ProjectPaths.root();
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("partition/src/test/resources", "core/src/test/resources", "src/it", "samples")) {
            Path d = root.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(d)) {
                walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                        .filter(p -> !p.toString().contains("/target/"))
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files.sort(null);
        return files;
    }

    /**
     * Fails unless {@code actual} has the same values, key order and types as {@code expected}
     * and shares objects exactly where {@code expected} does (an alias is the anchor's object).
     */
    static void assertSameTree(Object expected, Object actual, String where) {
        new Comparison(where).compare(expected, actual, "$");
    }

    private static final class Comparison {
        private final String where;
        private final IdentityHashMap<Object, Object> expectedToActual = new IdentityHashMap<>();
        private final IdentityHashMap<Object, Object> actualToExpected = new IdentityHashMap<>();

        Comparison(String where) {
            this.where = where;
        }

        void compare(Object e, Object a, String path) {
            if (e instanceof Map<?, ?> || e instanceof List<?>) {
                if (expectedToActual.containsKey(e) || actualToExpected.containsKey(a)) {
                    if (expectedToActual.get(e) != a || actualToExpected.get(a) != e) {
                        fail(where + " " + path + ": shared objects differ (alias identity)");
                    }
                    return;
                }
                expectedToActual.put(e, a);
                if (a != null) {
                    actualToExpected.put(a, e);
                }
            }
            if (e instanceof Map<?, ?> em) {
                if (!(a instanceof Map<?, ?> am)) {
                    fail(where + " " + path + ": expected a mapping, found " + describe(a));
                    return;
                }
                if (!new ArrayList<>(em.keySet()).equals(new ArrayList<>(am.keySet()))) {
                    fail(where + " " + path + ": keys " + em.keySet() + " expected, found " + am.keySet());
                }
                for (Object k : em.keySet()) {
                    compare(em.get(k), am.get(k), path + "." + k);
                }
            } else if (e instanceof List<?> el) {
                if (!(a instanceof List<?> al) || al.size() != el.size()) {
                    fail(where + " " + path + ": expected a list of " + el.size() + ", found " + describe(a));
                    return;
                }
                for (int i = 0; i < el.size(); i++) {
                    compare(el.get(i), al.get(i), path + "[" + i + "]");
                }
            } else if (e == null ? a != null : a == null || e.getClass() != a.getClass() || !e.equals(a)) {
                fail(where + " " + path + ": expected " + describe(e) + ", found " + describe(a));
            }
        }

        private static String describe(Object o) {
            return o == null ? "null" : o.getClass().getSimpleName() + " " + o;
        }
    }
}
