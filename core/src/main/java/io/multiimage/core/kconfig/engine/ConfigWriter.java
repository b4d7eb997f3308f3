package io.multiimage.core.kconfig.engine;

import java.util.HashSet;
import java.util.Set;

/**
 * The text of {@code .config}, {@code autoconf.h} and the minimal configuration (spec section 8),
 * as the reference writes them. Rendering {@code .config} walks the menu tree in file order,
 * which is also the order in which values get computed: {@link Kconfig} evaluates by rendering
 * it, so evaluation warnings come in the reference's order.
 */
final class ConfigWriter {

    private ConfigWriter() {}

    /** {@code .config}: header, then each written symbol at its first definition, with menu and comment blocks. */
    static String config(Kconfig kconfig, String header) {
        StringBuilder out = new StringBuilder(header);
        Set<Symbol> visited = new HashSet<>();
        boolean afterEndComment = false;
        MenuNode node = kconfig.topNode;
        while (true) {
            if (node.list != null) {
                node = node.list;
            } else if (node.next != null) {
                node = node.next;
            } else {
                boolean more = false;
                while (node.parent != null) {
                    node = node.parent;
                    if (node.kind == MenuNode.Kind.MENU
                            && node.dep.tri() != 0
                            && node.visibility.tri() != 0
                            && node != kconfig.topNode) {
                        out.append("# end of ").append(node.promptText).append('\n');
                        afterEndComment = true;
                    }
                    if (node.next != null) {
                        node = node.next;
                        more = true;
                        break;
                    }
                }
                if (!more) {
                    return out.toString();
                }
            }
            if (node.kind == MenuNode.Kind.SYMBOL) {
                Symbol sym = node.symbol;
                if (!visited.add(sym)) {
                    continue;
                }
                String line = configLine(sym);
                if (line.isEmpty()) {
                    continue;
                }
                if (afterEndComment) {
                    afterEndComment = false;
                    out.append('\n');
                }
                out.append(line);
            } else if (node.dep.tri() != 0
                    && ((node.kind == MenuNode.Kind.MENU && node.visibility.tri() != 0)
                            || node.kind == MenuNode.Kind.COMMENT)) {
                out.append("\n#\n# ").append(node.promptText).append("\n#\n");
                afterEndComment = false;
            }
        }
    }

    /** {@code config_string}: the symbol's {@code .config} line, or "" when it is not written. */
    static String configLine(Symbol sym) {
        String value = sym.strValue();
        if (!sym.writeToConf) {
            return "";
        }
        if (sym.type.isBoolOrTristate()) {
            return value.equals("n")
                    ? "# CONFIG_" + sym.name + " is not set\n"
                    : "CONFIG_" + sym.name + "=" + value + "\n";
        }
        if (sym.type.isNumeric()) {
            return "CONFIG_" + sym.name + "=" + value + "\n";
        }
        return "CONFIG_" + sym.name + "=\"" + Kconfig.escape(value) + "\"\n";
    }

    /** {@code autoconf.h}: header, then one {@code #define} per written symbol that is not n. */
    static String autoconf(Kconfig kconfig, String header) {
        StringBuilder out = new StringBuilder(header);
        for (Symbol sym : kconfig.uniqueDefinedSyms) {
            String value = sym.strValue();
            if (!sym.writeToConf) {
                continue;
            }
            if (sym.type.isBoolOrTristate()) {
                if (value.equals("y")) {
                    out.append("#define CONFIG_").append(sym.name).append(" 1\n");
                } else if (value.equals("m")) {
                    out.append("#define CONFIG_").append(sym.name).append("_MODULE 1\n");
                }
            } else if (sym.type == SymbolType.STRING) {
                out.append("#define CONFIG_")
                        .append(sym.name)
                        .append(" \"")
                        .append(Kconfig.escape(value))
                        .append("\"\n");
            } else {
                if (sym.type == SymbolType.HEX && !value.startsWith("0x") && !value.startsWith("0X")) {
                    value = "0x" + value;
                }
                out.append("#define CONFIG_")
                        .append(sym.name)
                        .append(' ')
                        .append(value)
                        .append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The minimal configuration ({@code savedefconfig}): the symbols a user can change whose value
     * differs from what the defaults give, leaving out a choice's default selection.
     */
    static String minimal(Kconfig kconfig, String header) {
        StringBuilder out = new StringBuilder(header);
        for (Symbol sym : kconfig.uniqueDefinedSyms) {
            if (sym.choice == null && sym.vis() <= sym.revDep.tri()) {
                continue;
            }
            if (sym.strValue().equals(sym.defaultValueText())) {
                continue;
            }
            if (sym.choice != null
                    && !sym.choice.isOptional
                    && sym.choice.selectionFromDefaults() == sym
                    && sym.type == SymbolType.BOOL
                    && sym.triValue() == 2) {
                continue;
            }
            out.append(configLine(sym));
        }
        return out.toString();
    }
}
