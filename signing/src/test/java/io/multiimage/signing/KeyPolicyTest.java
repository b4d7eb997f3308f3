package io.multiimage.signing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyPolicyTest {

    @Test
    void aDeclaredDevelopmentKeyCannotSignARelease() {
        KeyPolicy policy = KeyPolicy.of("keys/dev.pem", TestData.publicKey("ed25519"), true);
        DevelopmentKeyException e = assertThrows(DevelopmentKeyException.class, () -> policy.checkBuildType("release"));
        assertEquals(
                "the key 'keys/dev.pem' cannot sign a 'release' build: it is declared as a development key. Sign"
                        + " release builds with a production key (a passphrase-protected key from the CI's secrets, or an HSM"
                        + " or signing service through sign-later); keep the development key for the other build types",
                e.getMessage());
        assertThrows(DevelopmentKeyException.class, () -> policy.checkBuildType(" Release "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "debug", "minimal", "releasecandidate"})
    void aDevelopmentKeySignsOtherBuildTypes(String buildType) {
        KeyPolicy policy = KeyPolicy.of("keys/dev.pem", TestData.publicKey("ed25519"), true);
        assertDoesNotThrow(() -> policy.checkBuildType(buildType));
        assertDoesNotThrow(() -> policy.checkBuildType(null));
    }

    @Test
    void aProductionKeySignsReleases() {
        KeyPolicy policy = KeyPolicy.of("keys/prod.pem", TestData.publicKey("ed25519"), false);
        assertFalse(policy.development());
        assertDoesNotThrow(() -> policy.checkBuildType("release"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"root-ec-p256", "root-ed25519", "root-ed25519-2", "root-rsa-2048", "root-rsa-3072"})
    void mcubootsSampleKeysAreDevelopmentKeysWhateverIsDeclared(String sample) {
        KeyPolicy policy =
                KeyPolicy.of("boot/root.pem", TestData.testPublicKey("mcuboot-sample/" + sample + ".pub.pem"), false);
        assertTrue(policy.development());
        DevelopmentKeyException e = assertThrows(DevelopmentKeyException.class, () -> policy.checkBuildType("release"));
        assertTrue(e.getMessage().contains("it is MCUboot's published sample key " + sample + ".pem"), e.getMessage());
    }
}
