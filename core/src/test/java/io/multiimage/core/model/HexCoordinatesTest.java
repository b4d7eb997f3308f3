package io.multiimage.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HexCoordinatesTest {

    @Test
    void parsesThreeAndFourPartCoordinates() throws Exception {
        assertEquals(
                new HexCoordinates("org.acme", "boot", "1.2.0", Optional.empty()),
                HexCoordinates.parse("mcuboot", "org.acme:boot:1.2.0"));
        HexCoordinates withClassifier = HexCoordinates.parse("net", "org.acme:net-core:2.0.0-SNAPSHOT:cpunet");
        assertEquals(Optional.of("cpunet"), withClassifier.classifier());
        assertEquals("org.acme:net-core:2.0.0-SNAPSHOT:cpunet", withClassifier.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a:b", "a:b:c:d:e", "a::c", ":b:c", "a:b:c:", "a b:c:d", "a/b:c:d", "a:b:1.0 "})
    void rejectsMalformedCoordinatesNamingTheImageAndTheExpectedForm(String text) {
        ImageModelException e = assertThrows(ImageModelException.class, () -> HexCoordinates.parse("mcuboot", text));
        assertEquals(
                "Image 'mcuboot': invalid HEX artifact coordinates '" + text
                        + "': expected groupId:artifactId:version[:classifier], each part made of letters, digits and . _ - + ~",
                e.getMessage());
        assertEquals("mcuboot", e.image());
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 25).mapToObj(i -> 7919L * i + 3);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void toStringAndParseRoundTrip(long seed) throws Exception {
        Random random = new Random(seed);
        String alphabet = "abcXYZ019._-+~";
        String[] parts = new String[3 + random.nextInt(2)];
        for (int i = 0; i < parts.length; i++) {
            StringBuilder part = new StringBuilder();
            for (int n = 1 + random.nextInt(8); n > 0; n--) {
                part.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            parts[i] = part.toString();
        }
        String text = String.join(":", parts);
        assertEquals(text, HexCoordinates.parse("x", text).toString());
    }

    @Test
    void sha256IsNormalisedAndValidated() throws Exception {
        String digest = "AB".repeat(32);
        BuildStrategy.UseHex useHex = BuildStrategy.UseHex.of("mcuboot", new HexFile(Path.of("b.hex")), digest);
        assertEquals(Optional.of("ab".repeat(32)), useHex.sha256());
        ImageModelException e = assertThrows(
                ImageModelException.class,
                () -> BuildStrategy.UseHex.of("mcuboot", new HexFile(Path.of("b.hex")), "abc"));
        assertEquals("Image 'mcuboot': invalid sha256 'abc': expected 64 hexadecimal digits", e.getMessage());
        assertEquals(
                Optional.empty(),
                BuildStrategy.UseHex.of("mcuboot", new HexFile(Path.of("b.hex")), null)
                        .sha256());
    }
}
