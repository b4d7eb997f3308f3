package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multiimage.core.state.AssembleRecord;
import io.multiimage.core.state.Fingerprint;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.core.toolchain.MemoryRegion;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.testkit.ReferenceTools;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merged files in each format, checked against the reference tools: {@code srec_cat} reads
 * our S-record and writes the same binary, Python {@code intelhex} pads the merged HEX to the
 * same binary, and the UF2 file is read block by block as the UF2 specification lays it out.
 */
@Tag("tools")
class MergeFormatsReferenceToolsTest {

    @TempDir
    Path out;

    private List<BuiltImage> images;
    private AssembleStage.Assembled assembled;

    @BeforeEach
    void assemble() throws Exception {
        // Unaligned starts and ends, so gaps and partial UF2 windows are exercised.
        images = List.of(
                image("mcuboot", 0x0, 0x1234, 1), image("app", 0xC020, 0x2345, 2), image("settings", 0xFC000, 0x21, 3));
        MergeFormats formats = MergeFormats.parse(List.of("bin", "srec", "uf2"), "0xa5", "0xADA52840", "test");
        assembled = new AssembleStage(new RecordingLog(), new AssembleRecord(Optional.of("code")), formats)
                .assemble("CPUAPP", images, out);
    }

    private BuiltImage image(String name, long address, int size, int seed) throws Exception {
        MemoryImage data = new MemoryImage();
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        data.write(address, bytes);
        Path hex = Files.createDirectories(out.resolve(name)).resolve(name + ".hex");
        IntelHex.write(data, hex);
        ImagePlacement placement = new ImagePlacement(
                "CPUAPP", name, new MemoryRegion(address, 0x10000), 0x0, new MemoryRegion(0x20000000L, 0x1000), false);
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

    @Test
    void srecCatWritesTheSameBinaryFromTheMergedHexAndFromOurSRecord() throws Exception {
        Path srecCat = ReferenceTools.require("srec_cat", "srecord");
        for (String input : List.of("merged.hex -Intel", "merged.srec -Motorola")) {
            List<String> command = new ArrayList<>(List.of(srecCat.toString()));
            command.addAll(Arrays.asList(input.split(" ")));
            command.addAll(List.of("-fill", "0xa5", "0x0", "0xfc021", "-o", "theirs.bin", "-binary"));
            ReferenceTools.run(command, out, 60).assertSuccess();
            assertEquals(
                    HexFormat.of().formatHex(Files.readAllBytes(out.resolve("theirs.bin"))),
                    HexFormat.of().formatHex(Files.readAllBytes(out.resolve("merged.bin"))),
                    input);
        }
        assertEquals(0L, assembled.binaryStarts().get("merged.bin"));
    }

    @Test
    void srecCatReadsOurSRecordAsTheMergedHex() throws Exception {
        Path srecCat = ReferenceTools.require("srec_cat", "srecord");
        ReferenceTools.run(
                        List.of(srecCat.toString(), "merged.srec", "-Motorola", "-o", "theirs.hex", "-Intel"), out, 60)
                .assertSuccess();
        assertEquals(
                IntelHex.read(out.resolve("merged.hex")).sha256(),
                IntelHex.read(out.resolve("theirs.hex")).sha256());
    }

    @Test
    void pythonIntelhexPadsTheMergedHexToTheSameBinary() throws Exception {
        Path python = ReferenceTools.debianPython("intelhex", "python3-intelhex");
        Files.writeString(
                out.resolve("tobin.py"),
                String.join(
                        "\n",
                        "import sys, intelhex",
                        "ih = intelhex.IntelHex(sys.argv[1])",
                        "ih.padding = int(sys.argv[2], 16)",
                        "open(sys.argv[3], 'wb').write(ih.tobinstr())",
                        ""));
        ReferenceTools.run(List.of(python.toString(), "tobin.py", "merged.hex", "0xa5", "theirs.bin"), out, 60)
                .assertSuccess();
        assertArrayEquals(Files.readAllBytes(out.resolve("theirs.bin")), Files.readAllBytes(out.resolve("merged.bin")));
    }

    /** Reads the UF2 file as the specification lays out a block (github.com/microsoft/uf2, "File format"). */
    @Test
    void uf2BlocksFollowTheSpecification() throws Exception {
        MemoryImage merged = IntelHex.read(out.resolve("merged.hex"));
        byte[] file = Files.readAllBytes(out.resolve("merged.uf2"));
        assertEquals(0, file.length % 512);
        int blocks = file.length / 512;
        // 256-byte windows holding data: 0x0-0x12ff (19), 0xc000-0xe3ff (36), 0xfc000 (1).
        assertEquals(19 + 36 + 1, blocks);
        long previous = -1;
        for (int i = 0; i < blocks; i++) {
            ByteBuffer block = ByteBuffer.wrap(file, i * 512, 512).slice().order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(0x0A324655, block.getInt(0), "first magic, block " + i);
            assertEquals(0x9E5D5157, block.getInt(4), "second magic, block " + i);
            assertEquals(0x00002000, block.getInt(8), "flags: family id present, block " + i);
            long address = Integer.toUnsignedLong(block.getInt(12));
            assertEquals(0, address % 256, "target address aligned, block " + i);
            assertEquals(true, address > previous, "ascending, block " + i);
            previous = address;
            assertEquals(256, block.getInt(16), "payload size, block " + i);
            assertEquals(i, block.getInt(20), "block number");
            assertEquals(blocks, block.getInt(24), "total blocks, block " + i);
            assertEquals(0xADA52840, block.getInt(28), "family id, block " + i);
            assertEquals(0x0AB16F30, block.getInt(508), "final magic, block " + i);
            byte[] payload = Arrays.copyOfRange(file, i * 512 + 32, i * 512 + 32 + 256);
            // binFill is the binary's; a UF2 window's bytes without data hold 0xFF, erased flash.
            assertArrayEquals(merged.read(address, 256, (byte) 0xFF), payload, "payload of block " + i);
            assertArrayEquals(
                    new byte[476 - 256],
                    Arrays.copyOfRange(file, i * 512 + 32 + 256, i * 512 + 508),
                    "unused data area is zero, block " + i);
        }
    }
}
