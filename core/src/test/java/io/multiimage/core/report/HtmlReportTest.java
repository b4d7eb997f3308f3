package io.multiimage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.toolchain.MemoryRegion;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static final String POM = "app/pom.xml";

    private static String html(List<ReportedImage> images, Optional<Baseline> baseline, List<Budget> budgets)
            throws Exception {
        return HtmlReport.render(FirmwareMemoryReport.of(images, ReportFixtures.layouts(), baseline, budgets));
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void oneSvgMapPerRegionOfEveryDomain() throws Exception {
        String html = html(ReportFixtures.images(), Optional.empty(), List.of());

        assertEquals(4, count(html, "<svg "), "flash and RAM of two domains");
        assertTrue(html.contains("<h2>Domain CPUAPP</h2>"));
        assertTrue(html.contains("<h2>Domain CPUNET</h2>"));
        for (String image : List.of("app", "mcuboot", "net", "spare")) {
            assertTrue(html.contains("<td><b>" + image + "</b></td>"), image);
        }
    }

    @Test
    void partitionsAreDrawnToScale() throws Exception {
        String html = html(ReportFixtures.images(), Optional.empty(), List.of());

        // flash_primary is 0x100000 bytes over 980 px: app (0x6fe00 bytes) starts at 0xd200.
        double scale = 980.0 / 0x100000;
        String appBox = String.format(
                java.util.Locale.ROOT,
                "<rect x=\"%.2f\" y=\"34\" width=\"%.2f\"",
                10 + 0xd200 * scale,
                0x6fe00 * scale);
        assertTrue(html.contains(appBox), appBox);
        String appFill = String.format(
                java.util.Locale.ROOT,
                "<rect class=\"fill\" x=\"%.2f\" y=\"62\" width=\"%.2f\"",
                10 + 0xd200 * scale,
                0x6fe00 * scale * ((double) 0x8000 / 0x6fe00));
        assertTrue(html.contains(appFill), appFill);
    }

    @Test
    void thePageNeedsNothingFromOutside() throws Exception {
        String html = html(ReportFixtures.images(), Optional.empty(), List.of());

        assertFalse(html.contains("<script"), "no script");
        assertFalse(html.contains("<link"), "no stylesheet link");
        assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "no remote resource");
        assertTrue(html.contains("<style>"));
    }

    @Test
    void namesAreEscaped() throws Exception {
        ReportedImage odd = ReportFixtures.image(
                "a<b>&\"c",
                "CPUAPP",
                "from-source",
                "x",
                new MemoryRegion(0, 0x100),
                ReportFixtures.APP_RAM,
                ImageUsage.none("not built yet: <none>"));

        String html = html(List.of(odd), Optional.empty(), List.of());

        assertTrue(html.contains("a&lt;b&gt;&amp;&quot;c"));
        assertTrue(html.contains("not built yet: &lt;none&gt;"));
        assertFalse(html.contains("a<b>"));
    }

    @Test
    void budgetsAndBaselineChangesAreShown() throws Exception {
        Baseline baseline = Baseline.parse(BaselineTest.WITH_MEMORY, "com.acme:app:1.0.0", "build-info.json");
        List<Budget> budgets = List.of(new Budget("mcuboot", Budget.Memory.FLASH, Budget.Limit.parse("16K", POM), POM));

        String html = html(ReportFixtures.images(), Optional.of(baseline), budgets);

        assertTrue(html.contains("<h2>Budgets</h2>"));
        assertTrue(html.contains("<td class=\"exceeded\">exceeded</td>"));
        assertTrue(html.contains("<h2>Changes against com.acme:app:1.0.0</h2>"));
        assertTrue(html.contains("<span class=\"plus\">+" + (0x8000 - 723) + "</span>"), "app grew");
        assertTrue(html.contains("mcuboot: resized 0x0 (0x14000 bytes) -&gt; 0x0 (0xc000 bytes)"));
    }

    @Test
    void anImageGoneSinceTheBaselineIsListedStruckThroughAcrossTheTable() throws Exception {
        Baseline baseline = Baseline.parse(
                BaselineTest.WITH_MEMORY.replace("\"name\" : \"net\"", "\"name\" : \"old\""), "v1", "build-info.json");

        String html = html(ReportFixtures.images(), Optional.of(baseline), List.of());

        int columns = count(
                html.substring(html.indexOf("<h2>Images</h2>"), html.indexOf("</tr>", html.indexOf("<h2>Images</h2>"))),
                "<th>");
        assertEquals(12, columns);
        assertTrue(
                html.contains("<tr><td><s>old</s></td><td colspan=\"11\" class=\"note\">removed: in the baseline, not"
                        + " in this build (it used 300 bytes of flash)</td></tr>"),
                html);
    }

    @Test
    void theSameReportGivesTheSamePage() throws Exception {
        assertEquals(
                html(ReportFixtures.images(), Optional.empty(), List.of()),
                html(ReportFixtures.images(), Optional.empty(), List.of()));
    }
}
