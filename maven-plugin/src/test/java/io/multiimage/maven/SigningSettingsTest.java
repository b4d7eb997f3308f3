package io.multiimage.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.sign.SigningConfig;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningSettingsTest {

    @TempDir
    Path root;

    /** "Decrypts" by reversing the password: proves the decrypter's answer is what is used. */
    private static final SettingsDecrypter REVERSING = request -> new SettingsDecryptionResult() {
        @Override
        public Server getServer() {
            Server server = request.getServers().get(0).clone();
            server.setPassword(new StringBuilder(server.getPassword()).reverse().toString());
            return server;
        }

        @Override
        public List<Server> getServers() {
            return List.of(getServer());
        }

        @Override
        public Proxy getProxy() {
            return null;
        }

        @Override
        public List<Proxy> getProxies() {
            return List.of();
        }

        @Override
        public List<SettingsProblem> getProblems() {
            return List.of();
        }
    };

    private SigningSettings settings(Properties user, Properties projectProperties, List<Server> servers) {
        Model model = new Model();
        model.setGroupId("com.acme");
        model.setArtifactId("app");
        model.setVersion("2.3.4-5-SNAPSHOT");
        model.setProperties(projectProperties);
        MavenProject project = new MavenProject(model);
        project.setFile(root.resolve("app/pom.xml").toFile());
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setUserProperties(user);
        request.setBaseDirectory(root.toFile());
        servers.forEach(request::addServer);
        @SuppressWarnings("deprecation")
        MavenSession session = new MavenSession(null, request, new DefaultMavenExecutionResult(), List.of(project));
        return new SigningSettings(session, project, REVERSING);
    }

    private static Properties props(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    private Signing element() {
        Signing signing = new Signing();
        signing.setKeyFile(root.resolve("keys/dev.pem").toFile());
        signing.setDevelopmentKey(true);
        signing.setVersion("1.0.0");
        return signing;
    }

    @Test
    void theElementAppliesWithItsDevelopmentFlagAndAKeyLabelRelativeToTheModule() throws Exception {
        SigningConfig config =
                settings(new Properties(), new Properties(), List.of()).resolve(element());

        assertEquals(Optional.of(root.resolve("keys/dev.pem")), config.keyFile());
        assertTrue(config.developmentKey());
        assertEquals("<signing><keyFile> ../keys/dev.pem", config.keyLabel());
        assertEquals(Optional.of("1.0.0"), config.version());
        assertEquals("2.3.4-5-SNAPSHOT", config.projectVersion());
        assertEquals(SigningConfig.DEFAULT_TIMESTAMP, config.outputTimestamp());
        assertNull(config.passphrase().passphrase(), "no passphrase source configured");
    }

    @Test
    void aKeyOnTheCommandLineWinsIsRelativeToTheRootAndIsNotADevelopmentKey() throws Exception {
        SigningConfig config = settings(
                        props("firmware.signing.keyFile", "secrets/release.pem", "firmware.signing.version", "3.0.0+1"),
                        props("firmware.signing.version", "9.9.9"),
                        List.of())
                .resolve(element());

        assertEquals(Optional.of(root.resolve("secrets/release.pem")), config.keyFile());
        assertFalse(config.developmentKey(), "the POM's <developmentKey> belongs to the POM's key");
        assertEquals("-Dfirmware.signing.keyFile=secrets/release.pem", config.keyLabel());
        assertEquals(Optional.of("3.0.0+1"), config.version(), "-D wins over the project's properties");
    }

    @Test
    void aProfilesPropertyWinsOverTheElement() throws Exception {
        SigningConfig config = settings(
                        new Properties(),
                        props(
                                "firmware.signing.signLater",
                                "true",
                                "firmware.signing.publicKeyFile",
                                "/keys/signer.pub.pem"),
                        List.of())
                .resolve(element());

        assertTrue(config.signLater());
        assertEquals(Optional.of(Path.of("/keys/signer.pub.pem")), config.publicKeyFile());
    }

    @Test
    void thePassphraseComesFromTheServerAsMavenDecryptsIt() throws Exception {
        Server server = new Server();
        server.setId("release-key");
        server.setPassword("terces");
        Signing signing = element();
        signing.setPassphraseServer("release-key");

        SigningConfig config =
                settings(new Properties(), new Properties(), List.of(server)).resolve(signing);

        assertArrayEquals("secret".toCharArray(), config.passphrase().passphrase());
    }

    @Test
    void aMissingServerIsNamed() throws Exception {
        SigningConfig config = settings(props("firmware.signing.passphraseServer", "nope"), new Properties(), List.of())
                .resolve(element());

        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class, () -> config.passphrase().passphrase());

        assertTrue(
                e.getMessage()
                        .startsWith("<signing><passphraseServer> names the settings.xml <server> with id"
                                + " 'nope', but settings.xml has no <server> with that id"),
                e.getMessage());
    }

    @Test
    void theOutputTimestampIsReadAsSecondsOrIsoDate() throws Exception {
        assertEquals(
                1700000000L,
                settings(new Properties(), props("project.build.outputTimestamp", "1700000000"), List.of())
                        .resolve(null)
                        .outputTimestamp());
        assertEquals(
                1704067200L,
                settings(new Properties(), props("project.build.outputTimestamp", "2024-01-01T00:00:00Z"), List.of())
                        .resolve(null)
                        .outputTimestamp());
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> settings(new Properties(), props("project.build.outputTimestamp", "yesterday"), List.of())
                        .resolve(null));
        assertTrue(e.getMessage().contains("'yesterday'"), e.getMessage());
    }

    @Test
    void theElementNamesNoSecretWhenPrinted() {
        Signing signing = element();
        signing.setPassphraseEnv("RELEASE_PASSPHRASE");

        assertEquals(
                "signing(keyFile=" + new File(root.toFile(), "keys/dev.pem") + ", developmentKey=true,"
                        + " signLater=false)",
                signing.toString());
    }
}
