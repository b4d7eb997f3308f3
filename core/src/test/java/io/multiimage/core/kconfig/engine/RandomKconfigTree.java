package io.multiimage.core.kconfig.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates a random but valid Kconfig tree with random fragments, from a seed: symbols of every
 * type defined once or twice, menus, ifs, choices, comments, sourced files (with globs, relative
 * and optional sources, environment variables), macros, help texts, selects, implies, ranges,
 * defaults of every kind, and fragments with valid, invalid and repeated assignments.
 *
 * <p>Every symbol gets a random rank, and every reference goes from a lower to a higher rank
 * (a symbol's properties use lower-ranked symbols, selects target higher-ranked ones, block
 * conditions use symbols ranked below everything in the block), so there is no dependency loop
 * while values are still computed out of file order. The symbols of a choice share one rank.
 */
final class RandomKconfigTree {

    private static final String[] TYPES = {"bool", "bool", "bool", "bool", "int", "hex", "string"};

    private final Random random;
    private final List<Sym> syms = new ArrayList<>();
    private final Map<String, String> files = new LinkedHashMap<>();
    private int fileCounter;

    /** A symbol to define. */
    private static final class Sym {
        String name;
        String type;
        int rank;
        int definitions;
        ChoiceSpec choice;
    }

    /** A choice and its symbols. */
    private static final class ChoiceSpec {
        final List<Sym> members = new ArrayList<>();
        String name;
    }

    /** One item of a block: a definition, a choice, or a nested block. */
    private interface Unit {}

    private record Definition(Sym sym, boolean first) implements Unit {}

    private record ChoiceUnit(ChoiceSpec choice) implements Unit {}

    private record CommentUnit() implements Unit {}

    /** A symbol followed by definitions that depend on it: an implicit menu (or an if block on it). */
    private record MenuGroup(Sym parent, List<Sym> children, boolean asIf) implements Unit {}

    private static final class Block implements Unit {
        final List<Unit> units = new ArrayList<>();
        String kind;
    }

    RandomKconfigTree(long seed) {
        this.random = new Random(seed);
    }

