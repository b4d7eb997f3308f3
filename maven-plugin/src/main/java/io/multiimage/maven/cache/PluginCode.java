package io.multiimage.maven.cache;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The sha256 of the plugin's code: the jars the given classes come from, in a fixed order. A
 * plugin of the same version built again (a SNAPSHOT) may place or merge differently, so its
 * outputs must not be taken for the old one's. Running from class directories (a development
 * build) there is nothing to hash.
 */
final class PluginCode {

    private PluginCode() {}

    /** The digest over the jars of {@code types}, or empty when one of them is not loaded from a jar. */
    static Optional<String> digest(List<Class<?>> types) {
        TreeSet<Path> jars = new TreeSet<>();
        for (Class<?> type : types) {
            Optional<Path> jar = jarOf(type);
            if (jar.isEmpty()) {
                return Optional.empty();
            }
            jars.add(jar.get());
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (Path jar : jars) {
                try (InputStream in = Files.newInputStream(jar)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            return Optional.of(HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> jarOf(Class<?> type) {
        try {
            Path location = Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
