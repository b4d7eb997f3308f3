package io.multiimage.core.state;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which build of the plugin's code is running: the jar core runs from, as path, size and
 * modification time. A record of earlier work is only believed by the same code (a new plugin
 * version may merge or place differently). Running from class directories (a development
 * build) there is no identity, and nothing is recorded.
 */
public final class CodeIdentity {

    /** The identity of the running code, or empty when it runs from class directories. */
    public static final Optional<String> RUNNING = of(CodeIdentity.class);

    private CodeIdentity() {}

    /** The identity of the jar {@code type} was loaded from, or empty when it comes from a class directory. */
    public static Optional<String> of(Class<?> type) {
        try {
            Path location = Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                return Optional.empty();
            }
            return FileStamp.of(location)
                    .map(s -> location.toAbsolutePath() + "\t" + s.size() + "\t" + s.modifiedNanos());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
