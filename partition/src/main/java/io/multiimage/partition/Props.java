package io.multiimage.partition;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for the mutable property mappings the solver works on. Partition properties stay
 * plain YAML values (maps, lists, longs, strings) so that everything a request carries,
 * including keys nobody interprets, reappears in {@code partitions.yml}.
 */
final class Props {

    static final String START = "start";
    static final String END = "end";

    private Props() {}

    /** A fresh insertion-ordered property map. */
    static Map<String, Object> newMap() {
        return new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object o) {
        return o instanceof List ? (List<Object>) o : null;
    }

    static Map<String, Object> placement(Map<String, Object> p) {
        return asMap(p.get("placement"));
    }

    /** {@code placement[direction][0]} or null. */
    static Object firstAnchor(Map<String, Object> p, String direction) {
        Map<String, Object> placement = placement(p);
        if (placement == null) {
            return null;
        }
        List<Object> names = asList(placement.get(direction));
        return names == null || names.isEmpty() ? null : names.get(0);
    }

    static boolean hasSize(Map<String, Object> p) {
        return p.get("size") instanceof Long;
    }

    static long size(Map<String, Object> p) {
        Object s = p.get("size");
        return s instanceof Long l ? l : 0L;
    }

    static long address(Map<String, Object> p) {
        Object a = p.get("address");
        return a instanceof Long l ? l : 0L;
    }

    static List<Object> listOf(Object... items) {
        List<Object> l = new ArrayList<>();
        for (Object o : items) {
            l.add(o);
        }
        return l;
    }

    /** The names of a {@code share_size} value: a list, or the list of its {@code one_of} mapping. */
    static List<Object> shareSizeNames(Object shareSize) {
        if (shareSize instanceof List) {
            return asList(shareSize);
        }
        Map<String, Object> m = asMap(shareSize);
        if (m != null && m.get("one_of") instanceof List) {
            return asList(m.get("one_of"));
        }
        if (shareSize instanceof String s) {
            return listOf(s);
        }
        return new ArrayList<>();
    }

    /**
     * Deep copy of a parsed YAML value; objects shared in the input (YAML aliases) stay shared in
     * the copy, so anchors survive.
     */
    static Object deepCopy(Object value, IdentityHashMap<Object, Object> copies) {
        if (value instanceof Map<?, ?> m) {
            Object done = copies.get(m);
            if (done != null) {
                return done;
            }
            Map<String, Object> c = new LinkedHashMap<>();
            copies.put(m, c);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                c.put(String.valueOf(e.getKey()), deepCopy(e.getValue(), copies));
            }
            return c;
        }
        if (value instanceof List<?> l) {
            Object done = copies.get(l);
            if (done != null) {
                return done;
            }
            List<Object> c = new ArrayList<>();
            copies.put(l, c);
            for (Object o : l) {
                c.add(deepCopy(o, copies));
            }
            return c;
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        return value;
    }

    /** Python's {@code repr} of a value, used to compare placement mappings key order included. */
    static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                b.append(repr(String.valueOf(e.getKey()))).append(": ").append(repr(e.getValue()));
            }
            return b.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                b.append(repr(l.get(i)));
            }
            return b.append(']').toString();
        }
        return String.valueOf(v);
    }

    static String hex(long v) {
        return PythonForms.hex(v);
    }
}
