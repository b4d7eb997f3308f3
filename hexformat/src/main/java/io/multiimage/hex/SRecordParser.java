package io.multiimage.hex;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streaming Motorola S-record parser: S0 header, S1/S2/S3 data (16/24/32-bit addresses),
 * S5/S6 record counts, S7/S8/S9 termination with the start address. Same conventions as
 * {@link IntelHexParser}: bytes not Strings, every problem with its line, keeps going.
 */
final class SRecordParser {

    /** The longest record line: 'S', the type digit and 256 bytes as two hex digits each (514 characters). */
    static final int MAX_LINE = 2 + 2 * 256;

    private final boolean strict;
    private final MemoryImage image;
    private final ProblemCollector problems;

    private long dataRecords;
    private long endLine;
    private long lastEmptyLine;
    private int emptyRun;

    SRecordParser(String source, ReadMode mode, MemoryImage image) {
        this.strict = mode == ReadMode.STRICT;
        this.image = image;
        this.problems = new ProblemCollector(source);
    }

    void parse(InputStream in) throws IOException, ImageFormatException {
        int maxLine = strict ? MAX_LINE : IntelHexParser.LENIENT_MAX_LINE;
        LineReader r = new LineReader(in, maxLine);
        byte[] rec = new byte[256];
        boolean go = true;
        while (go && r.next()) {
            long ln = r.lineNumber;
            byte[] b = r.buf;
            if (endLine > 0) {
                if (!r.tooLong && HexDigits.isBlankOrDosEnd(b, r.start, r.end)) {
                    go = emptyLine(ln); // blank lines and a DOS end-of-file character (0x1A), as srec_cat accepts
                    continue;
                }
                if (strict) {
                    problems.add(
                            ln,
                            "data after the termination record of line " + endLine
                                    + "; expected the file to end there");
                }
                break;
            }
            if (r.tooLong || r.end - r.start > maxLine) {
                problems.add(
                        ln,
                        "line longer than " + maxLine + " characters; an S-record has at most " + MAX_LINE
                                + " ('S', the type digit and 256 bytes as hex digits); stopped reading here");
                go = false;
                break;
            }
            int s = r.start;
            int e = r.end;
            int lineStart = s;
            if (ln == 1 && e - s >= 3 && b[s] == (byte) 0xEF && b[s + 1] == (byte) 0xBB && b[s + 2] == (byte) 0xBF) {
                if (strict) {
                    go = problems.add(ln, "file starts with a UTF-8 byte order mark (EF BB BF); expected 'S'");
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
                    go = emptyLine(ln);
                    continue;
                }
                lineStart = s;
            }
            if (s == e) {
                go = emptyLine(ln); // an empty line: srec_cat skips it too
                continue;
            }
            if (b[s] != 'S') {
                go = problems.add(
                        ln,
                        HexDigits.isBlank(b[s])
                                ? "stray whitespace (" + HexDigits.describe(b[s]) + ") at column 1; expected 'S'"
                                : "expected 'S' at column 1, found " + HexDigits.describe(b[s]));
                continue;
            }
            if (e - s < 2 || b[s + 1] < '0' || b[s + 1] > '9' || b[s + 1] == '4') {
                go = problems.add(
                        ln,
                        e - s < 2
                                ? "truncated record: expected a record type digit after 'S'"
                                : "unknown record type " + HexDigits.describe(b[s + 1]) + "; expected S0-S3 or S5-S9");
                continue;
            }
            int type = b[s + 1] - '0';
            String bad = HexDigits.firstBadDigit(b, s + 2, e, lineStart);
            if (bad != null) {
                go = problems.add(ln, bad);
                continue;
            }
            int digits = e - s - 2;
            if (digits < 2) {
                go = problems.add(ln, "truncated record: expected a byte count after 'S" + type + "'");
                continue;
            }
            int count = byteAt(b, s + 2);
            int needed = 2 + 2 * count;
            if (digits != needed) {
                go = problems.add(
                        ln,
                        String.format(
                                digits < needed
                                        ? "truncated record: byte count 0x%02X needs %d hex digits after 'S%d', found %d"
                                        : "byte count 0x%02X does not match the record: expected %d hex digits after 'S%d', found %d",
                                count,
                                needed,
                                type,
                                digits));
                continue;
            }
            int sum = 0;
            for (int k = 0, p = s + 2; k <= count; k++, p += 2) {
                rec[k] = (byte) byteAt(b, p);
                sum += rec[k] & 0xFF;
            }
            if ((sum & 0xFF) != 0xFF) {
                int found = rec[count] & 0xFF;
                int expected = ~(sum - found) & 0xFF;
                go = problems.add(
                        ln, String.format("checksum mismatch: expected 0x%02X, found 0x%02X", expected, found));
                continue;
            }
            go = record(ln, type, rec, count);
        }
        if (go && endLine == 0 && strict) {
            problems.add(
                    Math.max(1, r.lineNumber),
                    r.lineNumber == 0
                            ? "empty file; expected S-records ending with a termination record (S7, S8 or S9)"
                            : "missing termination record: expected S7, S8 or S9 as the last record, found the end of the file");
        }
        problems.throwIfAny();
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

    private boolean record(long ln, int type, byte[] rec, int count) {
        int addressBytes = switch (type) {
            case 2, 6, 8 -> 3;
            case 3, 7 -> 4;
            default -> 2;
        };
        if (count < addressBytes + 1) {
            return problems.add(
                    ln,
                    String.format(
                            "record S%d needs a byte count of at least 0x%02X (address and"
                                    + " checksum), found 0x%02X",
                            type, addressBytes + 1, count));
        }
        long address = 0;
        for (int i = 1; i <= addressBytes; i++) {
            address = (address << 8) | (rec[i] & 0xFF);
        }
        int dataLength = count - addressBytes - 1;
        int dataOffset = 1 + addressBytes;
        switch (type) {
            case 0 -> {
                if (address != 0 && strict) {
                    return problems.add(ln, String.format("header record S0 needs address 0000, found %04X", address));
                }
                return true;
            }
            case 1, 2, 3 -> {
                if (address + dataLength > MemoryImage.ADDRESS_LIMIT) {
                    return problems.add(
                            ln,
                            String.format(
                                    "address past 4 GiB: %d data bytes at 0x%X end at 0x%X; the address space ends at 0xFFFFFFFF",
                                    dataLength, address, address + dataLength - 1));
                }
                dataRecords++;
                long conflict = image.writeIfConsistent(address, rec, dataOffset, dataLength);
                if (conflict >= 0) {
                    return problems.add(
                            ln,
                            String.format(
                                    "two different values for address 0x%08X: an earlier record wrote 0x%02X, this record writes 0x%02X",
                                    conflict,
                                    image.get(conflict),
                                    rec[dataOffset + (int) (conflict - address)] & 0xFF));
                }
                return true;
            }
            case 5, 6 -> {
                if (dataLength != 0) {
                    return problems.add(
                            ln,
                            String.format(
                                    "count record S%d needs byte count 0x%02X, found 0x%02X",
                                    type, addressBytes + 1, count));
                }
                if (address != dataRecords && strict) {
                    return problems.add(
                            ln,
                            String.format(
                                    "record count mismatch: S%d says %d data records, found %d before it",
                                    type, address, dataRecords));
                }
                return true;
            }
            default -> {
                if (dataLength != 0) {
                    return problems.add(
                            ln,
                            String.format(
                                    "termination record S%d needs byte count 0x%02X, found 0x%02X",
                                    type, addressBytes + 1, count));
                }
                // Every file ends with a termination record; address 0 is how files say "no start address".
                if (address != 0) {
                    image.setStartAddress(StartAddress.linear(address));
                }
                endLine = ln;
                return true;
            }
        }
    }

    private static int byteAt(byte[] b, int p) {
        return (HexDigits.VALUE[b[p] & 0xFF] << 4) | HexDigits.VALUE[b[p + 1] & 0xFF];
    }
}
