package io.multiimage.core.kconfig.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kconfig macro language (spec section 2.1): variable assignments ({@code =}, {@code :=},
 * {@code +=}), {@code $(name)} and {@code $(name,args)} references expanded while a line is
 * read, the built-in functions {@code filename}, {@code lineno}, {@code info},
 * {@code warning-if} and {@code error-if}, and environment variables as a last resort.
 *
 * <p>Expansion rewrites the line text in place and returns where scanning resumes, like the
 * reference: text produced by an expansion is not scanned again for quotes or commas.
 */
final class Preprocessor {

    /** What expansion needs from the parser: the position, errors, warnings, output. */
    interface Context {
        String filename();

        int linenr();

        KconfigException parseError(String message);

        void warnAtLine(String message);

        void info(String message);
    }

    /** A line after an expansion, and the index where scanning goes on. */
    record Expanded(String text, int index) {}

    /** A preprocessor variable. */
    static final class Variable {
        final String name;
        String value;
        boolean recursive;
        int expansions;

        Variable(String name) {
            this.name = name;
        }
    }

    private static final int MAX_FUNCTION_RECURSION = 100;

    private final Map<String, Variable> variables = new HashMap<>();
    private final Map<String, String> environment;
    private final Context context;

    Preprocessor(Map<String, String> environment, Context context) {
        this.environment = environment;
        this.context = context;
    }

    /** A line whose first word is not a keyword: a variable assignment, or a bare macro call. */
    void parseAssignment(String line) throws KconfigException {
        String s = PyText.lstrip(line);
        int i = 0;
        while (true) {
            while (i < s.length() && isNameFragmentChar(s.charAt(i))) {
                i++;
            }
            if (PyText.startsWith(s, "$(", i)) {
                Expanded expanded = expandMacro(s, i, List.of());
                s = expanded.text();
                i = expanded.index();
            } else {
                break;
            }
        }
        if (PyText.isBlankNonEmpty(s)) {
            return;
        }
        String name = s.substring(0, i);
        int j = i;
        while (j < s.length() && PyText.isAsciiRegexSpace(s.charAt(j))) {
            j++;
        }
        String op;
        if (PyText.startsWith(s, "=", j)) {
            op = "=";
        } else if (PyText.startsWith(s, ":=", j) || PyText.startsWith(s, "+=", j)) {
            op = s.substring(j, j + 2);
        } else {
            throw context.parseError("syntax error");
        }
        j += op.length();
        while (j < s.length() && PyText.isAsciiRegexSpace(s.charAt(j))) {
            j++;
        }
        int end = s.indexOf('\n', j);
        String value = s.substring(j, end < 0 ? s.length() : end);

        Variable variable = variables.get(name);
        if (variable == null) {
            variable = new Variable(name);
            variable.value = "";
            variables.put(name, variable);
            if (op.equals("+=")) {
                op = "=";
            }
        }
        if (op.equals("=")) {
            variable.recursive = true;
            variable.value = value;
        } else if (op.equals(":=")) {
            variable.recursive = false;
            variable.value = expandWhole(value, List.of());
        } else {
            variable.value = variable.value + " " + (variable.recursive ? value : expandWhole(value, List.of()));
        }
    }

    private static boolean isNameFragmentChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** Expands every {@code $(...)} in {@code s}. */
    String expandWhole(String s, List<String> args) throws KconfigException {
        int i = 0;
        while (true) {
            i = s.indexOf("$(", i);
            if (i < 0) {
                return s;
            }
            Expanded expanded = expandMacro(s, i, args);
            s = expanded.text();
            i = expanded.index();
        }
    }

    /** A symbol name starting at {@code i} that contains {@code $}: the name, the new line, and the next token's index. */
    record ExpandedName(String name, String text, int index) {}

    ExpandedName expandName(String s, int start) throws KconfigException {
        int i = start;
        while (true) {
            int p = i;
            while (p < s.length() && isNameChar(s.charAt(p)) && !PyText.startsWith(s, "$(", p)) {
                p++;
            }
            if (PyText.startsWith(s, "$(", p)) {
                Expanded expanded = expandMacro(s, p, List.of());
                s = expanded.text();
                i = expanded.index();
                continue;
            }
            String name = s.substring(start, p);
            if (PyText.strip(name).isEmpty()) {
                throw context.parseError("macro expanded to blank string");
            }
            while (p < s.length() && PyText.isSpace(s.charAt(p))) {
                p++;
            }
            return new ExpandedName(name, s, p);
        }
    }

