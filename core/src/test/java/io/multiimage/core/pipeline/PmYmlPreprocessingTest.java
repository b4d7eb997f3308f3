package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.testkit.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stock-NCS-shaped {@code pm.yml} (sizes from {@code CONFIG_} symbols, {@code #if} blocks
 * that add partitions) placed through the pipeline with the image's configuration, and the
 * errors that name the original file and line. app (top image, qemu_cortex_m3: 256 KiB flash
 * at 0x0) with a child mcuboot; only discover, configure and place run.
 */
class PmYmlPreprocessingTest {

    /**
     * Not YAML before preprocessing (both branches of an {@code #if} hold a {@code placement:}
     * key), hence {@code .in}: the partition module's YAML corpus takes every {@code .yml} file.
     */
    private static final Path NCS_SHAPED_PM_YML =
            ProjectPaths.root().resolve("core/src/test/resources/pm-yml/mcuboot-pm.yml.in");

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();
    private String board = "qemu_cortex_m3";

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(project.resolve("app"));
        Files.createDirectories(project.resolve("mcuboot"));
        Files.writeString(project.resolve("app/prj.conf"), "CONFIG_APP=y\n");
        Files.copy(NCS_SHAPED_PM_YML, project.resolve("mcuboot/pm.yml"));
    }

    @Test
    void sizesComeFromTheConfigurationAndTheSecondSlotIsAddedWhenItsConditionHolds() throws Exception {
        mcubootConf(
                "CONFIG_PM_PARTITION_SIZE_MCUBOOT=0xc000",
                "CONFIG_PM_PARTITION_SIZE_MCUBOOT_PAD=0x200",
                "CONFIG_FPROTECT_BLOCK_SIZE=0x1000");

        Map<String, String> layout = layout(prepare());

        assertEquals(
                Map.of(
                        "mcuboot", "0x0+0xc000",
                        "mcuboot_pad", "0xc000+0x200",
                        "app", "0xc200+0x19e00",
                        "mcuboot_primary_app", "0xc200+0x19e00",
                        "mcuboot_primary", "0xc000+0x1a000",
                        "mcuboot_secondary", "0x26000+0x1a000",
                        "sram_primary", "0x20000000+0x10000"),
                layout);
    }

    @Test
    void aBranchNotTakenLeavesItsPartitionOutAndAnotherSizeMovesTheRest() throws Exception {
        mcubootConf(
                "CONFIG_PM_PARTITION_SIZE_MCUBOOT=0x8000",
                "CONFIG_PM_PARTITION_SIZE_MCUBOOT_PAD=0x200",
                "CONFIG_SINGLE_APPLICATION_SLOT=y");

        Map<String, String> layout = layout(prepare());

        assertFalse(layout.containsKey("mcuboot_secondary"), layout.toString());
        assertEquals("0x0+0x8000", layout.get("mcuboot"));
        assertEquals("0x8200+0x37e00", layout.get("app"));
        assertEquals("0x8000+0x38000", layout.get("mcuboot_primary"));
    }

    @Test
    void macrosInNestedBranchesAlignBySymbolValues() throws Exception {
        mcubootConf(
                "CONFIG_PM_PARTITION_SIZE_MCUBOOT=0xc000",
                "CONFIG_PM_PARTITION_SIZE_MCUBOOT_PAD=0x200",
                "CONFIG_FPROTECT=y",
                "CONFIG_FPROTECT_BLOCK_SIZE=0x4000");

        Map<String, String> layout = layout(prepare());

        // mcuboot_pad starts on a 16 KiB boundary: 0xc000 already is one. The second slot is
        // aligned the same way, so it starts at 0x28000, past the 0x26000 of the even split.
        assertEquals("0xc000+0x200", layout.get("mcuboot_pad"));
        assertEquals(0, Long.decode(layout.get("mcuboot_secondary").split("\\+")[0]) % 0x4000, layout.toString());
    }

    @Test
    void aSymbolTheConfigurationDoesNotSetIsNamedWhenItsNameIsRefusedAsAValue() throws Exception {
        mcubootConf("CONFIG_PM_PARTITION_SIZE_MCUBOOT=0xc000", "CONFIG_PM_PARTITION_SIZE_MCUBOOT_PAD=0x200");

        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class, this::prepare);

        assertEquals(
                "Partition layout of the default domain: mcuboot/pm.yml:17: partition 'mcuboot_secondary':"
                        + " alignment 'align.start' must be a positive integer, found ['CONFIG_FPROTECT_BLOCK_SIZE']"
                        + " (CONFIG_FPROTECT_BLOCK_SIZE is not set in the configuration of mcuboot, so the preprocessor left"
                        + " the name in mcuboot/pm.yml: set it, or keep the line out with #if)",
                error.getMessage());
    }

    @Test
    void aPreprocessorErrorNamesThePmYmlAndItsLine() throws Exception {
        mcubootConf("CONFIG_PM_PARTITION_SIZE_MCUBOOT=0xc000");
        Files.writeString(
                project.resolve("mcuboot/pm.yml"),
                "#include <autoconf.h>\n"
                        + "mcuboot:\n  size: CONFIG_PM_PARTITION_SIZE_MCUBOOT\n#if CONFIG_PM_PARTITION_SIZE_MCUBOOT >\n"
                        + "  align: {start: 4}\n#endif\n");

        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class, this::prepare);

        assertEquals(
                "mcuboot/pm.yml:4: invalid #if expression: expected a value at the end of the expression",
                error.getMessage());
        assertEquals(Optional.of("mcuboot/pm.yml"), error.culpritFile());
        assertEquals(Optional.of("mcuboot"), error.culpritImage());
    }

    @Test
    void aMissingHeaderIsNamedWithTheIncludeLine() throws Exception {
        mcubootConf("CONFIG_PM_PARTITION_SIZE_MCUBOOT=0xc000");
        Files.writeString(
                project.resolve("mcuboot/pm.yml"),
                "#include <autoconf.h>\n#include <nrf_sizes.h>\n" + "mcuboot:\n  size: 0x100\n");

        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class, this::prepare);

        assertTrue(
                error.getMessage()
                        .startsWith("mcuboot/pm.yml:2: cannot find #include file 'nrf_sizes.h'"
                                + " (searched: (the image's autoconf.h), "),
                error.getMessage());
    }

    @Test
    void aYamlErrorAfterPreprocessingNamesTheOriginalLine() throws Exception {
        mcubootConf("CONFIG_PM_PARTITION_SIZE_MCUBOOT=0xc000");
        // Lines 2-6 vanish in the preprocessor; the bad line is line 9 of the file.
        Files.writeString(
                project.resolve("mcuboot/pm.yml"),
                String.join(
                        "\n",
                        "#include <autoconf.h>",
                        "#if defined(CONFIG_SINGLE_APPLICATION_SLOT)",
                        "one_slot:",
                        "  size: 0x1000",
                        "  placement: {after: [mcuboot]}",
                        "#endif",
                        "mcuboot:",
                        "  size: CONFIG_PM_PARTITION_SIZE_MCUBOOT",
                        "  placement: [before: {",
                        ""));

        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class, this::prepare);

        assertEquals(
                "Partition layout of the default domain: mcuboot/pm.yml:9: not valid YAML: the flow mapping"
                        + " opened on this line is not closed: expected ',' or '}' before the end of the file",
                error.getMessage());
    }

    @Test
    void aPmYmlLeftEmptyByItsConditionsRequestsNothing() throws Exception {
        mcubootConf("CONFIG_FLASH_LOAD_OFFSET=0x0", "CONFIG_FLASH_LOAD_SIZE=0x8000");
        Files.writeString(project.resolve("app/prj.conf"), "CONFIG_FLASH_LOAD_OFFSET=0x8000\n");
        Files.writeString(
                project.resolve("mcuboot/pm.yml"),
                "#include <autoconf.h>\n#ifdef CONFIG_BOOTLOADER_PM\n" + "mcuboot:\n  size: 0x8000\n#endif\n");

        PreparedTree tree = prepare();

        assertTrue(
                tree.placements().get("mcuboot").byLoadOffset(),
                tree.placements().toString());
        assertTrue(
                log.at("INFO").contains("mcuboot: mcuboot/pm.yml requests no partition with this configuration"),
                log.lines().toString());
        assertTrue(log.at("WARN").isEmpty(), log.lines().toString());
    }

    @Test
    void externalFlashIsARegionOnlyWhenThePreprocessedRequestAsksForIt() throws Exception {
        board = "nrf52840dk/nrf52840";
        Files.writeString(
                project.resolve("app/app.overlay"),
                "/ {\n\tchosen {\n\t\tnordic,pm-ext-flash = &mx25r64;\n" + "\t};\n};\n");
        mcubootConf(
                "CONFIG_PM_PARTITION_SIZE_MCUBOOT=0xc000",
                "CONFIG_PM_PARTITION_SIZE_MCUBOOT_PAD=0x200",
                "CONFIG_FPROTECT_BLOCK_SIZE=0x1000");

        List<String> internal = regions(prepare());
        Files.writeString(
                project.resolve("mcuboot/prj.conf"),
                "CONFIG_PM_EXTERNAL_FLASH_MCUBOOT_SECONDARY=y\n",
                java.nio.file.StandardOpenOption.APPEND);
        PreparedTree external = prepare();

        assertEquals(List.of("flash_primary", "sram_primary"), internal);
        assertEquals(List.of("external_flash", "flash_primary", "sram_primary"), regions(external));
        assertEquals("external_flash", partition(external, "mcuboot_secondary").get("region"));
        assertEquals(0L, number(partition(external, "mcuboot_secondary"), "address"));
    }

    @Test
    void aRequestThatOnlyMentionsExternalFlashDoesNotAskForIt() throws Exception {
        board = "nrf52840dk/nrf52840";
        Files.writeString(
                project.resolve("app/app.overlay"),
                "/ {\n\tchosen {\n\t\tnordic,pm-ext-flash = &mx25r64;\n" + "\t};\n};\n");
        mcubootConf("CONFIG_BOOT=y");
        Files.writeString(
                project.resolve("mcuboot/pm.yml"),
                String.join(
                        "\n",
                        "# the secondary slot may go to external_flash on boards that have one",
                        "mcuboot:",
                        "  size: 0xc000",
                        "  placement: {after: [start]}",
                        "  extra_params: {note: external_flash}",
                        ""));

        PreparedTree tree = prepare();

        assertEquals(List.of("flash_primary", "sram_primary"), regions(tree));
    }

    private void mcubootConf(String... lines) throws IOException {
        Files.writeString(project.resolve("mcuboot/prj.conf"), String.join("\n", lines) + "\n");
    }

    private PreparedTree prepare() throws Exception {
        ImageDeclaration app = ImageDeclaration.builder("app", project.resolve("app"))
                .board(board)
                .children("mcuboot")
                .build();
        ImageDeclaration mcuboot =
                ImageDeclaration.builder("mcuboot", project.resolve("mcuboot")).build();
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(project),
                        "app",
                        List.of(app, mcuboot),
                        project.resolve("app/target/firmware"))
                .build();
        return new FirmwareBuild(log, new LocalProcessLauncher(), HexArtifactResolver.unavailable("no repository"))
                .prepare(request);
    }

    /** Every partition of the default domain as {@code address+size}. */
    private static Map<String, String> layout(PreparedTree tree) {
        Map<String, String> layout = new TreeMap<>();
        for (Map.Entry<String, Map<String, Object>> partition :
                tree.domains().get(0).partitions().entrySet()) {
            layout.put(
                    partition.getKey(),
                    "0x" + Long.toHexString(number(partition.getValue(), "address")) + "+0x"
                            + Long.toHexString(number(partition.getValue(), "size")));
        }
        return layout;
    }

    private static Map<String, Object> partition(PreparedTree tree, String name) {
        return tree.domains().get(0).partitions().get(name);
    }

    private static long number(Map<String, Object> properties, String key) {
        return ((Number) properties.get(key)).longValue();
    }

    private static List<String> regions(PreparedTree tree) {
        return new TreeMap<>(tree.domains().get(0).regions()).keySet().stream().toList();
    }
}
