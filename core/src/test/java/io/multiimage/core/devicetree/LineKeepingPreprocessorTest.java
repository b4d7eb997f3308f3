package io.multiimage.core.devicetree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.multiimage.testkit.ProjectPaths;
import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The preprocessor run over a non-devicetree file, line for line, checked against cpp. */
class LineKeepingPreprocessorTest {

    @TempDir
    Path work;

    private Path inc;

    @BeforeEach
    void autoconf() throws Exception {
        inc = Files.createDirectories(work.resolve("inc"));
        Files.writeString(
                inc.resolve("autoconf.h"),
                "#define CONFIG_SIZE 0xc000\n#define CONFIG_FEATURE 1\n" + "#define CONFIG_NAME \"boot\"\n");
    }

    @Test
    void everyLineStaysOnItsLineAndDirectivesBecomeEmptyLines() throws Exception {
        Path file = write(
                "pm.yml",
                "#include <autoconf.h>",
                "# a YAML comment stays",
                "boot:",
                "#if defined(CONFIG_FEATURE)",
                "  size: CONFIG_SIZE",
                "#else",
                "  size: 0x100",
                "#endif",
                "  placement: /* gone */ {after: [start]}",
                "  note: a \\",
                "    continued line",
                "  last: 1");

        String text = LineKeepingPreprocessor.preprocess(file, List.of(inc));

        assertEquals(
                String.join(
                        "\n",
                        "",
                        "# a YAML comment stays",
                        "boot:",
                        "",
                        "  size: 0xc000",
                        "",
                        "",
                        "",
                        "  placement:   {after: [start]}",
                        "  note: a     continued line",
                        "",
                        "  last: 1",
                        ""),
                text);
    }

    @Test
    void aFileWithoutDirectivesComesOutAsItWentIn() throws Exception {
        String yaml = "# The bootloader's partition: the first 16 KiB.\nboot:\n  placement:\n    after: [start]\n"
                + "  size: 0x4000\n\n";
        Path file = Files.writeString(work.resolve("pm.yml"), yaml);

        assertEquals(yaml, LineKeepingPreprocessor.preprocess(file, List.of(inc)));
    }

    @Test
    void undefinedIdentifiersInIfAreZeroAsInC() throws Exception {
        Path file = write(
                "pm.yml",
                "#include <autoconf.h>",
                "#if CONFIG_UNSET",
                "unset: 1",
                "#endif",
                "#if !CONFIG_UNSET && CONFIG_UNSET == 0",
                "negated: 1",
                "#endif",
                "#if CONFIG_SIZE > 0x8000 && defined(CONFIG_FEATURE) && !defined(CONFIG_UNSET)",
                "compared: 1",
                "#endif");

        String text = LineKeepingPreprocessor.preprocess(file, List.of(inc));

        assertEquals(
                List.of("", "", "", "", "", "negated: 1", "", "", "compared: 1", ""),
                text.lines().toList());
    }

    @Test
    void aProblemNamesTheLineOfTheFile() throws Exception {
        Path missing = write("missing.yml", "a: 1", "", "#include <nowhere.h>", "b: 2");
        Path open = write("open.yml", "#if defined(CONFIG_FEATURE)", "a: 1", "b: 2");

        DevicetreeException notFound = assertThrows(
                DevicetreeException.class, () -> LineKeepingPreprocessor.preprocess(missing, List.of(inc)));
        DevicetreeException unterminated =
                assertThrows(DevicetreeException.class, () -> LineKeepingPreprocessor.preprocess(open, List.of(inc)));

        assertEquals(new SourceLocation(missing, 3, 1), notFound.location().orElseThrow());
        assertEquals("cannot find #include file 'nowhere.h' (searched: " + inc + ")", notFound.detail());
        assertEquals(new SourceLocation(open, 3, 1), unterminated.location().orElseThrow());
    }

    @Test
    void anIncludedFileThatAddsTextIsRefusedAtItsIncludeLine() throws Exception {
        Files.writeString(inc.resolve("partitions.yml.h"), "#define X 1\nextra:\n  size: X\n");
        Path file = write(
                "pm.yml",
                "boot:",
                "  size: 0x100",
                "#ifdef CONFIG_NOTHING",
                "#endif",
                "#include <partitions.yml.h>",
                "other: {}");

        DevicetreeException error =
                assertThrows(DevicetreeException.class, () -> LineKeepingPreprocessor.preprocess(file, List.of(inc)));

        assertEquals(new SourceLocation(file, 5, 1), error.location().orElseThrow());
        assertEquals(
                "the included partitions.yml.h:2 adds the text 'extra:'; a file preprocessed line by line may"
                        + " include only files that define macros",
                error.detail());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "#define CONFIG_PM_PARTITION_SIZE_MCUBOOT 0xc000\n#define CONFIG_PM_PARTITION_SIZE_MCUBOOT_PAD 0x200\n",
                "#define CONFIG_PM_PARTITION_SIZE_MCUBOOT 0x8000\n#define CONFIG_SINGLE_APPLICATION_SLOT 1\n",
                "#define CONFIG_FPROTECT 1\n#define CONFIG_FPROTECT_BLOCK_SIZE 0x4000\n"
                        + "#define CONFIG_PM_EXTERNAL_FLASH_MCUBOOT_SECONDARY 1\n",
                "#define CONFIG_FPROTECT 1\n#define CONFIG_FPROTECT_BLOCK_SIZE 0x1000\n"
            })
    void anNcsShapedPmYmlGivesTheLinesCppGives(String autoconf) throws Exception {
        Path cpp = ReferenceTools.require("cpp", "cpp");
        Files.writeString(inc.resolve("autoconf.h"), autoconf);
        Path file = Files.copy(
                ProjectPaths.root().resolve("core/src/test/resources/pm-yml/mcuboot-pm.yml.in"),
                work.resolve("pm.yml"));

        String ours = LineKeepingPreprocessor.preprocess(file, List.of(inc));
        // What NCS runs: the C compiler's preprocessor in assembler mode, without line markers
        // (-P, which also drops empty lines).
        String reference = ReferenceTools.run(
                        List.of(
                                cpp.toString(),
                                "-nostdinc",
                                "-undef",
                                "-x",
                                "assembler-with-cpp",
                                "-P",
                                "-I",
                                inc.toString(),
                                file.toString()),
                        work,
                        30)
                .assertSuccess()
                .stdout();

        assertEquals(nonEmptyLines(reference), nonEmptyLines(ours));
        assertEquals(Files.readAllLines(file).size(), ours.lines().count());
    }

    private static List<String> nonEmptyLines(String text) {
        return text.lines()
                .map(String::stripTrailing)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    @Test
    void anEmptyFileStaysEmpty() throws Exception {
        Path file = Files.writeString(work.resolve("pm.yml"), "");

        assertEquals("", LineKeepingPreprocessor.preprocess(file, List.of(inc)));
    }

    private Path write(String name, String... lines) throws Exception {
        return Files.writeString(work.resolve(name), String.join("\n", lines) + "\n");
    }
}