    /** Characters of unquoted words: {@code [A-Za-z0-9_$/.-]}. */
    static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '$'
                || c == '/'
                || c == '.'
                || c == '-';
    }

    /** A quoted string starting at {@code i}: backslash escapes removed, macros expanded. */
    Expanded expandString(String s, int i) throws KconfigException {
        char quote = s.charAt(i);
        i++;
        while (true) {
            int p = i;
            while (p < s.length()) {
                char c = s.charAt(p);
                if (c == '"' || c == '\'' || c == '\\' || (c == '$' && PyText.startsWith(s, "$(", p))) {
                    break;
                }
                p++;
            }
            if (p >= s.length()) {
                throw context.parseError("unterminated string");
            }
            char c = s.charAt(p);
            if (c == quote) {
                return new Expanded(s, p + 1);
            } else if (c == '\\') {
                s = s.substring(0, p) + s.substring(p + 1);
                i = p + 1;
            } else if (c == '$') {
                Expanded expanded = expandMacro(s, p, List.of());
                s = expanded.text();
                i = expanded.index();
            } else {
                i = p + 1;
            }
        }
    }

    /** The macro call starting at {@code i} ({@code $(}), replaced by its value. */
    Expanded expandMacro(String s, int i, List<String> args) throws KconfigException {
        String before = s.substring(0, i);
        i += 2;
        int argStart = i;
        List<String> newArgs = new ArrayList<>();
        int nesting = 0;
        while (true) {
            int p = i;
            while (p < s.length()) {
                char c = s.charAt(p);
                if (c == '(' || c == ')' || c == ',' || (c == '$' && PyText.startsWith(s, "$(", p))) {
                    break;
                }
                p++;
            }
            if (p >= s.length()) {
                throw context.parseError("missing end parenthesis in macro expansion");
            }
            char c = s.charAt(p);
            if (c == '(') {
                nesting++;
                i = p + 1;
            } else if (c == ')') {
                if (nesting > 0) {
                    nesting--;
                    i = p + 1;
                    continue;
                }
                newArgs.add(s.substring(argStart, p));
                String value = argumentReference(newArgs.get(0), args);
                if (value == null) {
                    value = functionValue(newArgs);
                }
                String result = before + value;
                return new Expanded(result + s.substring(p + 1), result.length());
            } else if (c == ',') {
                i = p + 1;
                if (nesting > 0) {
                    continue;
                }
                newArgs.add(s.substring(argStart, p));
                argStart = i;
            } else {
                Expanded expanded = expandMacro(s, p, args);
                s = expanded.text();
                i = expanded.index();
            }
        }
    }

    /** {@code $(1)} inside a function body: the argument, if the name is a number with such an argument. */
    private static String argumentReference(String name, List<String> args) {
        BigInteger index = PyInt.parse(name, 10);
        if (index == null || args.isEmpty()) {
            return null;
        }
        BigInteger size = BigInteger.valueOf(args.size());
        if (index.signum() < 0) {
            index = index.add(size);
        }
        if (index.signum() < 0 || index.compareTo(size) >= 0) {
            return null;
        }
        return args.get(index.intValue());
    }

    /** The value of {@code $(fn,args...)}: a variable, a built-in function, or an environment variable. */
    private String functionValue(List<String> args) throws KconfigException {
        String fn = args.get(0);
        Variable variable = variables.get(fn);
        if (variable != null) {
            if (args.size() == 1) {
                if (variable.expansions > 0) {
                    throw context.parseError(
                            "Preprocessor variable " + variable.name + " recursively references itself");
                }
            } else if (variable.expansions > MAX_FUNCTION_RECURSION) {
                throw context.parseError(
                        "Preprocessor function " + variable.name + " seems stuck in infinite recursion");
            }
            variable.expansions++;
            String result = expandWhole(variable.value, args);
            variable.expansions--;
            return result;
        }
        switch (fn) {
            case "filename":
                checkArguments(fn, args, 0);
                return context.filename();
            case "lineno":
                checkArguments(fn, args, 0);
                return Integer.toString(context.linenr());
            case "info":
                checkArguments(fn, args, 1);
                context.info(context.filename() + ":" + context.linenr() + ": " + args.get(1));
                return "";
            case "warning-if":
                checkArguments(fn, args, 2);
                if (args.get(1).equals("y")) {
                    context.warnAtLine(args.get(2));
                }
                return "";
            case "error-if":
                checkArguments(fn, args, 2);
                if (args.get(1).equals("y")) {
                    throw new KconfigException(context.filename() + ":" + context.linenr() + ": " + args.get(2));
                }
                return "";
            case "shell":
                checkArguments(fn, args, 1);
                throw context.parseError("$(shell,...) is not supported (the engine runs no commands)");
            default:
                String value = environment.get(fn);
                return value == null ? "" : value;
        }
    }

    private void checkArguments(String fn, List<String> args, int expected) throws KconfigException {
        if (args.size() - 1 != expected) {
            throw new KconfigException(
                    context.filename() + ":" + context.linenr() + ": bad number of arguments in call to " + fn
                            + ", expected " + expected + ", got " + (args.size() - 1));
        }
    }

    /**
     * Python's {@code os.path.expandvars}: {@code $NAME} and {@code ${NAME}} replaced when NAME is
     * set in the environment, left as written otherwise.
     */
    String expandEnvironmentReferences(String path) {
        if (path.indexOf('$') < 0) {
            return path;
        }
        int i = 0;
        while (true) {
            int dollar = path.indexOf('$', i);
            if (dollar < 0) {
                return path;
            }
            int j;
            String name;
            if (dollar + 1 < path.length() && path.charAt(dollar + 1) == '{') {
                int close = path.indexOf('}', dollar + 2);
                if (close < 0) {
                    i = dollar + 1;
                    continue;
                }
                name = path.substring(dollar + 2, close);
                j = close + 1;
            } else {
                j = dollar + 1;
                while (j < path.length() && isWordChar(path.charAt(j))) {
                    j++;
                }
                if (j == dollar + 1) {
                    i = dollar + 1;
                    continue;
                }
                name = path.substring(dollar + 1, j);
            }
            String value = environment.get(name);
            if (value == null) {
                i = j;
            } else {
                String tail = path.substring(j);
                path = path.substring(0, dollar) + value;
                i = path.length();
                path = path + tail;
            }
        }
    }

    private static boolean isWordChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }
}
