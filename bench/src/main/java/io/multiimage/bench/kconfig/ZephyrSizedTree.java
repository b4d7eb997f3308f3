package io.multiimage.bench.kconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated Kconfig tree the size of a Zephyr build (about 8 000 symbols in a few hundred
 * files), shaped like one: a {@code Kconfig.zephyr}-like top with macros, capability symbols
 * that drivers select, boards found by an {@code rsource} glob over {@code Kconfig.defconfig}
 * files that add defaults to symbols defined elsewhere, driver and subsystem directories with a
 * {@code menuconfig} and an {@code if} block each, ints with ranges, hex and string symbols,
 * choices, implies, the log-level template sourced once per subsystem, and the fragments of a
 * build (a board defconfig and a prj.conf of a few hundred lines).
 *
 * <p>References only go to symbols defined earlier (selects and implies only to symbols that
 * nothing depends on), so the tree has no dependency loop and the reference accepts it.
 *
 * <p>{@code main(DIR)} writes the tree into DIR: {@code Kconfig}, {@code board_defconfig},
 * {@code prj.conf} and {@code env.args} (the {@code --env} arguments).
 */
public final class ZephyrSizedTree {

    /** Driver directories. */
    static final int DRIVERS = 260;
    /** Subsystem directories. */
    static final int SUBSYSTEMS = 60;
    /** Boards (each a Kconfig.defconfig). */
    static final int BOARDS = 24;
    /** Capability symbols (selected by drivers, never a dependency: that would make loops). */
    static final int CAPABILITIES = 300;
    /** Symbols that drivers imply (never a dependency either). */
    static final int WANTS = 100;
    /** SoC feature symbols (set by the CPU choice; what drivers depend on). */
    static final int FEATURES = 100;

    private final Random random;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<String> bools = new ArrayList<>();
    private final List<String> ints = new ArrayList<>();
    private final List<String> hexes = new ArrayList<>();
    private final List<String> strings = new ArrayList<>();
    private final List<String> menuconfigs = new ArrayList<>();
    private int symbols;

    /** Generates the tree from a seed. */
    public ZephyrSizedTree(long seed) {
        random = new Random(seed);
        files.put("Kconfig", "mainmenu \"$(APP_NAME) configuration\"\n\nsource \"$(ZEPHYR_BASE)/Kconfig.zephyr\"\n");
        files.put(
                "zephyr/Kconfig.zephyr",
                String.join(
                        "\n",
                        "# Zephyr-like main file",
                        "soc-prefix := SOC",
                        "board-is = $(if-$(BOARD)-$(1))",
                        "rsource \"arch/Kconfig\"",
                        "menu \"Board\"",
                        "rsource \"boards/Kconfig\"",
                        "endmenu",
                        "rsource \"boards/*/Kconfig.defconfig\"",
                        "menu \"Device drivers\"",
                        "rsource \"drivers/*/Kconfig\"",
                        "endmenu",
                        "menu \"Subsystems\"",
                        "rsource \"subsys/*/Kconfig\"",
                        "endmenu",
                        "osource \"$(ZEPHYR_MODULES_DIR)/*/Kconfig\"",
                        ""));
        arch();
        boards();
        for (int d = 0; d < DRIVERS; d++) {
            directory("drivers", "DRV", d, false);
        }
        for (int s = 0; s < SUBSYSTEMS; s++) {
            directory("subsys", "SUB", s, true);
        }
        files.put("zephyr/subsys/Kconfig.template.log_config", logTemplate());
    }

    /** Number of symbols defined (including those from templates). */
    public int symbolCount() {
        return symbols;
    }

    /** Number of Kconfig files. */
    public int fileCount() {
        return files.size() - 2;
    }

    private void arch() {
        StringBuilder out = new StringBuilder("menu \"Architecture\"\n\n");
        for (int c = 0; c < CAPABILITIES; c++) {
            out.append("config HAS_CAP_").append(c).append("\n\tbool\n\n");
            symbols++;
        }
        for (int w = 0; w < WANTS; w++) {
            out.append("config WANT_")
                    .append(w)
                    .append("\n\tbool \"want ")
                    .append(w)
                    .append("\"\n\n");
            symbols++;
        }
        List<String> cpus = List.of("CPU_M0", "CPU_M3", "CPU_M4", "CPU_M33", "CPU_M55");
        out.append("choice CPU\n\tprompt \"CPU\"\n\tdefault CPU_M4\n");
        for (String cpu : cpus) {
            out.append("config ").append(cpu).append("\n\tbool \"").append(cpu).append("\"\n");
            bools.add(cpu);
            symbols++;
        }
        out.append("endchoice\n\n");
        for (int f = 0; f < FEATURES; f++) {
            out.append("config SOC_FEATURE_")
                    .append(f)
                    .append("\n\tdef_bool ")
                    .append(cpus.get(f % cpus.size()))
                    .append(" || ")
                    .append(cpus.get((f / 5) % cpus.size()))
                    .append("\n\n");
            symbols++;
        }
        out.append("config FLASH_SIZE\n\tint \"Flash size in kB\"\n\trange 16 16384\n\tdefault 512\n\n")
                .append("config SRAM_SIZE\n\tint \"SRAM size in kB\"\n\tdefault 128\n\n")
                .append("config FLASH_BASE_ADDRESS\n\thex \"Flash base\"\n\tdefault 0x0\n\nendmenu\n");
        ints.add("FLASH_SIZE");
        ints.add("SRAM_SIZE");
        hexes.add("FLASH_BASE_ADDRESS");
        symbols += 3;
        files.put("zephyr/arch/Kconfig", out.toString());
    }

