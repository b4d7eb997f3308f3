package io.multiimage.hex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.hex.SRecord;
import io.multiimage.hex.Segment;
import io.multiimage.hex.StartAddress;
import io.multiimage.testkit.JavaMain;
import io.multiimage.testkit.ReferenceTools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HexformatCliTest {

    @TempDir
    Path dir;

    private String stdout;
    private String stderr;

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = HexformatCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return status;
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private void hexFile(String name, long address, byte[] data, StartAddress start) throws Exception {
        MemoryImage image = new MemoryImage();
        image.write(address, data);
        image.setStartAddress(start);
        IntelHex.write(image, dir.resolve(name));
    }

    @BeforeEach
    void inputs() throws Exception {
        hexFile("boot.hex", 0x0, new byte[] {1, 2, 3, 4}, StartAddress.linear(0x41));
        hexFile("app.hex", 0x8000, new byte[] {5, 6}, null);
        hexFile("clash.hex", 0x2, new byte[] {9, 9, 9}, null);
        hexFile("other-start.hex", 0x9000, new byte[] {7}, StartAddress.linear(0x9001));
        Files.writeString(dir.resolve("bad.hex"), ":0100000011EF\n:01000100G2DC\n:00000001FF\n");
    }

    @Test
    void mergeWritesTheCombinedImage() throws Exception {
        assertEquals(0, run("merge", "-o", path("out.hex"), path("boot.hex"), path("app.hex")), stderr);
        MemoryImage merged = IntelHex.read(dir.resolve("out.hex"));
        assertEquals(List.of(new Segment(0, 4), new Segment(0x8000, 2)), merged.segments());
        assertEquals(StartAddress.linear(0x41), merged.startAddress().orElseThrow());
        assertEquals("", stderr);
    }

    @Test
    void mergeOverlapFailsWithExitOneAndCreatesNoOutput() {
        assertEquals(1, run("merge", "-o", path("out.hex"), path("boot.hex"), path("clash.hex")));
        assertEquals(
                path("clash.hex") + ": overlaps " + path("boot.hex") + " at 0x00000002-0x00000003 (2 bytes)\n", stderr);
        assertFalse(Files.exists(dir.resolve("out.hex")));
    }

    @Test
    void failedMergeLeavesAnExistingOutputUntouched() throws Exception {
        Files.writeString(dir.resolve("out.hex"), "previous");
        assertEquals(1, run("merge", "-o", path("out.hex"), path("boot.hex"), path("clash.hex")));
        assertEquals("previous", Files.readString(dir.resolve("out.hex")));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void mergeOverlapPolicyReplaceLetsTheLaterInputWin() throws Exception {
        assertEquals(
                0, run("merge", "--overlap", "replace", "-o", path("out.hex"), path("boot.hex"), path("clash.hex")));
        assertEquals(9, IntelHex.read(dir.resolve("out.hex")).get(2));
        assertEquals(0, run("merge", "--overlap=ignore", "-o", path("out.hex"), path("boot.hex"), path("clash.hex")));
        assertEquals(3, IntelHex.read(dir.resolve("out.hex")).get(2));
    }

    @Test
    void mergeStartConflictFailsUnlessAPolicyIsChosen() throws Exception {
        assertEquals(1, run("merge", "-o", path("out.hex"), path("boot.hex"), path("other-start.hex")));
        assertTrue(
                stderr.startsWith(path("other-start.hex") + ": start address linear 0x00009001 conflicts with"),
                stderr);
        assertEquals(
                0, run("merge", "--start", "last", "-o", path("out.hex"), path("boot.hex"), path("other-start.hex")));
        assertEquals(
                StartAddress.linear(0x9001),
                IntelHex.read(dir.resolve("out.hex")).startAddress().orElseThrow());
        assertEquals(
                0, run("merge", "--start", "none", "-o", path("out.hex"), path("boot.hex"), path("other-start.hex")));
        assertTrue(IntelHex.read(dir.resolve("out.hex")).startAddress().isEmpty());
    }

    @Test
    void badInputPrintsOneFileLineMessagePerProblem() {
        assertEquals(1, run("merge", "-o", path("out.hex"), path("boot.hex"), path("bad.hex")));
        assertEquals(
                path("bad.hex") + ":1: checksum mismatch: expected 0xEE, found 0xEF\n" + path("bad.hex")
                        + ":2: invalid character 'G' at column 10; expected a hex digit\n",
                stderr);
        assertFalse(Files.exists(dir.resolve("out.hex")));
        assertFalse(stderr.contains("Exception"));
    }

    @Test
    void problemsOfSeveralInputsAreAllReported() throws Exception {
        Files.writeString(dir.resolve("bad2.hex"), ":00000001FF\n:00");
        assertEquals(1, run("merge", "-o", path("out.hex"), path("bad.hex"), path("bad2.hex")));
        assertEquals(3, stderr.lines().count(), stderr);
        assertTrue(stderr.contains(path("bad2.hex") + ":2: data after the end-of-file record of line 1"), stderr);
    }

    @Test
    void missingInputIsBadInput() {
        assertEquals(1, run("merge", "-o", path("out.hex"), path("nope.hex")));
        assertEquals(path("nope.hex") + ": cannot read: no such file\n", stderr);
    }

    @Test
    void lenientOptionAcceptsCosmeticDeviations() throws Exception {
        Files.writeString(dir.resolve("sloppy.hex"), " :0100000011EE \n\n");
        assertEquals(1, run("convert", path("sloppy.hex"), path("out.hex")));
        assertEquals(0, run("convert", "--lenient", path("sloppy.hex"), path("out.hex")), stderr);
        assertEquals(":0100000011EE\n:00000001FF\n", Files.readString(dir.resolve("out.hex")));
    }

    @Test
    void convertToBinaryWithRangeAndFill() throws Exception {
        assertEquals(
                0, run("convert", "--range", "0x0:0x8", "--fill", "0xEE", path("boot.hex"), path("out.bin")), stderr);
        assertArrayEquals(
                new byte[] {1, 2, 3, 4, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE},
                Files.readAllBytes(dir.resolve("out.bin")));
    }

    @Test
    void convertBinaryInputAtABaseAddressToSRecord() throws Exception {
        Files.write(dir.resolve("in.bin"), new byte[] {0x11, 0x22});
        assertEquals(0, run("convert", "--base", "0x10000", path("in.bin"), path("out.srec")), stderr);
        MemoryImage image = SRecord.read(dir.resolve("out.srec"));
        assertEquals(List.of(new Segment(0x10000, 2)), image.segments());
    }

    @Test
    void convertToIntelHexWithRecordSizeCrlfAndRange() throws Exception {
        assertEquals(
                0, run("convert", "--record-size", "2", "--crlf", "--range", "1:3", path("boot.hex"), path("out.hex")));
        assertEquals(
                ":0100010002FC\r\n:0100020003FA\r\n:0400000500000041B6\r\n:00000001FF\r\n",
                Files.readString(dir.resolve("out.hex")));
    }

    @Test
    void convertToUf2WithFamily() throws Exception {
        assertEquals(0, run("convert", "--family", "0xADA52840", path("app.hex"), path("out.uf2")), stderr);
        ByteBuffer b =
                ByteBuffer.wrap(Files.readAllBytes(dir.resolve("out.uf2"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(512, b.capacity());
        assertEquals(0x8000, b.getInt(12));
        assertEquals(0xADA52840, b.getInt(28));
    }

    @Test
    void convertFromElf() throws Exception {
        byte[] elf = io.multiimage.hex.ElfFiles.minimal(0x8000, new byte[] {1, 2, 3}, 0x8001);
        Files.write(dir.resolve("app.elf"), elf);
        assertEquals(0, run("convert", path("app.elf"), path("out.hex")), stderr);
        assertEquals(":0380000001020377\n:040000050000800176\n:00000001FF\n", Files.readString(dir.resolve("out.hex")));
    }

    @Test
    void truncatedElfIsBadInput() throws Exception {
        Files.write(dir.resolve("bad.elf"), new byte[] {0x7F, 'E', 'L', 'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertEquals(1, run("info", path("bad.elf")));
        assertEquals(path("bad.elf") + ": truncated ELF header: expected 52 bytes, the file has 18\n", stderr);
    }

    @Test
    void infoPrintsSegmentsSizesHashAndStart() {
        assertEquals(0, run("info", path("boot.hex"), path("app.hex")), stderr);
        assertEquals(
                path("boot.hex") + ": Intel HEX\n"
                        + "  segments: 1\n"
                        + "    0x00000000-0x00000003  4 bytes\n"
                        + "  size: 4 bytes\n"
                        + "  span: 0x00000000-0x00000003\n"
                        + "  sha256: " + sha("boot.hex") + "\n"
                        + "  start address: linear 0x00000041\n"
                        + path("app.hex") + ": Intel HEX\n"
                        + "  segments: 1\n"
                        + "    0x00008000-0x00008001  2 bytes\n"
                        + "  size: 2 bytes\n"
                        + "  span: 0x00008000-0x00008001\n"
                        + "  sha256: " + sha("app.hex") + "\n"
                        + "  start address: none\n",
                stdout);
    }

    private String sha(String name) {
        try {
            return IntelHex.read(dir.resolve(name)).sha256();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void infoReportsBadFilesAndGoesOn() {
        assertEquals(1, run("info", path("bad.hex"), path("app.hex")));
        assertTrue(stdout.startsWith(path("app.hex") + ": Intel HEX"), stdout);
        assertEquals(2, stderr.lines().count());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run());
        assertTrue(stderr.contains("usage: hexformat merge"));
        assertEquals(2, run("frobnicate"));
        assertTrue(
                stderr.startsWith("hexformat: unknown command 'frobnicate'; expected merge, convert or info"), stderr);
        assertEquals(2, run("merge", path("boot.hex")));
        assertTrue(stderr.startsWith("hexformat: merge needs an output: -o OUT"), stderr);
        assertEquals(2, run("merge", "-o", path("out.hex")));
        assertEquals(2, run("merge", "--overlap", "sometimes", "-o", path("out.hex"), path("boot.hex")));
        assertTrue(stderr.startsWith("hexformat: unknown overlap policy 'sometimes'"), stderr);
        assertEquals(2, run("convert", path("boot.hex")));
        assertEquals(2, run("convert", path("boot.hex"), path("out.txt")));
        assertTrue(stderr.startsWith("hexformat: cannot tell the format of output"), stderr);
        assertEquals(2, run("convert", path("boot.txt"), path("out.hex")));
        assertEquals(2, run("convert", "--record-size", "300", path("boot.hex"), path("out.hex")));
        assertEquals(2, run("convert", "--fill", "0x1FF", path("boot.hex"), path("out.bin")));
        assertEquals(2, run("convert", "--range", "10:5", path("boot.hex"), path("out.bin")));
        assertEquals(2, run("convert", "--fill", "1", path("boot.hex"), path("out.hex")));
        assertEquals(2, run("convert", "--bogus", path("boot.hex"), path("out.hex")));
        assertEquals(2, run("info", "-o", path("x.hex"), path("boot.hex")));
        assertEquals(2, run("merge", "-o"));
        assertTrue(stderr.startsWith("hexformat: option -o needs a value"), stderr);
        assertFalse(Files.exists(dir.resolve("out.hex")));
        assertFalse(Files.exists(dir.resolve("out.bin")));
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(stdout.contains("hexformat convert"));
    }

    /** A symbolic link to /dev/zero in the temporary directory, named so its format is {@code ext}. */
    private Path endless(String ext) throws Exception {
        return Files.createSymbolicLink(dir.resolve("zero." + ext), Path.of("/dev/zero"));
    }

    @Test
    void infoOnAnEndlessInputStopsAtTheFirstLineInProcess() throws Exception {
        for (String ext : List.of("hex", "srec", "elf")) {
            Path zero = endless(ext);
            int status = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("info", zero.toString()));
            assertEquals(HexformatCli.BAD_INPUT, status, stderr);
            assertEquals(1, stderr.lines().count(), stderr);
            assertTrue(
                    stderr.startsWith(zero + (ext.equals("elf") ? ": not an ELF file" : ":1: line longer than")),
                    stderr);
            assertEquals("", stdout);
        }
    }

    @Test
    void infoOnAnEndlessInputStopsInTheLaunchersJvm() throws Exception {
        Path zero = endless("hex");
        Path srec = endless("s19");
        ReferenceTools.Result r =
                JavaMain.run(HexformatCli.class, List.of("info", zero.toString(), srec.toString()), dir, 120);
        assertEquals(HexformatCli.BAD_INPUT, r.exitCode(), r.stderr());
        assertEquals(
                zero + ":1: line longer than 521 characters; an Intel HEX record has at most 521 (':' and 260 bytes"
                        + " as hex digits); stopped reading here\n" + srec
                        + ":1: line longer than 514 characters; an S-record"
                        + " has at most 514 ('S', the type digit and 256 bytes as hex digits); stopped reading here\n",
                r.stderr());
    }

    @Test
    void blankLinesAndTrailingDosEndOfFileAreAccepted() throws Exception {
        Files.writeString(
                dir.resolve("dos.hex"), ":0100000011EE\r\n\r\n:00000001FF\r\n\u001A", StandardCharsets.ISO_8859_1);
        assertEquals(HexformatCli.OK, run("info", path("dos.hex")), stderr);
        assertTrue(stdout.contains("size: 1 bytes"), stdout);
    }

    @Test
    void binaryFromAnEndlessDeviceEndsWithOneLineWhenTheHeapRunsOut() throws Exception {
        Path zero = endless("bin");
        ReferenceTools.Result r =
                JavaMain.run(List.of("-Xmx64m"), HexformatCli.class, List.of("info", zero.toString()), dir, 120);
        assertEquals(HexformatCli.BAD_INPUT, r.exitCode(), r.stderr());
        assertTrue(
                r.stderr().startsWith("hexformat: out of memory: the inputs need more heap than this JVM has;"),
                r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
    }
}
