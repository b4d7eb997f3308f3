package io.multiimage.core.imagekconfig;

import io.multiimage.core.InvalidConfigurationException;
import java.util.List;

/**
 * Kconfig warnings while warnings are errors ({@code -Dfirmware.kconfig.strict}): the message
 * lists every warning with its {@code FILE:LINE}.
 */
public final class KconfigStrictException extends InvalidConfigurationException {

    private static final long serialVersionUID = 1L;

    private final List<String> warnings;

    /** The warnings of {@code image}, in order. */
    public KconfigStrictException(String image, List<String> warnings) {
        super("Image '" + image + "': " + warnings.size() + " Kconfig warning" + (warnings.size() == 1 ? "" : "s")
                + ", which are errors with firmware.kconfig.strict:\n  " + String.join("\n  ", warnings)
                + "\nFix the assignments (or the Kconfig files), or build without -Dfirmware.kconfig.strict");
        this.warnings = List.copyOf(warnings);
        blameImage(image);
        KconfigDiagnostics.fileOf(warnings.get(0)).ifPresent(this::blameFile);
    }

    /** The warning lines. */
    public List<String> warnings() {
        return warnings;
    }
}
