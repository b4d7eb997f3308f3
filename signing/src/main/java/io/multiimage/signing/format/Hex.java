package io.multiimage.signing.format;

/** Lower-case hex text of bytes and {@code 0x}-prefixed addresses, for messages and reports. */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {}

    /** {@code bytes} as lower-case hex, two digits per byte. */
    public static String of(byte[] bytes) {
        char[] text = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            text[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            text[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(text);
    }

    /** The bytes of even-length hex text; throws IllegalArgumentException on anything else. */
    public static byte[] parse(String text) {
        String digits = text.strip();
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(digits.charAt(2 * i), 16);
            int low = Character.digit(digits.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("not a hex digit at position " + (2 * i));
            }
            bytes[i] = (byte) ((high << 4) | low);
        }
        return bytes;
    }

    /** {@code 0x} and at least 8 hex digits: {@code 0x00014000}. */
    public static String address(long value) {
        return String.format("0x%08x", value);
    }

    /** {@code 0x} and the shortest hex: {@code 0x200}. */
    public static String offset(long value) {
        return "0x" + Long.toHexString(value);
    }
}
