package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.state.AssembleRecord;
import io.multiimage.core.state.Fingerprint;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.core.toolchain.MemoryRegion;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.hex.SRecord;
import io.multiimage.hex.Uf2;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assemble step writes every merged file in each chosen format, and keeps those files up to date. */
class MergeFormatsAssembleTest {

    @TempDir
    Path dir;

    private Path out;
    private List<BuiltImage> images;

    @BeforeEach
    void images() throws Exception {
        out = Files.createDirectories(dir.resolve("firmware"));
        images = new ArrayList<>(
                List.of(image("boot", "CPUAPP", 0x1000, 0x300, 1), image("app", "CPUAPP", 0x8000, 0x500, 2)));
    }

    private BuiltImage image(String name, String domain, long address, int size, int seed) throws Exception {
        MemoryImage data = new MemoryImage();
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        data.write(address, bytes);
        Path hex = Files.createDirectories(out.resolve(name)).resolve(name + ".hex");
        IntelHex.write(data, hex);
        ImagePlacement placement = new ImagePlacement(
                domain, name, new MemoryRegion(address, 0x10000), 0x0, new MemoryRegion(0x20000000L, 0x1000), false);
        return new BuiltImage(
                name,
                placement,
                "from-source",
                "default",
                Optional.of(hex),
                Optional.empty(),
                true,
                Map.of(),
                Map.of(name + ".hex", Fingerprint.sha256(hex)));
    }

    private AssembleStage.Assembled assemble(MergeFormats formats, RecordingLog log) throws Exception {
        return new AssembleStage(log, new AssembleRecord(Optional.of("code-1")), formats)
                .assemble("CPUAPP", images, out);
    }

    private static MergeFormats formats(String... names) throws Exception {
        return MergeFormats.parse(List.of(names), "", "", "<mergeFormats>");
    }

    private MemoryImage merged() throws Exception {
        return IntelHex.read(out.resolve("merged.hex"));
    }

    @Test
    void everyChosenFormatIsWrittenBesideTheHexAndPublishedUnderItsClassifier() throws Exception {
        AssembleStage.Assembled assembled = assemble(formats("bin", "srec", "uf2"), new RecordingLog());

        assertEquals(Set.of("merged.hex", "merged_domains.hex"), assembled.hex().keySet());
        List<String> published = assembled.additional().stream()
                .map(f -> f.classifier() + ":" + f.type())
                .toList();
        assertEquals(
                List.of(
                        "merged:bin",
                        "merged:srec",
                        "merged:uf2",
                        "merged-domains:bin",
                        "merged-domains:srec",
                        "merged-domains:uf2"),
                published);
        MemoryImage merged = merged();
        assertArrayEquals(merged.read(0x1000, 0x7500, (byte) 0xFF), Files.readAllBytes(out.resolve("merged.bin")));
        assertEquals(Map.of("merged.bin", 0x1000L, "merged_domains.bin", 0x1000L), assembled.binaryStarts());
        assertEquals(merged.sha256(), SRecord.read(out.resolve("merged.srec")).sha256());
        assertEquals(Files.size(out.resolve("merged.uf2")), Uf2.BLOCK_SIZE * (3 + 5L));
    }

