package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.run.QemuRequest;
import io.multiimage.core.run.QemuResult;
import io.multiimage.core.run.QemuRunner;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.core.toolchain.ImageTooLargeException;
import io.multiimage.hex.Elf;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.testkit.ProjectPaths;
import io.multiimage.testkit.ReferenceTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CONFIG_FLASH_LOAD_OFFSET} placement through the whole pipeline: app (top image) with a
 * child boot, neither with a pm.yml, compiled with arm-none-eabi-gcc for qemu_cortex_m3 (256 KiB
 * flash at 0x0, 64 KiB SRAM at 0x20000000), merged, booted in QEMU; and every rule around it:
 * the partition manager winning, the errors, stale layouts, incremental rebuilds.
 */
@Tag("tools")
class FlashLoadOffsetBuildTest {

    private static final Path SOURCES = ProjectPaths.root().resolve("core/src/test/resources/flash-load-offset");

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void copyProject() throws IOException {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path copy = project.resolve(SOURCES.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void offsetPlacedImagesLinkAtFlashBasePlusOffsetAndBootInQemu() throws Exception {
        ReferenceTools.require("qemu-system-arm", "qemu-system-arm");

        BuildResult result = build();

        assertEquals(
                "0x0..0x8000 (0x8000 bytes)",
                result.image("boot").orElseThrow().placement().flash().toString());
        assertEquals(
                "0x8000..0x40000 (0x38000 bytes)",
                result.image("app").orElseThrow().placement().flash().toString());
        assertEquals(
                "0x20000000..0x20010000 (0x10000 bytes)",
                result.image("app").orElseThrow().placement().ram().toString());
        MemoryImage appElf = Elf.load(out("app/app.elf"));
        MemoryImage bootElf = Elf.load(out("boot/boot.elf"));
        assertEquals(0x8000L, appElf.span().orElseThrow().start());
        assertEquals(0x0L, bootElf.span().orElseThrow().start());
        MemoryImage merged = IntelHex.read(result.mergedHex().orElseThrow());
        assertEquals(
                bootElf.segments().size() + appElf.segments().size(),
                merged.segments().size());

        QemuResult boot = new QemuRunner(new LocalProcessLauncher(), log)
                .run(QemuRequest.of(result.mergedHex().orElseThrow(), "lm3s6965evb", Duration.ofSeconds(30), l -> {}));
        assertEquals(List.of("boot: at 0x0, starting the image at 0x8000", "app: running at 0x8000"), boot.uartLines());
        assertEquals(0, boot.exitStatus());
    }

    @Test
    void offsetPlacedImagesGetNoLayoutAndNoPmConfigHeader() throws Exception {
        build();

        for (String stale :
                List.of("partitions.yml", "regions.yml", "pm.config", "app/pm_config.h", "boot/pm_config.h")) {
            assertFalse(Files.exists(out(stale)), stale + " must not exist without the partition manager");
        }
        assertTrue(
                log.at("INFO")
                        .contains("The partition manager does not run for the default domain: every image"
                                + " there is placed by CONFIG_FLASH_LOAD_OFFSET"),
                log.lines().toString());
        assertTrue(
                log.at("INFO")
                        .contains("boot: placed by CONFIG_FLASH_LOAD_OFFSET (boot/prj.conf:2) at"
                                + " 0x0..0x8000 (0x8000 bytes), outside the partition manager"),
                log.lines().toString());
        assertTrue(
                log.at("INFO")
                        .contains("app: building from source with gnu-arm at 0x8000..0x40000 (0x38000 bytes)"
                                + " (CONFIG_FLASH_LOAD_OFFSET region (app/prj.conf:2))"),
                log.lines().toString());
    }

    @Test
    void buildInfoRecordsHowEachImageWasPlaced() throws Exception {
        build();

        JsonNode info = new ObjectMapper().readTree(out("build-info.json").toFile());
        JsonNode app = info.get("images").get(0);
        JsonNode boot = info.get("images").get(1);
        assertEquals("app", app.get("name").asText());
        assertEquals("CONFIG_FLASH_LOAD_OFFSET", app.get("placement").asText());
        assertEquals("app/prj.conf:2", app.get("placementOrigin").asText());
        assertEquals("0x8000", app.get("flash").get("address").asText());
        assertEquals("0x38000", app.get("flash").get("size").asText());
        assertFalse(app.has("partition"));
        assertEquals("boot/prj.conf:2", boot.get("placementOrigin").asText());
        assertEquals("0x0", boot.get("flash").get("address").asText());
        assertEquals("0x8000", boot.get("flash").get("size").asText());
    }

    @Test
    void memoryMapListsOffsetPlacedImagesWithTheirOrigin() throws Exception {
        addBootPmYml();
        PreparedTree tree = prepare();

        String map = tree.memoryMap();

        assertTrue(map.contains("region flash_primary"), map);
        assertTrue(map.contains("placed by CONFIG_FLASH_LOAD_OFFSET (outside the partition manager)\n"), map);
        assertTrue(map.contains("| extra (extra/prj.conf:1)"), map);
        assertTrue(
                map.lines()
                        .anyMatch(line -> line.startsWith("  0x3c000      0x40000      0x4000")
                                && line.endsWith("| extra (extra/prj.conf:1)")),
                map);
        assertFalse(map.contains("| app ("), map);
    }

    @Test
    void memoryMapListsOffsetPlacedImagesInAddressOrder() throws Exception {
        String map = prepare().memoryMap();

        assertFalse(map.contains("region flash_primary"), map);
        assertEquals(
                List.of(
                        "placed by CONFIG_FLASH_LOAD_OFFSET (outside the partition manager)",
                        "  start        end          size       domain    name (origin)",
                        "  0x0          0x8000       0x8000     CPUAPP    | boot (boot/prj.conf:2)",
                        "  0x8000       0x40000      0x38000    CPUAPP    | app (app/prj.conf:2)",
                        ""),
                map.lines().toList());
    }

    @Test
    void partitionManagerWinsOverAnOffsetWithAWarningNamingTheFile() throws Exception {
        addBootPmYml();

        PreparedTree tree = prepare();

        assertEquals("boot", tree.placements().get("boot").partition());
        assertFalse(tree.placements().get("boot").byLoadOffset());
        assertEquals("app", tree.placements().get("app").partition());
        // extra is no request of the partition manager: app's dynamic partition runs to the end of
        // flash, over extra's range, and only the merge would catch data of both there.
        assertEquals(
                "0x4000..0x40000 (0x3c000 bytes)",
                tree.placements().get("app").flash().toString());
        assertTrue(tree.placements().get("extra").byLoadOffset());
        assertEquals(
                "0x3c000..0x40000 (0x4000 bytes)",
                tree.placements().get("extra").flash().toString());
        assertTrue(
                log.at("WARN")
                        .contains("Image 'boot': CONFIG_FLASH_LOAD_OFFSET=0x0 (boot/prj.conf:2) is ignored:"
                                + " the partition manager places boot because it has boot/pm.yml; remove the symbol, or the image's"
                                + " partition request, to say which placement you mean"),
                log.lines().toString());
        assertTrue(
                log.at("WARN")
                        .contains("Image 'app': CONFIG_FLASH_LOAD_OFFSET=0x8000 (app/prj.conf:2) is ignored:"
                                + " the partition manager places app because the other images of the default domain are placed by"
                                + " the partition manager, and app takes its dynamic partition 'app'; remove the symbol, or the"
                                + " image's partition request, to say which placement you mean"),
                log.lines().toString());
        String partitions = Files.readString(out("partitions.yml"));
        assertTrue(partitions.contains("boot:"), partitions);
        assertFalse(partitions.contains("extra"), partitions);
        assertTrue(Files.isRegularFile(out("boot/pm_config.h")));
        assertFalse(Files.exists(out("extra/pm_config.h")));
    }

    @Test
    void anEntryInPmStaticWinsOverAnOffset() throws Exception {
        Files.writeString(
                project.resolve("app/pm_static.yml"),
                "boot:\n  address: 0x0\n  size: 0x4000\n  region: flash_primary\n");

        PreparedTree tree = prepare();

        assertTrue(tree.placements().get("boot").staticPartition());
        assertTrue(
                log.at("WARN").stream()
                        .anyMatch(line -> line.startsWith("Image 'boot': CONFIG_FLASH_LOAD_OFFSET=0x0"
                                + " (boot/prj.conf:2) is ignored: the partition manager places boot because app/pm_static.yml has a"
                                + " partition 'boot'")),
                log.lines().toString());
    }

    @Test
    void flashLoadSizeWithoutOffsetIsIgnoredWithAWarning() throws Exception {
        Files.writeString(project.resolve("app/prj.conf"), "CONFIG_FLASH_LOAD_SIZE=0x1000\n");
        addBootPmYml();

        PreparedTree tree = prepare();

        assertEquals(
                "0x4000..0x40000 (0x3c000 bytes)",
                tree.placements().get("app").flash().toString());
        assertTrue(
                log.at("WARN")
                        .contains("Image 'app': CONFIG_FLASH_LOAD_SIZE=0x1000 (app/prj.conf:1) is ignored: it"
                                + " sizes only an image placed by CONFIG_FLASH_LOAD_OFFSET, which app does not set"),
                log.lines().toString());
    }

    @Test
    void aDecimalOffsetWithSizeZeroRunsToTheEndOfFlash() throws Exception {
        Files.writeString(
                project.resolve("app/prj.conf"), "CONFIG_FLASH_LOAD_OFFSET=32768\nCONFIG_FLASH_LOAD_SIZE=0\n");

        PreparedTree tree = prepare();

        assertEquals(
                "0x8000..0x40000 (0x38000 bytes)",
                tree.placements().get("app").flash().toString());
        assertTrue(log.at("WARN").isEmpty(), log.lines().toString());
    }

    @Test
    void anOffsetThatIsNotANumberIsRefused() throws Exception {
        Files.writeString(project.resolve("app/prj.conf"), "CONFIG_FLASH_LOAD_OFFSET=\"high\"\n");

        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class, this::prepare);

        assertEquals(
                "Image 'app': CONFIG_FLASH_LOAD_OFFSET=\"high\" (app/prj.conf:1) is not a number of bytes;"
                        + " expected a hex (0x8000) or decimal (32768) value of at least 0",
                error.getMessage());
    }

    @Test
    void anOffsetPastTheEndOfFlashIsRefused() throws Exception {
        Files.writeString(project.resolve("app/prj.conf"), "CONFIG_FLASH_LOAD_OFFSET=262144\n");

        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class, this::prepare);

        assertEquals(
                "Image 'app': CONFIG_FLASH_LOAD_OFFSET=262144 (app/prj.conf:1) is past the end of flash: the"
                        + " flash of the default domain is 0x0..0x40000 (0x40000 bytes); expected an offset below 0x40000",
                error.getMessage());
    }

