package io.multiimage.core.devicetree;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The token level of devicetree source, driven by {@link DtsParser}: blanks and comments,
 * {@code /include/}, names, labels, references, string, character and integer literals and
 * the parenthesised C expressions of cells. Errors carry the location of the token.
 */
final class DtsLexer {

    /** A reference {@code &label} or {@code &{/path}}: the label name or the path. */
    record Ref(String target, SourceLocation location) {
        String display() {
            return target.startsWith("/") ? "{" + target + "}" : target;
        }
    }

    private static final int MAX_INCLUDE_DEPTH = 32;
    /**
     * Deepest nesting of parentheses, unary operators and conditional branches in a cell
     * expression. C guarantees 63 levels of parentheses; every level costs about a dozen
     * stack frames here, so the limit stays well below what a thread's stack holds.
     */
    static final int MAX_EXPRESSION_DEPTH = 256;

    final SourceReader in;
    private int expressionDepth;
    private final List<Path> includeDirs;
    private final SourceTracker tracker;

    DtsLexer(SourceReader in, List<Path> includeDirs, SourceTracker tracker) {
        this.in = in;
        this.includeDirs = List.copyOf(includeDirs);
        this.tracker = tracker;
    }

    /** True if the input continues with {@code IDENT:}. */
    boolean isLabelAhead() {
        if (!Preprocessor.isIdentifierStart(in.peek())) {
            return false;
        }
        int i = 1;
        while (Preprocessor.isIdentifierPart(in.peek(i))) {
            i++;
        }
        return in.peek(i) == ':';
    }

    String labelName() {
        StringBuilder name = new StringBuilder();
        while (in.peek() != ':') {
            name.append(in.next());
        }
        in.next();
        return name.toString();
    }

    Ref reference() throws DevicetreeException {
        SourceLocation location = in.location();
        in.next(); // '&'
        if (in.peek() == '{') {
            in.next();
            StringBuilder path = new StringBuilder();
            while (isNameChar(in.peek()) || in.peek() == '/') {
                path.append(in.next());
            }
            if (in.peek() != '}' || path.length() == 0 || path.charAt(0) != '/') {
                throw syntax("a path such as '/soc/serial@200' and '}' in '&{...}'");
            }
            in.next();
            return new Ref(path.toString(), location);
        }
        if (!Preprocessor.isIdentifierStart(in.peek())) {
            throw syntax("a label name or '{/path}' after '&'");
        }
        StringBuilder name = new StringBuilder();
        while (Preprocessor.isIdentifierPart(in.peek())) {
            name.append(in.next());
        }
        return new Ref(name.toString(), location);
    }

    // ---- integers and expressions ------------------------------------------------------

    /** A literal, a character literal or a parenthesised expression. */
    long integerPrimary() throws DevicetreeException {
        char c = in.peek();
        if (c == '(') {
            in.next();
            long value = expression();
            skipSpace();
            if (in.peek() != ')') {
                throw syntax("')'");
            }
            in.next();
            return value;
        } else if (c == '\'') {
            return characterLiteral();
        } else if (isDigit(c)) {
            return integerLiteral();
        }
        throw syntax("a number, a character literal or '('");
    }

    private long expression() throws DevicetreeException {
        enterExpression();
        long value = conditional();
        expressionDepth--;
        return value;
    }

    private void enterExpression() throws DevicetreeException {
        if (++expressionDepth > MAX_EXPRESSION_DEPTH) {
            throw new DevicetreeException(
                    in.location(), "nesting deeper than " + MAX_EXPRESSION_DEPTH + " levels in an expression");
        }
    }

    private long conditional() throws DevicetreeException {
        long condition = binary(0);
        skipSpace();
        if (in.peek() == '?') {
            in.next();
            long whenTrue = expression();
            skipSpace();
            if (in.peek() != ':') {
                throw syntax("':' in a conditional expression");
            }
            in.next();
            long whenFalse = expression();
            return condition != 0 ? whenTrue : whenFalse;
        }
        return condition;
    }

    /**
     * Binary operators of precedence {@code minLevel} and tighter, left associative, by
     * precedence climbing: one stack frame per operator actually nested, not one per level.
     */
    private long binary(int minLevel) throws DevicetreeException {
        long left = unary();
        while (true) {
            skipSpace();
            String operator = null;
            int level = minLevel;
            for (; level < CPrecedence.LEVEL_COUNT && operator == null; level++) {
                operator = operatorAt(level);
            }
            if (operator == null) {
                return left;
            }
            SourceLocation location = in.location();
            in.skip(operator.length());
            long right = binary(level); // level is one past the operator's own: left associative
            left = apply(operator, left, right, location);
        }
    }

