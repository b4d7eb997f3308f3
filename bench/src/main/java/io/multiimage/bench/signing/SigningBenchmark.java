package io.multiimage.bench.signing;

import io.multiimage.signing.ImageVersion;
import io.multiimage.signing.McubootSigner;
import io.multiimage.signing.SignOptions;
import io.multiimage.signing.SignedImage;
import io.multiimage.signing.SigningException;
import io.multiimage.signing.keys.PemKeys;
import io.multiimage.signing.keys.SigningKey;
import io.multiimage.signing.keys.VerificationKey;
import io.multiimage.signing.verify.McubootVerifier;
import io.multiimage.signing.verify.VerificationResult;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing and verifying a 1 MiB image in MCUboot's format (header 0x200 added in front, align 4,
 * 2 MiB slot) with each key type. The image bytes are seeded, the keys generated once per trial
 * and loaded through {@link PemKeys} as a key file would be.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SigningBenchmark {

    /** The key type. */
    @Param({"ed25519", "ecdsa-p256", "rsa-2048"})
    public String keyType;

    private byte[] image;
    private SignOptions options;
    private SigningKey key;
    private VerificationKey publicKey;
    private byte[] signed;

    /** Makes the image, the key and one signed image to verify. */
    @Setup
    public void setUp() throws Exception {
        image = new byte[1 << 20];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < image.length; i += 8) {
            long value = random.nextLong();
            for (int j = 0; j < 8; j++) {
                image[i + j] = (byte) (value >>> (8 * j));
            }
        }
        options = SignOptions.builder()
                .headerSize(0x200)
                .padHeader(true)
                .align(4)
                .slotSize(2 << 20)
                .version(new ImageVersion(1, 2, 3, 4))
                .build();
        key = PemKeys.readPrivateKey(pkcs8Pem(keyType), keyType + " (generated)", null);
        publicKey = key.publicKey();
        signed = McubootSigner.sign(image, options, key).bytes();
    }

    private static String pkcs8Pem(String type) throws Exception {
        KeyPairGenerator generator;
        switch (type) {
            case "ed25519":
                generator = KeyPairGenerator.getInstance("Ed25519");
                break;
            case "ecdsa-p256":
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                break;
            default:
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
        }
        byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** Header, SHA-256 over 1 MiB, signature, TLV area. */
    @Benchmark
    public SignedImage sign() throws SigningException {
        return McubootSigner.sign(image, options, key);
    }

    /** Parse, SHA-256 over 1 MiB, key hash, signature check. */
    @Benchmark
    public VerificationResult verify() {
        VerificationResult result = McubootVerifier.verify(signed, publicKey);
        if (!result.valid()) {
            throw new IllegalStateException(result.failureMessage());
        }
        return result;
    }
}
