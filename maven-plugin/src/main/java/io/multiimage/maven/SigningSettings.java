package io.multiimage.maven;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.sign.PassphraseSource;
import io.multiimage.core.sign.SigningConfig;
import io.multiimage.signing.keys.KeyException;
import io.multiimage.signing.keys.Passphrases;
import java.io.File;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Turns {@code <signing>} and the {@code firmware.signing.*} properties into the core's
 * {@link SigningConfig}. A property set with {@code -D} wins over the project's properties (a
 * profile's), which win over the {@code <signing>} element. A key given by property is a key of its
 * own: the element's {@code <developmentKey>} does not follow it ({@code -Dfirmware.signing.developmentKey}
 * declares it). A relative path given by property is relative to the directory Maven was started in.
 *
 * <p>The passphrase is read only when an encrypted key is: from the settings.xml {@code <server>}
 * (decrypted by Maven), else from the environment variable. It is never logged.
 */
final class SigningSettings {

    private final MavenSession session;
    private final MavenProject project;
    private final SettingsDecrypter decrypter;

    SigningSettings(MavenSession session, MavenProject project, SettingsDecrypter decrypter) {
        this.session = session;
        this.project = project;
        this.decrypter = decrypter;
    }

    /** The configuration of this module's build. */
    SigningConfig resolve(Signing element) throws InvalidConfigurationException {
        Signing pom = element == null ? new Signing() : element;
        Optional<String> keyProperty = property(FirmwareProperties.SIGNING_KEY_FILE);
        Optional<Path> keyFile = keyProperty
                .map(this::fromRoot)
                .or(() -> Optional.ofNullable(pom.getKeyFile()).map(File::toPath));
        boolean development = keyProperty.isPresent()
                ? property(FirmwareProperties.SIGNING_DEVELOPMENT_KEY)
                        .map(Boolean::parseBoolean)
                        .orElse(false)
                : pom.isDevelopmentKey();
        String label = keyProperty
                .map(p -> "-D" + FirmwareProperties.SIGNING_KEY_FILE + "=" + p)
                .orElseGet(() -> keyFile.map(this::relative)
                        .map(p -> "<signing><keyFile> " + p)
                        .orElse(""));
        Optional<String> server =
                property(FirmwareProperties.SIGNING_PASSPHRASE_SERVER).or(() -> nonBlank(pom.getPassphraseServer()));
        Optional<String> env =
                property(FirmwareProperties.SIGNING_PASSPHRASE_ENV).or(() -> nonBlank(pom.getPassphraseEnv()));
        Optional<Path> publicKey = property(FirmwareProperties.SIGNING_PUBLIC_KEY_FILE)
                .map(this::fromRoot)
                .or(() -> Optional.ofNullable(pom.getPublicKeyFile()).map(File::toPath));
        Optional<String> version = property(FirmwareProperties.SIGNING_VERSION).or(() -> nonBlank(pom.getVersion()));
        boolean signLater = property(FirmwareProperties.SIGNING_SIGN_LATER)
                .map(Boolean::parseBoolean)
                .orElse(pom.isSignLater());
        Optional<Path> signatures = property(FirmwareProperties.SIGNING_SIGNATURE_DIRECTORY)
                .map(this::fromRoot)
                .or(() -> Optional.ofNullable(pom.getSignatureDirectory()).map(File::toPath));
        OptionalInt align = pom.getAlign() == null ? OptionalInt.empty() : OptionalInt.of(pom.getAlign());
        return new SigningConfig(
                keyFile,
                label,
                passphrase(server, env),
                publicKey,
                development,
                version,
                project.getVersion(),
                signLater,
                signatures,
                align,
                outputTimestamp());
    }

    private PassphraseSource passphrase(Optional<String> server, Optional<String> env) {
        return () -> {
            if (server.isPresent()) {
                return fromServer(server.get());
            }
            if (env.isPresent()) {
                try {
                    return Passphrases.fromEnvironment(env.get(), System.getenv());
                } catch (KeyException e) {
                    throw new InvalidConfigurationException("<signing><passphraseEnv>: " + e.getMessage(), e);
                }
            }
            return null;
        };
    }

    private char[] fromServer(String id) throws InvalidConfigurationException {
        Server server = session.getSettings().getServer(id);
        if (server == null) {
            throw new InvalidConfigurationException(
                    "<signing><passphraseServer> names the settings.xml <server> with id '"
                            + id
                            + "', but settings.xml has no <server> with that id: add one whose <password> is the signing"
                            + " key's passphrase");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (!result.getProblems().isEmpty()) {
            throw new InvalidConfigurationException("The password of the settings.xml <server> with id '" + id
                    + "' could not be decrypted: " + result.getProblems().get(0).getMessage());
        }
        String password = result.getServer().getPassword();
        if (password == null || password.isEmpty()) {
            throw new InvalidConfigurationException("The settings.xml <server> with id '" + id + "' has no <password>:"
                    + " it should hold the signing key's passphrase");
        }
        return password.toCharArray();
    }

    /** {@code project.build.outputTimestamp} in seconds (a number, or ISO-8601); else a constant. */
    private long outputTimestamp() throws InvalidConfigurationException {
        String value = project.getProperties().getProperty("project.build.outputTimestamp");
        if (value == null || value.length() < 2) {
            return SigningConfig.DEFAULT_TIMESTAMP;
        }
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(value);
            }
            return OffsetDateTime.parse(value).toEpochSecond();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new InvalidConfigurationException("project.build.outputTimestamp '" + value + "' is neither seconds"
                    + " since 1970 nor an ISO-8601 date and time (2024-01-01T00:00:00Z)");
        }
    }

    private Optional<String> property(String name) {
        Properties user = session.getUserProperties();
        String value = user.getProperty(name);
        if (value == null) {
            value = project.getProperties().getProperty(name);
        }
        return nonBlank(value);
    }

    private Path fromRoot(String path) {
        Path p = Path.of(path);
        return p.isAbsolute()
                ? p
                : Path.of(session.getExecutionRootDirectory()).resolve(p).normalize();
    }

    private String relative(Path path) {
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path absolute = path.toAbsolutePath().normalize();
        // Relative even outside the module (../keys/dev.pem): build-info.json must not name the checkout.
        return base.getRoot().equals(absolute.getRoot())
                ? base.relativize(absolute).toString()
                : absolute.toString();
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
