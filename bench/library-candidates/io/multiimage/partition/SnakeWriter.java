package io.multiimage.partition;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.serializer.Serializer;

/**
 * The candidate writer (docs/yaml-and-json.md): SnakeYAML's serializer and emitter set up as
 * PyYAML's yaml.dump with the reference's hex integers: block style, width 80, ASCII only,
 * PyYAML's implicit resolvers (so the same strings are quoted), keys in code-point order. Not
 * shipped: compiled by bench/library-candidates.sh.
 */
public final class SnakeWriter {

    private SnakeWriter() {}

    /** PyYAML's implicit resolvers (YAML 1.1), which decide which strings need quotes. */
    private static final class PyYamlResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile(
                    "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"), "yYnNtTfFoO");
            addImplicitResolver(Tag.FLOAT, Pattern.compile(
                    "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"),
                    "-+0123456789.");
            addImplicitResolver(Tag.INT, Pattern.compile(
                    "^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
                    + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"), "-+0123456789");
            addImplicitResolver(Tag.MERGE, Pattern.compile("^(?:<<)$"), "<");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL|)$"), "~nN\0");
            addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
            addImplicitResolver(Tag.TIMESTAMP, Pattern.compile(
                    "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                    + "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                    + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"), "0123456789");
            addImplicitResolver(new Tag("tag:yaml.org,2002:value"), Pattern.compile("^(?:=)$"), "=");
        }
    }

    /** Integers as the reference writes them (hex), strings never as binary, floats as YamlWriter spells them. */
    private static final class ReferenceRepresenter extends Representer {
        ReferenceRepresenter(DumperOptions options) {
            super(options);
            Represent integer = data -> representScalar(Tag.INT, PythonForms.hex(((Number) data).longValue()));
            representers.put(Long.class, integer);
            representers.put(Integer.class, integer);
            representers.put(String.class, data -> representScalar(Tag.STR, (String) data));
            representers.put(Double.class, data -> representScalar(Tag.FLOAT, floatText((Double) data)));
        }
    }

    /** As {@link YamlWriter#write}. */
    public static String write(Map<String, ?> root) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(false);
        options.setWidth(80);
        options.setIndent(2);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        StringWriter out = new StringWriter();
        try {
            Serializer serializer = new Serializer(new Emitter(out, options), new PyYamlResolver(), options, null);
            serializer.open();
            serializer.serialize(new ReferenceRepresenter(options).represent(sortedCopy(root, new IdentityHashMap<>())));
            serializer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        String s = Double.toString(d).toLowerCase();
        return s.contains("e") && !s.contains(".") ? s.replace("e", ".0e") : s;
    }

    /** A copy with every mapping's keys in code-point order; an object held twice is copied once (anchors). */
    private static Object sortedCopy(Object node, IdentityHashMap<Object, Object> copies) {
        if (!(node instanceof Map) && !(node instanceof List)) {
            return node;
        }
        Object known = copies.get(node);
        if (known != null) {
            return known;
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            copies.put(node, copy);
            List<String> keys = new ArrayList<>();
            map.keySet().forEach(key -> keys.add(String.valueOf(key)));
            keys.sort(PythonForms::compareCodePoints);
            for (String key : keys) {
                copy.put(key, sortedCopy(map.get(key), copies));
            }
            return copy;
        }
        List<Object> copy = new ArrayList<>();
        copies.put(node, copy);
        for (Object item : (List<?>) node) {
            copy.add(sortedCopy(item, copies));
        }
        return copy;
    }
}
