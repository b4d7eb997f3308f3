package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.report.Budget;
import io.multiimage.core.report.ReportSettings;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.testkit.ReferenceTools;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code memory-report.html} of a real two-domain build (the dual-core sample, compared with an
 * earlier build of itself, with budgets) as a browser renders it: Debian's headless Chromium
 * loads the file with scripts off, its DOM has one SVG map per region of both domains and
 * every image's name, and it draws a screenshot. With {@code -Dmultiimage.report.screenshot=FILE}
 * the screenshot is kept there (how docs/images/memory-report.png is made).
 */
@Tag("tools")
class MemoryReportChromiumTest {

    @TempDir
    Path project;

    @Test
    void chromiumRendersEveryImageAndAMapPerRegionOfBothDomains() throws Exception {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        Path chromium = ReferenceTools.require("chromium", "chromium");
        Samples.copy("dual-core", project);
        build(ReportSettings.none());
        Path baseline = project.resolve("v1.0.0-build-info.json");
        Files.copy(project.resolve("app/target/firmware/build-info.json"), baseline);
        Path main = project.resolve("app/src/main/c/main.c");
        Files.writeString(
                main,
                Files.readString(main)
                        .replace("delay(CONFIG_APP_BLINK_LOOPS);", """
                delay(CONFIG_APP_BLINK_LOOPS + history[P0_OUT & 0x3f]++);""")
                        .replace("int main(void)", "static uint32_t history[64];\n\nint main(void)"));
        build(new ReportSettings(
                Optional.of(new ReportSettings.BaselineFile(baseline, "com.example:dual-core:1.0.0")),
                List.of(
                        new Budget("app", Budget.Memory.FLASH, Budget.Limit.parse("50%", "here"), "app/pom.xml"),
                        new Budget("netcore", Budget.Memory.RAM, Budget.Limit.parse("8K", "here"), "app/pom.xml"))));
        Path html = project.resolve("app/target/firmware/memory-report.html");

        String dom = ReferenceTools.run(
                        chromium(chromium, "--dump-dom", html.toUri().toString()), project, 180)
                .assertSuccess()
                .stdout();

        assertEquals(4, count(dom, "<svg "), "flash and RAM of CPUAPP and CPUNET:\n" + dom);
        for (String title :
                List.of("CPUAPP flash_primary", "CPUAPP sram_primary", "CPUNET flash_primary", "CPUNET sram_primary")) {
            assertTrue(dom.contains("<title>" + title + " "), title);
        }
        for (String image : List.of("app", "netcore")) {
            assertTrue(dom.contains("<td><b>" + image + "</b></td>"), image + " in the image table");
        }
        assertTrue(dom.contains("Changes against com.example:dual-core:1.0.0"), "the comparison");
        assertTrue(dom.contains("<span class=\"plus\">+256</span>"), "64 words more RAM for app:\n" + dom);

        Path png = project.resolve("memory-report.png");
        ReferenceTools.run(
                        chromium(
                                chromium,
                                "--screenshot=" + png,
                                "--window-size=1120,1800",
                                html.toUri().toString()),
                        project,
                        180)
                .assertSuccess();
        byte[] bytes = Files.readAllBytes(png);
        assertEquals(0x89504e47, ByteBuffer.wrap(bytes, 0, 4).getInt(), "a PNG file");
        assertEquals(1120, ByteBuffer.wrap(bytes, 16, 4).getInt(), "its width");
        assertTrue(bytes.length > 20_000, "a page with content, not a blank one: " + bytes.length + " bytes");
        String keep = System.getProperty("multiimage.report.screenshot", "");
        if (!keep.isBlank()) {
            Files.copy(png, Path.of(keep), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Headless Chromium with scripts off, as root (no sandbox there), without touching the user's profile. */
    private List<String> chromium(Path chromium, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-javascript",
                "--hide-scrollbars",
                "--no-first-run",
                "--user-data-dir=" + project.resolve("chromium-profile")));
        command.addAll(List.of(arguments));
        return command;
    }

    private void build(ReportSettings settings) throws Exception {
        List<ImageDeclaration> declarations = List.of(
                ImageDeclaration.builder("app", project.resolve("app"))
                        .board("nrf5340dk/nrf5340/cpuapp")
                        .children("netcore")
                        .build(),
                ImageDeclaration.builder("netcore", project.resolve("netcore"))
                        .board("nrf5340dk/nrf5340/cpunet")
                        .domain("CPUNET")
                        .build());
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(project), "app", declarations, project.resolve("app/target/firmware"))
                .options(new BuildOptions(false, 2, false, Optional.empty()))
                .build();
        new FirmwareBuild(
                        new RecordingLog(),
                        new LocalProcessLauncher(),
                        HexArtifactResolver.unavailable("no repository in this test"))
                .report(settings)
                .run(request);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
