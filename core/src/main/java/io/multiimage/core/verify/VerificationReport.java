package io.multiimage.core.verify;

import io.multiimage.core.InvalidConfigurationException;
import java.util.List;
import java.util.Objects;

/**
 * What {@link MergedImageVerifier} found in one file.
 *
 * @param file the file, as shown in messages
 * @param checked one line per check that passed
 * @param failures one message per check that failed, naming image, partition and address
 */
public record VerificationReport(String file, List<String> checked, List<String> failures) {

    /** Copies the lists. */
    public VerificationReport {
        Objects.requireNonNull(file, "file");
        checked = List.copyOf(checked);
        failures = List.copyOf(failures);
    }

    /** True when no check failed. */
    public boolean valid() {
        return failures.isEmpty();
    }

    /**
     * Nothing, when valid.
     *
     * @throws InvalidConfigurationException listing every failure
     */
    public void requireValid() throws InvalidConfigurationException {
        if (!valid()) {
            throw new InvalidConfigurationException(
                    "Verifying " + file + " failed:\n  - " + String.join("\n  - ", failures));
        }
    }
}
