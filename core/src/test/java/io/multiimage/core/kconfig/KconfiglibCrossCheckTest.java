package io.multiimage.core.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multiimage.core.spi.BuildLog;
import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against Kconfiglib (Debian python3-kconfiglib): random fragments are
 * merged by us and by Kconfiglib, given a Kconfig file that declares the fragments' symbols
 * with prompts, in first-assignment order and with the type their literals show. Both must
 * write the same {@code .config} and {@code autoconf.h}, byte for byte.
 */
class KconfiglibCrossCheckTest {

    private static final int CASES = 40;

    private static final String SCRIPT = String.join(
            "\n",
            "import os, sys, kconfiglib",
            "for case in sorted(os.listdir(sys.argv[1])):",
            "    d = os.path.join(sys.argv[1], case)",
            "    os.chdir(d)",
            "    kconf = kconfiglib.Kconfig('Kconfig', warn_to_stderr=False)",
            "    fragments = sorted(f for f in os.listdir('.') if f.startswith('frag'))",
            "    for i, f in enumerate(fragments):",
            "        kconf.load_config(f, replace=(i == 0))",
            "    kconf.write_config('ref.config', header='')",
            "    kconf.write_autoconf('ref.autoconf.h', header='')",
            "");

    @Test
    void mergedConfigAndAutoconfMatchKconfiglib(@TempDir Path dir) throws Exception {
        Path python = ReferenceTools.debianPython("kconfiglib", "python3-kconfiglib");
        List<KconfigResult> ours = new ArrayList<>();
        for (int c = 0; c < CASES; c++) {
            ours.add(writeCase(dir.resolve(String.format("case%02d", c)), new Random(31L * c + 5)));
        }
        Path script = dir.resolve("reference.py");
        Files.writeString(script, SCRIPT);
        ReferenceTools.run(
                        List.of(
                                python.toString(),
                                script.toString(),
                                dir.resolve("cases").toString()),
                        dir,
                        120)
                .assertSuccess();
        for (int c = 0; c < CASES; c++) {
            Path caseDir = dir.resolve("cases").resolve(String.format("case%02d", c));
            KconfigResult result = ours.get(c);
            assertEquals(
                    Files.readString(caseDir.resolve("ref.config")),
                    DotConfigWriter.render(result.symbols(), ""),
                    ".config of case " + c);
            assertEquals(
                    Files.readString(caseDir.resolve("ref.autoconf.h")),
                    AutoconfWriter.render(result.symbols(), ""),
                    "autoconf.h of case " + c);
        }
    }

    /** Writes one case's fragments and Kconfig file; returns our merge of the fragments. */
    private static KconfigResult writeCase(Path ignored, Random random) throws Exception {
        Path dir = ignored.resolveSibling("cases").resolve(ignored.getFileName());
        Files.createDirectories(dir);
        String[] names = {"ALPHA", "BETA", "GAMMA", "DELTA", "EPSILON", "ZETA", "ETA", "THETA"};
        Map<String, KconfigType> types = new LinkedHashMap<>();
        for (String name : names) {
            types.put(name, KconfigType.values()[random.nextInt(KconfigType.values().length)]);
        }
        List<FragmentSource> fragments = new ArrayList<>();
        List<String> firstAssigned = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int f = 0; f < count; f++) {
            StringBuilder text = new StringBuilder("# fragment " + f + "\n");
            for (int n = random.nextInt(7); n > 0; n--) {
                String name = names[random.nextInt(names.length)];
                KconfigValue value = valueOf(types.get(name), random);
                if (value.type() == KconfigType.BOOL && !value.isYes() && random.nextBoolean()) {
                    text.append("# CONFIG_").append(name).append(" is not set\n");
                } else {
                    text.append("CONFIG_")
                            .append(name)
                            .append('=')
                            .append(value.configText())
                            .append('\n');
                }
                if (!firstAssigned.contains(name)) {
                    firstAssigned.add(name);
                }
                if (random.nextInt(5) == 0) {
                    text.append("\n# a comment\n");
                }
            }
            String file = "frag" + f + ".conf";
            Files.writeString(dir.resolve(file), text.toString());
            fragments.add(new FragmentSource(file, file, text.toString()));
        }
        StringBuilder kconfig = new StringBuilder();
        for (String name : firstAssigned) {
            kconfig.append("config ")
                    .append(name)
                    .append("\n\t")
                    .append(types.get(name).kconfigName())
                    .append(" \"")
                    .append(name)
                    .append("\"\n");
        }
        Files.writeString(dir.resolve("Kconfig"), kconfig.toString());
        return new FragmentOnlyResolver().resolve(fragments, BuildLog.silent());
    }

    private static KconfigValue valueOf(KconfigType type, Random random) {
        return switch (type) {
            case BOOL -> random.nextBoolean() ? KconfigValue.YES : KconfigValue.NO;
            case INT -> new KconfigValue(KconfigType.INT, Integer.toString(random.nextInt(200_001) - 100_000));
            case HEX ->
                new KconfigValue(
                        KconfigType.HEX,
                        (random.nextBoolean() ? "0x" : "0X")
                                + Integer.toHexString(random.nextInt(1 << 24)).toUpperCase());
            case STRING -> {
                String alphabet = "abc XYZ_09\"\\#=$/.ü";
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(10); n > 0; n--) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                yield KconfigValue.ofString(text.toString());
            }
        };
    }
}
