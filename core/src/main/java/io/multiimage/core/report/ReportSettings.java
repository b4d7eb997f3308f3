package io.multiimage.core.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a build's memory report compares with and enforces.
 *
 * @param baseline the {@code build-info.json} of the build to compare with, already on disk
 *     (a build tool resolves coordinates to a file first), and how the report names it
 * @param budgets the limits to enforce, in declaration order
 */
public record ReportSettings(Optional<BaselineFile> baseline, List<Budget> budgets) {

    /**
     * A baseline's {@code build-info.json}.
     *
     * @param file where it is
     * @param label how the report names it: {@code com.acme:app:1.2.0} or the path as given
     */
    public record BaselineFile(Path file, String label) {

        /** Checks the parts. */
        public BaselineFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(label, "label");
        }
    }

    /** Checks the parts and freezes the budgets. */
    public ReportSettings {
        Objects.requireNonNull(baseline, "baseline");
        budgets = List.copyOf(budgets);
    }

    /** No baseline, no budgets: the report only shows. */
    public static ReportSettings none() {
        return new ReportSettings(Optional.empty(), List.of());
    }
}