    private String operatorAt(int level) {
        for (String operator : CPrecedence.operatorsAt(level)) {
            if (!in.startsWith(operator)) {
                continue;
            }
            // a one-character operator must not be the start of a longer one: | of ||, < of <<
            if (operator.length() == 1 && "|&<>".indexOf(operator.charAt(0)) >= 0 && in.peek(1) == operator.charAt(0)) {
                continue;
            }
            return operator;
        }
        return null;
    }

    private static long apply(String operator, long a, long b, SourceLocation location) throws DevicetreeException {
        switch (operator) {
            case "||":
                return (a != 0 || b != 0) ? 1 : 0;
            case "&&":
                return (a != 0 && b != 0) ? 1 : 0;
            case "|":
                return a | b;
            case "^":
                return a ^ b;
            case "&":
                return a & b;
            case "==":
                return a == b ? 1 : 0;
            case "!=":
                return a != b ? 1 : 0;
            case "<":
                return Long.compareUnsigned(a, b) < 0 ? 1 : 0;
            case ">":
                return Long.compareUnsigned(a, b) > 0 ? 1 : 0;
            case "<=":
                return Long.compareUnsigned(a, b) <= 0 ? 1 : 0;
            case ">=":
                return Long.compareUnsigned(a, b) >= 0 ? 1 : 0;
            case "<<":
                return Long.compareUnsigned(b, 63) > 0 ? 0 : a << b;
            case ">>":
                return Long.compareUnsigned(b, 63) > 0 ? 0 : a >>> b;
            case "+":
                return a + b;
            case "-":
                return a - b;
            case "*":
                return a * b;
            default:
                if (b == 0) {
                    throw new DevicetreeException(location, "division by zero");
                }
                return operator.equals("/") ? Long.divideUnsigned(a, b) : Long.remainderUnsigned(a, b);
        }
    }

    private long unary() throws DevicetreeException {
        skipSpace();
        char c = in.peek();
        if (c == '-' || c == '~' || c == '!') {
            in.next();
            enterExpression();
            long operand = unary();
            expressionDepth--;
            return c == '-' ? -operand : c == '~' ? ~operand : (operand == 0 ? 1 : 0);
        }
        return integerPrimary();
    }

    long integerLiteral() throws DevicetreeException {
        SourceLocation location = in.location();
        StringBuilder text = new StringBuilder();
        while (Preprocessor.isIdentifierPart(in.peek())) {
            text.append(in.next());
        }
        String literal = text.toString();
        String digits = literal.replaceFirst("(?i)(ULL|LL|UL|U|L)$", "");
        int radix = 10;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        final int base = radix;
        if (digits.isEmpty() || !digits.chars().allMatch(ch -> Character.digit(ch, base) >= 0)) {
            throw new DevicetreeException(location, "invalid integer literal '" + literal + "'");
        }
        try {
            return Long.parseUnsignedLong(digits, radix);
        } catch (NumberFormatException e) {
            throw new DevicetreeException(location, "integer literal '" + literal + "' does not fit in 64 bits");
        }
    }

    private long characterLiteral() throws DevicetreeException {
        SourceLocation location = in.location();
        in.next();
        int value;
        if (in.peek() == '\\') {
            in.next();
            value = escape();
        } else if (in.peek() == '\'' || in.peek() == '\n' || in.peek() == 0) {
            throw new DevicetreeException(location, "empty character literal");
        } else {
            value = in.next();
        }
        if (in.peek() != '\'') {
            throw syntax("\"'\" closing a character literal");
        }
        in.next();
        return value;
    }