    private void boards() {
        StringBuilder list = new StringBuilder();
        for (int b = 0; b < BOARDS; b++) {
            String board = "BOARD_B" + b;
            list.append("config ")
                    .append(board)
                    .append("\n\tbool\n\tdefault y if \"$(BOARD)\" = \"b")
                    .append(b)
                    .append("\"\n\tselect HAS_CAP_")
                    .append(b)
                    .append("\n\n");
            symbols++;
            StringBuilder defconfig = new StringBuilder("if ").append(board).append("\n\n");
            defconfig
                    .append("config FLASH_SIZE\n\tdefault ")
                    .append(256 << (b % 4))
                    .append("\n\n");
            defconfig
                    .append("config SRAM_SIZE\n\tdefault ")
                    .append(64 << (b % 3))
                    .append("\n\n");
            defconfig
                    .append("config FLASH_BASE_ADDRESS\n\tdefault 0x")
                    .append(Integer.toHexString(b * 0x10000))
                    .append("\n\nendif\n");
            files.put("zephyr/boards/b" + b + "/Kconfig.defconfig", defconfig.toString());
        }
        files.put("zephyr/boards/Kconfig", list.toString());
    }

    /** One driver or subsystem directory: a menuconfig, then an if block with about 20 symbols. */
    private void directory(String kind, String prefix, int index, boolean logTemplate) {
        String top = prefix + index;
        StringBuilder out = new StringBuilder();
        out.append("menuconfig ")
                .append(top)
                .append("\n\tbool \"")
                .append(kind)
                .append(' ')
                .append(index)
                .append("\"\n");
        if (!menuconfigs.isEmpty() && random.nextInt(4) == 0) {
            out.append("\tdepends on ").append(pick(menuconfigs)).append('\n');
        }
        out.append("\tselect HAS_CAP_").append(random.nextInt(CAPABILITIES)).append('\n');
        out.append("\thelp\n\t  Enables ")
                .append(kind)
                .append(' ')
                .append(index)
                .append(".\n\n");
        symbols++;
        out.append("if ").append(top).append("\n\n");
        if (logTemplate) {
            out.append("module = ")
                    .append(top)
                    .append("\nmodule-str = ")
                    .append(kind)
                    .append(' ')
                    .append(index)
                    .append("\nsource \"$(ZEPHYR_BASE)/subsys/Kconfig.template.log_config\"\n\n");
            symbols += 7;
        }
        int count = 14 + random.nextInt(8);
        List<String> local = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = top + "_OPT" + i;
            int kindOf = random.nextInt(10);
            if (kindOf < 6) {
                out.append("config ")
                        .append(name)
                        .append("\n\tbool \"")
                        .append(name.toLowerCase())
                        .append("\"\n");
                if (!local.isEmpty() && random.nextInt(3) == 0) {
                    out.append("\tdepends on ").append(pick(local)).append('\n');
                } else if (random.nextInt(5) == 0) {
                    out.append("\tdepends on SOC_FEATURE_")
                            .append(random.nextInt(FEATURES))
                            .append('\n');
                }
                if (random.nextInt(3) == 0) {
                    out.append("\tdefault y if ").append(pick(bools)).append('\n');
                }
                if (random.nextInt(4) == 0) {
                    out.append("\tselect HAS_CAP_")
                            .append(random.nextInt(CAPABILITIES))
                            .append('\n');
                }
                if (random.nextInt(8) == 0) {
                    out.append("\timply WANT_").append(random.nextInt(WANTS)).append('\n');
                }
                bools.add(name);
                local.add(name);
            } else if (kindOf < 8) {
                int low = random.nextInt(64);
                out.append("config ")
                        .append(name)
                        .append("\n\tint \"")
                        .append(name.toLowerCase())
                        .append("\"\n")
                        .append("\trange ")
                        .append(low)
                        .append(' ')
                        .append(low + 1 + random.nextInt(100000))
                        .append('\n');
                if (random.nextBoolean()) {
                    out.append("\tdefault ")
                            .append(low * 2)
                            .append(" if ")
                            .append(pick(bools))
                            .append('\n');
                }
                out.append("\tdefault ").append(low + random.nextInt(200)).append('\n');
                ints.add(name);
            } else if (kindOf < 9) {
                out.append("config ")
                        .append(name)
                        .append("\n\thex \"")
                        .append(name.toLowerCase())
                        .append("\"\n")
                        .append("\tdefault 0x")
                        .append(Integer.toHexString(random.nextInt(0x100000)))
                        .append('\n');
                hexes.add(name);
            } else {
                out.append("config ")
                        .append(name)
                        .append("\n\tstring \"")
                        .append(name.toLowerCase())
                        .append("\"\n")
                        .append("\tdefault \"")
                        .append(kind)
                        .append('/')
                        .append(index)
                        .append('/')
                        .append(i)
                        .append("\"\n");
                strings.add(name);
            }
            out.append('\n');
            symbols++;
        }
        if (random.nextInt(3) == 0) {
            out.append("choice ")
                    .append(top)
                    .append("_MODE\n\tprompt \"mode\"\n\tdefault ")
                    .append(top)
                    .append("_MODE_B if ")
                    .append(pick(local.isEmpty() ? bools : local))
                    .append('\n');
            for (String mode : List.of("A", "B", "C")) {
                out.append("config ")
                        .append(top)
                        .append("_MODE_")
                        .append(mode)
                        .append("\n\tbool \"mode ")
                        .append(mode)
                        .append("\"\n");
                bools.add(top + "_MODE_" + mode);
                symbols++;
            }
            out.append("endchoice\n\n");
        }
        out.append("endif # ").append(top).append('\n');
        files.put("zephyr/" + kind + "/" + kind.charAt(0) + index + "/Kconfig", out.toString());
        menuconfigs.add(top);
        bools.add(top);
    }

    private static String logTemplate() {
        StringBuilder out = new StringBuilder("choice \"$(module)_LOG_LEVEL_CHOICE\"\n")
                .append("\tprompt \"Max compiled-in log level for $(module-str)\"\n")
                .append("\tdefault $(module)_LOG_LEVEL_DEFAULT\n\n");
        String[] levels = {"OFF", "ERR", "WRN", "INF", "DBG", "DEFAULT"};
        for (String level : levels) {
            out.append("config $(module)_LOG_LEVEL_")
                    .append(level)
                    .append("\n\tbool \"")
                    .append(level)
                    .append("\"\n");
        }
        out.append("endchoice\n\nconfig $(module)_LOG_LEVEL\n\tint\n");
        for (int i = 0; i < 5; i++) {
            out.append("\tdefault ")
                    .append(i)
                    .append(" if $(module)_LOG_LEVEL_")
                    .append(levels[i])
                    .append('\n');
        }
        out.append("\tdefault 3\n");
        return out.toString();
    }

    private String pick(List<String> names) {
        return names.get(random.nextInt(names.size()));
    }

    /** The board defconfig: what a board enables. */
    String boardDefconfig() {
        StringBuilder out = new StringBuilder("# board defconfig\n");
        for (int i = 0; i < 40; i++) {
            out.append("CONFIG_").append(pick(menuconfigs)).append("=y\n");
        }
        return out.toString();
    }

    /** prj.conf: a few hundred assignments of every type, with some repeated and a few invalid. */
    String projectConfig() {
        StringBuilder out = new StringBuilder("# application configuration\n");
        for (int i = 0; i < 300; i++) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                out.append("CONFIG_").append(pick(bools)).append(random.nextInt(4) == 0 ? "=n\n" : "=y\n");
            } else if (kind < 8) {
                out.append("CONFIG_")
                        .append(pick(ints))
                        .append('=')
                        .append(random.nextInt(5000))
                        .append('\n');
            } else if (kind < 9) {
                out.append("CONFIG_")
                        .append(pick(hexes))
                        .append("=0x")
                        .append(Integer.toHexString(random.nextInt()))
                        .append('\n');
            } else {
                out.append("CONFIG_")
                        .append(pick(strings))
                        .append("=\"value ")
                        .append(i)
                        .append("\"\n");
            }
        }
        out.append("CONFIG_NOT_A_SYMBOL=y\n");
        return out.toString();
    }

    /** Writes the tree and its fragments into {@code dir}. */
    public void writeTo(Path dir) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("board_defconfig"), boardDefconfig());
        Files.writeString(dir.resolve("prj.conf"), projectConfig());
        Files.writeString(
                dir.resolve("env.args"),
                "--env APP_NAME=bench --env BOARD=b5 --env ZEPHYR_BASE=zephyr " + "--env ZEPHYR_MODULES_DIR=modules\n");
    }

    /** The environment the tree is parsed with (what {@code env.args} says). */
    public static Map<String, String> environment() {
        return Map.of("APP_NAME", "bench", "BOARD", "b5", "ZEPHYR_BASE", "zephyr", "ZEPHYR_MODULES_DIR", "modules");
    }

    /** Writes the tree into {@code args[0]} and prints its size. */
    public static void main(String[] args) throws IOException {
        ZephyrSizedTree tree = new ZephyrSizedTree(args.length > 1 ? Long.parseLong(args[1]) : 13);
        tree.writeTo(Path.of(args[0]));
        System.out.println(tree.symbolCount() + " symbols in " + tree.fileCount() + " Kconfig files");
    }
}
