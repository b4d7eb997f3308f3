package io.multiimage.hex.cli;

import io.multiimage.hex.OverlapPolicy;
import io.multiimage.hex.StartPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parsed command-line options shared by the sub-commands; each sub-command says which it accepts. */
final class Options {

    final List<String> positional = new ArrayList<>();
    OverlapPolicy overlap = OverlapPolicy.ERROR;
    StartPolicy start = StartPolicy.ERROR;
    String output;
    long base;
    Long rangeStart;
    Long rangeEnd;
    Integer fill;
    Integer recordSize;
    boolean crlf;
    Long family;
    boolean lenient;

    /** Parses {@code args} (after the sub-command), accepting only the options in {@code allowed}. */
    static Options parse(String command, List<String> args, Set<String> allowed) throws UsageException {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-") || arg.equals("-")) {
                o.positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                o.positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option " + name + " for '" + command + "'");
            }
            boolean flag = name.equals("--crlf") || name.equals("--lenient");
            if (flag) {
                if (value != null) {
                    throw new UsageException("option " + name + " takes no value");
                }
            } else if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("option " + name + " needs a value");
                }
                value = args.get(++i);
            }
            o.apply(name, value);
        }
        return o;
    }

    private void apply(String name, String value) throws UsageException {
        try {
            switch (name) {
                case "--overlap" -> overlap = OverlapPolicy.parse(value);
                case "--start" -> start = StartPolicy.parse(value);
                case "-o", "--output" -> output = value;
                case "--base" -> base = number(name, value, 0xFFFF_FFFFL);
                case "--range" -> range(value);
                case "--fill" -> fill = (int) number(name, value, 0xFF);
                case "--record-size" -> {
                    recordSize = (int) number(name, value, 255);
                    if (recordSize < 1) {
                        throw new UsageException("--record-size must be 1 to 255, got " + value);
                    }
                }
                case "--family" -> family = number(name, value, 0xFFFF_FFFFL);
                case "--crlf" -> crlf = true;
                case "--lenient" -> lenient = true;
                default -> throw new UsageException("unknown option " + name);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private void range(String value) throws UsageException {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new UsageException("--range needs START:END (END exclusive), got '" + value + "'");
        }
        rangeStart = number("--range", value.substring(0, colon), 0xFFFF_FFFFL);
        rangeEnd = number("--range", value.substring(colon + 1), 0x1_0000_0000L);
        if (rangeEnd <= rangeStart) {
            throw new UsageException("--range END must be above START, got '" + value + "'");
        }
    }

    /** Decimal or 0x-prefixed hexadecimal, at most {@code max}. */
    static long number(String option, String text, long max) throws UsageException {
        long v;
        try {
            v = text.startsWith("0x") || text.startsWith("0X")
                    ? Long.parseLong(text.substring(2), 16)
                    : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number (decimal or 0x hex), got '" + text + "'");
        }
        if (v < 0 || v > max) {
            throw new UsageException(String.format("%s value %s is out of range 0..0x%X", option, text, max));
        }
        return v;
    }
}
