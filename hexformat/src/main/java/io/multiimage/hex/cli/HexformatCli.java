package io.multiimage.hex.cli;

import io.multiimage.hex.Elf;
import io.multiimage.hex.ImageException;
import io.multiimage.hex.ImageMerger;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.LineEnding;
import io.multiimage.hex.MemoryImage;
import io.multiimage.hex.ParallelReads;
import io.multiimage.hex.Problem;
import io.multiimage.hex.RawBinary;
import io.multiimage.hex.ReadMode;
import io.multiimage.hex.SRecord;
import io.multiimage.hex.Segment;
import io.multiimage.hex.Uf2;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The {@code hexformat} command: {@code merge}, {@code convert} and {@code info} for Intel
 * HEX, S-record, raw binary, ELF and UF2 files. Exit status 0 on success, 1 when an input is
 * bad (one {@code FILE:LINE: message} per problem on stderr), 2 for a wrong command line.
 * Outputs are written atomically, so on any error no output is created or modified.
 */
public final class HexformatCli {

    /** Exit status: success. */
    public static final int OK = 0;
    /** Exit status: an input is bad or cannot be read or written. */
    public static final int BAD_INPUT = 1;
    /** Exit status: the command line is wrong. */
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: hexformat merge [--overlap error|replace|ignore|identical] [--start error|first|last|none]
                                   [--lenient] [--base ADDR] [OUTPUT OPTIONS] -o OUT IN...
                   hexformat convert [--lenient] [--base ADDR] [OUTPUT OPTIONS] IN OUT
                   hexformat info [--lenient] [--base ADDR] IN...

            Formats follow the file extension: inputs .hex .srec (.s19 .s28 .s37 .mot) .bin .elf,
            outputs .hex .srec .bin .uf2.

