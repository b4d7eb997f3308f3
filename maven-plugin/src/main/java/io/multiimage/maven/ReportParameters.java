package io.multiimage.maven;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.report.Budget.Limit;
import io.multiimage.core.report.Budget.Memory;
import io.multiimage.core.report.ReportSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The memory report's settings from {@code <report>} and {@code -Dfirmware.report.baseline}: the
 * baseline as a file on disk (coordinates resolved through Maven's repositories first) and the
 * budgets, each naming the POM it was declared in. The property wins over {@code <baseline>}.
 */
final class ReportParameters {

    /** {@code groupId:artifactId:version}: what a baseline given by coordinates looks like. */
    private static final Pattern COORDINATES = Pattern.compile("[^:/\\\\\\s]+:[^:/\\\\\\s]+:[^:/\\\\\\s]+");

    /** Resolves a released build's {@code build-info.json} by coordinates. */
    @FunctionalInterface
    interface BaselineResolver {
        /** The local file of the {@code build-info} attachment of {@code groupId:artifactId:version}. */
        Path resolve(String groupId, String artifactId, String version) throws FirmwareException;
    }

    private ReportParameters() {}

    /**
     * The settings of a module whose POM is {@code pom} (as messages name it) and whose base
     * directory is {@code basedir}.
     *
     * @throws InvalidConfigurationException for a budget without image or limits, or with a bad limit
     * @throws FirmwareException when the baseline's coordinates cannot be resolved
     */
    static ReportSettings of(
            ReportConfig config, String baselineProperty, Path basedir, String pom, BaselineResolver resolver)
            throws FirmwareException {
        String baseline = baselineProperty != null && !baselineProperty.isBlank()
                ? baselineProperty.trim()
                : config == null
                                || config.getBaseline() == null
                                || config.getBaseline().isBlank()
                        ? null
                        : config.getBaseline().trim();
        Optional<ReportSettings.BaselineFile> file = Optional.empty();
        if (baseline != null) {
            if (COORDINATES.matcher(baseline).matches() && !baseline.endsWith(".json")) {
                String[] parts = baseline.split(":");
                file = Optional.of(
                        new ReportSettings.BaselineFile(resolver.resolve(parts[0], parts[1], parts[2]), baseline));
            } else {
                file = Optional.of(new ReportSettings.BaselineFile(
                        basedir.resolve(baseline).normalize(), baseline));
            }
        }
        return new ReportSettings(file, budgets(config, pom));
    }

    private static List<io.multiimage.core.report.Budget> budgets(ReportConfig config, String pom)
            throws InvalidConfigurationException {
        List<io.multiimage.core.report.Budget> budgets = new ArrayList<>();
        if (config == null || config.getBudgets() == null) {
            return budgets;
        }
        String where = "<report><budgets><budget> in " + pom;
        String declaredIn = "<report><budgets> of " + pom;
        for (Budget budget : config.getBudgets()) {
            if (budget == null || budget.getImage() == null || budget.getImage().isBlank()) {
                throw new InvalidConfigurationException(
                        where + " has no <image>: name the image the limit applies to," + " e.g. <image>app</image>");
            }
            String image = budget.getImage().trim();
            boolean flash = budget.getFlash() != null && !budget.getFlash().isBlank();
            boolean ram = budget.getRam() != null && !budget.getRam().isBlank();
            if (!flash && !ram) {
                throw new InvalidConfigurationException(where + " for image '" + image + "' sets neither <flash> nor"
                        + " <ram>: give a limit such as <flash>90%</flash> or <ram>48K</ram>");
            }
            if (flash) {
                budgets.add(new io.multiimage.core.report.Budget(
                        image,
                        Memory.FLASH,
                        Limit.parse(
                                budget.getFlash(),
                                "<report><budgets><budget><flash> of image '" + image + "' in " + pom),
                        declaredIn));
            }
            if (ram) {
                budgets.add(new io.multiimage.core.report.Budget(
                        image,
                        Memory.RAM,
                        Limit.parse(
                                budget.getRam(), "<report><budgets><budget><ram> of image '" + image + "' in " + pom),
                        declaredIn));
            }
        }
        return budgets;
    }
}
