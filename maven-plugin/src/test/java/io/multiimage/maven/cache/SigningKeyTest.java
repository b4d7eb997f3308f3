package io.multiimage.maven.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.pipeline.ImageInputs;
import io.multiimage.core.pipeline.TreeInputs;
import io.multiimage.core.sign.PassphraseSource;
import io.multiimage.core.sign.SigningConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What signing adds to a module's key, and which modules signing keeps out of the cache. */
class SigningKeyTest {

    @TempDir
    Path module;

    @Test
    void aModuleThatSignsNothingGetsNoSigningLinesWhateverTheKey() throws Exception {
        SigningKey.Part part = SigningKey.of(inputs(Optional.empty()), key("release.pem", false), module);

        assertEquals(new SigningKey.Part.Lines(List.of()), part);
    }

    @Test
    void aReleaseKeyKeepsTheModuleOutOfTheCache() throws Exception {
        SigningKey.Part part = SigningKey.of(inputs(Optional.of("mcuboot_primary")), key("release.pem", false), module);

        SigningKey.Part.Release release = assertInstanceOf(SigningKey.Part.Release.class, part);
        assertTrue(release.reason().contains("it signs app with <signing><keyFile> release.pem"), release.reason());
    }

    @Test
    void signaturesMadeOutsideTheBuildKeepTheModuleOutOfTheCache() throws Exception {
        SigningConfig completes = new SigningConfig(
                Optional.empty(),
                "",
                PassphraseSource.NONE,
                Optional.empty(),
                false,
                Optional.empty(),
                "1.0",
                true,
                Optional.of(module.resolve("signatures")),
                OptionalInt.empty(),
                SigningConfig.DEFAULT_TIMESTAMP);

        assertInstanceOf(SigningKey.Part.Release.class, SigningKey.of(inputs(Optional.of("s0")), completes, module));
    }

    @Test
    void aDevelopmentKeyIsKeyedByItsDigestSoAnotherKeyIsAMiss() throws Exception {
        Files.writeString(module.resolve("dev.pem"), "first key");
        List<String> first = lines(SigningKey.of(inputs(Optional.of("s0")), key("dev.pem", true), module));
        Files.writeString(module.resolve("dev.pem"), "second key");
        List<String> second = lines(SigningKey.of(inputs(Optional.of("s0")), key("dev.pem", true), module));

        assertTrue(first.get(0).startsWith("signing app: development key sha256 "), first.toString());
        assertTrue(
                first.stream().noneMatch(line -> line.contains("first key")), "the key's content is never in the key");
        assertNotEquals(first, second);
    }

    @Test
    void theImageVersionAndTimestampArePartOfTheKey() throws Exception {
        List<String> lines = lines(SigningKey.of(inputs(Optional.of("s0")), SigningConfig.none(), module));

        assertEquals(
                List.of(
                        "signing app: hash only",
                        "signing version 0.0.0 (project version)",
                        "signing timestamp " + SigningConfig.DEFAULT_TIMESTAMP),
                lines);
    }

    private static List<String> lines(SigningKey.Part part) {
        return assertInstanceOf(SigningKey.Part.Lines.class, part).lines();
    }

    private SigningConfig key(String file, boolean development) {
        return new SigningConfig(
                Optional.of(Path.of(file)),
                "<signing><keyFile> " + file,
                PassphraseSource.NONE,
                Optional.empty(),
                development,
                Optional.empty(),
                "0.0.0",
                false,
                Optional.empty(),
                OptionalInt.empty(),
                SigningConfig.DEFAULT_TIMESTAMP);
    }

    private static TreeInputs inputs(Optional<String> slot) {
        Map<String, ImageInputs> images = new LinkedHashMap<>();
        images.put(
                "app",
                new ImageInputs(
                        "app",
                        "from-source",
                        "top-level image",
                        Optional.empty(),
                        "partition app",
                        slot,
                        new TreeMap<>(Map.of("src/main.c", "00"))));
        return new TreeInputs(images, new TreeMap<>());
    }
}
