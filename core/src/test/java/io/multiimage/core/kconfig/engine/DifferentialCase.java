package io.multiimage.core.kconfig.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One input for the differential tests: a source tree (file name to text), an environment, the
 * top Kconfig file and the fragments, i.e. one command line of {@code kconfig}.
 */
final class DifferentialCase {

    final String name;
    final Map<String, String> files = new LinkedHashMap<>();
    final Map<String, String> env = new LinkedHashMap<>();
    String kconfig = "Kconfig";
    final List<String> fragments = new ArrayList<>();
    /** How to replay it (a seed, a resource name). */
    String origin = "";
    /** Also compare the minimal configuration (savedefconfig) through the API. */
    boolean compareMinimal = true;

    DifferentialCase(String name) {
        this.name = name;
    }

    DifferentialCase file(String path, String text) {
        files.put(path, text);
        return this;
    }

    DifferentialCase env(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    DifferentialCase fragment(String path, String text) {
        files.put(path, text);
        fragments.add(path);
        return this;
    }

    /** The command line after {@code kconfig}, writing outputs under {@code outDir} (relative to the tree). */
    List<String> arguments(String outDir) {
        return arguments(outDir, Path.of("@TREE@"));
    }

    /**
     * The command line after {@code kconfig}; {@code @TREE@} in environment values becomes the
     * absolute path of the tree.
     */
    List<String> arguments(String outDir, Path tree) {
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            args.add("--env");
            args.add(e.getKey() + "=" + e.getValue().replace("@TREE@", tree.toString()));
        }
        args.add("--config-out");
        args.add(outDir + "/.config");
        args.add("--header-out");
        args.add(outDir + "/autoconf.h");
        args.add("--warnings-out");
        args.add(outDir + "/warnings.txt");
        args.add(kconfig);
        args.addAll(fragments);
        return args;
    }

    /** Environment values with {@code @TREE@} resolved. */
    Map<String, String> environment(Path tree) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((k, v) -> out.put(k, v.replace("@TREE@", tree.toString())));
        return out;
    }

    /** Writes the source tree into {@code dir}. */
    void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The whole case as text, to show on a failure. */
    String describe() {
        StringBuilder out = new StringBuilder("case " + name + (origin.isEmpty() ? "" : " (" + origin + ")") + "\n");
        out.append("args: ").append(String.join(" ", arguments("out"))).append('\n');
        for (Map.Entry<String, String> e : files.entrySet()) {
            out.append("----- ").append(e.getKey()).append('\n').append(e.getValue());
            if (!e.getValue().endsWith("\n")) {
                out.append("\n(no newline at end)\n");
            }
        }
        return out.toString();
    }
}
