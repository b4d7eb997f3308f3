package io.multiimage.signing.keys;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The little of ASN.1 DER that key files need: reading definite-length elements and nested
 * sequences, and writing the few structures used to re-wrap SEC1 and PKCS#1 keys as PKCS#8.
 */
final class Der {

    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;

    private Der() {}

    /** Malformed DER; the message says which element, never its bytes. */
    static final class DerException extends Exception {
        private static final long serialVersionUID = 1L;

        DerException(String message) {
            super(message);
        }
    }

    /** One element: its tag and where its value lies in {@code source}. */
    record Element(int tag, byte[] source, int valueOffset, int length) {

        byte[] value() {
            return Arrays.copyOfRange(source, valueOffset, valueOffset + length);
        }

        /** The elements inside a constructed element (a SEQUENCE or an explicit tag). */
        Reader children() {
            return new Reader(source, valueOffset, valueOffset + length);
        }

        BigInteger integer(String what) throws DerException {
            expect(INTEGER, what);
            if (length == 0) {
                throw new DerException(what + " is an empty INTEGER");
            }
            return new BigInteger(value());
        }

        /** A BIT STRING's bytes without its unused-bits octet (which must be 0). */
        byte[] bitStringBytes(String what) throws DerException {
            expect(BIT_STRING, what);
            if (length < 1 || source[valueOffset] != 0) {
                throw new DerException(what + " is not a whole-byte BIT STRING");
            }
            return Arrays.copyOfRange(source, valueOffset + 1, valueOffset + length);
        }

        Element expect(int expectedTag, String what) throws DerException {
            if (tag != expectedTag) {
                throw new DerException(what + ": expected tag 0x" + Integer.toHexString(expectedTag) + ", found 0x"
                        + Integer.toHexString(tag));
            }
            return this;
        }

        /** The whole encoding (tag, length and value). */
        byte[] encoded() {
            int headerLength = headerLength(length);
            return Arrays.copyOfRange(source, valueOffset - headerLength, valueOffset + length);
        }
    }

    /** Reads consecutive elements between two offsets. */
    static final class Reader {
        private final byte[] data;
        private int position;
        private final int end;

        Reader(byte[] data, int from, int to) {
            this.data = data;
            this.position = from;
            this.end = to;
        }

        static Reader of(byte[] data) {
            return new Reader(data, 0, data.length);
        }

        boolean hasMore() {
            return position < end;
        }

        /** The next element if its tag is {@code tag}, else null (for OPTIONAL fields). */
        Element optional(int tag) throws DerException {
            if (hasMore() && (data[position] & 0xff) == tag) {
                return next("optional element");
            }
            return null;
        }

        Element next(int expectedTag, String what) throws DerException {
            return next(what).expect(expectedTag, what);
        }

        Element next(String what) throws DerException {
            if (position + 2 > end) {
                throw new DerException(what + " is missing (the structure ends early)");
            }
            int tag = data[position] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                throw new DerException(what + " uses a multi-byte tag");
            }
            int lengthByte = data[position + 1] & 0xff;
            int cursor = position + 2;
            int length;
            if (lengthByte < 0x80) {
                length = lengthByte;
            } else {
                int count = lengthByte & 0x7f;
                if (count == 0 || count > 3 || cursor + count > end) {
                    throw new DerException(what + " has an unsupported length encoding");
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (data[cursor++] & 0xff);
                }
            }
            if (length > end - cursor) {
                throw new DerException(what + " is longer than the data that holds it");
            }
            position = cursor + length;
            return new Element(tag, data, cursor, length);
        }
    }

    static int headerLength(int length) {
        if (length < 0x80) {
            return 2;
        }
        if (length < 0x100) {
            return 3;
        }
        if (length < 0x10000) {
            return 4;
        }
        return 5;
    }

    /** Encodes one element with {@code tag} around the concatenated {@code parts}. */
    static byte[] encode(int tag, byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 5);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... parts) {
        return encode(SEQUENCE, parts);
    }

    static byte[] integer(BigInteger value) {
        return encode(INTEGER, value.toByteArray());
    }

    static byte[] nullValue() {
        return new byte[] {NULL, 0};
    }

    /** The encoded OBJECT IDENTIFIER element for a dotted name such as {@code 1.3.101.112}. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeArc(body, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            writeArc(body, Long.parseLong(arcs[i]));
        }
        return encode(OID, body.toByteArray());
    }

    private static void writeArc(ByteArrayOutputStream out, long arc) {
        int groups = 1;
        for (long rest = arc >>> 7; rest != 0; rest >>>= 7) {
            groups++;
        }
        for (int g = groups - 1; g >= 0; g--) {
            int bits = (int) ((arc >>> (7 * g)) & 0x7f);
            out.write(g == 0 ? bits : bits | 0x80);
        }
    }

    /** The dotted name of an OBJECT IDENTIFIER element's value. */
    static String oidName(Element oid) throws DerException {
        oid.expect(OID, "object identifier");
        StringBuilder name = new StringBuilder();
        long arc = 0;
        boolean first = true;
        for (int i = 0; i < oid.length(); i++) {
            int b = oid.source()[oid.valueOffset() + i] & 0xff;
            arc = (arc << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                if (first) {
                    long top = Math.min(arc / 40, 2);
                    name.append(top).append('.').append(arc - top * 40);
                    first = false;
                } else {
                    name.append('.').append(arc);
                }
                arc = 0;
            }
        }
        return name.toString();
    }
}
