package io.multiimage.partition;

import java.io.StringWriter;
import java.util.*;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The candidate writer (docs/yaml-and-json.md): SnakeYAML's serializer and emitter set up as PyYAML's
 * yaml.dump with the reference's hex integers: block style, width 80, ASCII only, PyYAML's implicit
 * resolvers (so the same strings are quoted), keys in code-point order. Not shipped: compiled by
 * bench/library-candidates.sh.
 */
public final class SnakeWriter {
    static final class PyResolver extends Resolver {
        @Override protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"), "yYnNtTfFoO");
            addImplicitResolver(Tag.FLOAT, Pattern.compile("^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"), "-+0123456789.");
            addImplicitResolver(Tag.INT, Pattern.compile("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"), "-+0123456789");
            addImplicitResolver(Tag.MERGE, Pattern.compile("^(?:<<)$"), "<");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL|)$"), "~nN\0");
            addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
            addImplicitResolver(Tag.TIMESTAMP, Pattern.compile("^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"), "0123456789");
            addImplicitResolver(new Tag("tag:yaml.org,2002:value"), Pattern.compile("^(?:=)$"), "=");
        }
    }
    static final class PyRepresenter extends Representer {
        PyRepresenter(DumperOptions o) {
            super(o);
            Represent integer = data -> representScalar(Tag.INT, PythonForms.hex(((Number) data).longValue()));
            representers.put(Long.class, integer);
            representers.put(Integer.class, integer);
            representers.put(String.class, data -> representScalar(Tag.STR, (String) data));
            representers.put(Double.class, data -> representScalar(Tag.FLOAT, floatText((Double) data)));
        }
    }
    static String floatText(double d) {
        if (Double.isNaN(d)) return ".nan";
        if (Double.isInfinite(d)) return d > 0 ? ".inf" : "-.inf";
        String s = Double.toString(d).toLowerCase();
        return s.contains("e") && !s.contains(".") ? s.replace("e", ".0e") : s;
    }
    private static DumperOptions options() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setAllowUnicode(false);
        o.setWidth(80);
        o.setIndent(2);
        o.setLineBreak(DumperOptions.LineBreak.UNIX);
        return o;
    }
    public static String write(Map<String, ?> root) {
        Object sorted = sortedCopy(root, new IdentityHashMap<>());
        StringWriter out = new StringWriter();
        DumperOptions o = options();
        try {
            org.yaml.snakeyaml.serializer.Serializer s = new org.yaml.snakeyaml.serializer.Serializer(
                    new org.yaml.snakeyaml.emitter.Emitter(out, o), new PyResolver(), o, null);
            s.open();
            s.serialize(new PyRepresenter(o).represent(sorted));
            s.close();
        } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
        return out.toString();
    }
    private static Object sortedCopy(Object node, IdentityHashMap<Object, Object> done) {
        if (!(node instanceof Map) && !(node instanceof List)) return node;
        Object known = done.get(node);
        if (known != null) return known;
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            done.put(node, copy);
            List<String> keys = new ArrayList<>();
            for (Object k : m.keySet()) keys.add(String.valueOf(k));
            keys.sort(PythonForms::compareCodePoints);
            for (String k : keys) copy.put(k, sortedCopy(m.get(k), done));
            return copy;
        }
        List<Object> copy = new ArrayList<>();
        done.put(node, copy);
        for (Object o : (List<?>) node) copy.add(sortedCopy(o, done));
        return copy;
    }
}
