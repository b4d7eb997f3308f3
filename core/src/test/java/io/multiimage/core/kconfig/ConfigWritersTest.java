package io.multiimage.core.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.spi.BuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWritersTest {

    private static final List<ResolvedSymbol> SYMBOLS = List.of(
            new ResolvedSymbol("ALPHA", KconfigValue.NO),
            new ResolvedSymbol("BETA", new KconfigValue(KconfigType.INT, "7")),
            new ResolvedSymbol("GAMMA", KconfigValue.ofString("say \"x\" \\ ü")),
            new ResolvedSymbol("DELTA", KconfigValue.YES),
            new ResolvedSymbol("EPS", new KconfigValue(KconfigType.HEX, "0X1F")),
            new ResolvedSymbol("ZETA", new KconfigValue(KconfigType.HEX, "ABC")));

    @Test
    void dotConfigFollowsTheSpecFormat() {
        assertEquals(
                "# CONFIG_ALPHA is not set\nCONFIG_BETA=7\nCONFIG_GAMMA=\"say \\\"x\\\" \\\\ ü\"\nCONFIG_DELTA=y\n"
                        + "CONFIG_EPS=0X1F\nCONFIG_ZETA=ABC\n",
                DotConfigWriter.render(SYMBOLS, ""));
        assertEquals("# header\nCONFIG_DELTA=y\n", DotConfigWriter.render(List.of(SYMBOLS.get(3)), "# header\n"));
    }

    @Test
    void autoconfFollowsTheSpecFormat() {
        assertEquals(
                "#define CONFIG_BETA 7\n#define CONFIG_GAMMA \"say \\\"x\\\" \\\\ ü\"\n#define CONFIG_DELTA 1\n"
                        + "#define CONFIG_EPS 0X1F\n#define CONFIG_ZETA 0xABC\n",
                AutoconfWriter.render(SYMBOLS, ""));
    }

    @Test
    void outputsAreWrittenWholeReplacingOldOnesWithoutLeftovers(@TempDir Path dir) throws Exception {
        KconfigResult result = new FragmentOnlyResolver()
                .resolve(List.of(new FragmentSource("p", "p", "CONFIG_A=y\nCONFIG_S=\"s\"\n")), BuildLog.silent());
        Path out = dir.resolve("zephyr/include");
        Files.createDirectories(out);
        Files.writeString(out.resolve(ConfigOutputs.DOT_CONFIG), "old and longer content that must disappear\n");
        ConfigOutputs.write(out, result);
        byte[] first = Files.readAllBytes(out.resolve(ConfigOutputs.DOT_CONFIG));
        assertEquals("CONFIG_A=y\nCONFIG_S=\"s\"\n", new String(first, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(
                "#define CONFIG_A 1\n#define CONFIG_S \"s\"\n",
                Files.readString(out.resolve(ConfigOutputs.AUTOCONF_H)));
        ConfigOutputs.write(out, result);
        assertTrue(
                java.util.Arrays.equals(first, Files.readAllBytes(out.resolve(ConfigOutputs.DOT_CONFIG))),
                "same input, same bytes");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(
                    List.of(ConfigOutputs.DOT_CONFIG, ConfigOutputs.AUTOCONF_H).stream()
                            .sorted()
                            .toList(),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void theOutputsHaveTheUsualPermissionsNotTheOwnerOnlyOnesOfATemporaryFile(@TempDir Path dir) throws Exception {
        KconfigResult result = new FragmentOnlyResolver()
                .resolve(List.of(new FragmentSource("p", "p", "CONFIG_A=y\n")), BuildLog.silent());
        Path usual = Files.createFile(dir.resolve("usual"));
        ConfigOutputs.write(dir, result);
        for (String output : List.of(ConfigOutputs.DOT_CONFIG, ConfigOutputs.AUTOCONF_H)) {
            assertEquals(
                    Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(dir.resolve(output)), output);
        }
    }

    @Test
    void theTwoFilesCanGoToZephyrsSeparateDirectoriesWithAHeader(@TempDir Path dir) throws Exception {
        KconfigResult result = new FragmentOnlyResolver()
                .resolve(List.of(new FragmentSource("p", "p", "CONFIG_A=y\n")), BuildLog.silent());
        Path config = dir.resolve("zephyr/.config");
        Path header = dir.resolve("zephyr/include/generated/autoconf.h");
        ConfigOutputs.write(config, header, result, "# generated\n");
        assertEquals("# generated\nCONFIG_A=y\n", Files.readString(config));
        assertEquals("# generated\n#define CONFIG_A 1\n", Files.readString(header));
        ConfigOutputs.writeAtomically(dir.resolve("other/x.txt"), "x");
        assertEquals("x", Files.readString(dir.resolve("other/x.txt")));
    }
}
