package io.multiimage.hex;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streaming Intel HEX parser (record types 00-05). Works on the bytes of each line, never on
 * Strings, and writes every data record straight into the target image. Continues after a
 * bad record so that one run reports every problem, up to {@link ProblemCollector#LIMIT}.
 */
final class IntelHexParser {

    private static final int MAX_RECORD_BYTES = 5 + 255;
    /** The longest record line: ':' and every byte as two hex digits (521 characters). */
    static final int MAX_LINE = 1 + 2 * MAX_RECORD_BYTES;
    /** Lenient mode also takes blanks around a record; still bounded, so endless input ends. */
    static final int LENIENT_MAX_LINE = 4096;

    private final boolean strict;
    private final MemoryImage image;
    private final ProblemCollector problems;
    /**
     * Where data records go: the image, or for a chunk of a file read in parallel, a separate
     * image of the records before the chunk's first address record (their base is not known
     * yet; they are stored at base 0 and moved once it is).
     */
    private MemoryImage target;

    private boolean sawAddressRecord;

    /**
     * Consecutive data records are collected here and written to the image in one piece.
     * A stage only starts where the image holds nothing in the whole window it may cover,
     * so staged bytes can never conflict and conflicts are still found record by record,
     * with their line, on the direct path.
     */
    static final int STAGE_SIZE = 1 << 16;

    private final byte[] stage;
    private long stageStart = -1;
    private long stageEnd = -1;
    private int stageLength;

    private long base;
    private long startLine;
    private long eofLine;
    /** The last empty line and how many came right before it, to bound an endless run of them. */
    private long lastEmptyLine;

    private int emptyRun;

    IntelHexParser(String source, ReadMode mode, MemoryImage image) {
        this(source, mode, image, null, new byte[STAGE_SIZE]);
    }

    /**
     * A parser for one chunk of a file: records before the first address record go to
     * {@code prefix} at base 0; problems are only counted (the caller falls back to reading
     * the whole file sequentially, which reports them with the right lines). Runs are staged
     * in {@code stage} ({@link #STAGE_SIZE} bytes), free for the next chunk once parsing
     * returns: a fresh stage per chunk would cost a large file megabytes of page faults.
     */
    IntelHexParser(String source, ReadMode mode, MemoryImage image, MemoryImage prefix, byte[] stage) {
        if (stage.length != STAGE_SIZE) {
            throw new IllegalArgumentException("a stage holds " + STAGE_SIZE + " bytes, not " + stage.length);
        }
        this.stage = stage;
        this.strict = mode == ReadMode.STRICT;
        this.image = image;
        this.problems = new ProblemCollector(source);
        this.target = prefix != null ? prefix : image;
    }

    void parse(InputStream in) throws IOException, ImageFormatException {
        parse(new LineReader(in, maxLine()), true);
        problems.throwIfAny();
    }

    /**
     * Parses a chunk held in memory.
     *
     * @param last whether the chunk ends the file (only then is a missing end record a problem)
     * @return whether the chunk parsed without any problem
     */
    boolean parseChunk(byte[] data, int length, boolean last) throws IOException {
        parse(new LineReader(data, length), last);
        return problems.isEmpty();
    }

    /** Whether an end-of-file record was seen. */
    boolean sawEndOfFile() {
        return eofLine > 0;
    }

    /** Whether a type 02 or 04 record was seen, making {@link #base()} meaningful. */
    boolean sawAddressRecord() {
        return sawAddressRecord;
    }

    /** The extended address in effect at the end. */
    long base() {
        return base;
    }

    private void parse(LineReader r, boolean last) throws IOException {
        byte[] rec = new byte[MAX_RECORD_BYTES + 4];
        int go = 1;
        while (go > 0) {
            r.ensure(FAST_WINDOW);
            if (eofLine == 0) {
                go = fastRecord(r, rec);
                if (go != 0) {
                    continue;
                }
            }
            if (!r.next()) {
                break;
            }
            go = slowLine(r, rec) ? 1 : -1;
        }
        flushStage();
        if (go >= 0 && eofLine == 0 && strict && last) {
            long line = Math.max(1, r.lineNumber);
            problems.add(
                    line,
                    r.lineNumber == 0
                            ? "empty file; expected Intel HEX records ending with the end-of-file record ':00000001FF'"
                            : "missing end-of-file record: expected ':00000001FF' as the last record, found the end of the file");
        }
    }

    /** Longest record line plus CRLF, with room to spare: the fast path never looks further. */
    private static final int FAST_WINDOW = 1 + 2 * MAX_RECORD_BYTES + 2 + 8;

    /**
     * Parses one record straight from the reader's buffer when it is well formed: ':' at the
     * line start, hex digits, byte count matching a line terminator, correct checksum.
     * Anything else is left to {@link #slowLine}, which finds the line and explains it.
     *
     * @return 0 when the record was not consumed; 1 when it was; -1 when reading must stop
     */
    private int fastRecord(LineReader r, byte[] rec) {
        byte[] b = r.buf;
        int p = r.pos;
        int limit = r.limit;
        if (limit - p < 11 || b[p] != ':') {
            return 0;
        }
        // Byte count, address and type: the first eight digits, in one load.
        long header = (long) Swar.LONG_LE.get(b, p + 1);
        if (Swar.invalidDigits(header) != 0) {
            return 0;
        }
        long headerLanes = Swar.pairLanes(header);
        int count = (int) headerLanes & 0xFF;
        int end = p + 11 + 2 * count;
        byte terminator;
        if (end < limit) {
            terminator = b[end];
            if (terminator != '\n' && terminator != '\r') {
                return 0;
            }
        } else if (end == limit && r.eof) {
            terminator = 0;
        } else {
            return 0;
        }
        int next = end + 1;
        if (terminator == '\r' && next < limit && b[next] == '\n') {
            next++;
        } else if (terminator == 0) {
            next = end;
        }
        if ((headerLanes >>> 48) == 0) {
            long address = base + (((int) (headerLanes >>> 16) & 0xFF) << 8 | ((int) (headerLanes >>> 32) & 0xFF));
            if (address == stageStart + stageLength && address + count <= stageEnd) {
                // The common case: the next bytes of a run, decoded straight into the stage. A
                // bad digit or checksum leaves stageLength as it was; the slow path explains.
                if (!decodeInto(b, p + 9, stage, stageLength, count, headerLanes)) {
                    return 0;
                }
                stageLength += count;
                r.pos = next;
                r.lineNumber++;
                return 1;
            }
        }
        if (!decodeInto(b, p + 1, rec, 0, count + 4, 0)) {
            return 0;
        }
        r.pos = next;
        long ln = ++r.lineNumber;
        return record(ln, rec, count) ? 1 : -1;
    }

    /**
     * Decodes {@code n} bytes of hex digits at {@code b[q..]} into {@code dst[k..]} and checks
     * the checksum pair that follows them, counting {@code lanes} (earlier bytes of the
     * record, as {@link Swar#pairLanes} lanes) into the sum. False on a bad digit or checksum.
     */
    private static boolean decodeInto(byte[] b, int q, byte[] dst, int k, int n, long lanes) {
        int stop = k + n;
        long invalid = 0;
        // Sixteen digits a step (few loop iterations for C1's code); the rest one pair at a time.
        for (; k + 8 <= stop; k += 8, q += 16) {
            long x = (long) Swar.LONG_LE.get(b, q);
            long y = (long) Swar.LONG_LE.get(b, q + 8);
            invalid |= Swar.invalidDigits(x) | Swar.invalidDigits(y);
            long low = Swar.pairLanes(x);
            long high = Swar.pairLanes(y);
            lanes += low + high;
            Swar.LONG_LE.set(dst, k, (Swar.packLanes(low) & 0xFFFFFFFFL) | (long) Swar.packLanes(high) << 32);
        }
        short[] pair = HexDigits.PAIR;
        int bad = invalid == 0 ? 0 : -1;
        int sum = Swar.sumLanes(lanes);
        for (; k < stop; k++, q += 2) {
            int v = pair[((b[q] & 0xFF) << 8) | (b[q + 1] & 0xFF)];
            bad |= v;
            dst[k] = (byte) v;
            sum += v;
        }
        int check = pair[((b[q] & 0xFF) << 8) | (b[q + 1] & 0xFF)];
        return (bad | check) >= 0 && ((sum + check) & 0xFF) == 0;
    }

    private int maxLine() {
        return strict ? MAX_LINE : LENIENT_MAX_LINE;
    }

    /** Parses and diagnoses the reader's current line; false when reading must stop. */
    private boolean slowLine(LineReader r, byte[] rec) {
        long ln = r.lineNumber;
        byte[] b = r.buf;
        if (eofLine > 0) {
            if (!r.tooLong && HexDigits.isBlankOrDosEnd(b, r.start, r.end)) {
                // blank lines and a DOS end-of-file character (0x1A), as srec_cat and intelhex accept
                return emptyLine(ln);
            }
            if (strict) {
                problems.add(
                        ln,
                        "data after the end-of-file record of line " + eofLine + "; expected the file to end there");
            }
            return false;
        }
        if (r.tooLong || r.end - r.start > maxLine()) {
            problems.add(
                    ln,
                    "line longer than " + maxLine() + " characters; an Intel HEX record has at most " + MAX_LINE
                            + " (':' and 260 bytes as hex digits); stopped reading here");
            return false;
        }
        int lineStart = r.start;
        int s = r.start;
        int e = r.end;
        if (ln == 1 && e - s >= 3 && b[s] == (byte) 0xEF && b[s + 1] == (byte) 0xBB && b[s + 2] == (byte) 0xBF) {
            if (strict && !problems.add(ln, "file starts with a UTF-8 byte order mark (EF BB BF); expected ':'")) {
                return false;
            }
            s += 3;
            lineStart = s;
        }
        if (!strict) {
            while (s < e && HexDigits.isBlank(b[s])) {
                s++;
            }
            while (e > s && HexDigits.isBlank(b[e - 1])) {
                e--;
            }
            if (s == e) {
                return emptyLine(ln);
            }
            lineStart = s;
        }
        if (s == e) {
            return emptyLine(ln); // an empty line: srec_cat and Python's intelhex skip it too
        }
        if (b[s] != ':') {
            return problems.add(
                    ln,
                    HexDigits.isBlank(b[s])
                            ? "stray whitespace (" + HexDigits.describe(b[s]) + ") at column 1; expected ':'"
                            : "expected ':' at column 1, found " + HexDigits.describe(b[s]));
        }
        int digits = e - s - 1;
        int n = digits >>> 1;
        boolean shapeOk = (digits & 1) == 0 && n >= 5 && n <= MAX_RECORD_BYTES;
        int bad = 0;
        int sum = 0;
        if (shapeOk) {
            short[] pair = HexDigits.PAIR;
            int p = s + 1;
            for (int k = 0; k < n; k++, p += 2) {
                int v = pair[((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF)];
                bad |= v;
                rec[k] = (byte) v;
                sum += v;
            }
        }
        if (!shapeOk || bad < 0 || n != (rec[0] & 0xFF) + 5) {
            return problems.add(ln, describeMalformed(b, s, e, lineStart));
        }
        if ((sum & 0xFF) != 0) {
            int found = rec[n - 1] & 0xFF;
            int expected = (found - sum) & 0xFF;
            return problems.add(ln, String.format("checksum mismatch: expected 0x%02X, found 0x%02X", expected, found));
        }
        return record(ln, rec, n - 5);
    }

    /** Takes an empty line; false (a problem) when too many came in a row. */
    private boolean emptyLine(long ln) {
        emptyRun = ln == lastEmptyLine + 1 ? emptyRun + 1 : 1;
        lastEmptyLine = ln;
        if (emptyRun > HexDigits.MAX_EMPTY_RUN) {
            problems.add(
                    ln,
                    "more than " + HexDigits.MAX_EMPTY_RUN + " empty lines in a row; stopped reading here"
                            + " (is this the right file?)");
            return false;
        }
        return true;
    }

    private void flushStage() {
        if (stageLength > 0) {
            target.write(stageStart, stage, 0, stageLength);
        }
        stageStart = -1;
        stageEnd = -1;
        stageLength = 0;
    }

    /** Applies one well-formed record; false when the reader should stop. */
    private boolean record(long ln, byte[] rec, int count) {
        int offset = ((rec[1] & 0xFF) << 8) | (rec[2] & 0xFF);
        int type = rec[3] & 0xFF;
        if (type == 0) {
            return data(ln, rec, count, base + offset);
        }
        return control(ln, rec, count, offset, type);
    }

    /** A data record that does not simply continue the staged run. */
    private boolean data(long ln, byte[] rec, int count, long address) {
        if (address + count > MemoryImage.ADDRESS_LIMIT) {
            return problems.add(
                    ln,
                    String.format(
                            "address past 4 GiB: %d data bytes at 0x%X end at 0x%X; the address space ends at 0xFFFFFFFF",
                            count, address, address + count - 1));
        }
        if (address == stageStart + stageLength && address + count <= stageEnd) {
            System.arraycopy(rec, 4, stage, stageLength, count);
            stageLength += count;
            return true;
        }
        flushStage();
        long window = Math.min(STAGE_SIZE, MemoryImage.ADDRESS_LIMIT - address);
        if (count > 0 && !target.containsAny(address, window)) {
            stageStart = address;
            stageEnd = address + window;
            System.arraycopy(rec, 4, stage, 0, count);
            stageLength = count;
            return true;
        }
        long conflict = target.writeIfConsistent(address, rec, 4, count);
        if (conflict >= 0) {
            int old = target.get(conflict);
            int now = rec[4 + (int) (conflict - address)] & 0xFF;
            return problems.add(
                    ln,
                    String.format(
                            "two different values for address 0x%08X: an earlier record wrote 0x%02X, this record writes 0x%02X",
                            conflict, old, now));
        }
        return true;
    }

    /** Record types 01-05 and unknown types. */
    private boolean control(long ln, byte[] rec, int count, int offset, int type) {
        if (type > 5) {
            return problems.add(ln, String.format("unknown record type 0x%02X; expected 00 to 05", type));
        }
        int expectedCount = switch (type) {
            case 1 -> 0;
            case 2, 4 -> 2;
            default -> 4;
        };
        if (count != expectedCount) {
            return problems.add(
                    ln,
                    String.format(
                            "record type 0x%02X needs byte count 0x%02X, found 0x%02X", type, expectedCount, count));
        }
        if (offset != 0 && strict) {
            if (!problems.add(
                    ln, String.format("record type 0x%02X needs address field 0000, found %04X", type, offset))) {
                return false;
            }
        }
        switch (type) {
            case 1 -> eofLine = ln;
            case 2, 4 -> {
                flushStage();
                target = image;
                sawAddressRecord = true;
                base = (long) (((rec[4] & 0xFF) << 8) | (rec[5] & 0xFF)) << (type == 2 ? 4 : 16);
            }
            default -> {
                long v = ((rec[4] & 0xFFL) << 24) | ((rec[5] & 0xFF) << 16) | ((rec[6] & 0xFF) << 8) | (rec[7] & 0xFF);
                StartAddress start =
                        new StartAddress(type == 3 ? StartAddress.Kind.SEGMENTED : StartAddress.Kind.LINEAR, v);
                StartAddress old = image.startAddress().orElse(null);
                if (old != null && !old.equals(start)) {
                    return problems.add(
                            ln,
                            "conflicting start addresses: this record sets " + start + ", line " + startLine + " set "
                                    + old);
                }
                image.setStartAddress(start);
                startLine = ln;
            }
        }
        return true;
    }

    /** Why a line is not a well-formed record: bad character, or length against byte count. */
    private static String describeMalformed(byte[] b, int s, int e, int lineStart) {
        String badDigit = HexDigits.firstBadDigit(b, s + 1, e, lineStart);
        if (badDigit != null) {
            return badDigit;
        }
        int digits = e - s - 1;
        if (digits < 10) {
            return "truncated record: expected at least 10 hex digits after ':' (byte count, address, type,"
                    + " checksum), found " + digits;
        }
        int count = (HexDigits.VALUE[b[s + 1] & 0xFF] << 4) | HexDigits.VALUE[b[s + 2] & 0xFF];
        int needed = 10 + 2 * count;
        if (digits < needed) {
            return String.format(
                    "truncated record: byte count 0x%02X needs %d hex digits after ':', found %d",
                    count, needed, digits);
        }
        return String.format(
                "byte count 0x%02X does not match the record: expected %d hex digits after ':', found %d",
                count, needed, digits);
    }
}
