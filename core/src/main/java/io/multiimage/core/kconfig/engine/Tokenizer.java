package io.multiimage.core.kconfig.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one (joined) Kconfig line into tokens: {@link Keyword}s, {@link Symbol}s and strings,
 * expanding macros on the way. A line whose first word is not a keyword is handed to the
 * preprocessor as an assignment. The result ends with a null; a blank line is {@code [null]}.
 *
 * <p>Which words are strings depends on the previous token ({@link Keyword#takesString()}):
 * after {@code bool}, {@code prompt}, {@code source}, ... a quoted text or bare word is a string;
 * elsewhere a quoted text is a constant symbol and a bare word a symbol.
 */
final class Tokenizer {

    private static final Object[] BLANK = {null};

    private final KconfigParser parser;
    private final Preprocessor preprocessor;
    private final Kconfig kconfig;
    private final String unameRelease;

    Tokenizer(KconfigParser parser, Preprocessor preprocessor, Kconfig kconfig) {
        this.parser = parser;
        this.preprocessor = preprocessor;
        this.kconfig = kconfig;
        String release = System.getProperty("os.version");
        this.unameRelease = release == null ? "" : release;
    }

    Object[] tokenize(String s) throws KconfigException {
        parser.currentLine = s;
        int i = 0;
        while (i < s.length() && PyText.isAsciiRegexSpace(s.charAt(i))) {
            i++;
        }
        int wordStart = i;
        while (i < s.length() && isCommandChar(s.charAt(i))) {
            i++;
        }
        if (i == wordStart) {
            if (PyText.isBlankNonEmpty(s) || PyText.lstrip(s).startsWith("#")) {
                return BLANK;
            }
            throw parser.parseError("unknown token at start of line");
        }
        String word = s.substring(wordStart, i);
        while (i < s.length() && PyText.isAsciiRegexSpace(s.charAt(i))) {
            i++;
        }
        Keyword first = Keyword.of(word);
        if (first == null) {
            if (PyText.strip(s, " \t\n-").equals("help")) {
                return new Object[] {Keyword.HELP, null};
            }
            preprocessor.parseAssignment(s);
            return BLANK;
        }
        List<Object> tokens = new ArrayList<>();
        tokens.add(first);
        Object token = first;
        while (i < s.length()) {
            int idEnd = i;
            while (idEnd < s.length() && Preprocessor.isNameChar(s.charAt(idEnd))) {
                idEnd++;
            }
            if (idEnd > i) {
                String name = s.substring(i, idEnd);
                int afterSpace = idEnd;
                while (afterSpace < s.length() && PyText.isAsciiRegexSpace(s.charAt(afterSpace))) {
                    afterSpace++;
                }
                Keyword keyword = Keyword.of(name);
                if (keyword != null) {
                    token = keyword;
                    i = afterSpace;
                } else if (!takesString(token)) {
                    if (name.indexOf('$') >= 0) {
                        Preprocessor.ExpandedName expanded = preprocessor.expandName(s, i);
                        name = expanded.name();
                        s = expanded.text();
                        i = expanded.index();
                    } else {
                        i = afterSpace;
                    }
                    token = isConstantName(name) ? kconfig.constant(name) : kconfig.lookupSymbol(name);
                } else {
                    if (token != Keyword.CHOICE) {
                        parser.warnAtLine(
                                WarningKind.STYLE,
                                "style: quotes recommended around '" + name + "' in '"
                                        + PyText.strip(parser.currentLine) + "'");
                    }
                    token = name;
                    i = afterSpace;
                }
            } else {
                char c = s.charAt(i);
                if (c == '"' || c == '\'') {
                    String value;
                    if (s.indexOf('$') < 0 && s.indexOf('\\') < 0) {
                        int end = s.indexOf(c, i + 1) + 1;
                        if (end == 0) {
                            throw parser.parseError("unterminated string");
                        }
                        value = s.substring(i + 1, end - 1);
                        i = end;
                    } else {
                        Preprocessor.Expanded expanded = preprocessor.expandString(s, i);
                        s = expanded.text();
                        int end = expanded.index();
                        value = preprocessor.expandEnvironmentReferences(
                                s.substring(i + 1, end - 1).replace("$UNAME_RELEASE", unameRelease));
                        i = end;
                    }
                    token = takesString(token) || tokens.get(0) == Keyword.OPTION
                            ? value
                            : kconfig.lookupConstant(value);
                } else if (PyText.startsWith(s, "&&", i)) {
                    token = Keyword.AND;
                    i += 2;
                } else if (PyText.startsWith(s, "||", i)) {
                    token = Keyword.OR;
                    i += 2;
                } else if (c == '=') {
                    token = Keyword.EQUAL;
                    i += 1;
                } else if (PyText.startsWith(s, "!=", i)) {
                    token = Keyword.UNEQUAL;
                    i += 2;
                } else if (c == '!') {
                    token = Keyword.NOT;
                    i += 1;
                } else if (c == '(') {
                    token = Keyword.OPEN_PAREN;
                    i += 1;
                } else if (c == ')') {
                    token = Keyword.CLOSE_PAREN;
                    i += 1;
                } else if (c == '#') {
                    break;
                } else if (PyText.startsWith(s, "<=", i)) {
                    token = Keyword.LESS_EQUAL;
                    i += 2;
                } else if (c == '<') {
                    token = Keyword.LESS;
                    i += 1;
                } else if (PyText.startsWith(s, ">=", i)) {
                    token = Keyword.GREATER_EQUAL;
                    i += 2;
                } else if (c == '>') {
                    token = Keyword.GREATER;
                    i += 1;
                } else {
                    throw parser.parseError("unknown tokens in line");
                }
                while (i < s.length() && PyText.isSpace(s.charAt(i))) {
                    i++;
                }
            }
            tokens.add(token);
        }
        tokens.add(null);
        return tokens.toArray();
    }

    private static boolean takesString(Object token) {
        return token instanceof Keyword && ((Keyword) token).takesString();
    }

    private static boolean isConstantName(String name) {
        return name.equals("n") || name.equals("m") || name.equals("y");
    }

    private static boolean isCommandChar(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '$'
                || c == '-';
    }
}
