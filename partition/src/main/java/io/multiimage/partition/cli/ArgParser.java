package io.multiimage.partition.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small command-line parser with the behaviour of Python's argparse that the reference
 * scripts rely on: {@code --opt value}, {@code --opt=value}, options taking one or several
 * values (up to the next option), unknown options collected for a second parser.
 */
final class ArgParser {

    /** How many values an option takes. */
    enum Arity {
        ONE,
        ONE_OR_MORE,
        ZERO_OR_MORE,
        NONE
    }

    /** Thrown for a usage error (exit code 2). */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, Arity> options = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    ArgParser option(String name, Arity arity, boolean isRequired) {
        options.put(name, arity);
        if (isRequired) {
            required.add(name);
        }
        return this;
    }

    /** Parsed values by option name, and the arguments no option claimed. */
    record Parsed(Map<String, List<String>> values, List<String> unknown) {
        String one(String name) {
            List<String> v = values.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        List<String> many(String name) {
            return values.getOrDefault(name, List.of());
        }

        boolean has(String name) {
            return values.containsKey(name);
        }
    }

    private static boolean looksLikeOption(String arg) {
        return arg.startsWith("-") && arg.length() > 1 && !isNumber(arg);
    }

    private static boolean isNumber(String arg) {
        try {
            Double.parseDouble(arg);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    Parsed parse(List<String> args, boolean allowUnknown) throws UsageException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            Arity arity = options.get(name);
            if (arity == null) {
                if (!allowUnknown) {
                    throw new UsageException("unrecognized arguments: " + arg);
                }
                unknown.add(arg);
                i++;
                continue;
            }
            List<String> vals = new ArrayList<>();
            i++;
            if (inline != null) {
                vals.add(inline);
            } else if (arity != Arity.NONE) {
                while (i < args.size() && !looksLikeOption(args.get(i))) {
                    vals.add(args.get(i));
                    i++;
                    if (arity == Arity.ONE) {
                        break;
                    }
                }
            }
            if ((arity == Arity.ONE || arity == Arity.ONE_OR_MORE) && vals.isEmpty()) {
                throw new UsageException("argument " + name + ": expected "
                        + (arity == Arity.ONE ? "one argument" : "at least one argument"));
            }
            values.put(name, vals);
        }
        List<String> missing = new ArrayList<>();
        for (String r : required) {
            if (!values.containsKey(r)) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageException("the following arguments are required: " + String.join(", ", missing));
        }
        return new Parsed(values, unknown);
    }

    /** Python's {@code int(text, 0)}: decimal, 0x, 0o, 0b, underscores between digits. */
    static long parseInt(String option, String text) throws UsageException {
        String s = text.trim();
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        int radix = 10;
        String lower = s.toLowerCase();
        if (lower.startsWith("0x")) {
            radix = 16;
            s = s.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            s = s.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            s = s.substring(2);
        } else if (s.length() > 1 && s.startsWith("0") && !s.chars().allMatch(c -> c == '0' || c == '_')) {
            throw new UsageException("argument " + option + ": invalid int value: '" + text + "'");
        }
        if (s.startsWith("_")) {
            s = s.substring(1);
        }
        if (s.isEmpty() || s.endsWith("_") || s.contains("__")) {
            throw new UsageException("argument " + option + ": invalid int value: '" + text + "'");
        }
        try {
            long v = Long.parseLong(s.replace("_", ""), radix);
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw new UsageException("argument " + option + ": invalid int value: '" + text + "'");
        }
    }
}