    @Test
    void theFillByteAndFamilyIdAreThoseConfigured() throws Exception {
        assemble(MergeFormats.parse(List.of("bin,uf2"), "0x00", "0xADA52840", "x"), new RecordingLog());

        byte[] bin = Files.readAllBytes(out.resolve("merged.bin"));
        assertEquals(0, bin[0x300 + 1], "gap after boot holds the fill byte");
        ByteBuffer block =
                ByteBuffer.wrap(Files.readAllBytes(out.resolve("merged.uf2"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(Uf2.FLAG_FAMILY_ID_PRESENT, block.getInt(8));
        assertEquals(0xADA52840, block.getInt(28));
    }

    @Test
    void hexOnlyIsTheDefaultAndWritesNoOtherFile() throws Exception {
        AssembleStage.Assembled assembled = assemble(MergeFormats.HEX_ONLY, new RecordingLog());
        assertTrue(assembled.additional().isEmpty());
        try (var files = Files.list(out)) {
            assertEquals(
                    List.of(),
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith("merged") && !n.endsWith(".hex"))
                            .toList());
        }
    }

    @Test
    void aDeletedFileOfAnotherFormatIsWrittenAgainByTheNextBuild() throws Exception {
        assemble(formats("bin", "uf2"), new RecordingLog());
        byte[] uf2 = Files.readAllBytes(out.resolve("merged.uf2"));
        Files.delete(out.resolve("merged.uf2"));

        RecordingLog log = new RecordingLog();
        assemble(formats("bin", "uf2"), log);

        assertTrue(log.at("INFO").contains("Wrote merged.uf2"), log.at("INFO").toString());
        assertArrayEquals(uf2, Files.readAllBytes(out.resolve("merged.uf2")));
    }

    @Test
    void anUnchangedMergeKeepsItsBinaryStartAndWritesNothing() throws Exception {
        assemble(formats("bin"), new RecordingLog());
        RecordingLog log = new RecordingLog();
        AssembleStage.Assembled again = assemble(formats("bin"), log);

        assertFalse(
                log.at("INFO").stream().anyMatch(line -> line.startsWith("Wrote ")),
                log.at("INFO").toString());
        assertEquals(0x1000L, again.binaryStarts().get("merged.bin"));
        assertEquals(
                List.of("merged.bin", "merged_domains.bin"),
                again.additional().stream()
                        .map(f -> f.file().getFileName().toString())
                        .toList());
    }

    @Test
    void anotherFillByteWritesTheBinaryAgain() throws Exception {
        assemble(formats("bin"), new RecordingLog());
        assemble(MergeFormats.parse(List.of("bin"), "0x5a", "", "x"), new RecordingLog());
        assertEquals(0x5a, Files.readAllBytes(out.resolve("merged.bin"))[0x301]);
    }

    @Test
    void aFormatNoLongerChosenHasItsFilesRemoved() throws Exception {
        assemble(formats("bin", "srec"), new RecordingLog());
        RecordingLog log = new RecordingLog();
        assemble(formats("srec"), log);

        assertFalse(Files.exists(out.resolve("merged.bin")));
        assertFalse(Files.exists(out.resolve("merged_domains.bin")));
        assertTrue(Files.exists(out.resolve("merged.srec")));
        assertTrue(log.at("INFO").contains("Removed merged.bin (not among the merge formats of this build)"));
    }

    @Test
    void severalDomainsGetOneBinaryEachAndNoneForAllDomains() throws Exception {
        images.add(image("net", "CPUNET", 0x01000000L, 0x200, 3));
        AssembleStage.Assembled assembled = assemble(formats("bin", "uf2"), new RecordingLog());

        assertEquals(Map.of("merged.bin", 0x1000L, "merged_CPUNET.bin", 0x01000000L), assembled.binaryStarts());
        assertFalse(Files.exists(out.resolve("merged_domains.bin")));
        assertTrue(Files.exists(out.resolve("merged_domains.uf2")));
        assertEquals(0x200, Files.size(out.resolve("merged_CPUNET.bin")));
    }

    @Test
    void aBinaryOverAGapOfTwoMemoriesIsRefusedNamingTheGapAndNothingIsWritten() throws Exception {
        images.add(image("uicr", "CPUAPP", 0x10001000L, 0x20, 4));

        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> assemble(formats("bin"), new RecordingLog()));

        assertEquals(
                "Cannot write merged.bin: merged.hex has no data from 0x00008500 to 0x10000fff (255 MiB), more than"
                        + " a raw binary fills (16 MiB); the data lies in two memories. Choose hex, srec or uf2 for this build's"
                        + " merge formats instead of bin",
                e.getMessage());
        assertFalse(Files.exists(out.resolve("merged.hex")));
        assemble(formats("srec", "uf2"), new RecordingLog()); // the other formats have no such limit
        assertEquals(merged().sha256(), SRecord.read(out.resolve("merged.srec")).sha256());
    }

    @Test
    void aGapOfAtMostSixteenMebibytesIsFilled() throws Exception {
        images.add(image("storage", "CPUAPP", 0x8500L + MergedFormatWriter.MAX_BIN_GAP, 0x10, 5));
        assemble(formats("bin"), new RecordingLog());
        byte[] bin = Files.readAllBytes(out.resolve("merged.bin"));
        assertEquals(0x7500 + MergedFormatWriter.MAX_BIN_GAP + 0x10, bin.length);
        assertTrue(Arrays.equals(new byte[] {(byte) 0xFF, (byte) 0xFF}, Arrays.copyOfRange(bin, 0x7500, 0x7502)));
    }

    @Test
    void parseNamesTheUnknownFormatAndTheBadNumbers() {
        assertEquals(
                "<mergeFormats>: unknown merge format 'ihex'; expected one of hex, bin, srec, uf2",
                assertThrows(
                                InvalidConfigurationException.class,
                                () -> MergeFormats.parse(List.of("bin", "ihex"), "", "", "<mergeFormats>"))
                        .getMessage());
        assertEquals(
                "binFill: '0x100' is not a byte, 0 to 0xff",
                assertThrows(
                                InvalidConfigurationException.class,
                                () -> MergeFormats.parse(List.of("bin"), "0x100", "", "x"))
                        .getMessage());
        assertEquals(
                "uf2FamilyId: 'nrf52' is not a 32-bit number such as 0xADA52840",
                assertThrows(
                                InvalidConfigurationException.class,
                                () -> MergeFormats.parse(List.of("uf2"), "", "nrf52", "x"))
                        .getMessage());
    }

    @Test
    void parseAcceptsAnyCaseCommasAndBlanksAndAlwaysKeepsHex() throws Exception {
        MergeFormats parsed = MergeFormats.parse(List.of(" UF2 , bin", "", "Srec"), "255", "0x0", "x");
        assertEquals(List.of(MergeFormat.BIN, MergeFormat.SREC, MergeFormat.UF2), parsed.additional());
        assertTrue(parsed.includes(MergeFormat.HEX));
        assertEquals((byte) 0xFF, parsed.binFill());
        assertEquals(OptionalLong.of(0), parsed.uf2FamilyId());
        assertEquals(MergeFormats.HEX_ONLY, MergeFormats.parse(List.of(), null, null, "x"));
    }
}