              --overlap P       what a merge does with addresses two inputs share (default error)
              --start P         which start address a merge keeps (default error: inputs must agree)
              --lenient         accept a BOM, spaces, a missing end record, text after it
              --base ADDR       address of the first byte of .bin inputs (default 0)
            OUTPUT OPTIONS
              --range START:END write only [START, END) (END exclusive); for .bin the exact range
              --fill BYTE       value of gaps in .bin and .uf2 output (default 0xFF)
              --record-size N   data bytes per .hex/.srec record, 1-255 (default 16)
              --crlf            CRLF line endings in .hex/.srec output (default LF)
              --family ID       UF2 family id
            Numbers are decimal or 0x-prefixed hex.
            """;

    private static final Set<String> INPUT_OPTIONS = Set.of("--lenient", "--base");
    private static final Set<String> OUTPUT_OPTIONS =
            Set.of("--range", "--fill", "--record-size", "--crlf", "--family");

    private final PrintStream out;
    private final PrintStream err;

    private HexformatCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command and exits the JVM with its status. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Runs the command with the given streams and returns the exit status (0, 1 or 2). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new HexformatCli(out, err).dispatch(Arrays.asList(args));
    }

    private int dispatch(List<String> args) {
        if (args.isEmpty()) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (command) {
                case "merge" ->
                    merge(Options.parse(
                            command,
                            rest,
                            union(INPUT_OPTIONS, OUTPUT_OPTIONS, Set.of("--overlap", "--start", "-o", "--output"))));
                case "convert" -> convert(Options.parse(command, rest, union(INPUT_OPTIONS, OUTPUT_OPTIONS)));
                case "info" -> info(Options.parse(command, rest, INPUT_OPTIONS));
                case "help", "--help", "-h" -> {
                    out.print(USAGE_TEXT);
                    yield OK;
                }
                default ->
                    throw new UsageException("unknown command '" + command + "'; expected merge, convert or info");
            };
        } catch (UsageException e) {
            err.println("hexformat: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        } catch (OutOfMemoryError e) {
            // the images are unreachable once the command has unwound: there is room to say why
            err.println("hexformat: out of memory: the inputs need more heap than this JVM has; give it more with"
                    + " HEXFORMAT_JAVA_OPTS=-Xmx4g, and check each input is the file meant (a device such as /dev/zero"
                    + " read as .bin only ends at 4 GiB)");
            return BAD_INPUT;
        }
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        java.util.HashSet<String> all = new java.util.HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    // ---------------------------------------------------------------- commands

    private int merge(Options o) throws UsageException {
        if (o.output == null) {
            throw new UsageException("merge needs an output: -o OUT");
        }
        if (o.positional.isEmpty()) {
            throw new UsageException("merge needs at least one input");
        }
        Path output = Path.of(o.output);
        Format outFormat = Format.forOutput(output);
        List<Path> inputs = new ArrayList<>();
        for (String name : o.positional) {
            Path p = Path.of(name);
            Format.forInput(p);
            inputs.add(p);
        }
        checkOutputOptions(o, outFormat);
        List<MemoryImage> images = readAll(inputs, o);
        if (images == null) {
            return BAD_INPUT;
        }
        ImageMerger merger = new ImageMerger(o.overlap, o.start);
        try {
            for (int i = 0; i < inputs.size(); i++) {
                merger.addAndConsume(inputs.get(i).toString(), images.get(i));
                images.set(i, null);
            }
        } catch (ImageException e) {
            report(e.problems());
            return BAD_INPUT;
        }
        return write(merger.result(), output, outFormat, o);
    }

    private int convert(Options o) throws UsageException {
        if (o.positional.size() != 2) {
            throw new UsageException(
                    "convert needs exactly one input and one output, got " + o.positional.size() + " file argument(s)");
        }
        Path input = Path.of(o.positional.get(0));
        Path output = Path.of(o.positional.get(1));
        Format.forInput(input);
        Format outFormat = Format.forOutput(output);
        checkOutputOptions(o, outFormat);
        List<MemoryImage> images = readAll(List.of(input), o);
        if (images == null) {
            return BAD_INPUT;
        }
        return write(images.get(0), output, outFormat, o);
    }

    private int info(Options o) throws UsageException {
        if (o.positional.isEmpty()) {
            throw new UsageException("info needs at least one input");
        }
        List<Path> inputs = new ArrayList<>();
        for (String name : o.positional) {
            Path p = Path.of(name);
            Format.forInput(p);
            inputs.add(p);
        }
        int status = OK;
        for (Path input : inputs) {
            MemoryImage image;
            try {
                image = read(input, o);
            } catch (ImageException e) {
                report(e.problems());
                status = BAD_INPUT;
                continue;
            } catch (IOException e) {
                err.println(ioProblem(input, e));
                status = BAD_INPUT;
                continue;
            }
            printInfo(input, image);
        }
        return status;
    }

    private void printInfo(Path input, MemoryImage image) throws UsageException {
        List<Segment> segments = image.segments();
        out.println(input + ": " + Format.forInput(input).description);
        out.println("  segments: " + segments.size());
        for (Segment s : segments) {
            out.printf("    %s  %d bytes%n", s, s.length());
        }
        out.println("  size: " + image.size() + " bytes");
        out.println("  span: " + image.span().map(Segment::toString).orElse("empty"));
        out.println("  sha256: " + image.sha256());
        out.println(
                "  start address: " + image.startAddress().map(Object::toString).orElse("none"));
    }

    // ---------------------------------------------------------------- reading and writing

    /**
     * Reads every input, reporting the problems of all of them in input order; null when any
     * input is bad. Small inputs are read side by side, large ones split across the processors.
     */
    private List<MemoryImage> readAll(List<Path> inputs, Options o) throws UsageException {
        List<ParallelReads.Outcome> outcomes;
        try {
            outcomes = ParallelReads.readAll(inputs, input -> read(input, o));
        } catch (InterruptedIOException e) {
            err.println("interrupted while reading the inputs");
            return null;
        }
        List<MemoryImage> images = new ArrayList<>();
        boolean failed = false;
        for (ParallelReads.Outcome outcome : outcomes) {
            if (outcome.ok()) {
                images.add(outcome.image());
            } else if (outcome.failure() instanceof ImageException e) {
                report(e.problems());
                failed = true;
            } else {
                err.println(ioProblem(outcome.file(), (IOException) outcome.failure()));
                failed = true;
            }
        }
        return failed ? null : images;
    }

    /** Reads an input whose format {@link Format#forInput} has already accepted. */
    private static MemoryImage read(Path input, Options o) throws IOException, ImageException {
        ReadMode mode = o.lenient ? ReadMode.LENIENT : ReadMode.STRICT;
        Format format;
        try {
            format = Format.forInput(input);
        } catch (UsageException e) {
            throw new IllegalStateException("inputs are checked before they are read", e);
        }
        return switch (format) {
            case HEX -> IntelHex.read(input, mode);
            case SREC -> SRecord.read(input, mode);
            case BIN -> RawBinary.read(input, o.base);
            case ELF -> Elf.load(input);
            case UF2 -> throw new IllegalStateException("UF2 is not an input format");
        };
    }

    private static void checkOutputOptions(Options o, Format format) throws UsageException {
        if ((o.recordSize != null || o.crlf) && format != Format.HEX && format != Format.SREC) {
            throw new UsageException("--record-size and --crlf apply to .hex and .srec output only");
        }
        if (o.recordSize != null && format == Format.SREC && o.recordSize > 250) {
            throw new UsageException("--record-size for .srec output must be 1 to 250, got " + o.recordSize);
        }
        if (o.fill != null && format != Format.BIN && format != Format.UF2) {
            throw new UsageException("--fill applies to .bin and .uf2 output only");
        }
        if (o.family != null && format != Format.UF2) {
            throw new UsageException("--family applies to .uf2 output only");
        }
    }

    private int write(MemoryImage image, Path output, Format format, Options o) {
        LineEnding eol = o.crlf ? LineEnding.CRLF : LineEnding.LF;
        byte fill = o.fill == null ? RawBinary.DEFAULT_FILL : (byte) (int) o.fill;
        MemoryImage data = o.rangeStart == null || format == Format.BIN ? image : image.slice(o.rangeStart, o.rangeEnd);
        try {
            switch (format) {
                case HEX ->
                    IntelHex.write(
                            data,
                            output,
                            IntelHex.WriteOptions.DEFAULT
                                    .withRecordSize(o.recordSize == null ? 16 : o.recordSize)
                                    .withLineEnding(eol));
                case SREC ->
                    SRecord.write(
                            data,
                            output,
                            SRecord.WriteOptions.DEFAULT
                                    .withRecordSize(o.recordSize == null ? 16 : o.recordSize)
                                    .withLineEnding(eol));
                case BIN -> {
                    if (o.rangeStart != null) {
                        RawBinary.write(data, output, o.rangeStart, o.rangeEnd, fill);
                    } else {
                        Segment span = data.span().orElse(null);
                        RawBinary.write(
                                data, output, span == null ? 0 : span.start(), span == null ? 0 : span.end(), fill);
                    }
                }
                case UF2 ->
                    Uf2.write(
                            data,
                            output,
                            new Uf2.WriteOptions(
                                    o.family == null ? OptionalLong.empty() : OptionalLong.of(o.family), fill));
                case ELF -> throw new IllegalStateException("ELF output is not offered");
            }
        } catch (IOException e) {
            err.println(output + ": cannot write: " + describe(e));
            return BAD_INPUT;
        }
        return OK;
    }

    private void report(List<Problem> problems) {
        for (Problem p : problems) {
            err.println(p);
        }
    }

    private static String ioProblem(Path input, IOException e) {
        return input + ": cannot read: " + describe(e);
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
