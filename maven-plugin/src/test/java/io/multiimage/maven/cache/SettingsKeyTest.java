package io.multiimage.maven.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The -Dfirmware.* settings and the memory report's baseline are part of a module's key. */
class SettingsKeyTest {

    @TempDir
    Path module;

    @Test
    void aFirmwareSettingGivenToMavenIsInTheKeyButNotOneThatOnlyChangesTheLog() throws Exception {
        Properties user = new Properties();
        user.setProperty("firmware.merge.formats", "bin,uf2");
        user.setProperty("firmware.explain", "true");
        // Keyed where it applies, by what it resolves to: SigningKey.
        user.setProperty("firmware.signing.keyFile", "keys/release.pem");
        user.setProperty("skipTests", "true");

        assertEquals(List.of("setting -Dfirmware.merge.formats=bin,uf2"), lines(user, Optional.empty(), false));
    }

    @Test
    void aBaselineFileIsKeyedByItsContent() throws Exception {
        Files.writeString(module.resolve("baseline.json"), "{\"images\":{}}");
        List<String> first = lines(new Properties(), Optional.of("baseline.json"), true);
        Files.writeString(module.resolve("baseline.json"), "{\"images\":{\"app\":{}}}");

        assertNotEquals(first, lines(new Properties(), Optional.of("baseline.json"), true));
        assertEquals(List.of(), lines(new Properties(), Optional.of("baseline.json"), false), "only the top reports");
    }

    @Test
    void aReleasedBaselineIsKeyedByItsCoordinatesAndASnapshotOneIsNeverCached() throws Exception {
        Properties user = new Properties();
        user.setProperty("firmware.report.baseline", "com.acme:app:1.2.0");
        assertEquals(
                List.of("setting -Dfirmware.report.baseline=com.acme:app:1.2.0", "report baseline com.acme:app:1.2.0"),
                lines(user, Optional.of("ignored.json"), true));

        SettingsKey.Part snapshot =
                SettingsKey.of(new Properties(), module, Optional.of("com.acme:app:1.3.0-SNAPSHOT"), true);
        assertInstanceOf(SettingsKey.Part.Uncached.class, snapshot);
    }

    private List<String> lines(Properties user, Optional<String> baseline, boolean top) throws Exception {
        return assertInstanceOf(SettingsKey.Part.Lines.class, SettingsKey.of(user, module, baseline, top))
                .lines();
    }
}
