package io.multiimage.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageVersionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.2.3+4, 1.2.3+4",
        "1.2.3, 1.2.3+0",
        "1.2, 1.2.0+0",
        "1, 1.0.0+0",
        "0, 0.0.0+0",
        "255.255.65535+4294967295, 255.255.65535+4294967295",
    })
    void parsesImgtoolSyntax(String text, String expected) throws InvalidVersionException {
        assertEquals(expected, ImageVersion.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3.4", "1.2+3", "01.2.3", "1.2.3+", "v1.2.3", "1.2.3-4", "-1.0.0", "1..2"})
    void rejectsWhatImgtoolRejects(String text) {
        InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> ImageVersion.parse(text));
        assertTrue(
                e.getMessage()
                        .startsWith("'" + text + "' is not an MCUboot image version: expected"
                                + " major.minor.revision+build"),
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "256.0.0, major, 255",
        "0.256.0, minor, 255",
        "0.0.65536, revision, 65535",
        "0.0.0+4294967296, build, 4294967295",
        "0.0.0+99999999999999999999, build, 4294967295",
    })
    void rejectsOutOfRangeParts(String text, String part, String max) {
        InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> ImageVersion.parse(text));
        assertEquals(
                "the " + part + " number of '" + text + "' is out of range 0-" + max
                        + " (the largest version is 255.255.65535+4294967295)",
                e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.2.3, 1.2.3+0",
        "1.2, 1.2.0+0",
        "1, 1.0.0+0",
        "1.2.3-4, 1.2.3+4",
        "1.2.3-SNAPSHOT, 1.2.3+0",
        "1.2-SNAPSHOT, 1.2.0+0",
        "1.2.3-4-SNAPSHOT, 1.2.3+4",
        "0.1.0-SNAPSHOT, 0.1.0+0",
        "255.255.65535-4294967295, 255.255.65535+4294967295",
    })
    void mapsMavenVersions(String maven, String expected) throws InvalidVersionException {
        assertEquals(expected, ImageVersion.fromMavenVersion(maven).toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.2.3-rc1",
                "1.2.3.4",
                "1.2.3-beta-1",
                "1.2.3.RELEASE",
                "1.0-alpha",
                "1.2.3-SNAPSHOT-4",
                "1.2.3+4",
                "",
                "01.2.3"
            })
    void otherMavenVersionsDoNotMap(String maven) {
        InvalidVersionException e =
                assertThrows(InvalidVersionException.class, () -> ImageVersion.fromMavenVersion(maven));
        assertTrue(
                e.getMessage()
                        .startsWith("the project version '" + maven + "' does not map to an MCUboot image"
                                + " version: only major[.minor[.revision]][-buildnumber][-SNAPSHOT] maps"),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("Set the image version explicitly in imgtool's syntax"
                                + " (major.minor.revision+build, e.g. 1.2.3+4)"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0", "1.2.70000", "1.2.3-4294967296"})
    void outOfRangeMavenVersionsDoNotMap(String maven) {
        InvalidVersionException e =
                assertThrows(InvalidVersionException.class, () -> ImageVersion.fromMavenVersion(maven));
        assertTrue(
                e.getMessage()
                        .startsWith("the project version '" + maven + "' does not map to an MCUboot image"
                                + " version: the "),
                e.getMessage());
        assertTrue(e.getMessage().contains("is out of range"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("Set the image version explicitly in imgtool's syntax"
                                + " (major.minor.revision+build, e.g. 1.2.3+4)"),
                e.getMessage());
    }

    @Test
    void autoSecurityCounterIsImgtools() {
        assertEquals(0x01020003L, new ImageVersion(1, 2, 3, 4).autoSecurityCounter());
        assertEquals(0xffffffffL, new ImageVersion(255, 255, 65535, 0).autoSecurityCounter());
    }

    @Test
    void constructorChecksRanges() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ImageVersion(1, 2, 65536, 0));
        assertEquals("the image version's revision number 65536 is out of range 0-65535", e.getMessage());
    }
}
