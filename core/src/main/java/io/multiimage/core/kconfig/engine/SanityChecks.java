package io.multiimage.core.kconfig.engine;

/**
 * The checks run after parsing (spec section 9.4): symbols without a type, defaults and
 * ranges that do not fit the type, selects of non-bool symbols, and the rules of choices.
 * They add warnings in the reference's order; a non-symbol default of an int/hex/string symbol
 * or of a choice is an error.
 */
final class SanityChecks {

    private final Kconfig kconfig;

    SanityChecks(Kconfig kconfig) {
        this.kconfig = kconfig;
    }

    void run() throws KconfigException {
        for (Symbol sym : kconfig.uniqueDefinedSyms) {
            checkSymbol(sym);
        }
        for (Choice choice : kconfig.uniqueChoices) {
            checkChoice(choice);
        }
    }

    private void checkSymbol(Symbol sym) throws KconfigException {
        if (sym.type.isBoolOrTristate()) {
            for (Select target : sym.selects) {
                warnNonBoolTarget(sym, target.target(), "selects");
            }
            for (Select target : sym.implies) {
                warnNonBoolTarget(sym, target.target(), "implies");
            }
        } else if (sym.type != SymbolType.UNKNOWN) {
            for (Default d : sym.defaults) {
                if (!(d.value() instanceof Symbol)) {
                    throw new KconfigException("the " + sym.type.text() + " symbol " + sym.nameAndLocations()
                            + " has a malformed default " + d.value() + " -- expected a single symbol");
                }
                Symbol value = (Symbol) d.value();
                if (sym.type == SymbolType.STRING) {
                    if (!value.isConstant && value.nodes.isEmpty() && !PyText.isUpper(value.name)) {
                        warn(
                                WarningKind.STYLE,
                                sym,
                                "style: quotes recommended around default value for string symbol "
                                        + sym.nameAndLocations());
                    }
                } else if (!numberFits(value, sym.type)) {
                    warn(
                            WarningKind.TYPE_MISMATCH,
                            sym,
                            "the " + sym.type.text() + " symbol " + sym.nameAndLocations() + " has a non-"
                                    + sym.type.text() + " default " + value.nameAndLocations());
                }
            }
            if (!sym.selects.isEmpty() || !sym.implies.isEmpty()) {
                warn(
                        WarningKind.TYPE_MISMATCH,
                        sym,
                        "the " + sym.type.text() + " symbol " + sym.nameAndLocations() + " has selects or implies");
            }
        } else {
            warn(WarningKind.NO_TYPE, sym, sym.nameAndLocations() + " defined without a type");
        }
        if (!sym.ranges.isEmpty()) {
            if (!sym.type.isNumeric()) {
                warn(
                        WarningKind.TYPE_MISMATCH,
                        sym,
                        "the " + sym.type.text() + " symbol " + sym.nameAndLocations()
                                + " has ranges, but is not int or hex");
            } else {
                for (Range range : sym.ranges) {
                    if (!numberFits(range.low(), sym.type) || !numberFits(range.high(), sym.type)) {
                        warn(
                                WarningKind.TYPE_MISMATCH,
                                sym,
                                "the " + sym.type.text() + " symbol "
                                        + sym.nameAndLocations() + " has a non-" + sym.type.text() + " range ["
                                        + range.low().nameAndLocations() + ", "
                                        + range.high().nameAndLocations() + "]");
                    }
                }
            }
        }
    }

    private void warnNonBoolTarget(Symbol sym, Symbol target, String verb) {
        if (target.type != SymbolType.BOOL && target.type != SymbolType.TRISTATE && target.type != SymbolType.UNKNOWN) {
            warn(
                    WarningKind.TYPE_MISMATCH,
                    sym,
                    sym.nameAndLocations() + " " + verb + " the " + target.type.text() + " symbol "
                            + target.nameAndLocations() + ", which is not bool or tristate");
        }
    }

    /** A literal must parse in the type's base; a defined symbol must have the same type. */
    private static boolean numberFits(Symbol value, SymbolType type) {
        if (value.nodes.isEmpty()) {
            return PyInt.isBaseN(value.name, type.base());
        }
        return value.type == type;
    }

    private void checkChoice(Choice choice) throws KconfigException {
        if (!choice.type.isBoolOrTristate()) {
            warnChoice(choice, choice.nameAndLocations() + " defined with type " + choice.type.text());
        }
        boolean hasPrompt = false;
        for (MenuNode node : choice.nodes) {
            if (node.hasPrompt()) {
                hasPrompt = true;
                break;
            }
        }
        if (!hasPrompt) {
            warnChoice(choice, choice.nameAndLocations() + " defined without a prompt");
        }
        for (Default d : choice.defaults) {
            if (!(d.value() instanceof Symbol)) {
                throw new KconfigException(choice.nameAndLocations() + " has a malformed default " + d.value());
            }
            Symbol value = (Symbol) d.value();
            if (value.choice != choice) {
                warnChoice(
                        choice,
                        "the default selection " + value.nameAndLocations() + " of " + choice.nameAndLocations()
                                + " is not contained in the choice");
            }
        }
        for (Symbol sym : choice.syms) {
            if (!sym.defaults.isEmpty()) {
                warnChoice(
                        choice,
                        "default on the choice symbol " + sym.nameAndLocations()
                                + " will have no effect, as defaults do not affect choice symbols");
            }
            if (sym.revDep != kconfig.n) {
                warnSelectedChoiceSymbol(choice, sym, sym.revDep, "selected");
            }
            if (sym.weakRevDep != kconfig.n) {
                warnSelectedChoiceSymbol(choice, sym, sym.weakRevDep, "implied");
            }
            for (MenuNode node : sym.nodes) {
                if (node.parent.choice == choice && node.parent.kind == MenuNode.Kind.CHOICE) {
                    if (!node.hasPrompt()) {
                        warnChoice(choice, "the choice symbol " + sym.nameAndLocations() + " has no prompt");
                    }
                } else if (node.hasPrompt()) {
                    warnChoice(
                            choice,
                            "the choice symbol " + sym.nameAndLocations()
                                    + " is defined with a prompt outside the choice");
                }
            }
        }
    }

    private void warnSelectedChoiceSymbol(Choice choice, Symbol sym, Expr reverse, String how) {
        StringBuilder msg = new StringBuilder("the choice symbol " + sym.nameAndLocations() + " is " + how
                + " by the following symbols, but select/imply has no effect on choice symbols");
        for (Expr term : Expr.split(reverse, true)) {
            Expr first = Expr.split(term, false).get(0);
            msg.append("\n - ")
                    .append(
                            first instanceof Symbol
                                    ? ((Symbol) first).nameAndLocations()
                                    : ((Choice) first).nameAndLocations());
        }
        warnChoice(choice, msg.toString());
    }

    private void warn(WarningKind kind, Symbol sym, String message) {
        kconfig.warnParse(kind, sym.name, null, message);
    }

    private void warnChoice(Choice choice, String message) {
        kconfig.warnParse(WarningKind.CHOICE, choice.displayName(), null, message);
    }
}