    DifferentialCase generate(String name) {
        DifferentialCase kase = new DifferentialCase(name);
        int count = 3 + random.nextInt(28);
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ranks.add(i);
        }
        java.util.Collections.shuffle(ranks, random);
        for (int i = 0; i < count; i++) {
            Sym sym = new Sym();
            sym.name = (random.nextInt(5) == 0 ? "OPT_" : "S") + i;
            sym.type = TYPES[random.nextInt(TYPES.length)];
            sym.rank = ranks.get(i);
            sym.definitions = random.nextInt(6) == 0 ? 2 : 1;
            syms.add(sym);
        }
        List<ChoiceSpec> choices = new ArrayList<>();
        for (Sym sym : syms) {
            if (sym.type.equals("bool") && sym.definitions == 1 && random.nextInt(4) == 0) {
                if (choices.isEmpty() || random.nextInt(3) == 0) {
                    ChoiceSpec choice = new ChoiceSpec();
                    choice.name = random.nextInt(3) == 0 ? "CH" + choices.size() : null;
                    choices.add(choice);
                }
                ChoiceSpec choice = choices.get(choices.size() - 1);
                choice.members.add(sym);
                sym.choice = choice;
            }
        }
        for (ChoiceSpec choice : choices) {
            // Kconfiglib's loop check treats each choice symbol as depending on the others (and
            // finds such "loops" or not depending on Python's set order): a choice is one rank.
            int rank = Integer.MAX_VALUE;
            for (Sym member : choice.members) {
                rank = Math.min(rank, member.rank);
            }
            for (Sym member : choice.members) {
                member.rank = rank;
            }
        }
        List<Unit> units = new ArrayList<>();
        List<Sym> plain = new ArrayList<>();
        for (Sym sym : syms) {
            if (sym.choice == null) {
                plain.add(sym);
            }
        }
        java.util.Collections.shuffle(plain, random);
        while (!plain.isEmpty()) {
            Sym sym = plain.remove(0);
            if (sym.definitions == 1 && random.nextInt(6) == 0) {
                List<Sym> group = new ArrayList<>();
                group.add(sym);
                for (int k = 1 + random.nextInt(2); k > 0; k--) {
                    for (int j = 0; j < plain.size(); j++) {
                        if (plain.get(j).definitions == 1) {
                            group.add(plain.remove(j));
                            break;
                        }
                    }
                }
                if (group.size() >= 2) {
                    group.sort((a, b) -> Integer.compare(a.rank, b.rank));
                    units.add(new MenuGroup(group.get(0), group.subList(1, group.size()), random.nextInt(3) == 0));
                    continue;
                }
            }
            for (int d = 0; d < sym.definitions; d++) {
                units.add(new Definition(sym, d == 0));
            }
        }
        for (ChoiceSpec choice : choices) {
            units.add(new ChoiceUnit(choice));
        }
        for (int c = random.nextInt(3); c > 0; c--) {
            units.add(new CommentUnit());
        }
        java.util.Collections.shuffle(units, random);
        Block top = group(units, 0);
        if (random.nextInt(4) == 0) {
            kase.env("ENV_PROMPT", "from env " + random.nextInt(100));
        }
        if (random.nextInt(3) == 0) {
            kase.env("EXTRA_DIR", "extra");
        }
        StringBuilder text = new StringBuilder();
        if (random.nextBoolean()) {
            text.append("mainmenu \"Random ").append(name).append("\"\n");
        }
        if (random.nextInt(3) == 0) {
            text.append("flavour := f").append(random.nextInt(10)).append('\n');
            text.append("greet = hello $(1) from $(flavour)\n");
        }
        if (random.nextInt(6) == 0) {
            text.append("$(warning-if,")
                    .append(random.nextBoolean() ? "y" : "n")
                    .append(",generated warning)\n");
        }
        if (random.nextInt(6) == 0) {
            text.append("macro-prefix := MAC\nconfig $(macro-prefix)_SYM\n\tbool \"$(macro-prefix) symbol\"\n")
                    .append("\tdefault y\n");
        }
        render(top, text, "", 0, "Kconfig");
        if (kase.env.containsKey("EXTRA_DIR") && random.nextBoolean()) {
            files.put("extra/Kconfig", "config EXTRA_SYM\n\tbool \"extra\"\n\tdefault y\n");
            text.append("osource \"$(EXTRA_DIR)/Kconfig\"\n");
        }
        if (random.nextInt(4) == 0) {
            text.append("osource \"nothing/*/Kconfig\"\n");
        }
        files.put("Kconfig", text.toString());
        for (Map.Entry<String, String> e : files.entrySet()) {
            kase.file(e.getKey(), e.getValue());
        }
        int fragments = 1 + random.nextInt(3);
        for (int f = 0; f < fragments; f++) {
            kase.fragment(f == 0 ? "prj.conf" : "overlay" + f + ".conf", fragment());
        }
        return kase;
    }

    /** Splits a list of units into nested blocks at random. */
    private Block group(List<Unit> units, int depth) {
        Block block = new Block();
        int i = 0;
        while (i < units.size()) {
            if (depth < 3 && units.size() - i >= 2 && random.nextInt(4) == 0) {
                int size = 1 + random.nextInt(Math.min(5, units.size() - i));
                Block inner = group(new ArrayList<>(units.subList(i, i + size)), depth + 1);
                String[] kinds = {"if", "menu", "menu", "file", "rfile", "glob"};
                inner.kind = kinds[random.nextInt(kinds.length)];
                block.units.add(inner);
                i += size;
            } else {
                block.units.add(units.get(i++));
            }
        }
        return block;
    }

    private int minRank(Unit unit) {
        if (unit instanceof Definition) {
            return ((Definition) unit).sym().rank;
        }
        if (unit instanceof MenuGroup) {
            return ((MenuGroup) unit).parent().rank;
        }
        if (unit instanceof ChoiceUnit) {
            int min = Integer.MAX_VALUE;
            for (Sym sym : ((ChoiceUnit) unit).choice().members) {
                min = Math.min(min, sym.rank);
            }
            return min;
        }
        if (unit instanceof Block) {
            int min = Integer.MAX_VALUE;
            for (Unit inner : ((Block) unit).units) {
                min = Math.min(min, minRank(inner));
            }
            return min;
        }
        return Integer.MAX_VALUE;
    }

    private void render(Block block, StringBuilder out, String indent, int depth, String file) {
        for (Unit unit : block.units) {
            if (unit instanceof Definition) {
                definition((Definition) unit, out, indent);
            } else if (unit instanceof ChoiceUnit) {
                choice(((ChoiceUnit) unit).choice(), out, indent);
            } else if (unit instanceof MenuGroup) {
                menuGroup((MenuGroup) unit, out, indent);
            } else if (unit instanceof CommentUnit) {
                out.append(indent)
                        .append("comment \"note ")
                        .append(random.nextInt(100))
                        .append("\"\n");
                if (random.nextBoolean()) {
                    out.append(indent)
                            .append("\tdepends on ")
                            .append(expression(Integer.MAX_VALUE, null, 2))
                            .append('\n');
                }
            } else {
                Block inner = (Block) unit;
                int limit = minRank(inner);
                switch (inner.kind) {
                    case "if":
                        out.append(indent)
                                .append("if ")
                                .append(expression(limit, null, 2))
                                .append('\n');
                        render(inner, out, indent + (random.nextBoolean() ? "" : "  "), depth + 1, file);
                        out.append(indent).append("endif").append(random.nextInt(4) == 0 ? " # end\n" : "\n");
                        break;
                    case "menu":
                        out.append(indent)
                                .append("menu \"Menu ")
                                .append(random.nextInt(1000))
                                .append("\"\n");
                        if (random.nextInt(3) == 0) {
                            out.append(indent)
                                    .append("\tdepends on ")
                                    .append(expression(limit, null, 2))
                                    .append('\n');
                        }
                        if (random.nextInt(3) == 0) {
                            out.append(indent)
                                    .append("\tvisible if ")
                                    .append(expression(limit, null, 2))
                                    .append('\n');
                        }
                        render(inner, out, indent, depth + 1, file);
                        out.append(indent).append("endmenu\n");
                        break;
                    default:
                        sourced(inner, out, indent, depth, file);
                }
            }
        }
    }

    /** Puts a block into a file of its own and sources it (source, rsource, or a glob over directories). */
    private void sourced(Block inner, StringBuilder out, String indent, int depth, String file) {
        int n = fileCounter++;
        String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
        StringBuilder text = new StringBuilder();
        String path;
        switch (inner.kind) {
            case "rfile":
                path = (dir.isEmpty() ? "" : dir + "/") + "sub" + n + "/Kconfig.part";
                render(inner, text, "", depth + 1, path);
                files.put(path, text.toString());
                out.append(indent).append("rsource \"sub").append(n).append("/Kconfig.part\"\n");
                break;
            case "glob":
                path = "boards/b" + n + "a/Kconfig.defconfig";
                render(inner, text, "", depth + 1, path);
                files.put(path, text.toString());
                files.put("boards/b" + n + "b/Kconfig.defconfig", "# nothing here\n");
                out.append(indent).append("source \"boards/b").append(n).append("*/Kconfig.defconfig\"\n");
                break;
            default:
                path = "modules/m" + n + "/Kconfig";
                render(inner, text, "", depth + 1, path);
                files.put(path, text.toString());
                out.append(indent).append("source \"modules/m").append(n).append("/Kconfig\"\n");
        }
    }

    private void menuGroup(MenuGroup group, StringBuilder out, String indent) {
        Sym parent = group.parent();
        definition(new Definition(parent, true), out, indent);
        if (group.asIf()) {
            out.append(indent).append("if ").append(parent.name).append('\n');
        }
        for (Sym child : group.children()) {
            String[] forms = {
                parent.name,
                parent.name + " = y",
                parent.name + " != n",
                "y = " + parent.name,
                parent.name + " && " + expression(child.rank, null, 0)
            };
            definition(
                    new Definition(child, true),
                    out,
                    indent,
                    group.asIf() ? null : forms[random.nextInt(forms.length)]);
        }
        if (group.asIf()) {
            out.append(indent).append("endif\n");
        }
    }

    private void choice(ChoiceSpec choice, StringBuilder out, String indent) {
        int limit = Integer.MAX_VALUE;
        for (Sym sym : choice.members) {
            limit = Math.min(limit, sym.rank);
        }
        out.append(indent)
                .append("choice")
                .append(choice.name == null ? "" : " " + choice.name)
                .append('\n');
        if (random.nextInt(6) != 0) {
            out.append(indent).append("\tprompt \"Pick one\"");
            if (random.nextInt(4) == 0) {
                out.append(" if ").append(expression(limit, null, 2));
            }
            out.append('\n');
        }
        if (random.nextInt(4) == 0) {
            out.append(indent)
                    .append("\tdepends on ")
                    .append(expression(limit, null, 2))
                    .append('\n');
        }
        if (random.nextInt(8) == 0) {
            out.append(indent).append("\toptional\n");
        }
        if (random.nextBoolean()) {
            Sym target = choice.members.get(random.nextInt(choice.members.size()));
            out.append(indent).append("\tdefault ").append(target.name);
            if (random.nextInt(3) == 0) {
                out.append(" if ").append(expression(limit, null, 2));
            }
            out.append('\n');
        }
        List<Sym> members = choice.members;
        Sym later = null;
        if (choice.name != null && members.size() >= 2 && random.nextInt(3) == 0) {
            later = members.get(members.size() - 1);
            members = members.subList(0, members.size() - 1);
        }
        for (Sym sym : members) {
            out.append(indent).append("config ").append(sym.name).append('\n');
            if (random.nextInt(8) != 0) {
                out.append(indent)
                        .append("\tbool \"")
                        .append(sym.name.toLowerCase())
                        .append('"');
                if (random.nextInt(5) == 0) {
                    out.append(" if ").append(expression(limit, choice, 1));
                }
                out.append('\n');
            }
            if (random.nextInt(6) == 0) {
                out.append(indent)
                        .append("\tdepends on ")
                        .append(expression(limit, choice, 1))
                        .append('\n');
            }
        }
        out.append(indent).append("endchoice\n");
        if (later != null) {
            out.append(indent).append("choice ").append(choice.name).append('\n');
            out.append(indent)
                    .append("config ")
                    .append(later.name)
                    .append("\n")
                    .append(indent)
                    .append("\tbool \"later ")
                    .append(later.name)
                    .append("\"\n");
            out.append(indent).append("endchoice\n");
        }
    }

    private void definition(Definition def, StringBuilder out, String indent) {
        definition(def, out, indent, null);
    }

    private void definition(Definition def, StringBuilder out, String indent, String dependsOn) {
        Sym sym = def.sym();
        boolean menuconfig = random.nextInt(8) == 0;
        out.append(indent)
                .append(menuconfig ? "menuconfig " : "config ")
                .append(sym.name)
                .append('\n');
        String t = indent + "\t";
        boolean typed = def.first() || random.nextBoolean();
        boolean prompt = random.nextInt(5) != 0;
        if (dependsOn != null) {
            out.append(t).append("depends on ").append(dependsOn).append('\n');
        }
        String type = !def.first() && random.nextInt(8) == 0 ? TYPES[random.nextInt(TYPES.length)] : sym.type;
        if (typed && type.equals("bool") && random.nextInt(10) == 0) {
            out.append(t).append(random.nextBoolean() ? "def_bool " : "boolean ");
            out.append(random.nextBoolean() ? expression(sym.rank, null, 1) : "\"x\"")
                    .append('\n');
            typed = false;
            prompt = false;
        }
        if (typed && !(random.nextInt(40) == 0)) {
            out.append(t).append(type);
            if (prompt) {
                out.append(' ').append(promptText(sym));
                if (random.nextInt(5) == 0) {
                    out.append(" if ").append(expression(sym.rank, null, 2));
                }
            }
            out.append('\n');
        } else if (prompt) {
            out.append(t).append("prompt ").append(promptText(sym)).append('\n');
        }
        if (random.nextInt(3) == 0) {
            String dep = expression(sym.rank, null, 2);
            if (random.nextInt(5) == 0 && dep.contains(" && ")) {
                dep = dep.replaceFirst(" && ", " \\\\\n" + t + "  && ");
            }
            out.append(t).append("depends on ").append(dep).append('\n');
        }
        for (int d = random.nextInt(3); d > 0; d--) {
            out.append(t).append("default ").append(defaultValue(sym));
            if (random.nextBoolean()) {
                out.append(" if ").append(expression(sym.rank, null, 2));
            }
            out.append('\n');
        }
        if (sym.type.equals("int") || sym.type.equals("hex")) {
            for (int r = random.nextInt(3); r > 0; r--) {
                out.append(t).append("range ").append(bound(sym)).append(' ').append(bound(sym));
                if (random.nextBoolean()) {
                    out.append(" if ").append(expression(sym.rank, null, 2));
                }
                out.append('\n');
            }
        }
        if (sym.type.equals("bool") || random.nextInt(20) == 0) {
            for (int s = random.nextInt(3); s > 0; s--) {
                Sym target = higher(sym);
                if (target != null) {
                    out.append(t)
                            .append(random.nextInt(3) == 0 ? "imply " : "select ")
                            .append(target.name);
                    if (random.nextInt(3) == 0) {
                        out.append(" if ").append(expression(sym.rank, null, 1));
                    }
                    out.append('\n');
                }
            }
        }
        if (random.nextInt(6) == 0) {
            out.append(t).append("help\n");
            out.append(t).append("  Some help for ").append(sym.name).append(".\n");
            if (random.nextBoolean()) {
                out.append('\n').append(t).append("    indented more\n");
            }
            if (random.nextInt(4) == 0) {
                out.append("\n\n");
            }
        }
        if (random.nextInt(10) == 0) {
            out.append(indent).append("# a comment line\n");
        }
    }

    private String promptText(Sym sym) {
        switch (random.nextInt(10)) {
            case 0:
                return "\"$(ENV_PROMPT) " + sym.name + "\"";
            case 1:
                return "' single " + sym.name + "'";
            case 2:
                return "\"at $(filename):$(lineno)\"";
            case 3:
                return "\"$(greet," + sym.name + ")\"";
            case 4:
                return "\"quote \\\" and backslash \\\\ in " + sym.name + "\"";
            default:
                return "\"Prompt of " + sym.name + "\"";
        }
    }

    private String defaultValue(Sym sym) {
        Sym other = lower(sym.rank, null);
        switch (sym.type) {
            case "bool":
                return random.nextInt(3) == 0 ? (random.nextBoolean() ? "y" : "n") : expression(sym.rank, null, 2);
            case "int": {
                String[] literals = {"0", "7", "-3", "100", "0x10", "\"12\"", "abc", "+5", "007", "1_000", ""};
                if (other != null && random.nextInt(3) == 0) {
                    return other.name;
                }
                String literal = literals[random.nextInt(literals.length)];
                return literal.isEmpty() ? "\"\"" : literal;
            }
            case "hex": {
                String[] literals = {"0x0", "0x1f", "0X20", "ABC", "10", "\"0x30\"", "0x", "-0x5", "0x1_0"};
                if (other != null && random.nextInt(3) == 0) {
                    return other.name;
                }
                return literals[random.nextInt(literals.length)];
            }
            default: {
                String[] literals = {
                    "\"hello\"",
                    "\"\"",
                    "\"a \\\"q\\\" b\"",
                    "\"back\\\\slash\"",
                    "lowercase_word",
                    "\"$(ENV_PROMPT)\"",
                    "\"${EXTRA_DIR}/x\"",
                    "\"${UNSET_VAR}/y\"",
                    "'single'",
                    "\"10\""
                };
                if (other != null && random.nextInt(3) == 0) {
                    return other.name;
                }
                return literals[random.nextInt(literals.length)];
            }
        }
    }

    private String bound(Sym sym) {
        if (random.nextInt(5) == 0) {
            Sym other = lower(sym.rank, null);
            if (other != null) {
                return other.name;
            }
        }
        String[] ints = {"0", "1", "5", "10", "100", "-10", "0x10"};
        String[] hexes = {"0x0", "0x10", "0x20", "0xff", "10", "0x1000"};
        return sym.type.equals("int") ? ints[random.nextInt(ints.length)] : hexes[random.nextInt(hexes.length)];
    }

    /** A random symbol ranked below {@code limit}, never from {@code exclude}. */
    private Sym lower(int limit, ChoiceSpec exclude) {
        List<Sym> candidates = new ArrayList<>();
        for (Sym sym : syms) {
            if (sym.rank < limit && (exclude == null || sym.choice != exclude)) {
                candidates.add(sym);
            }
        }
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private Sym higher(Sym from) {
        List<Sym> candidates = new ArrayList<>();
        for (Sym sym : syms) {
            if (sym.rank > from.rank && (random.nextInt(6) == 0 || sym.type.equals("bool"))) {
                candidates.add(sym);
            }
        }
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    /** A condition over symbols ranked below {@code limit}. */
    private String expression(int limit, ChoiceSpec exclude, int depth) {
        int pick = random.nextInt(depth > 0 ? 10 : 5);
        switch (pick) {
            case 0:
            case 1:
            case 2: {
                Sym sym = lower(limit, exclude);
                if (sym == null || random.nextInt(8) == 0) {
                    String[] atoms = {"y", "n", "UNDEFINED_" + random.nextInt(3), "\"y\""};
                    return atoms[random.nextInt(atoms.length)];
                }
                return sym.name;
            }
            case 3:
            case 4: {
                Sym sym = lower(limit, exclude);
                String left = sym == null ? "\"abc\"" : sym.name;
                String[] ops = {"=", "!=", "<", "<=", ">", ">="};
                String[] rights = {"y", "n", "5", "0x10", "\"abc\"", "\"5\"", "010", "\"\"", "OTHER_UNDEF"};
                String right = rights[random.nextInt(rights.length)];
                Sym other = lower(limit, exclude);
                if (other != null && random.nextInt(3) == 0) {
                    right = other.name;
                }
                return left + " " + ops[random.nextInt(ops.length)] + " " + right;
            }
            case 5:
            case 6:
                return expression(limit, exclude, depth - 1) + " && " + expression(limit, exclude, depth - 1);
            case 7:
                return expression(limit, exclude, depth - 1) + " || " + expression(limit, exclude, depth - 1);
            case 8:
                return "!" + expression(limit, exclude, 0);
            default:
                return "(" + expression(limit, exclude, depth - 1) + ")";
        }
    }

    private String fragment() {
        StringBuilder out = new StringBuilder();
        if (random.nextBoolean()) {
            out.append("# fragment\n");
        }
        for (int i = random.nextInt(12); i > 0; i--) {
            Sym sym = syms.get(random.nextInt(syms.size()));
            int form = random.nextInt(30);
            if (form == 0) {
                out.append("CONFIG_UNKNOWN_").append(random.nextInt(3)).append("=y\n");
            } else if (form == 1) {
                out.append("# CONFIG_").append(sym.name).append(" is not set\n");
            } else if (form == 2) {
                out.append("garbage line ").append(i).append('\n');
            } else if (form == 3) {
                out.append("  CONFIG_").append(sym.name).append("=y\n");
            } else if (form == 4) {
                out.append('\n');
            } else if (form == 5) {
                out.append("# CONFIG_NOT_DEFINED is not set\n");
            } else {
                out.append("CONFIG_")
                        .append(sym.name)
                        .append('=')
                        .append(value(sym))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private String value(Sym sym) {
        switch (sym.type) {
            case "bool": {
                String[] values = {"y", "n", "y", "n", "yes", "nope", "m", "", "1"};
                return values[random.nextInt(values.length)];
            }
            case "int": {
                String[] values = {"0", "3", "7", "50", "1000", "-5", "0x10", "abc", "+12", "007", " 9"};
                return values[random.nextInt(values.length)];
            }
            case "hex": {
                String[] values = {"0x0", "0x10", "0x1F", "20", "0XAB", "zz", "-0x1", "0x"};
                return values[random.nextInt(values.length)];
            }
            default: {
                String[] values = {
                    "\"text\"",
                    "\"\"",
                    "\"with \\\"quotes\\\"\"",
                    "\"a\\\\b\"",
                    "unquoted",
                    "\"trailing\" junk",
                    "\"unterminated"
                };
                return values[random.nextInt(values.length)];
            }
        }
    }
}
