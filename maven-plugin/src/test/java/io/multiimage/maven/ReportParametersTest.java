package io.multiimage.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.report.Budget.Memory;
import io.multiimage.core.report.ReportSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportParametersTest {

    private static final Path BASEDIR = Path.of("/project/app");
    private final List<String> resolved = new ArrayList<>();

    private ReportSettings settings(ReportConfig config, String property) throws Exception {
        return ReportParameters.of(config, property, BASEDIR, "app/pom.xml", (g, a, v) -> {
            resolved.add(g + ":" + a + ":" + v);
            return Path.of("/repo/" + a + "-" + v + "-build-info.json");
        });
    }

    private static ReportConfig config(String baseline, Budget... budgets) {
        ReportConfig config = new ReportConfig();
        config.setBaseline(baseline);
        config.setBudgets(List.of(budgets));
        return config;
    }

    private static Budget budget(String image, String flash, String ram) {
        Budget budget = new Budget();
        budget.setImage(image);
        budget.setFlash(flash);
        budget.setRam(ram);
        return budget;
    }

    @Test
    void nothingConfiguredMeansNoBaselineAndNoBudgets() throws Exception {
        assertEquals(ReportSettings.none(), settings(null, null));
    }

    @Test
    void aBaselineByCoordinatesIsResolvedAsTheBuildsAttachedBuildInfo() throws Exception {
        ReportSettings settings = settings(config("com.acme:product:1.4.0"), null);

        assertEquals(List.of("com.acme:product:1.4.0"), resolved);
        assertEquals(
                Optional.of(new ReportSettings.BaselineFile(
                        Path.of("/repo/product-1.4.0-build-info.json"), "com.acme:product:1.4.0")),
                settings.baseline());
    }

    @Test
    void aBaselinePathIsRelativeToTheModule() throws Exception {
        ReportSettings settings = settings(config("../released/build-info.json"), null);

        assertEquals(List.of(), resolved);
        assertEquals(
                Path.of("/project/released/build-info.json"),
                settings.baseline().orElseThrow().file());
        assertEquals(
                "../released/build-info.json", settings.baseline().orElseThrow().label());
    }

    @Test
    void aFileNamedLikeCoordinatesButEndingInJsonIsAPath() throws Exception {
        ReportSettings settings = settings(config("a:b:c.json"), null);

        assertEquals(List.of(), resolved);
        assertEquals(
                BASEDIR.resolve("a:b:c.json"), settings.baseline().orElseThrow().file());
    }

    @Test
    void thePropertyWinsOverThePom() throws Exception {
        ReportSettings settings = settings(config("com.acme:product:1.4.0"), "com.acme:product:1.5.0");

        assertEquals(List.of("com.acme:product:1.5.0"), resolved);
        assertEquals("com.acme:product:1.5.0", settings.baseline().orElseThrow().label());
    }

    @Test
    void eachLimitOfABudgetBecomesABudgetNamingThePom() throws Exception {
        ReportSettings settings =
                settings(config(null, budget("app", "90%", "48K"), budget(" boot ", null, "4K")), null);

        assertEquals(
                List.of("app:FLASH:90%", "app:RAM:48K", "boot:RAM:4K"),
                settings.budgets().stream()
                        .map(b -> b.image() + ":" + b.memory() + ":" + b.limit().text())
                        .toList());
        assertEquals(
                "<report><budgets> of app/pom.xml", settings.budgets().get(0).declaredIn());
        assertEquals(Memory.RAM, settings.budgets().get(2).memory());
    }

    @Test
    void badBudgetSyntaxNamesThePomElementAndTheExpectedForm() {
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class, () -> settings(config(null, budget("app", "9O%", null)), null));

        assertEquals(
                "<report><budgets><budget><flash> of image 'app' in app/pom.xml: '9O%' is not a memory budget;"
                        + " expected a percentage of the image's partition such as 90% or 87.5%, or a size in bytes such as"
                        + " 98304, 0x18000, 96K (96KiB) or 1M",
                e.getMessage());
    }

    @Test
    void aBudgetWithoutImageOrLimitSaysWhatIsMissing() {
        InvalidConfigurationException noImage = assertThrows(
                InvalidConfigurationException.class, () -> settings(config(null, budget(null, "90%", null)), null));
        InvalidConfigurationException noLimit = assertThrows(
                InvalidConfigurationException.class, () -> settings(config(null, budget("app", " ", null)), null));

        assertEquals(
                "<report><budgets><budget> in app/pom.xml has no <image>: name the image the limit applies to,"
                        + " e.g. <image>app</image>",
                noImage.getMessage());
        assertEquals(
                "<report><budgets><budget> in app/pom.xml for image 'app' sets neither <flash> nor <ram>: give a"
                        + " limit such as <flash>90%</flash> or <ram>48K</ram>",
                noLimit.getMessage());
    }
}
