package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.model.HexFile;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.report.Budget;
import io.multiimage.core.report.BudgetExceededException;
import io.multiimage.core.report.FirmwareMemoryReport;
import io.multiimage.core.report.ImageMeasurement;
import io.multiimage.core.report.MemoryMapText;
import io.multiimage.core.report.ReportSettings;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.testkit.ReferenceTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory report written by real builds of the samples: figures that match
 * {@code arm-none-eabi-size} on the images' ELF files, the same report from an up-to-date build,
 * deltas against an earlier build's {@code build-info.json}, budgets that fail a build after its
 * outputs are written, and a prebuilt image reported from its HEX.
 */
@Tag("tools")
class MemoryReportBuildTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void tools() {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
    }

    private Path out() {
        return project.resolve("app/target/firmware");
    }

    private JsonNode report() throws IOException {
        return JSON.readTree(out().resolve(MemoryReports.JSON_FILE).toFile());
    }

    private static JsonNode image(JsonNode report, String name) {
        for (JsonNode image : report.get("images")) {
            if (image.get("name").asText().equals(name)) {
                return image;
            }
        }
        throw new AssertionError("no image " + name + " in " + report);
    }

    @Test
    void everyBuildWritesTheReportBesideBuildInfoWithFiguresFromEachElf() throws Exception {
        Samples.copy("secure-boot", project);

        build(secureBoot(), ReportSettings.none());

        assertTrue(Files.isRegularFile(out().resolve(MemoryReports.HTML_FILE)));
        JsonNode report = report();
        Path size = ReferenceTools.require("arm-none-eabi-size", "binutils-arm-none-eabi");
        for (String name : List.of("app", "mcuboot", "b0")) {
            Path elf = out().resolve(name).resolve(name + ".elf");
            String[] berkeley = ReferenceTools.run(
                            List.of(size.toString(), "--format=berkeley", elf.toString()), project, 60)
                    .assertSuccess()
                    .stdout()
                    .lines()
                    .skip(1)
                    .findFirst()
                    .orElseThrow()
                    .trim()
                    .split("\\s+");
            JsonNode image = image(report, name);
            assertEquals("elf", image.get("source").asText());
            assertEquals(
                    "app/target/firmware/" + name + "/" + name + ".elf",
                    image.get("file").asText());
            assertEquals(
                    Long.parseLong(berkeley[0]) + Long.parseLong(berkeley[1]),
                    image.get("flash").get("contents").asLong(),
                    name);
            assertEquals(
                    Long.parseLong(berkeley[1]) + Long.parseLong(berkeley[2]),
                    image.get("ram").get("used").asLong(),
                    name);
            JsonNode flash = image.get("flash");
            assertEquals(
                    flash.get("contents").asLong()
                            + flash.get("padding").asLong()
                            + flash.path("tlvs").asLong(0)
                            + flash.path("trailer").asLong(0),
                    flash.get("used").asLong(),
                    name);
        }
        // app (mcuboot_primary) and mcuboot (s0) are signed: the header fills the pad, the TLVs
        // follow the image in its partition, the trailer ends the slot; b0 is not signed.
        assertFalse(image(report, "b0").get("flash").has("tlvs"));
        for (String name : List.of("app", "mcuboot")) {
            JsonNode flash = image(report, name).get("flash");
            String slot = flash.get("header").get("slot").asText();
            Path signedHex = out().resolve(name).resolve(name + "_signed.hex");
            MemoryImage signed = IntelHex.read(signedHex);
            long slotStart = signed.span().orElseThrow().start();
            byte[] header = signed.read(slotStart, 32, (byte) 0xff);
            long headerSize = (header[8] & 0xff) | (header[9] & 0xff) << 8;
            long imageSize = (header[12] & 0xffL)
                    | (header[13] & 0xffL) << 8
                    | (header[14] & 0xffL) << 16
                    | (header[15] & 0xffL) << 24;
            assertEquals(headerSize, flash.get("header").get("size").asLong(), name);
            assertEquals(
                    imageSize,
                    flash.get("used").asLong()
                            - flash.get("tlvs").asLong()
                            - flash.get("trailer").asLong(),
                    name + ": the signed image's size is the ELF's extent");
            assertEquals(
                    slotStart + headerSize + imageSize + flash.get("tlvs").asLong(),
                    firstBlockEnd(signed),
                    name + ": the TLVs end the signed image");
            assertTrue(slot.equals("mcuboot_primary") || slot.equals("s0"), slot);
            JsonNode pad = row(
                    report,
                    0,
                    "flash_primary",
                    flash.get("header").get("partition").asText());
            assertEquals(name, pad.get("images").get(0).get("image").asText());
            assertTrue(pad.get("images").get(0).get("header").asBoolean());
            assertEquals(headerSize, pad.get("images").get(0).get("used").asLong());
        }
        assertEquals(
                List.of(
                        "b0",
                        "s0",
                        "s0_pad",
                        "mcuboot",
                        "mcuboot_primary",
                        "mcuboot_pad",
                        "mcuboot_primary_app",
                        "app",
                        "mcuboot_secondary"),
                rowNames(report, 0, "flash_primary"),
                "the signed layout, slots as brackets");
        JsonNode buildInfo = JSON.readTree(out().resolve("build-info.json").toFile());
        JsonNode appInfo = buildInfo.get("images").get(0);
        assertEquals(
                image(report, "app").get("flash").get("used").asLong(),
                appInfo.get("memory").get("flashUsed").asLong());
        assertEquals(
                "0x8200",
                buildInfo
                        .get("layout")
                        .get("CPUAPP")
                        .get("mcuboot")
                        .get("address")
                        .asText(),
                "after b0 and the header pad s0_pad");
        assertTrue(
                log.lines().stream().anyMatch(l -> l.startsWith("INFO Memory: app (CPUAPP): flash ")),
                log.lines().toString());
    }

    @Test
    void anImageLinkedAtTheSecureAliasIsMeasuredInItsPartitionOfTheLayout() throws Exception {
        Samples.copy("spm-qemu", project);

        build(
                List.of(
                        ImageDeclaration.builder("app", project.resolve("app"))
                                .board("mps2/an505/ns")
                                .children("spm")
                                .build(),
                        ImageDeclaration.builder("spm", project.resolve("spm")).build()),
                ReportSettings.none());

        JsonNode report = report();
        JsonNode spm = image(report, "spm");
        // The layout (the non-secure application's view) puts spm at 0x0; it is linked and runs at 0x10000000.
        assertEquals("0x0", spm.get("flash").get("address").asText());
        assertEquals("0x10000000", spm.get("flash").get("linkedAddress").asText());
        assertEquals("0x38000000", spm.get("ram").get("linkedAddress").asText());
        assertFalse(image(report, "app").get("flash").has("linkedAddress"));
        for (JsonNode note : spm.get("notes")) {
            assertFalse(note.asText().contains("outside"), note.asText());
        }
        MemoryImage hex = IntelHex.read(out().resolve("spm/spm.hex"));
        assertEquals(
                hex.span().orElseThrow().end() - 0x10000000L,
                spm.get("flash").get("used").asLong());
        Path size = ReferenceTools.require("arm-none-eabi-size", "binutils-arm-none-eabi");
        String[] berkeley = ReferenceTools.run(
                        List.of(
                                size.toString(),
                                "--format=berkeley",
                                out().resolve("spm/spm.elf").toString()),
                        project,
                        60)
                .assertSuccess()
                .stdout()
                .lines()
                .skip(1)
                .findFirst()
                .orElseThrow()
                .trim()
                .split("\\s+");
        assertEquals(
                Long.parseLong(berkeley[0]) + Long.parseLong(berkeley[1]),
                spm.get("flash").get("contents").asLong());
        assertEquals(
                Long.parseLong(berkeley[1]) + Long.parseLong(berkeley[2]),
                spm.get("ram").get("used").asLong());
        JsonNode spmRow = row(report, 0, "flash_primary", "spm");
        assertEquals("0x0", spmRow.get("start").asText());
        assertEquals(
                spm.get("flash").get("used").asLong(),
                spmRow.get("images").get(0).get("used").asLong());
        assertEquals(
                "0x10000", row(report, 0, "flash_primary", "app").get("start").asText());
        assertTrue(Files.readString(out().resolve(MemoryReports.HTML_FILE)).contains("spm (linked at 0x10000000)"));
    }

    @Test
    void anUpToDateBuildWritesTheSameReport() throws Exception {
        Samples.copy("secure-boot", project);
        build(secureBoot(), ReportSettings.none());
        byte[] first = Files.readAllBytes(out().resolve(MemoryReports.JSON_FILE));
        byte[] html = Files.readAllBytes(out().resolve(MemoryReports.HTML_FILE));

        BuildResult again = build(secureBoot(), ReportSettings.none());

        assertTrue(again.images().stream().allMatch(BuiltImage::upToDate));
        assertArrayEquals(first, Files.readAllBytes(out().resolve(MemoryReports.JSON_FILE)));
        assertArrayEquals(html, Files.readAllBytes(out().resolve(MemoryReports.HTML_FILE)));
        assertEquals("elf", image(report(), "app").get("source").asText());
    }

    @Test
    void aBaselineShowsWhatGrewAndWhichPartitionsMoved() throws Exception {
        Samples.copy("secure-boot", project);
        build(secureBoot(), ReportSettings.none());
        Path baseline = project.resolve("released-build-info.json");
        Files.copy(out().resolve("build-info.json"), baseline);
        long appBefore = image(report(), "app").get("flash").get("used").asLong();
        // The application grows (a long message, a buffer); mcuboot's partition grows by 4 KiB.
        Path main = project.resolve("app/src/main/c/main.c");
        Files.writeString(
                main, Files.readString(main).replace("    return 0;", """
                    static char echo[512];
                    echo[0] = image_name[0];
                    uart_puts(echo);
                    uart_puts("%s");
                    return 0;""".formatted("0123456789abcdef".repeat(40))));
        Path pm = project.resolve("mcuboot/pm.yml");
        Files.writeString(pm, Files.readString(pm).replace("size: 0xbe00", "size: 0xce00"));

        build(
                secureBoot(),
                new ReportSettings(Optional.of(new ReportSettings.BaselineFile(baseline, "v1.0.0")), List.of()));

        JsonNode comparison = report().get("baseline");
        assertEquals("v1.0.0", comparison.get("label").asText());
        JsonNode app = comparison.get("images").get(0);
        assertEquals("app", app.get("name").asText());
        assertEquals(
                image(report(), "app").get("flash").get("used").asLong() - appBefore,
                app.get("flashDelta").asLong());
        assertTrue(app.get("flashDelta").asLong() >= 640, app.toString());
        assertTrue(app.get("ramDelta").asLong() >= 512, app.toString());
        assertEquals(0, comparison.get("images").get(2).get("flashDelta").asLong(), "b0 did not change");
        JsonNode mcuboot = change(comparison, "mcuboot");
        assertEquals("resized", mcuboot.get("status").asText());
        assertEquals(0x1000, mcuboot.get("sizeDelta").asLong());
        assertEquals(
                "moved-and-resized", change(comparison, "app").get("status").asText());
        String html = Files.readString(out().resolve(MemoryReports.HTML_FILE));
        assertTrue(html.contains("<h2>Changes against v1.0.0</h2>"));
        assertTrue(
                log.lines().stream()
                        .anyMatch(l -> l.matches("INFO Memory: app \\(CPUAPP\\): .*; against the"
                                + " baseline: flash \\+\\d+, RAM \\+\\d+")),
                log.lines().toString());
    }

    private static JsonNode change(JsonNode comparison, String partition) {
        for (JsonNode change : comparison.get("partitions")) {
            if (change.get("name").asText().equals(partition)) {
                return change;
            }
        }
        throw new AssertionError("no change of " + partition + " in " + comparison);
    }

    @Test
    void anExceededBudgetFailsTheBuildAfterItsOutputsAreWritten() throws Exception {
        Samples.copy("secure-boot", project);
        List<Budget> budgets = List.of(
                new Budget("app", Budget.Memory.FLASH, Budget.Limit.parse("90%", "here"), "app/pom.xml"),
                new Budget("mcuboot", Budget.Memory.RAM, Budget.Limit.parse("4", "here"), "app/pom.xml"));

        BudgetExceededException e = assertThrows(
                BudgetExceededException.class,
                () -> build(secureBoot(), new ReportSettings(Optional.empty(), budgets)));

        assertTrue(
                e.getMessage()
                        .matches("Memory budget exceeded: image 'mcuboot' uses \\d+ bytes of RAM \\(\\d+\\.\\d% of"
                                + " its 65536 bytes\\), over its limit of 4 declared in app/pom.xml\\. .*"),
                e.getMessage());
        for (String file : List.of(
                "merged.hex",
                "merged_domains.hex",
                "build-info.json",
                MemoryReports.JSON_FILE,
                MemoryReports.HTML_FILE)) {
            assertTrue(Files.isRegularFile(out().resolve(file)), file + " is written for CI to publish");
        }
        JsonNode verdicts = report().get("budgets");
        assertEquals("passed", verdicts.get(0).get("status").asText());
        assertEquals("exceeded", verdicts.get(1).get("status").asText());
        assertEquals(4, verdicts.get(1).get("limitBytes").asLong());
    }

    @Test
    void aBudgetForAnImageNotInTheTreeFailsBeforeAnythingIsCompiled() throws Exception {
        Samples.copy("secure-boot", project);
        List<Budget> budgets = List.of(new Budget(
                "mcuboo", Budget.Memory.FLASH, Budget.Limit.parse("90%", "here"), "<report><budgets> in app/pom.xml"));

        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> build(secureBoot(), new ReportSettings(Optional.empty(), budgets)));

        assertEquals(
                "<report><budgets> in app/pom.xml: a memory budget for image 'mcuboo', which is not part of this"
                        + " firmware (images: app, mcuboot, b0)",
                e.getMessage());
        assertFalse(Files.exists(out().resolve("b0/b0.elf")), "nothing compiled");
    }

    @Test
    void aMissingBaselineFailsBeforeAnythingIsCompiled() throws Exception {
        Samples.copy("secure-boot", project);
        Path missing = project.resolve("nope/build-info.json");

        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> build(
                        secureBoot(),
                        new ReportSettings(
                                Optional.of(new ReportSettings.BaselineFile(missing, "nope/build-info.json")),
                                List.of())));

        assertTrue(e.getMessage().startsWith("Baseline nope/build-info.json: "), e.getMessage());
        assertFalse(Files.exists(out().resolve("b0/b0.elf")), "nothing compiled");
    }

    @Test
    void aPrebuiltNetworkCoreIsReportedFromItsHexWithoutRam() throws Exception {
        Samples.copy("dual-core", project);
        BuildResult fromSource = build(dualCore(Optional.empty()), ReportSettings.none());
        Path hex = project.resolve("netcore.hex");
        Files.copy(fromSource.image("netcore").orElseThrow().hex().orElseThrow(), hex);
        deleteTree(project.resolve("app/target"));
        Files.writeString(
                project.resolve("app/pm_static_CPUNET.yml"),
                "netcore:\n  address: 0x1000000\n  size: 0x40000\n  region: flash_primary\n");

        build(dualCore(Optional.of(hex)), ReportSettings.none());

        JsonNode netcore = image(report(), "netcore");
        assertEquals("hex", netcore.get("source").asText());
        assertEquals("CPUNET", netcore.get("domain").asText());
        MemoryImage data = IntelHex.read(hex);
        assertEquals(
                data.span().orElseThrow().start() + data.span().orElseThrow().length() - 0x1000000,
                netcore.get("flash").get("used").asLong());
        assertFalse(netcore.get("ram").has("used"), "RAM unknown without ELF");
        assertEquals(ImageMeasurement.PREBUILT, netcore.get("notes").get(0).asText());
        assertEquals("CPUNET", report().get("domains").get(1).get("name").asText());
    }

    @Test
    void thePartitionTableShowsTheFillOfTheLastBuild() throws Exception {
        Samples.copy("secure-boot", project);
        BuildRequest request = request(secureBoot());
        FirmwareBuild firmware = new FirmwareBuild(log, new LocalProcessLauncher(), noRepository());

        String before = MemoryMapText.render(MemoryReports.lastBuild(request, firmware.prepare(request)));
        firmware.run(request);
        FirmwareMemoryReport after = MemoryReports.lastBuild(request, firmware.prepare(request));

        assertTrue(before.contains("app -"), before);
        String text = MemoryMapText.render(after);
        String appFill = image(report(), "app").get("flash").get("fillPercent").asText();
        assertTrue(text.contains("app " + appFill + "%"), text);
        assertTrue(text.contains("app RAM "), text);
        // Signing read back from app_signed.hex: the same fill as the build measured, the header in the pad.
        assertTrue(
                java.util.regex.Pattern.compile("app header 100\\.0% +\\| mcuboot_pad")
                        .matcher(text)
                        .find(),
                text);
    }

    private List<ImageDeclaration> secureBoot() {
        return List.of(
                ImageDeclaration.builder("app", project.resolve("app"))
                        .board("qemu_cortex_m3")
                        .children("mcuboot")
                        .build(),
                ImageDeclaration.builder("mcuboot", project.resolve("mcuboot"))
                        .children("b0")
                        .build(),
                ImageDeclaration.builder("b0", project.resolve("b0")).build());
    }

    private List<ImageDeclaration> dualCore(Optional<Path> prebuilt) throws Exception {
        ImageDeclaration app = ImageDeclaration.builder("app", project.resolve("app"))
                .board("nrf5340dk/nrf5340/cpuapp")
                .children("netcore")
                .build();
        ImageDeclaration.Builder net = ImageDeclaration.builder(
                        "netcore", prebuilt.isPresent() ? project.resolve("app") : project.resolve("netcore"))
                .board("nrf5340dk/nrf5340/cpunet")
                .domain("CPUNET");
        if (prebuilt.isPresent()) {
            net.strategy(BuildStrategy.UseHex.of("netcore", new HexFile(prebuilt.get()), null));
        }
        return List.of(app, net.build());
    }

    private BuildRequest request(List<ImageDeclaration> declarations) {
        return BuildRequest.builder(new ProjectLayout(project), "app", declarations, out())
                .options(new BuildOptions(false, 2, false, Optional.empty()))
                .build();
    }

    private BuildResult build(List<ImageDeclaration> declarations, ReportSettings settings) throws Exception {
        return new FirmwareBuild(log, new LocalProcessLauncher(), noRepository())
                .report(settings)
                .run(request(declarations));
    }

    private static HexArtifactResolver noRepository() {
        return HexArtifactResolver.unavailable("no repository in this test");
    }

    private static List<String> rowNames(JsonNode report, int domain, String region) {
        for (JsonNode r : report.get("domains").get(domain).get("regions")) {
            if (r.get("name").asText().equals(region)) {
                return Stream.of(r.get("rows"))
                        .flatMap(rows -> java.util.stream.StreamSupport.stream(rows.spliterator(), false))
                        .map(row -> row.get("name").asText())
                        .toList();
            }
        }
        throw new AssertionError("no region " + region);
    }

    private static JsonNode row(JsonNode report, int domain, String region, String name) {
        for (JsonNode r : report.get("domains").get(domain).get("regions")) {
            if (r.get("name").asText().equals(region)) {
                for (JsonNode row : r.get("rows")) {
                    if (row.get("name").asText().equals(name)) {
                        return row;
                    }
                }
            }
        }
        throw new AssertionError("no row " + name + " in region " + region);
    }

    /** Where the first contiguous block of {@code image} ends. */
    private static long firstBlockEnd(MemoryImage image) {
        return image.segments().get(0).start() + image.segments().get(0).length();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) walk.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(path);
            }
        }
    }
}
