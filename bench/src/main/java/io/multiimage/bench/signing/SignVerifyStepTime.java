package io.multiimage.bench.signing;

import io.multiimage.core.sign.ImageSigner;
import io.multiimage.core.sign.PassphraseSource;
import io.multiimage.core.sign.SigningConfig;
import io.multiimage.core.sign.SigningKeys;
import io.multiimage.core.sign.SigningSlot;
import io.multiimage.core.sign.SigningSlots;
import io.multiimage.core.sign.SlotPartition;
import io.multiimage.core.toolchain.MemoryRegion;
import io.multiimage.core.verify.ExpectedImage;
import io.multiimage.core.verify.MergedImageVerifier;
import io.multiimage.core.verify.VerificationReport;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.partition.OutputDomain;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * The build's sign and verify steps on a 1 MiB application, as the pipeline runs them, HEX text
 * included: <b>sign step</b> = read the image's HEX, sign it for {@code mcuboot_primary} (Ed25519,
 * 0x200-byte header from {@code mcuboot_pad}) and make the NCS files (signed HEX, update binary,
 * test update HEX, moved test update HEX, as text); <b>verify step</b> = read a merged HEX holding
 * the signed image and check its vector table, header, hash and signature against the layout.
 * Prints the median and fastest round's thread CPU time and wall time per step.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.multiimage.bench.signing.SignVerifyStepTime [rounds]}
 */
public final class SignVerifyStepTime {

    private static final long SLOT = 0x10000;
    private static final long SLOT_SIZE = 0x120000;
    private static final int IMAGE_SIZE = 1 << 20;

    private SignVerifyStepTime() {}

    /** Runs the measurement. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path dir = Files.createTempDirectory("sign-step");
        Path key = dir.resolve("key.pem");
        byte[] der = KeyPairGenerator.getInstance("Ed25519")
                .generateKeyPair()
                .getPrivate()
                .getEncoded();
        Files.writeString(
                key,
                "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                        + "\n-----END PRIVATE KEY-----\n");
        SigningConfig config = new SigningConfig(
                Optional.of(key),
                "key.pem",
                PassphraseSource.NONE,
                Optional.empty(),
                false,
                Optional.empty(),
                "1.0.0",
                false,
                Optional.empty(),
                OptionalInt.empty(),
                315532800L);
        SigningKeys keys = SigningKeys.load(config, "");
        ImageSigner signer = new ImageSigner(config, keys);
        OutputDomain layout = OutputDomain.parse(
                "",
                "partitions.yml",
                ""
                        + "mcuboot_pad: {address: " + SLOT + ", size: 0x200}\n"
                        + "app: {address: " + (SLOT + 0x200) + ", size: " + (SLOT_SIZE - 0x200) + "}\n"
                        + "mcuboot_primary: {address: " + SLOT + ", size: " + SLOT_SIZE
                        + ", span: [mcuboot_pad, app]}\n"
                        + "mcuboot_secondary: {address: " + (SLOT + SLOT_SIZE) + ", size: " + SLOT_SIZE + "}\n",
                "regions.yml",
                "");
        SigningSlot slot = SigningSlots.find("app", "app", layout).orElseThrow();
        Path appHex = dir.resolve("app.hex");
        IntelHex.write(application(), appHex);

        ImageSigner.Outcome[] last = new ImageSigner.Outcome[1];
        Step sign = () -> last[0] = signer.sign(slot, IntelHex.read(appHex), 4);
        sign.run();
        Path merged = dir.resolve("merged.hex");
        Files.write(merged, last[0].files().get("app_signed.hex"));
        Map<String, SlotPartition> partitions = new LinkedHashMap<>();
        layout.partitions()
                .keySet()
                .forEach(name -> partitions.put(
                        name, SigningSlots.partition(layout.partitions(), name).orElseThrow()));
        List<ExpectedImage> expected = List.of(new ExpectedImage(
                "app",
                slot.partition(),
                new MemoryRegion(0x20000000L, 0x40000),
                Optional.of(slot),
                List.of(),
                "built here"));
        Step verify = () -> {
            VerificationReport report = MergedImageVerifier.verify(
                    "merged.hex", IntelHex.read(merged), expected, partitions, keys.publicKey());
            if (!report.valid()) {
                throw new IllegalStateException(report.failures().toString());
            }
        };
        measure("sign step", sign, rounds);
        measure("verify step", verify, rounds);
    }

    /** 1 MiB of seeded bytes at the application's address, starting with a valid vector table. */
    private static MemoryImage application() {
        byte[] bytes = new byte[IMAGE_SIZE];
        new Random(12).nextBytes(bytes);
        long reset = SLOT + 0x200 + 0x101;
        long sp = 0x20040000L;
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) (sp >>> (8 * i));
            bytes[4 + i] = (byte) (reset >>> (8 * i));
        }
        MemoryImage image = new MemoryImage();
        image.write(SLOT + 0x200, bytes);
        return image;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private static void measure(String name, Step step, int rounds) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int perRound = 5;
        for (int i = 0; i < 20; i++) {
            step.run(); // warm-up
        }
        double[] cpu = new double[rounds];
        double[] wall = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                step.run();
            }
            cpu[r] = (threads.getCurrentThreadCpuTime() - cpuStart) / perRound / 1e6;
            wall[r] = (System.nanoTime() - wallStart) / perRound / 1e6;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf(
                Locale.ROOT,
                "%-12s cpu median %.1f ms (min %.1f), wall median %.1f ms (min %.1f)%n",
                name,
                cpu[rounds / 2],
                cpu[0],
                wall[rounds / 2],
                wall[0]);
    }
}
