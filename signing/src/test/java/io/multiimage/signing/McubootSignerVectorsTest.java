package io.multiimage.signing;

import static io.multiimage.signing.TestData.appBin;
import static io.multiimage.signing.TestData.build;
import static io.multiimage.signing.TestData.common;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multiimage.signing.format.Hex;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every deterministic imgtool vector (Ed25519 and hash-only) reproduced byte for byte from the
 * same input and the options of its line in {@code commands.txt}.
 */
class McubootSignerVectorsTest {

    static Stream<Arguments> ed25519TestData() {
        return Stream.of(
                vector("ed25519.bin", b -> b),
                vector("ed25519-pad-confirm.bin", b -> b.pad(true).confirm(true)),
                vector("ed25519-pad-test.bin", b -> b.pad(true).test(true)),
                vector("ed25519-fullkey.bin", b -> b.publicKeyFormat(PublicKeyFormat.FULL)),
                vector("ed25519-security-counter.bin", b -> b.securityCounter(SecurityCounter.AUTO)),
                vector("ed25519-rom-fixed.bin", b -> b.romFixedAddress(0x14000)),
                vector(
                        "ed25519-align8-maxversion-pad.bin",
                        b -> b.align(8)
                                .version(new ImageVersion(255, 255, 65535, 4294967295L))
                                .pad(true)),
                vector("ed25519-erased0-pad.bin", b -> b.erasedValue(0).pad(true)));
    }

    private static Arguments vector(String file, UnaryOperator<SignOptions.Builder> options) {
        return Arguments.of(file, options);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ed25519TestData")
    void ed25519ImagesAreByteIdenticalToImgtool(String file, UnaryOperator<SignOptions.Builder> options)
            throws SigningException {
        SignedImage signed = McubootSigner.sign(appBin(), build(options.apply(common())), TestData.key("ed25519.pem"));
        assertSameBytes(TestData.bytes("signed/" + file), signed.binary());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ed25519TestData")
    void signingTwiceGivesTheSameBytes(String file, UnaryOperator<SignOptions.Builder> options)
            throws SigningException {
        SignOptions signOptions = build(options.apply(common()));
        assertArrayEquals(
                McubootSigner.sign(appBin(), signOptions, TestData.key("ed25519.pem"))
                        .binary(),
                McubootSigner.sign(appBin(), signOptions, TestData.key("ed25519.pem"))
                        .binary());
    }

    @org.junit.jupiter.api.Test
    void hashOnlyImageIsByteIdenticalToImgtool() throws SigningException {
        SignedImage image = McubootSigner.hashOnly(appBin(), build(common()));
        assertSameBytes(TestData.bytes("signed/unsigned-hash-only.bin"), image.binary());
    }

    /** Byte equality, reporting the first differing offset rather than two 180 KiB arrays. */
    static void assertSameBytes(byte[] expected, byte[] actual) {
        int length = Math.min(expected.length, actual.length);
        for (int i = 0; i < length; i++) {
            if (expected[i] != actual[i]) {
                int from = Math.max(0, i - 8);
                int to = Math.min(length, i + 8);
                assertEquals(
                        Hex.of(java.util.Arrays.copyOfRange(expected, from, to)),
                        Hex.of(java.util.Arrays.copyOfRange(actual, from, to)),
                        "first difference at offset " + Hex.offset(i));
            }
        }
        assertEquals(expected.length, actual.length, "length");
    }
}
