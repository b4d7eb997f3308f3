package io.multiimage.maven.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the plugin completes keys: only when the build cache extension will look builds up. */
class CacheActivationTest {

    @TempDir
    Path project;

    @Test
    void theExtensionWorksFromMaven39On() {
        assertFalse(CacheActivation.mavenSupports("3.8.7"));
        assertTrue(CacheActivation.mavenSupports("3.9.0"));
        assertTrue(CacheActivation.mavenSupports("3.9.16"));
        assertTrue(CacheActivation.mavenSupports("4.0.0-rc-4"));
        assertFalse(CacheActivation.mavenSupports(null));
    }

    @Test
    void theConfigurationFileCanTurnTheExtensionOffAndThePropertyWins() throws Exception {
        Files.createDirectories(project.resolve(".mvn"));
        Files.writeString(
                project.resolve(".mvn/maven-build-cache-config.xml"),
                "<cache xmlns=\"http://maven.apache.org/BUILD-CACHE-CONFIG/1.4.0\"><configuration>"
                        + "<enabled>false</enabled></configuration></cache>");
        Properties user = new Properties();

        assertFalse(CacheActivation.enabled(user, new Properties(), project));
        user.setProperty("maven.build.cache.enabled", "true");
        assertTrue(CacheActivation.enabled(user, new Properties(), project));
        user.setProperty("maven.build.cache.enabled", "false");
        assertFalse(CacheActivation.enabled(user, new Properties(), project.resolve("elsewhere")));
    }

    @Test
    void aConfigurationThatDiscoversTheModulesItselfIsRecognised() throws Exception {
        Files.createDirectories(project.resolve(".mvn"));
        Path config = project.resolve(".mvn/maven-build-cache-config.xml");
        Files.writeString(config, "<cache><configuration><enabled>true</enabled></configuration></cache>");
        assertFalse(CacheActivation.discoversModulesItself(new Properties(), new Properties(), project));
        Files.writeString(
                config,
                "<cache><configuration><multiModule><discovery><scanProfiles>"
                        + "<scanProfile>all</scanProfile></scanProfiles></discovery></multiModule></configuration></cache>");

        assertTrue(CacheActivation.discoversModulesItself(new Properties(), new Properties(), project));
    }

    @Test
    void withoutAConfigurationFileTheExtensionIsOn() {
        assertTrue(CacheActivation.enabled(new Properties(), new Properties(), project));
    }

    @Test
    void onlyTheExtensionsOwnParticipantCounts() {
        assertTrue(CacheActivation.extensionLoaded(List.of(
                "io.multiimage.maven.discover.ImageReactorParticipant",
                "org.apache.maven.buildcache.CacheLifecycleParticipant")));
        assertFalse(CacheActivation.extensionLoaded(List.of("io.multiimage.maven.discover.ImageReactorParticipant")));
    }

    @Test
    void goalsThatBuildFirmwareArePackageAndLaterOrTheBuildGoal() {
        assertTrue(CacheActivation.buildsFirmware(List.of("clean", "package")));
        assertTrue(CacheActivation.buildsFirmware(List.of("deploy")));
        assertTrue(CacheActivation.buildsFirmware(List.of("io.multiimage:firmware-maven-plugin:0.1.0:build")));
        assertFalse(CacheActivation.buildsFirmware(List.of("validate")));
        assertFalse(CacheActivation.buildsFirmware(List.of("firmware:partitions")));
    }
}
