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

    private final boolean strict;
    private final MemoryImage image;
    private final ProblemCollector problems;

    private long base;
    private long startLine;
    private long eofLine;

    IntelHexParser(String source, ReadMode mode, MemoryImage image) {
        this.strict = mode == ReadMode.STRICT;
        this.image = image;
        this.problems = new ProblemCollector(source);
    }

    void parse(InputStream in) throws IOException, ImageFormatException {
        LineReader r = new LineReader(in);
        byte[] rec = new byte[MAX_RECORD_BYTES];
        byte[] value = HexDigits.VALUE;
        boolean go = true;
        while (go && r.next()) {
            long ln = r.lineNumber;
            if (eofLine > 0) {
                if (strict) {
                    problems.add(ln, "data after the end-of-file record of line " + eofLine
                            + "; expected the file to end there");
                }
                break;
            }
            if (r.tooLong) {
                go = problems.add(ln, "line longer than " + LineReader.BUFFER_SIZE
                        + " characters; an Intel HEX record has at most 521");
                continue;
            }
            byte[] b = r.buf;
            int lineStart = r.start;
            int s = r.start;
            int e = r.end;
            if (ln == 1 && e - s >= 3 && b[s] == (byte) 0xEF && b[s + 1] == (byte) 0xBB && b[s + 2] == (byte) 0xBF) {
                if (strict) {
                    go = problems.add(ln, "file starts with a UTF-8 byte order mark (EF BB BF); expected ':'");
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
                    continue;
                }
                lineStart = s;
            }
            if (s == e) {
                go = problems.add(ln, "empty line; expected a record starting with ':'");
                continue;
            }
            if (b[s] != ':') {
                go = problems.add(ln, HexDigits.isBlank(b[s])
                        ? "stray whitespace (" + HexDigits.describe(b[s]) + ") at column 1; expected ':'"
                        : "expected ':' at column 1, found " + HexDigits.describe(b[s]));
                continue;
            }
            int digits = e - s - 1;
            int n = digits >>> 1;
            boolean shapeOk = (digits & 1) == 0 && n >= 5 && n <= MAX_RECORD_BYTES;
            int bad = 0;
            int sum = 0;
            if (shapeOk) {
                int p = s + 1;
                for (int k = 0; k < n; k++, p += 2) {
                    int hi = value[b[p] & 0xFF];
                    int lo = value[b[p + 1] & 0xFF];
                    bad |= hi | lo;
                    int v = (hi << 4) | lo;
                    rec[k] = (byte) v;
                    sum += v;
                }
            }
            if (!shapeOk || bad < 0 || n != (rec[0] & 0xFF) + 5) {
                go = problems.add(ln, describeMalformed(b, s, e, lineStart));
                continue;
            }
            if ((sum & 0xFF) != 0) {
                int found = rec[n - 1] & 0xFF;
                int expected = (found - sum) & 0xFF;
                go = problems.add(ln, String.format("checksum mismatch: expected 0x%02X, found 0x%02X", expected, found));
                continue;
            }
            go = record(ln, rec, n - 5);
        }
        if (go && eofLine == 0 && strict) {
            long line = Math.max(1, r.lineNumber);
            problems.add(line, r.lineNumber == 0
                    ? "empty file; expected Intel HEX records ending with the end-of-file record ':00000001FF'"
                    : "missing end-of-file record: expected ':00000001FF' as the last record, found the end of the file");
        }
        problems.throwIfAny();
    }

    /** Applies one well-formed record; false when the reader should stop. */
    private boolean record(long ln, byte[] rec, int count) {
        int offset = ((rec[1] & 0xFF) << 8) | (rec[2] & 0xFF);
        int type = rec[3] & 0xFF;
        if (type == 0) {
            long address = base + offset;
            if (address + count > MemoryImage.ADDRESS_LIMIT) {
                return problems.add(ln, String.format(
                        "address past 4 GiB: %d data bytes at 0x%X end at 0x%X; the address space ends at 0xFFFFFFFF",
                        count, address, address + count - 1));
            }
            long conflict = image.writeIfConsistent(address, rec, 4, count);
            if (conflict >= 0) {
                int old = image.get(conflict);
                int now = rec[4 + (int) (conflict - address)] & 0xFF;
                return problems.add(ln, String.format(
                        "two different values for address 0x%08X: an earlier record wrote 0x%02X, this record writes 0x%02X",
                        conflict, old, now));
            }
            return true;
        }
        if (type > 5) {
            return problems.add(ln, String.format("unknown record type 0x%02X; expected 00 to 05", type));
        }
        int expectedCount = switch (type) {
            case 1 -> 0;
            case 2, 4 -> 2;
            default -> 4;
        };
        if (count != expectedCount) {
            return problems.add(ln, String.format("record type 0x%02X needs byte count 0x%02X, found 0x%02X",
                    type, expectedCount, count));
        }
        if (offset != 0 && strict) {
            if (!problems.add(ln, String.format("record type 0x%02X needs address field 0000, found %04X", type, offset))) {
                return false;
            }
        }
        switch (type) {
            case 1 -> eofLine = ln;
            case 2 -> base = (long) (((rec[4] & 0xFF) << 8) | (rec[5] & 0xFF)) << 4;
            case 4 -> base = (long) (((rec[4] & 0xFF) << 8) | (rec[5] & 0xFF)) << 16;
            default -> {
                long v = ((rec[4] & 0xFFL) << 24) | ((rec[5] & 0xFF) << 16) | ((rec[6] & 0xFF) << 8) | (rec[7] & 0xFF);
                StartAddress start = new StartAddress(type == 3 ? StartAddress.Kind.SEGMENTED : StartAddress.Kind.LINEAR, v);
                StartAddress old = image.startAddress().orElse(null);
                if (old != null && !old.equals(start)) {
                    return problems.add(ln, "conflicting start addresses: this record sets " + start
                            + ", line " + startLine + " set " + old);
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
            return String.format("truncated record: byte count 0x%02X needs %d hex digits after ':', found %d",
                    count, needed, digits);
        }
        return String.format("byte count 0x%02X does not match the record: expected %d hex digits after ':', found %d",
                count, needed, digits);
    }
}
