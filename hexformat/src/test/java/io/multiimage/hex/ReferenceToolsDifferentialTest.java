package io.multiimage.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential tests: our reader, writer and merge against Debian's {@code srec_cat}
 * (srecord) and Python's {@code intelhex} on generated images. The tools must agree with us
 * on every byte; start addresses are compared where the tool keeps them.
 */
class ReferenceToolsDifferentialTest {

    private static final String INTELHEX_MERGE = """
            import sys
            from intelhex import IntelHex
            out = IntelHex()
            for name in sys.argv[2:]:
                out.merge(IntelHex(name), overlap='error')
            out.write_hex_file(sys.argv[1])
            for start, end in out.segments():
                print('%d %d' % (start, end - start))
            """;

    /** Disjoint inputs: one random image cut into parts, each written with its own record size. */
    private static List<Path> writeInputs(Path dir, long seed, MemoryImage whole) throws Exception {
        Random random = new Random(seed);
        List<MemoryImage> parts = RandomImages.split(whole, random, 2 + random.nextInt(4));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Path file = dir.resolve("in" + i + ".hex");
            IntelHex.write(
                    parts.get(i),
                    file,
                    IntelHex.WriteOptions.DEFAULT
                            .withRecordSize(1 + random.nextInt(255))
                            .withLineEnding(random.nextBoolean() ? LineEnding.LF : LineEnding.CRLF));
            files.add(file);
        }
        return files;
    }

    private static MemoryImage ourMerge(List<Path> files) throws Exception {
        ImageMerger merger = new ImageMerger(OverlapPolicy.ERROR, StartPolicy.NONE);
        for (Path f : files) {
            merger.addAndConsume(f.toString(), IntelHex.read(f));
        }
        return merger.result();
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void srecCatMergeOfIntelHexGivesTheSameBytes(long seed, @TempDir Path dir) throws Exception {
        Path srecCat = ReferenceTools.require("srec_cat", "srecord");
        MemoryImage whole = RandomImages.sparse(new Random(seed));
        List<Path> files = writeInputs(dir, seed, whole);
        List<String> command = new ArrayList<>(List.of(srecCat.toString()));
        for (Path f : files) {
            command.add(f.toString());
            command.add("-Intel");
        }
        command.addAll(List.of("-o", dir.resolve("theirs.hex").toString(), "-Intel"));
        ReferenceTools.run(command, dir, 120).assertSuccess();
        MemoryImage theirs = IntelHex.read(dir.resolve("theirs.hex"));
        theirs.setStartAddress(null);
        MemoryImage ours = ourMerge(files);
        assertEquals(whole.segments(), theirs.segments(), "seed " + seed);
        assertEquals(ours.sha256(), theirs.sha256(), "seed " + seed);
        assertEquals(ours, theirs);
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void srecCatReadsOurSRecordsAndWeReadItsSRecords(long seed, @TempDir Path dir) throws Exception {
        Path srecCat = ReferenceTools.require("srec_cat", "srecord");
        Random random = new Random(seed);
        MemoryImage image = RandomImages.sparse(random);
        image.setStartAddress(StartAddress.linear(0x1001));
        SRecord.write(
                image, dir.resolve("ours.srec"), SRecord.WriteOptions.DEFAULT.withRecordSize(1 + random.nextInt(250)));
        ReferenceTools.run(
                        List.of(
                                srecCat.toString(),
                                "ours.srec",
                                "-Motorola",
                                "-o",
                                "theirs.srec",
                                "-Motorola",
                                "-address-length=4"),
                        dir,
                        120)
                .assertSuccess();
        ReferenceTools.run(
                        List.of(srecCat.toString(), "ours.srec", "-Motorola", "-o", "theirs.hex", "-Intel"), dir, 120)
                .assertSuccess();
        assertEquals(image, SRecord.read(dir.resolve("theirs.srec")), "seed " + seed);
        MemoryImage viaHex = IntelHex.read(dir.resolve("theirs.hex"));
        assertEquals(image.sha256(), viaHex.sha256(), "seed " + seed);
        assertEquals(0x1001, viaHex.startAddress().orElseThrow().physical());
    }

    @ParameterizedTest
    @ValueSource(longs = {31, 32})
    void srecCatBinaryOutputMatchesOurBinaryOutput(long seed, @TempDir Path dir) throws Exception {
        Path srecCat = ReferenceTools.require("srec_cat", "srecord");
        MemoryImage image = RandomImages.compact(new Random(seed));
        Segment span = image.span().orElseThrow();
        IntelHex.write(image, dir.resolve("in.hex"));
        RawBinary.write(image, dir.resolve("ours.bin"), span.start(), span.end(), (byte) 0xFF);
        ReferenceTools.run(
                        List.of(
                                srecCat.toString(),
                                "in.hex",
                                "-Intel",
                                "-fill",
                                "0xFF",
                                "0x" + Long.toHexString(span.start()),
                                "0x" + Long.toHexString(span.end()),
                                "-offset",
                                "-0x" + Long.toHexString(span.start()),
                                "-o",
                                "theirs.bin",
                                "-binary"),
                        dir,
                        120)
                .assertSuccess();
        assertEquals(
                java.util.HexFormat.of().formatHex(Files.readAllBytes(dir.resolve("theirs.bin"))),
                java.util.HexFormat.of().formatHex(Files.readAllBytes(dir.resolve("ours.bin"))),
                "seed " + seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43, 44, 45, 46})
    void pythonIntelhexMergeGivesTheSameSegmentsAndBytes(long seed, @TempDir Path dir) throws Exception {
        Path python = ReferenceTools.debianPython("intelhex", "python3-intelhex");
        MemoryImage whole = RandomImages.sparse(new Random(seed));
        whole.setStartAddress(StartAddress.linear(0x08000131L));
        List<Path> files = writeInputs(dir, seed, whole);
        Files.writeString(dir.resolve("merge.py"), INTELHEX_MERGE);
        List<String> command = new ArrayList<>(List.of(python.toString(), "merge.py", "theirs.hex"));
        files.forEach(f -> command.add(f.toString()));
        ReferenceTools.Result result = ReferenceTools.run(command, dir, 120).assertSuccess();

        MemoryImage ours = ourMerge(files);
        String ourSegments =
                ours.segments().stream().map(s -> s.start() + " " + s.length()).collect(Collectors.joining("\n"));
        assertEquals(ourSegments, result.stdout().strip(), "seed " + seed);
        MemoryImage theirs = IntelHex.read(dir.resolve("theirs.hex"));
        assertEquals(ours.sha256(), theirs.sha256(), "seed " + seed);
        assertEquals(whole.sha256(), theirs.sha256());
    }

    @ParameterizedTest
    @ValueSource(longs = {51, 52})
    void pythonIntelhexReadsOurSegmentedAndLinearStartRecords(long seed, @TempDir Path dir) throws Exception {
        Path python = ReferenceTools.debianPython("intelhex", "python3-intelhex");
        MemoryImage image = RandomImages.compact(new Random(seed));
        image.setStartAddress(
                seed % 2 == 0 ? StartAddress.segmented(0x1234, 0x5678) : StartAddress.linear(0x0800_0131L));
        IntelHex.write(image, dir.resolve("ours.hex"));
        ReferenceTools.Result result = ReferenceTools.run(
                        List.of(
                                python.toString(),
                                "-c",
                                "from intelhex import IntelHex; ih = IntelHex('ours.hex'); print(sorted(ih.start_addr.items()));"
                                        + " print(len(ih))"),
                        dir,
                        60)
                .assertSuccess();
        String expectedStart = seed % 2 == 0 ? "[('CS', 4660), ('IP', 22136)]" : "[('EIP', 134218033)]";
        assertEquals(expectedStart + "\n" + image.size(), result.stdout().strip());
    }

    private static final String INTELHEX_SHA256 = """
            import sys, hashlib, struct
            from intelhex import IntelHex
            try:
                ih = IntelHex(sys.argv[1])
            except Exception as e:
                print('rejected: %s' % e)
                sys.exit(0)
            h = hashlib.sha256()
            for start, end in ih.segments():
                h.update(struct.pack('>II', start, end - start))
                h.update(bytes(ih.tobinarray(start=start, end=end - 1)))
            print(h.hexdigest())
            """;

    /** Empty lines (LF or CRLF) between records and at the end. */
    private static String withBlankLines(String text, Random random) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("(?<=\\n)")) {
            out.append(line);
            if (random.nextInt(5) == 0) {
                out.append(random.nextBoolean() ? "\n" : "\r\n");
            }
        }
        return out.append("\r\n\n").toString();
    }

    /** One or two DOS end-of-file characters, maybe with a line end. */
    private static String dosEnd(Random random) {
        return "\u001A".repeat(1 + random.nextInt(2)) + (random.nextBoolean() ? "\r\n" : "");
    }

    @ParameterizedTest
    @ValueSource(longs = {61, 62, 63, 64})
    void blankLinesAndDosEndOfFileAreReadLikeSrecCatAndIntelhex(long seed, @TempDir Path dir) throws Exception {
        Path srecCat = ReferenceTools.require("srec_cat", "srecord");
        Path python = ReferenceTools.debianPython("intelhex", "python3-intelhex");
        Random random = new Random(seed);
        MemoryImage image = RandomImages.sparse(random);
        String text = withBlankLines(
                        Texts.hexText(
                                image,
                                IntelHex.WriteOptions.DEFAULT.withLineEnding(
                                        random.nextBoolean() ? LineEnding.LF : LineEnding.CRLF)),
                        random)
                + dosEnd(random);
        Files.writeString(dir.resolve("in.hex"), text, java.nio.charset.StandardCharsets.ISO_8859_1);
        MemoryImage ours = IntelHex.read(dir.resolve("in.hex"));
        assertEquals(image, ours, "seed " + seed);

        ReferenceTools.Result cat = ReferenceTools.run(
                        List.of(srecCat.toString(), "in.hex", "-Intel", "-o", "theirs.hex", "-Intel"), dir, 120)
                .assertSuccess();
        assertEquals("", cat.stderr(), "srec_cat takes the file without a warning");
        MemoryImage theirs = IntelHex.read(dir.resolve("theirs.hex"));
        assertEquals(ours.sha256(), theirs.sha256(), "seed " + seed);

        Files.writeString(dir.resolve("sha.py"), INTELHEX_SHA256);
        String intelhex = ReferenceTools.run(List.of(python.toString(), "sha.py", "in.hex"), dir, 120)
                .assertSuccess()
                .stdout()
                .strip();
        assertEquals(ours.sha256(), intelhex, "seed " + seed);

        // S-records: srec_cat takes blank lines silently, and a DOS end-of-file character after the
        // termination record with "warning: ignoring garbage lines"; we take both
        String srecText = withBlankLines(Texts.srecText(image, SRecord.WriteOptions.DEFAULT), random);
        Files.writeString(dir.resolve("in.srec"), srecText, java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.writeString(
                dir.resolve("dos.srec"), srecText + dosEnd(random), java.nio.charset.StandardCharsets.ISO_8859_1);
        ReferenceTools.Result catSrec = ReferenceTools.run(
                        List.of(srecCat.toString(), "in.srec", "-Motorola", "-o", "theirs2.hex", "-Intel"), dir, 120)
                .assertSuccess();
        assertEquals("", catSrec.stderr(), "srec_cat takes the S-record file without a warning");
        ReferenceTools.Result catDos = ReferenceTools.run(
                        List.of(srecCat.toString(), "dos.srec", "-Motorola", "-o", "theirs3.hex", "-Intel"), dir, 120)
                .assertSuccess();
        assertTrue(catDos.stderr().strip().endsWith("warning: ignoring garbage lines"), catDos.stderr());
        assertEquals(1, catDos.stderr().lines().count(), catDos.stderr());
        for (String file : List.of("in.srec", "dos.srec")) {
            assertEquals(image.sha256(), SRecord.read(dir.resolve(file)).sha256(), file + " seed " + seed);
        }
        assertEquals(image.sha256(), IntelHex.read(dir.resolve("theirs2.hex")).sha256(), "seed " + seed);
        assertEquals(image.sha256(), IntelHex.read(dir.resolve("theirs3.hex")).sha256(), "seed " + seed);
    }

    /**
     * Where the three readers stand on the odd inputs around #15: we accept exactly what both
     * tools accept without a warning, except text after the end-of-file record, which strict
     * reading keeps refusing (both tools ignore it; {@code --lenient} does too).
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "empty lines           | :0100000011EE\\n\\n\\r\\n:00000001FF\\n\\n  | true  | true  | true",
                "dos end after eof     | :0100000011EE\\n:00000001FF\\r\\n\\u001A      | true  | true  | true",
                "blank line of spaces  | :0100000011EE\\n   \\n:00000001FF\\n          | false | false | false",
                "dos end on eof line   | :0100000011EE\\n:00000001FF\\u001A         | false | false | false",
                "dos end before eof    | :0100000011EE\\n\\u001A\\n:00000001FF\\n      | false | false | false",
                "text after eof        | :0100000011EE\\n:00000001FF\\ngarbage\\n    | false | true  | true",
            })
    void oddInputsAreAcceptedExactlyWhereTheToolsAgree(
            String name, String escaped, boolean ours, boolean srecCatClean, boolean intelhex, @TempDir Path dir)
            throws Exception {
        Path srecCat = ReferenceTools.require("srec_cat", "srecord");
        Path python = ReferenceTools.debianPython("intelhex", "python3-intelhex");
        String text = escaped.replace("\\n", "\n").replace("\\r", "\r").replace("\\u001A", "\u001A");
        Files.writeString(dir.resolve("in.hex"), text, java.nio.charset.StandardCharsets.ISO_8859_1);
        boolean weAccept;
        try {
            IntelHex.read(dir.resolve("in.hex"));
            weAccept = true;
        } catch (ImageFormatException e) {
            weAccept = false;
        }
        ReferenceTools.Result cat = ReferenceTools.run(
                List.of(srecCat.toString(), "in.hex", "-Intel", "-o", "out.hex", "-Intel"), dir, 120);
        Files.writeString(dir.resolve("sha.py"), INTELHEX_SHA256);
        String ih = ReferenceTools.run(List.of(python.toString(), "sha.py", "in.hex"), dir, 120)
                .assertSuccess()
                .stdout();
        assertEquals(ours, weAccept, name + ": ours");
        assertEquals(srecCatClean, cat.exitCode() == 0 && cat.stderr().isEmpty(), name + ": srec_cat " + cat.stderr());
        assertEquals(intelhex, !ih.startsWith("rejected"), name + ": intelhex " + ih);
    }
}