    @Test
    void anOffsetAndSizePastTheEndOfFlashAreRefused() throws Exception {
        Files.writeString(
                project.resolve("app/prj.conf"), "CONFIG_FLASH_LOAD_OFFSET=0x38000\nCONFIG_FLASH_LOAD_SIZE=0x10000\n");

        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class, this::prepare);

        assertEquals(
                "Image 'app': CONFIG_FLASH_LOAD_OFFSET=0x38000 (app/prj.conf:1) with CONFIG_FLASH_LOAD_SIZE=0x10000"
                        + " (app/prj.conf:2) ends at 0x48000, past the end of flash: the flash of the default domain is"
                        + " 0x0..0x40000 (0x40000 bytes); expected a size of at most 0x8000",
                error.getMessage());
    }

    @Test
    void aChildWithoutOffsetOrPartitionStillFailsAsBefore() throws Exception {
        Files.writeString(project.resolve("boot/prj.conf"), "CONFIG_BOOT_NEXT_IMAGE_ADDRESS=0x8000\n");

        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class, this::prepare);

        assertTrue(
                error.getMessage().startsWith("Image 'boot': the partition layout has no partition 'boot'"),
                error.getMessage());
    }

    @Test
    void flashLoadSizeLimitsTheLinkerRegion() throws Exception {
        Files.writeString(
                project.resolve("boot/prj.conf"),
                "CONFIG_FLASH_LOAD_OFFSET=0x0\nCONFIG_FLASH_LOAD_SIZE=0x100\n"
                        + "CONFIG_BOOT_NEXT_IMAGE_ADDRESS=0x8000\n");
        // 0x200 bytes of constants the bootloader reads (so the linker keeps them) cannot fit in 0x100.
        Files.writeString(project.resolve("boot/src/main/c/table.c"), "const unsigned char boot_table[0x200] = {1};\n");
        Path main = project.resolve("boot/src/main/c/main.c");
        Files.writeString(
                main,
                Files.readString(main)
                        .replace(
                                "void Reset_Handler(void)\n{\n",
                                "extern const unsigned char boot_table[];\n\nvoid Reset_Handler(void)\n{\n    UART_DR = boot_table[UART_FR & 0xffu];\n"));

        ImageTooLargeException error = assertThrows(ImageTooLargeException.class, this::build);

        assertEquals("boot", error.imageName());
        assertTrue(
                error.getMessage().startsWith("Image 'boot' does not fit in its flash partition: it needs "),
                error.getMessage());
        assertTrue(
                error.getMessage().contains("the flash partition 0x0..0x100 holds 256 bytes (0x100)"),
                error.getMessage());
        assertFalse(Files.exists(out("merged.hex")));
    }

    @Test
    void twoOffsetPlacedImagesThatOverlapFailTheMergeNamingBoth() throws Exception {
        Files.writeString(project.resolve("app/prj.conf"), "CONFIG_FLASH_LOAD_OFFSET=0x0\n");

        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class, this::build);

        // Both vector tables start at 0x0: the overlap runs to the end of the shorter image.
        long bootLength =
                IntelHex.read(out("boot/boot.hex")).span().orElseThrow().length();
        long appLength = IntelHex.read(out("app/app.hex")).span().orElseThrow().length();
        long overlap = Math.min(bootLength, appLength);
        assertEquals(
                String.format(
                        "Merging domain %s failed: boot: overlaps app at 0x00000000-0x%08x (%d bytes)",
                        appDomain(), overlap - 1, overlap),
                error.getMessage());
        assertFalse(Files.exists(out("merged.hex")));
    }

    @Test
    void changingTheOffsetRebuildsTheImageAndAnUnchangedOneIsANoOp() throws Exception {
        build();
        RecordingLog second = new RecordingLog();
        BuildResult again = new FirmwareBuild(second, new LocalProcessLauncher(), noRepository()).run(request(true));
        assertTrue(
                again.images().stream().allMatch(BuiltImage::upToDate),
                again.images().toString());

        Files.writeString(project.resolve("app/prj.conf"), "CONFIG_FLASH_LOAD_OFFSET=0x10000\n");
        RecordingLog third = new RecordingLog();
        BuildResult moved = new FirmwareBuild(third, new LocalProcessLauncher(), noRepository()).run(request(true));

        assertFalse(moved.image("app").orElseThrow().upToDate());
        assertTrue(moved.image("boot").orElseThrow().upToDate());
        assertTrue(
                third.at("INFO").stream()
                        .anyMatch(line -> line.startsWith("[explain] app: building because ")
                                && line.contains("toolchain changed")),
                third.lines().toString());
        assertEquals(0x10000L, Elf.load(out("app/app.elf")).span().orElseThrow().start());
    }

    @Test
    void switchingFromThePartitionManagerToOffsetsDeletesTheStaleLayout() throws Exception {
        Files.writeString(project.resolve("boot/pm.yml"), "boot:\n  placement:\n    after: [start]\n  size: 0x8000\n");
        prepare();
        for (String file :
                List.of("partitions.yml", "regions.yml", "pm.config", "app/pm_config.h", "boot/pm_config.h")) {
            assertTrue(Files.isRegularFile(out(file)), file);
        }

        Files.delete(project.resolve("boot/pm.yml"));
        PreparedTree tree = prepare();

        assertTrue(tree.placements().values().stream().allMatch(ImagePlacement::byLoadOffset));
        assertTrue(tree.domains().isEmpty());
        for (String file :
                List.of("partitions.yml", "regions.yml", "pm.config", "app/pm_config.h", "boot/pm_config.h")) {
            assertFalse(Files.exists(out(file)), file + " is stale");
        }
    }

    /** boot gets a pm.yml (16 KiB at the start); a third image, extra, takes the last 16 KiB by offset. */
    private void addBootPmYml() throws IOException {
        Files.writeString(project.resolve("boot/pm.yml"), "boot:\n  placement:\n    after: [start]\n  size: 0x4000\n");
        Files.createDirectories(project.resolve("extra/src/main/c"));
        Files.writeString(project.resolve("extra/prj.conf"), "CONFIG_FLASH_LOAD_OFFSET=0x3c000\n");
        extra = true;
    }

    private boolean extra;

    private String appDomain() throws Exception {
        return prepare().images().get("app").domain();
    }

    private BuildResult build() throws Exception {
        return new FirmwareBuild(log, new LocalProcessLauncher(), noRepository()).run(request(false));
    }

    private PreparedTree prepare() throws Exception {
        return new FirmwareBuild(log, new LocalProcessLauncher(), noRepository()).prepare(request(false));
    }

    private BuildRequest request(boolean explain) {
        ImageDeclaration app = ImageDeclaration.builder("app", project.resolve("app"))
                .board("qemu_cortex_m3")
                .children(extra ? new String[] {"boot", "extra"} : new String[] {"boot"})
                .build();
        List<ImageDeclaration> declarations = extra
                ? List.of(
                        app,
                        ImageDeclaration.builder("boot", project.resolve("boot"))
                                .build(),
                        ImageDeclaration.builder("extra", project.resolve("extra"))
                                .build())
                : List.of(
                        app,
                        ImageDeclaration.builder("boot", project.resolve("boot"))
                                .build());
        return BuildRequest.builder(
                        new ProjectLayout(project), "app", declarations, project.resolve("app/target/firmware"))
                .options(new BuildOptions(false, 2, explain, Optional.empty()))
                .build();
    }

    private Path out(String file) {
        return project.resolve("app/target/firmware").resolve(file);
    }

    private static HexArtifactResolver noRepository() {
        return HexArtifactResolver.unavailable("no repository in this test");
    }
}
