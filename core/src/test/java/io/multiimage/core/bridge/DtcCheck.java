package io.multiimage.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the real {@code dtc} makes of a devicetree source: compiled with {@code -@} (so every
 * label is in {@code /__symbols__}), then read back with {@code fdtget}. A partition's address
 * is computed from dtc's output alone: its {@code reg}, plus each enclosing container's
 * {@code ranges} offset, plus the base of the memory the table lies in (the memory's own
 * {@code reg}; 0 for a SPI NOR chip, whose {@code reg} is a chip select, and under
 * {@code /reserved-memory}, whose children are absolute).
 */
final class DtcCheck {

    private final Path dtb;
    private final Path fdtget;

    private DtcCheck(Path dtb, Path fdtget) {
        this.dtb = dtb;
        this.fdtget = fdtget;
    }

    /** Compiles {@code dts} (no preprocessor directives left) to a blob; fails the test if dtc fails. */
    static DtcCheck compile(Path dts, Path workDir) {
        Path dtc = ReferenceTools.require("dtc", "device-tree-compiler");
        Path fdtget = ReferenceTools.require("fdtget", "device-tree-compiler");
        Path dtb = workDir.resolve(dts.getFileName() + ".dtb");
        ReferenceTools.run(
                        List.of(
                                dtc.toString(),
                                "-q",
                                "-@",
                                "-I",
                                "dts",
                                "-O",
                                "dtb",
                                "-o",
                                dtb.toString(),
                                dts.toString()),
                        workDir,
                        60)
                .assertSuccess();
        return new DtcCheck(dtb, fdtget);
    }

    /** Runs {@code cpp} as Zephyr does on a file that includes the board and then each overlay. */
    static Path preprocess(Path board, List<Path> overlays, List<Path> includeDirs, Path workDir) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("#include \"" + onDisk(board) + "\"");
        overlays.forEach(o -> lines.add("#include \"" + onDisk(o) + "\""));
        Path input = workDir.resolve("with-overlays.S");
        java.nio.file.Files.write(input, lines);
        List<String> command = new ArrayList<>(List.of(
                ReferenceTools.require("cpp", "cpp").toString(),
                "-nostdinc",
                "-undef",
                "-x",
                "assembler-with-cpp",
                "-P"));
        for (Path dir : includeDirs) {
            command.add("-I");
            command.add(onDisk(dir).toString());
        }
        command.add(input.toString());
        ReferenceTools.Result result = ReferenceTools.run(command, workDir, 60).assertSuccess();
        Path out = workDir.resolve("with-overlays.dts");
        java.nio.file.Files.writeString(out, result.stdout());
        return out;
    }

    /** The file on disk: a shipped board read from core's jar is taken from core's sources. */
    private static Path onDisk(Path path) {
        if (path.getFileSystem() == java.nio.file.FileSystems.getDefault()) {
            return path.toAbsolutePath();
        }
        return io.multiimage.testkit.ProjectPaths.root()
                .resolve("core/src/main/resources")
                .resolve(path.toString().substring(1));
    }

    /** The string values of {@code (node, property)} pairs, in order. */
    List<String> strings(List<String[]> pairs) {
        return get("s", pairs);
    }

    private List<String> get(String type, List<String[]> pairs) {
        if (pairs.isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of(fdtget.toString(), "-t", type, dtb.toString()));
        for (String[] pair : pairs) {
            command.add(pair[0]);
            command.add(pair[1]);
        }
        ReferenceTools.Result result = ReferenceTools.run(command, null, 60).assertSuccess();
        return result.stdout().lines().toList();
    }

    /** The node path of each label. */
    Map<String, String> paths(List<String> labels) {
        List<String[]> pairs =
                labels.stream().map(l -> new String[] {"/__symbols__", l}).toList();
        List<String> values = strings(pairs);
        Map<String, String> paths = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            paths.put(labels.get(i), values.get(i));
        }
        return paths;
    }

    /** {@code address size} of each node, in hex, computed from dtc's blob as the class comment says. */
    Map<String, String> placements(List<String> nodePaths) {
        List<String[]> regs = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (String path : nodePaths) {
            index.computeIfAbsent(path + "|reg", k -> {
                regs.add(new String[] {path, "reg"});
                return regs.size() - 1;
            });
            for (String up = parent(path); up.contains("/partition@"); up = parent(up)) {
                String container = up;
                index.computeIfAbsent(container + "|ranges", k -> {
                    regs.add(new String[] {container, "ranges"});
                    return regs.size() - 1;
                });
            }
            String device = device(path);
            if (device != null) {
                index.computeIfAbsent(device + "|reg", k -> {
                    regs.add(new String[] {device, "reg"});
                    return regs.size() - 1;
                });
            }
        }
        List<String> values = get("x", regs);
        List<String[]> compatibles = new ArrayList<>();
        for (String path : nodePaths) {
            String device = device(path);
            if (device != null) {
                compatibles.add(new String[] {device, "compatible"});
            }
        }
        List<String> compatibleValues = strings(compatibles);
        Map<String, String> out = new LinkedHashMap<>();
        int c = 0;
        for (String path : nodePaths) {
            long[] reg = cells(values.get(index.get(path + "|reg")));
            long address = reg[0];
            for (String up = parent(path); up.contains("/partition@"); up = parent(up)) {
                long[] ranges = cells(values.get(index.get(up + "|ranges")));
                address += ranges[1] - ranges[0];
            }
            String device = device(path);
            if (device != null) {
                boolean chip = compatibleValues.get(c++).contains("jedec,spi-nor");
                address += chip ? 0 : cells(values.get(index.get(device + "|reg")))[0];
            }
            out.put(path, String.format("0x%x 0x%x", address, reg[1]));
        }
        return out;
    }

    /** The memory node a flash partition's table lies in; null under /reserved-memory. */
    private static String device(String path) {
        for (String up = parent(path); !up.equals("/"); up = parent(up)) {
            String name = up.substring(up.lastIndexOf('/') + 1);
            if (name.equals("reserved-memory")) {
                return null;
            }
            if (name.equals("partitions") || name.equals(DevicetreeExporter.OVERLAPPING_TABLE)) {
                return parent(up);
            }
        }
        throw new IllegalStateException("no partition table above " + path);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static long[] cells(String hex) {
        return java.util.Arrays.stream(hex.trim().split("\\s+"))
                .mapToLong(h -> Long.parseUnsignedLong(h, 16))
                .toArray();
    }

    /** Asserts {@code /chosen} names the nodes the labels are on. */
    void assertChosen(String property, String label) {
        assertEquals(
                paths(List.of(label)).get(label),
                strings(List.<String[]>of(new String[] {"/chosen", property})).get(0),
                property);
    }
}
