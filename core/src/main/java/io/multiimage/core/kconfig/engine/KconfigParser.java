package io.multiimage.core.kconfig.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Reads a Kconfig tree into menu nodes, symbols and choices (spec sections 2 and 3): statements
 * and their properties, {@code source} with globs, help texts. Line numbers, file names and
 * messages follow the reference exactly, because they appear in warnings and errors.
 *
 * <p>Blocks ({@code if}, {@code menu}, {@code choice}, sourced files) may nest
 * {@value #MAX_NESTING} deep and expressions {@value #MAX_EXPRESSION_NESTING} deep; deeper input
 * is reported as an error rather than exhausting the stack.
 */
final class KconfigParser implements Preprocessor.Context {

    /** Deepest nesting of if/menu/choice blocks and sourced files. */
    static final int MAX_NESTING = 1000;
    /** Deepest nesting of parentheses and {@code !} in one expression. */
    static final int MAX_EXPRESSION_NESTING = 1000;

    private final Kconfig kconfig;
    private final Preprocessor preprocessor;
    private final Tokenizer tokenizer;
    private final String rootPrefix;

    // Position
    String currentLine = "";
    private String filename;
    private int linenr;
    private List<String> lines;
    private int lineIndex;
    private List<Location> includePath = List.of();
    private final Deque<Object[]> fileStack = new ArrayDeque<>();

    // Tokens of the current line
    private Object[] tokens;
    private int tokenIndex;
    private boolean reuseTokens;
    private int nesting;
    private int expressionNesting;

    KconfigParser(Kconfig kconfig, Map<String, String> environment, String rootPrefix) {
        this.kconfig = kconfig;
        this.preprocessor = new Preprocessor(environment, this);
        this.tokenizer = new Tokenizer(this, preprocessor, kconfig);
        this.rootPrefix = rootPrefix;
    }

    /** Parses the top file ({@code topFile} as given, opened at {@code topPath}) into {@code kconfig.topNode}. */
    void parse(String topFile, Path topPath) throws KconfigException {
        filename = topFile;
        linenr = 0;
        try {
            lines = TextFiles.readLines(topPath, topFile);
        } catch (IOException e) {
            throw new KconfigException("[Errno " + errnoNumber(e, topPath) + "] "
                    + TextFiles.errnoText(e, topPath).replaceFirst("^[A-Z]+: ", "") + ": '" + topFile + "'");
        }
        lineIndex = 0;
        MenuNode top = kconfig.topNode;
        MenuNode last = parseBlock(null, top, top);
        last.next = null;
        top.list = top.next;
        top.next = null;
    }

    private static int errnoNumber(IOException e, Path path) {
        String text = TextFiles.errnoText(e, path);
        return text.startsWith("ENOENT") ? 2 : text.startsWith("EACCES") ? 13 : text.startsWith("EISDIR") ? 21 : 5;
    }

    // ---- context for the preprocessor and tokenizer -----------------------------------------

    @Override
    public String filename() {
        return filename;
    }

    @Override
    public int linenr() {
        return linenr;
    }

    @Override
    public KconfigException parseError(String message) {
        return new KconfigException(
                filename + ":" + linenr + ": error: couldn't parse '" + PyText.strip(currentLine) + "': " + message);
    }

    @Override
    public void warnAtLine(String message) {
        warnAtLine(WarningKind.PREPROCESSOR, message);
    }

    void warnAtLine(WarningKind kind, String message) {
        kconfig.warnParse(kind, null, new Location(filename, linenr), message);
    }

    @Override
    public void info(String message) {
        kconfig.info(message);
    }

    // ---- lines --------------------------------------------------------------------------------

    private String readline() {
        return lineIndex < lines.size() ? lines.get(lineIndex++) : "";
    }

    private boolean nextLine() throws KconfigException {
        if (reuseTokens) {
            reuseTokens = false;
            return true;
        }
        String line = readline();
        if (line.isEmpty()) {
            return false;
        }
        linenr++;
        while (line.endsWith("\\\n")) {
            line = line.substring(0, line.length() - 2) + readline();
            linenr++;
        }
        tokens = tokenizer.tokenize(line);
        tokenIndex = 1;
        return true;
    }

    private void lineAfterHelp(String line) throws KconfigException {
        while (line.endsWith("\\\n")) {
            line = line.substring(0, line.length() - 2) + readline();
            linenr++;
        }
        tokens = tokenizer.tokenize(line);
        tokenIndex = 1;
        reuseTokens = true;
    }

    private Object token(int index) {
        return index < tokens.length ? tokens[index] : null;
    }

    // ---- files --------------------------------------------------------------------------------

    private void enterFile(String absolute) throws KconfigException {
        String relative = absolute.startsWith(rootPrefix) ? absolute.substring(rootPrefix.length()) : absolute;
        fileStack.push(new Object[] {includePath, lines, lineIndex});
        List<Location> path = new ArrayList<>(includePath);
        path.add(new Location(filename, linenr));
        includePath = List.copyOf(path);
        for (Location location : includePath) {
            if (location.file().equals(relative)) {
                StringBuilder message = new StringBuilder();
                message.append(filename)
                        .append(':')
                        .append(linenr)
                        .append(": recursive 'source' of '")
                        .append(relative)
                        .append("' detected. Check that environment variables are set correctly.\nInclude path:");
                for (Location entry : includePath) {
                    message.append('\n').append(entry);
                }
                throw new KconfigException(message.toString());
            }
        }
        Path file = Path.of(absolute);
        try {
            if (Files.isDirectory(file)) {
                throw new IOException("Is a directory");
            }
            lines = TextFiles.readLines(file, relative);
        } catch (IOException e) {
            throw new KconfigException(filename + ":" + linenr + ": Could not open '" + absolute + "' (in '"
                    + PyText.strip(currentLine) + "') (" + TextFiles.errnoText(e, file) + ")");
        }
        lineIndex = 0;
        filename = relative;
        linenr = 0;
        kconfig.kconfigFiles.add(relative);
    }

    @SuppressWarnings("unchecked")
    private void leaveFile() {
        Location back = includePath.get(includePath.size() - 1);
        filename = back.file();
        linenr = back.line();
        Object[] frame = fileStack.pop();
        includePath = (List<Location>) frame[0];
        lines = (List<String>) frame[1];
        lineIndex = (Integer) frame[2];
    }

    // ---- blocks -------------------------------------------------------------------------------

    private MenuNode parseBlock(Keyword endToken, MenuNode parent, MenuNode prev) throws KconfigException {
        while (nextLine()) {
            Object t0 = tokens[0];
            if (t0 == Keyword.CONFIG || t0 == Keyword.MENUCONFIG) {
                Object item = token(1);
                if (!(item instanceof Symbol) || ((Symbol) item).isConstant) {
                    throw parseError("missing or bad symbol name");
                }
                if (token(2) != null) {
                    throw trailingTokens();
                }
                Symbol sym = (Symbol) item;
                kconfig.definedSyms.add(sym);
                MenuNode node = newNode(MenuNode.Kind.SYMBOL, sym, null, parent);
                node.isMenuconfig = t0 == Keyword.MENUCONFIG;
                sym.nodes.add(node);
                parseProperties(node);
                if (node.isMenuconfig && !node.hasPrompt()) {
                    kconfig.warnParse(
                            WarningKind.DEFINITION,
                            sym.name,
                            null,
                            "the menuconfig symbol " + sym.nameAndLocations() + " has no prompt");
                }
                prev.next = node;
                prev = node;
            } else if (t0 == null) {
                continue;
            } else if (t0 instanceof Keyword && ((Keyword) t0).isSource()) {
                prev = source((Keyword) t0, parent, prev);
            } else if (t0 == endToken && endToken != null) {
                if (token(1) != null) {
                    throw trailingTokens();
                }
                prev.next = null;
                return prev;
            } else if (t0 == Keyword.IF) {
                MenuNode node = newNode(MenuNode.Kind.IF, null, null, parent);
                node.dep = expectExpressionAndEnd();
                enterBlock();
                parseBlock(Keyword.ENDIF, node, node);
                nesting--;
                node.list = node.next;
                prev.next = node;
                prev = node;
            } else if (t0 == Keyword.MENU) {
                MenuNode node = newNode(MenuNode.Kind.MENU, null, null, parent);
                node.isMenuconfig = true;
                node.promptText = expectStringAndEnd();
                node.promptCondition = kconfig.y;
                node.visibility = kconfig.y;
                enterBlock();
                parseProperties(node);
                parseBlock(Keyword.ENDMENU, node, node);
                nesting--;
                node.list = node.next;
                prev.next = node;
                prev = node;
            } else if (t0 == Keyword.COMMENT) {
                MenuNode node = newNode(MenuNode.Kind.COMMENT, null, null, parent);
                node.promptText = expectStringAndEnd();
                node.promptCondition = kconfig.y;
                parseProperties(node);
                prev.next = node;
                prev = node;
            } else if (t0 == Keyword.CHOICE) {
                Choice choice;
                if (token(1) == null) {
                    choice = new Choice(kconfig, null);
                    choice.directDep = kconfig.n;
                } else {
                    String name = expectStringAndEnd();
                    choice = kconfig.namedChoices.get(name);
                    if (choice == null) {
                        choice = new Choice(kconfig, name);
                        choice.directDep = kconfig.n;
                        kconfig.namedChoices.put(name, choice);
                    }
                }
                kconfig.choices.add(choice);
                MenuNode node = newNode(MenuNode.Kind.CHOICE, null, choice, parent);
                node.isMenuconfig = true;
                choice.nodes.add(node);
                enterBlock();
                parseProperties(node);
                parseBlock(Keyword.ENDCHOICE, node, node);
                nesting--;
                node.list = node.next;
                prev.next = node;
                prev = node;
            } else if (t0 == Keyword.MAINMENU) {
                kconfig.topNode.promptText = expectStringAndEnd();
                kconfig.topNode.promptCondition = kconfig.y;
            } else {
                throw parseError(
                        t0 == Keyword.ENDCHOICE
                                ? "no corresponding 'choice'"
                                : t0 == Keyword.ENDIF
                                        ? "no corresponding 'if'"
                                        : t0 == Keyword.ENDMENU ? "no corresponding 'menu'" : "unrecognized construct");
            }
        }
        if (endToken != null) {
            String expected =
                    endToken == Keyword.ENDCHOICE ? "endchoice" : endToken == Keyword.ENDIF ? "endif" : "endmenu";
            throw new KconfigException("error: expected '" + expected + "' at end of '" + filename + "'");
        }
        return prev;
    }

    private MenuNode newNode(MenuNode.Kind kind, Symbol symbol, Choice choice, MenuNode parent) {
        MenuNode node = new MenuNode(kind, symbol, choice);
        node.parent = parent;
        node.filename = filename;
        node.linenr = linenr;
        node.includePath = includePath;
        return node;
    }

    private void enterBlock() throws KconfigException {
        if (++nesting > MAX_NESTING) {
            throw parseError("if/menu/choice blocks and sourced files nest deeper than " + MAX_NESTING + " levels");
        }
    }

    private MenuNode source(Keyword kind, MenuNode parent, MenuNode prev) throws KconfigException {
        String pattern = expectStringAndEnd();
        if (kind == Keyword.RSOURCE || kind == Keyword.ORSOURCE) {
            pattern = PyPaths.join(PyPaths.dirname(filename), pattern);
        }
        List<String> files = PyPaths.glob(PyPaths.join(rootPrefix, pattern));
        files.sort(PyText::compare);
        if (files.isEmpty() && (kind == Keyword.SOURCE || kind == Keyword.RSOURCE)) {
            throw new KconfigException(filename + ":" + linenr + ": '" + pattern + "' not found (in '"
                    + PyText.strip(currentLine) + "'). Check that environment variables are set correctly (e.g. "
                    + "$srctree, which is unset or blank). Also note that unset environment variables expand to the "
                    + "empty string.");
        }
        for (String file : files) {
            enterBlock();
            enterFile(file);
            prev = parseBlock(null, parent, prev);
            leaveFile();
            nesting--;
        }
        return prev;
    }

    // ---- properties ---------------------------------------------------------------------------

    private void parseProperties(MenuNode node) throws KconfigException {
        node.dep = kconfig.y;
        while (nextLine()) {
            Object t0 = tokens[0];
            if (t0 == null) {
                continue;
            }
            if (!(t0 instanceof Keyword)) {
                reuseTokens = true;
                return;
            }
            Keyword keyword = (Keyword) t0;
            switch (keyword) {
                case BOOL:
                case INT:
                case HEX:
                case STRING:
                case TRISTATE:
                    setType(node, typeOf(keyword));
                    if (token(1) != null) {
                        parsePrompt(node);
                    }
                    break;
                case DEPENDS:
                    if (!checkToken(Keyword.ON)) {
                        throw parseError("expected 'on' after 'depends'");
                    }
                    node.dep = kconfig.makeAnd(node.dep, expectExpressionAndEnd());
                    break;
                case HELP:
                    parseHelp(node);
                    break;
                case SELECT:
                case IMPLY:
                    if (node.kind != MenuNode.Kind.SYMBOL) {
                        throw parseError(
                                keyword == Keyword.SELECT ? "only symbols can select" : "only symbols can imply");
                    }
                    Select property = new Select(expectNonConstantSymbol(), parseCondition());
                    (keyword == Keyword.SELECT ? node.selects : node.implies).add(property);
                    break;
                case DEFAULT:
                    node.defaults.add(new Default(parseExpression(false), parseCondition()));
                    break;
                case DEF_BOOL:
                case DEF_INT:
                case DEF_HEX:
                case DEF_STRING:
                case DEF_TRISTATE:
                    setType(
                            node,
                            keyword == Keyword.DEF_BOOL
                                    ? SymbolType.BOOL
                                    : keyword == Keyword.DEF_INT
                                            ? SymbolType.INT
                                            : keyword == Keyword.DEF_HEX
                                                    ? SymbolType.HEX
                                                    : keyword == Keyword.DEF_STRING
                                                            ? SymbolType.STRING
                                                            : SymbolType.TRISTATE);
                    node.defaults.add(new Default(parseExpression(false), parseCondition()));
                    break;
                case PROMPT:
                    parsePrompt(node);
                    break;
                case RANGE:
                    Symbol low = expectSymbol();
                    Symbol high = expectSymbol();
                    node.ranges.add(new Range(low, high, parseCondition()));
                    break;
                case VISIBLE:
                    if (!checkToken(Keyword.IF)) {
                        throw parseError("expected 'if' after 'visible'");
                    }
                    if (node.kind != MenuNode.Kind.MENU) {
                        throw parseError("'visible if' is only valid for menus");
                    }
                    node.visibility = kconfig.makeAnd(node.visibility, expectExpressionAndEnd());
                    break;
                case OPTION:
                    parseOption(node);
                    break;
                case OPTIONAL:
                    if (node.kind != MenuNode.Kind.CHOICE) {
                        throw parseError("\"optional\" is only valid for choices");
                    }
                    node.choice.isOptional = true;
                    break;
                default:
                    reuseTokens = true;
                    return;
            }
        }
    }

    private static SymbolType typeOf(Keyword keyword) {
        switch (keyword) {
            case BOOL:
                return SymbolType.BOOL;
            case INT:
                return SymbolType.INT;
            case HEX:
                return SymbolType.HEX;
            case STRING:
                return SymbolType.STRING;
            default:
                return SymbolType.TRISTATE;
        }
    }

    private void setType(MenuNode node, SymbolType type) throws KconfigException {
        if (type == SymbolType.TRISTATE) {
            throw parseError("tristate symbols are not supported (firmware images use bool)");
        }
        if (node.kind == MenuNode.Kind.SYMBOL) {
            Symbol sym = node.symbol;
            if (sym.type != SymbolType.UNKNOWN && sym.type != type) {
                kconfig.warnParse(
                        WarningKind.MULTIPLE_TYPES,
                        sym.name,
                        null,
                        sym.nameAndLocations() + " defined with multiple types, " + type.text() + " will be used");
            }
            sym.type = type;
        } else if (node.kind == MenuNode.Kind.CHOICE) {
            Choice choice = node.choice;
            if (choice.type != SymbolType.UNKNOWN && choice.type != type) {
                kconfig.warnParse(
                        WarningKind.MULTIPLE_TYPES,
                        choice.displayName(),
                        null,
                        choice.nameAndLocations() + " defined with multiple types, " + type.text() + " will be used");
            }
            choice.type = type;
        } else {
            throw parseError("a " + node.kind.name().toLowerCase(java.util.Locale.ROOT) + " has no type");
        }
    }

    private String itemName(MenuNode node) {
        return node.kind == MenuNode.Kind.SYMBOL ? node.symbol.nameAndLocations() : node.choice.nameAndLocations();
    }

    private String itemKey(MenuNode node) {
        return node.kind == MenuNode.Kind.SYMBOL ? node.symbol.name : node.choice.displayName();
    }

    private void parsePrompt(MenuNode node) throws KconfigException {
        if (node.kind != MenuNode.Kind.SYMBOL && node.kind != MenuNode.Kind.CHOICE) {
            throw parseError(
                    "a " + node.kind.name().toLowerCase(java.util.Locale.ROOT) + " takes its title on its first line");
        }
        if (node.hasPrompt()) {
            kconfig.warnParse(
                    WarningKind.DEFINITION,
                    itemKey(node),
                    null,
                    itemName(node) + " defined with multiple prompts in single location");
        }
        Object prompt = token(1);
        tokenIndex = 2;
        if (!(prompt instanceof String)) {
            throw parseError("expected prompt string");
        }
        String text = (String) prompt;
        if (!text.equals(PyText.strip(text))) {
            kconfig.warnParse(
                    WarningKind.DEFINITION,
                    itemKey(node),
                    null,
                    itemName(node) + " has leading or trailing whitespace in its prompt");
            text = PyText.strip(text);
        }
        node.promptText = text;
        node.promptCondition = parseCondition();
    }

    private void parseHelp(MenuNode node) throws KconfigException {
        boolean named = node.kind == MenuNode.Kind.SYMBOL || node.kind == MenuNode.Kind.CHOICE;
        if (named && node.help != null) {
            kconfig.warnParse(
                    WarningKind.DEFINITION,
                    itemKey(node),
                    null,
                    itemName(node) + " defined with more than one help text -- only the last one will be used");
        }
        String line;
        while (true) {
            line = readline();
            linenr++;
            if (line.isEmpty()) {
                emptyHelp(node, named, line);
                return;
            }
            if (!PyText.isBlankNonEmpty(line)) {
                break;
            }
        }
        String expanded = PyText.expandTabs(line);
        int indent = expanded.length() - PyText.lstrip(expanded).length();
        if (indent == 0) {
            emptyHelp(node, named, line);
            return;
        }
        List<String> helpLines = new ArrayList<>();
        helpLines.add(expanded.substring(indent));
        while (true) {
            line = readline();
            if (PyText.isBlankNonEmpty(line)) {
                helpLines.add("\n");
            } else if (line.isEmpty()) {
                break;
            } else {
                expanded = PyText.expandTabs(line);
                if (expanded.length() - PyText.lstrip(expanded).length() < indent) {
                    break;
                }
                helpLines.add(expanded.substring(indent));
            }
        }
        linenr += helpLines.size();
        node.help = PyText.rstrip(String.join("", helpLines));
        if (!line.isEmpty()) {
            lineAfterHelp(line);
        }
    }

    private void emptyHelp(MenuNode node, boolean named, String line) throws KconfigException {
        if (named) {
            kconfig.warnParse(
                    WarningKind.DEFINITION, itemKey(node), null, itemName(node) + " has 'help' but empty help text");
        }
        node.help = "";
        if (!line.isEmpty()) {
            lineAfterHelp(line);
        }
    }

    private void parseOption(MenuNode node) throws KconfigException {
        if (checkToken(Keyword.ENV)) {
            if (!checkToken(Keyword.EQUAL)) {
                throw parseError("expected '=' after 'env'");
            }
            String envVar = expectStringAndEnd();
            if (node.kind != MenuNode.Kind.SYMBOL) {
                throw parseError("'option env' is only valid for symbols");
            }
            Symbol sym = node.symbol;
            sym.envVar = envVar;
            String value = kconfig.environment.get(envVar);
            if (value != null) {
                node.defaults.add(new Default(kconfig.lookupConstant(value), kconfig.y));
            } else {
                // The reference swaps the two names in this message; kept for identical output.
                warnAtLine(
                        WarningKind.OPTION,
                        envVar + " has 'option env=\"" + sym.name + "\"', but the environment variable " + sym.name
                                + " is not set");
            }
            if (!envVar.equals(sym.name)) {
                warnAtLine(
                        WarningKind.OPTION,
                        "Kconfiglib expands environment variables in strings directly, meaning "
                                + "you do not need 'option env=...' \"bounce\" symbols. For compatibility with the C tools, "
                                + "rename " + sym.name + " to " + envVar
                                + " (so that the symbol name matches the environment "
                                + "variable name).");
            }
        } else if (checkToken(Keyword.DEFCONFIG_LIST)) {
            if (node.kind != MenuNode.Kind.SYMBOL) {
                throw parseError("'option defconfig_list' is only valid for symbols");
            }
            if (kconfig.defconfigList == null) {
                kconfig.defconfigList = node.symbol;
            } else {
                warnAtLine(
                        WarningKind.OPTION,
                        "'option defconfig_list' set on multiple symbols ("
                                + kconfig.defconfigList.name + " and " + node.symbol.name + "). Only "
                                + kconfig.defconfigList.name + " will be used.");
            }
        } else if (checkToken(Keyword.MODULES)) {
            if (node.symbol != kconfig.modules) {
                warnAtLine(
                        WarningKind.OPTION,
                        "the 'modules' option is not supported. Let me know if this is a "
                                + "problem for you, as it wouldn't be that hard to implement. Note that modules are supported "
                                + "-- Kconfiglib just assumes the symbol name MODULES, like older versions of the C "
                                + "implementation did when 'option modules' wasn't used.");
            }
        } else if (checkToken(Keyword.ALLNOCONFIG_Y)) {
            if (node.kind != MenuNode.Kind.SYMBOL) {
                throw parseError("the 'allnoconfig_y' option is only valid for symbols");
            }
            node.symbol.allnoconfigY = true;
        } else {
            throw parseError("unrecognized option");
        }
    }

    // ---- token helpers ------------------------------------------------------------------------

    private boolean checkToken(Keyword keyword) {
        if (token(tokenIndex) == keyword) {
            tokenIndex++;
            return true;
        }
        return false;
    }

    private Symbol expectSymbol() throws KconfigException {
        Object token = token(tokenIndex++);
        if (!(token instanceof Symbol)) {
            throw parseError("expected symbol");
        }
        return (Symbol) token;
    }

    private Symbol expectNonConstantSymbol() throws KconfigException {
        Object token = token(1);
        tokenIndex = 2;
        if (!(token instanceof Symbol) || ((Symbol) token).isConstant) {
            throw parseError("expected nonconstant symbol");
        }
        return (Symbol) token;
    }

    private String expectStringAndEnd() throws KconfigException {
        Object token = token(tokenIndex++);
        if (!(token instanceof String)) {
            throw parseError("expected string");
        }
        if (token(tokenIndex) != null) {
            throw trailingTokens();
        }
        return (String) token;
    }

    private Expr expectExpressionAndEnd() throws KconfigException {
        Expr expr = parseExpression(true);
        if (token(tokenIndex) != null) {
            throw trailingTokens();
        }
        return expr;
    }

    private Expr parseCondition() throws KconfigException {
        Expr expr = checkToken(Keyword.IF) ? parseExpression(true) : kconfig.y;
        if (token(tokenIndex) != null) {
            throw trailingTokens();
        }
        return expr;
    }

    private KconfigException trailingTokens() {
        return parseError("extra tokens at end of line");
    }

    // ---- expressions --------------------------------------------------------------------------

    /** {@code expr: and_expr ['||' and_expr]...}; {@code transformM} rewrites {@code m} as {@code m && MODULES}. */
    private Expr parseExpression(boolean transformM) throws KconfigException {
        Expr first = parseAndExpression(transformM);
        if (token(tokenIndex) != Keyword.OR) {
            return first;
        }
        List<Expr> operands = new ArrayList<>();
        operands.add(first);
        while (checkToken(Keyword.OR)) {
            operands.add(parseAndExpression(transformM));
        }
        return new Expr.Or(operands);
    }

    private Expr parseAndExpression(boolean transformM) throws KconfigException {
        Expr first = parseFactor(transformM);
        if (token(tokenIndex) != Keyword.AND) {
            return first;
        }
        List<Expr> operands = new ArrayList<>();
        operands.add(first);
        while (checkToken(Keyword.AND)) {
            operands.add(parseFactor(transformM));
        }
        return new Expr.And(operands);
    }

    private Expr parseFactor(boolean transformM) throws KconfigException {
        Object token = token(tokenIndex++);
        if (token instanceof Symbol) {
            Object next = token(tokenIndex);
            if (!(next instanceof Keyword) || !((Keyword) next).isRelation()) {
                if (transformM && token == kconfig.m) {
                    return new Expr.And(List.of(kconfig.m, kconfig.modules));
                }
                return (Symbol) token;
            }
            tokenIndex++;
            return new Expr.Comparison(((Keyword) next).relation(), (Symbol) token, expectSymbol());
        }
        if (token == Keyword.NOT || token == Keyword.OPEN_PAREN) {
            if (++expressionNesting > MAX_EXPRESSION_NESTING) {
                throw parseError("expression nested deeper than " + MAX_EXPRESSION_NESTING + " levels");
            }
            try {
                if (token == Keyword.NOT) {
                    return new Expr.Not(parseFactor(transformM));
                }
                Expr inner = parseExpression(transformM);
                if (checkToken(Keyword.CLOSE_PAREN)) {
                    return inner;
                }
            } finally {
                expressionNesting--;
            }
        }
        throw parseError("malformed expression");
    }
}
