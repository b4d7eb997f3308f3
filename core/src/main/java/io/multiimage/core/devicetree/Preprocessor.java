package io.multiimage.core.devicetree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The small part of the C preprocessor that devicetree sources need, in the spirit of
 * Zephyr's {@code cpp -x assembler-with-cpp -P}: comments, line continuations,
 * {@code #include "…"} / {@code #include <…>} with search paths, {@code #define} (object-like
 * and function-like macros with {@code #} and {@code ##}, invoked on one line), {@code #undef},
 * {@code #if}/{@code #elif} (integer expressions with {@code defined}), {@code #ifdef}/{@code #ifndef}/
 * {@code #else}/{@code #endif} and {@code #pragma once}.
 * Lines starting with an unknown {@code #word}, such as {@code #address-cells = <1>;}, are
 * ordinary text, as in assembler-with-cpp mode. One instance processes several files in a
 * row with one macro table, as if they were concatenated.
 */
final class Preprocessor {

    private static final int MAX_INCLUDE_DEPTH = 32;
    /** Deepest {@code #if}/{@code #ifdef}/{@code #ifndef} nesting in one file. */
    static final int MAX_CONDITIONAL_DEPTH = 1000;
    /**
     * Deepest macro expansion: a macro whose body or arguments use macros that use macros...
     * Expansion recurses a few stack frames per level, so the limit keeps it inside a thread's stack.
     */
    static final int MAX_EXPANSION_DEPTH = 500;
    /** Longest line macro expansion may produce (a few macros that each double their input would fill the heap). */
    static final int MAX_EXPANDED_LINE = 1 << 20;

    private record Macro(String name, List<String> parameters, String body) {}

    private record Line(String text, int number) {}

    private final List<Path> includeDirs;
    private final Map<String, Macro> macros = new TreeMap<>();
    private final Set<Path> onceFiles = new HashSet<>();
    private final SourceText.Builder output = new SourceText.Builder();
    private final SourceTracker tracker;
    private int depth;
    /** The files being processed, outermost first: names an include cycle. */
    private final Deque<Path> including = new ArrayDeque<>();

    private int expansionDepth;

    Preprocessor(List<Path> includeDirs) {
        this(includeDirs, SourceTracker.NONE);
    }

    /** A preprocessor that tells {@code tracker} every file it reads and every include candidate it misses. */
    Preprocessor(List<Path> includeDirs, SourceTracker tracker) {
        this.includeDirs = List.copyOf(includeDirs);
        this.tracker = tracker;
    }

    /** Preprocesses {@code file} and appends the result. */
    void process(Path file) throws DevicetreeException {
        including.addLast(file.toAbsolutePath().normalize());
        try {
            process(file, null);
        } finally {
            including.removeLast();
        }
    }

    /** The text of every file processed so far. */
    SourceText result() {
        return output.build();
    }

    private void process(Path file, SourceLocation includedFrom) throws DevicetreeException {
        if (onceFiles.contains(file.toAbsolutePath().normalize())) {
            return;
        }
        String content = read(file, includedFrom);
        tracker.read(file);
        List<Line> lines = logicalLines(file, content);
        Deque<boolean[]> conditions = new ArrayDeque<>(); // {active, branch taken}
        for (Line line : lines) {
            SourceLocation where = new SourceLocation(file, line.number(), 1);
            String trimmed = line.text().strip();
            boolean active = conditions.isEmpty() || conditions.peek()[0];
            if (trimmed.startsWith("#")) {
                String rest = trimmed.substring(1).strip();
                String directive = identifierAt(rest, 0);
                String argument = rest.substring(directive.length()).strip();
                if (handleConditional(directive, argument, conditions, active, where)) {
                    continue;
                }
                if (!active) {
                    continue;
                }
                if (handleDirective(file, directive, argument, rest, where)) {
                    continue;
                }
            }
            if (active) {
                output.line(expand(line.text(), new HashSet<>(), where), file, line.number());
            }
        }
        if (!conditions.isEmpty()) {
            throw new DevicetreeException(
                    new SourceLocation(
                            file,
                            lines.isEmpty() ? 1 : lines.get(lines.size() - 1).number(),
                            1),
                    "unterminated #if/#ifdef/#ifndef: expected #endif before the end of the file");
        }
    }

    /** Handles #if/#ifdef/#ifndef/#elif/#else/#endif (also inside skipped regions); true if it was one. */
    private boolean handleConditional(
            String directive, String argument, Deque<boolean[]> conditions, boolean active, SourceLocation where)
            throws DevicetreeException {
        switch (directive) {
            case "ifdef", "ifndef" -> {
                String name = identifierAt(argument, 0);
                if (active && name.isEmpty()) {
                    throw new DevicetreeException(where, "#" + directive + " expects a macro name");
                }
                boolean holds = macros.containsKey(name) == directive.equals("ifdef");
                checkConditionalDepth(conditions, where);
                conditions.push(new boolean[] {active && holds, holds, active});
                return true;
            }
            case "if" -> {
                checkConditionalDepth(conditions, where);
                boolean holds = active && ConditionEvaluator.holds(conditionText(argument, where), where);
                conditions.push(new boolean[] {holds, holds, active});
                return true;
            }
            case "elif" -> {
                if (conditions.isEmpty()) {
                    throw new DevicetreeException(where, "#elif without #if");
                }
                boolean[] frame = conditions.peek();
                if (frame[1] || !frame[2]) {
                    frame[0] = false;
                } else {
                    boolean holds = ConditionEvaluator.holds(conditionText(argument, where), where);
                    frame[0] = holds;
                    frame[1] = holds;
                }
                return true;
            }
            case "else" -> {
                if (conditions.isEmpty()) {
                    throw new DevicetreeException(where, "#else without #if, #ifdef or #ifndef");
                }
                boolean[] frame = conditions.peek();
                frame[0] = frame[2] && !frame[1];
                frame[1] = true;
                return true;
            }
            case "endif" -> {
                if (conditions.isEmpty()) {
                    throw new DevicetreeException(where, "#endif without #if, #ifdef or #ifndef");
                }
                conditions.pop();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static void checkConditionalDepth(Deque<boolean[]> conditions, SourceLocation where)
            throws DevicetreeException {
        if (conditions.size() >= MAX_CONDITIONAL_DEPTH) {
            throw new DevicetreeException(
                    where, "nesting deeper than " + MAX_CONDITIONAL_DEPTH + " levels of #if/#ifdef/#ifndef");
        }
    }

    /** Handles the other directives in an active region; false for an unknown {@code #word}. */
    private boolean handleDirective(Path file, String directive, String argument, String rest, SourceLocation where)
            throws DevicetreeException {
        switch (directive) {
            case "" -> {
                return rest.isEmpty();
            }
            case "include" -> {
                include(file, argument, where);
                return true;
            }
            case "define" -> {
                define(argument, where);
                return true;
            }
            case "undef" -> {
                macros.remove(identifierAt(argument, 0));
                return true;
            }
            case "pragma" -> {
                if (argument.equals("once")) {
                    onceFiles.add(file.toAbsolutePath().normalize());
                }
                return true;
            }
            case "error" -> throw new DevicetreeException(where, "#error " + argument);
            case "warning", "line" -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void include(Path file, String argument, SourceLocation where) throws DevicetreeException {
        if (argument.length() < 2
                || !((argument.startsWith("\"") && argument.indexOf('"', 1) > 0)
                        || (argument.startsWith("<") && argument.indexOf('>') > 0))) {
            throw new DevicetreeException(where, "#include expects \"FILE\" or <FILE> but found '" + argument + "'");
        }
        boolean quoted = argument.startsWith("\"");
        String name = argument.substring(1, quoted ? argument.indexOf('"', 1) : argument.indexOf('>'));
        List<Path> searched = new ArrayList<>();
        if (quoted) {
            searched.add(directoryOf(file));
        }
        searched.addAll(includeDirs);
        for (Path dir : searched) {
            Path candidate = dir.resolve(name);
            if (!Files.isRegularFile(candidate)) {
                tracker.absent(candidate);
            } else {
                if (depth >= MAX_INCLUDE_DEPTH) {
                    throw new DevicetreeException(
                            where,
                            "#include nested more than " + MAX_INCLUDE_DEPTH + " levels deep"
                                    + IncludeCycle.describe(including, candidate));
                }
                depth++;
                including.addLast(candidate.toAbsolutePath().normalize());
                try {
                    process(candidate, where);
                } finally {
                    including.removeLast();
                    depth--;
                }
                return;
            }
        }
        throw new DevicetreeException(
                where,
                "cannot find #include file '" + name + "' (searched: "
                        + (searched.isEmpty() ? "no include directories" : joined(searched)) + ")");
    }

    private void define(String argument, SourceLocation where) throws DevicetreeException {
        String name = identifierAt(argument, 0);
        if (name.isEmpty()) {
            throw new DevicetreeException(where, "#define expects a macro name but found '" + argument + "'");
        }
        String after = argument.substring(name.length());
        if (after.startsWith("(")) {
            int close = after.indexOf(')');
            if (close < 0) {
                throw new DevicetreeException(where, "missing ')' in the parameter list of macro " + name);
            }
            List<String> parameters = new ArrayList<>();
            for (String parameter : after.substring(1, close).split(",")) {
                String trimmed = parameter.strip();
                if (trimmed.isEmpty() && after.substring(1, close).isBlank()) {
                    break;
                }
                if (!trimmed.equals(identifierAt(trimmed, 0))) {
                    throw new DevicetreeException(where, "invalid parameter '" + trimmed + "' of macro " + name);
                }
                parameters.add(trimmed);
            }
            String body = after.substring(close + 1).strip();
            macros.put(name, new Macro(name, List.copyOf(parameters), body));
        } else {
            macros.put(name, new Macro(name, null, after.strip()));
        }
    }

    /** The #if expression with {@code defined X} / {@code defined(X)} replaced, then macros expanded. */
    private String conditionText(String argument, SourceLocation where) throws DevicetreeException {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < argument.length()) {
            String word = identifierAt(argument, i);
            if (word.isEmpty() || (i > 0 && isIdentifierPart(argument.charAt(i - 1)))) {
                out.append(argument.charAt(i));
                i++;
                continue;
            }
            i += word.length();
            if (!word.equals("defined")) {
                out.append(word);
                continue;
            }
            int at = skipBlanks(argument, i);
            boolean parenthesised = at < argument.length() && argument.charAt(at) == '(';
            if (parenthesised) {
                at = skipBlanks(argument, at + 1);
            }
            String name = identifierAt(argument, at);
            if (name.isEmpty()) {
                throw new DevicetreeException(where, "invalid #if expression: 'defined' needs a macro name");
            }
            at += name.length();
            if (parenthesised) {
                at = skipBlanks(argument, at);
                if (at >= argument.length() || argument.charAt(at) != ')') {
                    throw new DevicetreeException(where, "invalid #if expression: missing ')' after 'defined(" + name);
                }
                at++;
            }
            out.append(macros.containsKey(name) ? " 1 " : " 0 ");
            i = at;
        }
        return expand(out.toString(), new HashSet<>(), where);
    }

    private static int skipBlanks(String text, int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** Expands macros in one line; strings, character literals and numbers are left alone. */
    private String expand(String text, Set<String> disabled, SourceLocation where) throws DevicetreeException {
        if (macros.isEmpty()) {
            return text;
        }
        if (++expansionDepth > MAX_EXPANSION_DEPTH) {
            throw new DevicetreeException(
                    where,
                    "nesting deeper than " + MAX_EXPANSION_DEPTH + " levels of macro"
                            + " expansion (a macro that uses a macro that uses a macro ...)");
        }
        String expanded = expandLine(text, disabled, where);
        expansionDepth--;
        return expanded;
    }

    private static void checkExpandedLength(CharSequence out, SourceLocation where) throws DevicetreeException {
        if (out.length() > MAX_EXPANDED_LINE) {
            throw new DevicetreeException(
                    where, "macro expansion makes a line longer than " + MAX_EXPANDED_LINE + " characters");
        }
    }

    private String expandLine(String text, Set<String> disabled, SourceLocation where) throws DevicetreeException {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = literalEnd(text, i);
                out.append(text, i, end);
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < text.length() && (isIdentifierPart(text.charAt(end)) || text.charAt(end) == '.')) {
                    end++;
                }
                out.append(text, i, end);
                i = end;
            } else if (isIdentifierStart(c)) {
                String name = identifierAt(text, i);
                i += name.length();
                Macro macro = macros.get(name);
                if (macro == null || disabled.contains(name)) {
                    out.append(name);
                } else if (macro.parameters() == null) {
                    out.append(expandWith(macro.body(), disabled, name, where));
                    checkExpandedLength(out, where);
                } else {
                    int open = i;
                    while (open < text.length() && Character.isWhitespace(text.charAt(open))) {
                        open++;
                    }
                    if (open >= text.length() || text.charAt(open) != '(') {
                        out.append(name);
                        continue;
                    }
                    List<String> arguments = new ArrayList<>();
                    int end = splitArguments(text, open, arguments);
                    if (end < 0) {
                        throw new DevicetreeException(where, "unterminated argument list of macro " + name);
                    }
                    if (arguments.size() == 1
                            && arguments.get(0).isBlank()
                            && macro.parameters().isEmpty()) {
                        arguments.clear();
                    }
                    if (arguments.size() != macro.parameters().size()) {
                        throw new DevicetreeException(
                                where,
                                "macro " + name + " expects "
                                        + macro.parameters().size() + " arguments but got " + arguments.size());
                    }
                    Map<String, String> raw = new TreeMap<>();
                    Map<String, String> expanded = new TreeMap<>();
                    for (int p = 0; p < arguments.size(); p++) {
                        raw.put(macro.parameters().get(p), arguments.get(p).strip());
                        expanded.put(
                                macro.parameters().get(p),
                                expand(arguments.get(p).strip(), disabled, where));
                    }
                    out.append(expandWith(substitute(macro.body(), raw, expanded, where), disabled, name, where));
                    checkExpandedLength(out, where);
                    i = end;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String expandWith(String body, Set<String> disabled, String name, SourceLocation where)
            throws DevicetreeException {
        Set<String> inner = new HashSet<>(disabled);
        inner.add(name);
        return expand(body, inner, where);
    }

    /**
     * Replaces parameters in a function-like macro's body: {@code #param} by the argument as a
     * string literal, a parameter next to {@code ##} by the argument as written (then the two
     * sides are joined), any other parameter by the macro-expanded argument.
     */
    private static String substitute(
            String body, Map<String, String> raw, Map<String, String> expanded, SourceLocation where)
            throws DevicetreeException {
        List<String> tokens = bodyTokens(body);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("##")) {
                while (out.length() > 0 && Character.isWhitespace(out.charAt(out.length() - 1))) {
                    out.setLength(out.length() - 1);
                }
                while (i + 1 < tokens.size() && tokens.get(i + 1).isBlank()) {
                    i++;
                }
            } else if (token.equals("#")
                    && nextNonBlank(tokens, i) >= 0
                    && raw.containsKey(tokens.get(nextNonBlank(tokens, i)))) {
                i = nextNonBlank(tokens, i);
                out.append('"')
                        .append(raw.get(tokens.get(i)).replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            } else if (raw.containsKey(token)) {
                int next = nextNonBlank(tokens, i);
                boolean pasted = (next >= 0 && tokens.get(next).equals("##")) || previousIsPaste(tokens, i);
                out.append(pasted ? raw.get(token) : expanded.get(token));
                checkExpandedLength(out, where);
            } else {
                out.append(token);
            }
        }
        return out.toString();
    }

    private static int nextNonBlank(List<String> tokens, int index) {
        for (int i = index + 1; i < tokens.size(); i++) {
            if (!tokens.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean previousIsPaste(List<String> tokens, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!tokens.get(i).isBlank()) {
                return tokens.get(i).equals("##");
            }
        }
        return false;
    }

    /** Splits a macro body into identifiers, numbers, literals, {@code #}, {@code ##} and single characters. */
    private static List<String> bodyTokens(String body) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            int end;
            if (c == '"' || c == '\'') {
                end = literalEnd(body, i);
            } else if (isIdentifierPart(c)) {
                end = i;
                while (end < body.length() && isIdentifierPart(body.charAt(end))) {
                    end++;
                }
            } else if (body.startsWith("##", i)) {
                end = i + 2;
            } else {
                end = i + 1;
            }
            tokens.add(body.substring(i, end));
            i = end;
        }
        return tokens;
    }

    /** Splits {@code (a, (b, c))} at top-level commas; returns the index after ')' or -1. */
    private static int splitArguments(String text, int open, List<String> arguments) {
        int level = 0;
        int start = open + 1;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = literalEnd(text, i) - 1;
            } else if (c == '(') {
                level++;
            } else if (c == ')') {
                level--;
                if (level == 0) {
                    arguments.add(text.substring(start, i));
                    return i + 1;
                }
            } else if (c == ',' && level == 1) {
                arguments.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return -1;
    }

    /** End (exclusive) of a string or character literal starting at {@code start}. */
    private static int literalEnd(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return quote == '"' ? text.length() : start + 1;
    }

    /** Removes comments (keeping line structure) and joins continued lines. */
    private static List<Line> logicalLines(Path file, String content) throws DevicetreeException {
        StringBuilder clean = new StringBuilder(content.length());
        int line = 1;
        int commentStart = 0;
        int i = 0;
        while (i < content.length()) {
            char c = content.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < content.length() && content.charAt(end) != '"' && content.charAt(end) != '\n') {
                    end += content.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, content.length());
                clean.append(content, i, end);
                i = end;
            } else if (c == '/' && i + 1 < content.length() && content.charAt(i + 1) == '/') {
                while (i < content.length() && content.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < content.length() && content.charAt(i + 1) == '*') {
                commentStart = line;
                int end = content.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new DevicetreeException(
                            new SourceLocation(file, commentStart, 1),
                            "unterminated comment: expected '*/' before the end of the file");
                }
                for (int k = i; k < end; k++) {
                    if (content.charAt(k) == '\n') {
                        clean.append('\n');
                        line++;
                    }
                }
                clean.append(' ');
                i = end + 2;
            } else {
                if (c == '\n') {
                    line++;
                }
                clean.append(c);
                i++;
            }
        }
        String[] physical = clean.toString().split("\n", -1);
        List<Line> lines = new ArrayList<>();
        for (int n = 0; n < physical.length; n++) {
            int first = n + 1;
            StringBuilder logical = new StringBuilder(physical[n].replace("\r", ""));
            while (logical.length() > 0 && logical.charAt(logical.length() - 1) == '\\' && n + 1 < physical.length) {
                logical.setLength(logical.length() - 1);
                n++;
                logical.append(physical[n].replace("\r", ""));
            }
            lines.add(new Line(logical.toString(), first));
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).text().isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String read(Path file, SourceLocation includedFrom) throws DevicetreeException {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            String problem = Files.exists(file)
                    ? "cannot read " + file + ": " + e.getMessage()
                    : "cannot open " + file + ": no such file";
            throw new DevicetreeException(includedFrom, problem);
        }
    }

    private static Path directoryOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath().getRoot() : parent;
    }

    private static String joined(List<Path> dirs) {
        List<String> names = new ArrayList<>();
        for (Path dir : dirs) {
            names.add(dir.toString());
        }
        return String.join(", ", names);
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }

    static String identifierAt(String text, int start) {
        if (start >= text.length() || !isIdentifierStart(text.charAt(start))) {
            return "";
        }
        int end = start + 1;
        while (end < text.length() && isIdentifierPart(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }
}