    byte[] stringLiteral() throws DevicetreeException {
        SourceLocation location = in.location();
        in.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder plain = new StringBuilder();
        while (true) {
            if (in.atEndOfCurrent()) {
                throw new DevicetreeException(location, "unterminated string: expected '\"'");
            }
            char c = in.next();
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                bytes.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
                plain.setLength(0);
                bytes.write(escape());
            } else {
                plain.append(c);
            }
        }
        bytes.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
        bytes.write(0);
        return bytes.toByteArray();
    }

    /** The byte an escape sequence stands for; the backslash is already consumed. */
    private int escape() {
        char c = in.next();
        switch (c) {
            case 'a':
                return 7;
            case 'b':
                return 8;
            case 't':
                return 9;
            case 'n':
                return 10;
            case 'v':
                return 11;
            case 'f':
                return 12;
            case 'r':
                return 13;
            case 'x': {
                int value = 0;
                for (int i = 0; i < 2 && isHexDigit(in.peek()); i++) {
                    value = value * 16 + Character.digit(in.next(), 16);
                }
                return value & 0xff;
            }
            default:
                if (c >= '0' && c <= '7') {
                    int value = c - '0';
                    for (int i = 0; i < 2 && in.peek() >= '0' && in.peek() <= '7'; i++) {
                        value = value * 8 + (in.next() - '0');
                    }
                    return value & 0xff;
                }
                return c;
        }
    }

    // ---- lexical helpers ---------------------------------------------------------------

    /** Skips blanks and comments, follows {@code /include/} and leaves used-up included files. */
    void skipSpace() throws DevicetreeException {
        while (true) {
            if (in.atEndOfCurrent()) {
                if (in.popFinished()) {
                    continue;
                }
                return;
            }
            char c = in.peek();
            if (Character.isWhitespace(c)) {
                in.next();
            } else if (c == '/' && in.peek(1) == '/') {
                while (!in.atEndOfCurrent() && in.peek() != '\n') {
                    in.next();
                }
            } else if (c == '/' && in.peek(1) == '*') {
                SourceLocation start = in.location();
                in.skip(2);
                while (!(in.peek() == '*' && in.peek(1) == '/')) {
                    if (in.atEndOfCurrent()) {
                        throw new DevicetreeException(start, "unterminated comment: expected '*/'");
                    }
                    in.next();
                }
                in.skip(2);
            } else if (in.startsWith("/include/")) {
                includeFile();
            } else {
                return;
            }
        }
    }

    private void includeFile() throws DevicetreeException {
        SourceLocation location = in.location();
        in.skip("/include/".length());
        while (in.peek() == ' ' || in.peek() == '\t') {
            in.next();
        }
        if (in.peek() != '"') {
            throw syntax("a quoted file name after /include/");
        }
        byte[] raw = stringLiteral();
        String name = new String(raw, 0, raw.length - 1, StandardCharsets.UTF_8);
        List<Path> searched = new ArrayList<>();
        Path dir = location.file().toAbsolutePath().getParent();
        if (dir != null) {
            searched.add(dir);
        }
        searched.addAll(includeDirs);
        for (Path candidate : searched) {
            Path file = candidate.resolve(name);
            if (!Files.isRegularFile(file)) {
                tracker.absent(file);
            } else {
                if (in.depth() > MAX_INCLUDE_DEPTH) {
                    throw new DevicetreeException(
                            location,
                            "/include/ nested more than " + MAX_INCLUDE_DEPTH + " levels deep"
                                    + IncludeCycle.describe(in.openFiles(), file, false));
                }
                try {
                    String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                    tracker.read(file);
                    in.push(SourceText.verbatim(file, content));
                    return;
                } catch (IOException e) {
                    throw new DevicetreeException(location, "cannot read " + file + ": " + e.getMessage());
                }
            }
        }
        throw new DevicetreeException(location, "cannot open /include/ file \"" + name + "\": no such file");
    }

    String word() {
        StringBuilder word = new StringBuilder();
        while (isNameChar(in.peek())) {
            word.append(in.next());
        }
        return word.toString();
    }

    void expect(char expected) throws DevicetreeException {
        skipSpace();
        if (in.peek() != expected || in.atEndOfCurrent()) {
            throw syntax("'" + expected + "'");
        }
        in.next();
    }

    boolean isKeyword() {
        return in.startsWith("/delete-node/")
                || in.startsWith("/delete-property/")
                || in.startsWith("/dts-v1/")
                || in.startsWith("/memreserve/")
                || in.startsWith("/bits/")
                || in.startsWith("/plugin/");
    }

    DevicetreeException syntax(String expected) {
        return new DevicetreeException(in.location(), "syntax error: expected " + expected + " but found " + found());
    }

    /** Describes the next token for an error message. */
    private String found() {
        if (in.atEndOfCurrent()) {
            return "the end of the input";
        }
        char c = in.peek();
        if (c == '/') {
            int end = 1;
            while (isNameChar(in.peek(end)) && end < 40) {
                end++;
            }
            if (in.peek(end) == '/' && end > 1) {
                StringBuilder keyword = new StringBuilder();
                for (int i = 0; i <= end; i++) {
                    keyword.append(in.peek(i));
                }
                return "'" + keyword + "'";
            }
        }
        if (isNameChar(c)) {
            StringBuilder token = new StringBuilder();
            for (int i = 0; isNameChar(in.peek(i)) && i < 40; i++) {
                token.append(in.peek(i));
            }
            return "'" + token + "'";
        }
        if (c == '"') {
            return "a string";
        }
        return "'" + c + "'";
    }

    static boolean isNameChar(char c) {
        return isNodeNameChar(c) || c == '@' || c == '#' || c == '?' || c == '*';
    }

    static boolean isNodeNameChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == ','
                || c == '.'
                || c == '_'
                || c == '+'
                || c == '-';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHexDigit(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }
}
