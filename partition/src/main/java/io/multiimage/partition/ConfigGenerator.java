package io.multiimage.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates {@code pm.config} and {@code pm_config.h} from the layouts of one or more domains
 * (spec section 6), line for line like the reference's output script.
 */
public final class ConfigGenerator {

    /** First line of every header; the reference names its own script there. */
    public static final String GENERATOR = "io.multiimage.partition";

    private ConfigGenerator() {}

    /**
     * {@code pm.config}: {@code PM_X=value} lines of every domain given, no domain prefixes,
     * no final newline.
     */
    public static String pmConfig(List<OutputDomain> domains) throws PartitionException {
        return String.join("\n", lines(domains, "", "=", false, null));
    }

    /**
     * {@code pm_config.h} for one image.
     *
     * @param domains        every domain, root domain first
     * @param image          {@code <domain>:<image>}, e.g. {@code :app}, {@code CPUNET:hci_ipc}
     * @param headerFileName the header's file name (for the include guard), e.g. {@code pm_config.h}
     * @throws PartitionException when the image's partition does not exist or is a container
     */
    public static String header(List<OutputDomain> domains, String image, String headerFileName)
            throws PartitionException {
        return header(domains, image, headerFileName, message -> {});
    }

    /**
     * {@code pm_config.h} for one image, reporting the reference's warning when a container named
     * like the image is replaced by its {@code <image>_image} partition.
     */
    public static String header(
            List<OutputDomain> domains,
            String image,
            String headerFileName,
            java.util.function.Consumer<String> warnings)
            throws PartitionException {
        int colon = image.indexOf(':');
        if (colon < 0) {
            throw new PartitionException(
                    "image name '" + image + "' must be <domain>:<image>, e.g. ':app'", List.of(), List.of());
        }
        String domain = image.substring(0, colon);
        String name = image.substring(colon + 1);
        OutputDomain own = null;
        for (OutputDomain d : domains) {
            if (d.name().equals(domain)) {
                own = d;
            }
        }
        if (own == null) {
            throw new PartitionException(
                    "image '" + image + "': no partitions file for domain '" + domain + "'", List.of(name), List.of());
        }
        List<String> out = new ArrayList<>(lines(domains, "#define ", " ", true, domain));
        Map<String, Object> part = own.partitions().get(name);
        if (part == null) {
            throw new PartitionException(
                    "image '" + image + "': unknown partition '" + name + "' in domain '" + domain + "'; known: "
                            + own.partitions().keySet(),
                    List.of(name),
                    List.of());
        }
        String pmImage = name;
        if (isContainer(part)) {
            String deprecated = name + "_image";
            if (own.partitions().get(deprecated) != null) {
                pmImage = deprecated;
                warnings.accept("Partition image '" + name + "' is a container spanning " + part.get("span")
                        + " with the name of its image; '" + deprecated + "' (from a static configuration) gives"
                        + " PM_ADDRESS/PM_SIZE. Rename the container and use the image name for the image's"
                        + " partition.");
            } else {
                throw new PartitionException(
                        "partition '" + name + "' is a container spanning "
                                + part.get("span")
                                + " but has the name of its image; rename the container in the image's"
                                + " pm.yml",
                        List.of(name),
                        List.of());
            }
        }
        Map<String, Object> img = own.partitions().get(pmImage);
        out.add("#define PM_ADDRESS " + hex(img.get("address")));
        out.add("#define PM_SIZE " + hex(img.get("size")));
        Map<String, Object> sram = own.partitions().get(name + "_sram");
        if (sram == null) {
            sram = own.partitions().get("sram_primary");
        }
        if (sram == null) {
            throw new PartitionException(
                    "image '" + image + "': domain '" + domain + "' has neither '" + name + "_sram' nor 'sram_primary'",
                    List.of(name),
                    List.of());
        }
        out.add("#define PM_SRAM_ADDRESS " + hex(sram.get("address")));
        out.add("#define PM_SRAM_SIZE " + hex(sram.get("size")));
        int dotH = headerFileName.indexOf(".h");
        String guard = (dotH < 0 ? headerFileName : headerFileName.substring(0, dotH)).toUpperCase(Locale.ROOT);
        out.add(
                0,
                "/* File generated by " + GENERATOR + ", do not modify */\n#ifndef " + guard + "_H__\n#define " + guard
                        + "_H__");
        out.add("#endif /* " + guard + "_H__ */");
        return String.join("\n", out);
    }

    private static boolean isContainer(Map<String, Object> p) {
        for (String k : p.keySet()) {
            if (k.contains("span")) {
                return true;
            }
        }
        return false;
    }

    private static String hex(Object v) {
        if (v instanceof Long l) {
            return PythonForms.hex(l);
        }
        return String.valueOf(v);
    }

    private static String pyStr(Object v) {
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v == null) {
            return "None";
        }
        if (v instanceof String || v instanceof Long || v instanceof Double) {
            return String.valueOf(v);
        }
        return Props.repr(v);
    }

    private static List<String> lines(
            List<OutputDomain> domains, String head, String split, boolean header, String currentDomain)
            throws PartitionException {
        List<String> lines = new ArrayList<>();
        Map<String, List<String>> affiliations = new LinkedHashMap<>();
        int id = 0;
        for (OutputDomain d : domains) {
            LineSink sink = new LineSink(lines, head, split, currentDomain, d.name());
            List<Map.Entry<String, Map<String, Object>>> byAddress = new ArrayList<>(sorted(d.partitions()));
            for (Map.Entry<String, Map<String, Object>> e : byAddress) {
                if (!(e.getValue().get("address") instanceof Long)) {
                    throw new PartitionException(
                            "partition '" + e.getKey() + "' has no address", List.of(e.getKey()), List.of());
                }
            }
            byAddress.sort(Comparator.comparingLong(e -> (Long) e.getValue().get("address")));
            for (Map.Entry<String, Map<String, Object>> e : byAddress) {
                String name = e.getKey();
                Map<String, Object> p = e.getValue();
                String upper = name.toUpperCase(Locale.ROOT);
                String lower = name.toLowerCase(Locale.ROOT);
                Map<String, Object> region = d.regions().get(String.valueOf(p.get("region")));
                if (region == null) {
                    throw new PartitionException(
                            "partition '" + name + "' is in region '" + p.get("region")
                                    + "', which the regions file of domain '" + d.name() + "' does not define",
                            List.of(name),
                            List.of());
                }
                long base = region.get("base_address") instanceof Long b ? b : 0L;
                sink.add(upper + "_OFFSET", PythonForms.hex((Long) p.get("address") - base));
                sink.add(upper + "_ADDRESS", hex(p.get("address")));
                sink.add(upper + "_END_ADDRESS", hex(p.get("end_address")));
                sink.add(upper + "_SIZE", hex(p.get("size")));
                sink.add(upper + "_NAME", name);
                Object aff = p.get("affiliation");
                if (aff != null) {
                    List<Object> affs = aff instanceof String ? Props.listOf(aff) : Props.asList(aff);
                    if (affs != null) {
                        for (Object a : affs) {
                            affiliations
                                    .computeIfAbsent(pyStr(a), k -> new ArrayList<>())
                                    .add(name);
                        }
                    }
                }
                Map<String, Object> extra = Props.asMap(p.get("extra_params"));
                if (extra != null) {
                    for (Map.Entry<String, Object> x : extra.entrySet()) {
                        sink.add(upper + "_EXTRA_PARAM_" + x.getKey(), pyStr(x.getValue()));
                    }
                }
                Object device = region.get("device");
                boolean hasDevice = device != null && !"".equals(device) && !Boolean.FALSE.equals(device);
                if (hasDevice) {
                    sink.add(upper + "_ID", String.valueOf(id));
                    sink.add(lower + "_ID", "PM_" + upper + "_ID");
                    sink.add(lower + "_IS_ENABLED", "1");
                    boolean own = currentDomain == null || d.name().equals(currentDomain);
                    sink.add(id + "_LABEL", own ? upper : d.name() + "_" + upper);
                    id++;
                }
                if (header) {
                    if (hasDevice) {
                        sink.add(upper + "_DEV", pyStr(device));
                        Object kconfig = region.get("default_driver_kconfig");
                        if (kconfig != null && !"".equals(kconfig)) {
                            sink.add(upper + "_DEFAULT_DRIVER_KCONFIG", pyStr(kconfig));
                        }
                    }
                } else if (p.containsKey("span")) {
                    List<Object> span = Props.asList(p.get("span"));
                    List<String> names = new ArrayList<>();
                    if (span != null) {
                        for (Object o : span) {
                            names.add(pyStr(o));
                        }
                    }
                    sink.add(upper + "_SPAN", "\"" + String.join(" ", names) + "\"");
                }
            }
            sink.add("NUM", String.valueOf(id));
            List<String> bySize = new ArrayList<>();
            for (Map.Entry<String, Map<String, Object>> e : sorted(d.partitions())) {
                bySize.add(e.getKey());
            }
            Map<String, Integer> depth = new LinkedHashMap<>();
            for (String n : bySize) {
                depth.put(n, depth(d.partitions(), n, 0));
            }
            bySize.sort(Comparator.comparingInt(depth::get));
            bySize.sort(Comparator.comparingLong(n -> d.partitions().get(n).get("size") instanceof Long l ? l : 0L));
            sink.add("ALL_BY_SIZE", "\"" + String.join(" ", bySize) + "\"");
            for (Map.Entry<String, List<String>> a : affiliations.entrySet()) {
                StringBuilder fns = new StringBuilder();
                for (String n : a.getValue()) {
                    fns.append(" fn(").append(n.toUpperCase(Locale.ROOT)).append(')');
                }
                sink.add("FOREACH_AFFILIATED_TO_" + a.getKey() + "(fn)", fns.toString());
            }
        }
        return lines;
    }

    /** The order of a partitions file: as read (files written by us or the reference are sorted). */
    private static List<Map.Entry<String, Map<String, Object>>> sorted(Map<String, Map<String, Object>> parts) {
        return new ArrayList<>(parts.entrySet());
    }

    /** Containers down the first span members (a loop, not recursion: the chain comes from a file). */
    private static int depth(Map<String, Map<String, Object>> parts, String key, int depth) {
        int d = depth;
        String name = key;
        while (true) {
            Map<String, Object> p = parts.get(name);
            if (p == null || d > parts.size()) {
                return d;
            }
            List<Object> span = Props.asList(p.get("span"));
            if (span == null || span.isEmpty()) {
                return d;
            }
            name = String.valueOf(span.get(0));
            d++;
        }
    }

    /** Writes lines with or without domain prefix, as the reference decides. */
    private static final class LineSink {
        private final List<String> lines;
        private final String head;
        private final String split;
        private final String currentDomain;
        private final String domain;

        LineSink(List<String> lines, String head, String split, String currentDomain, String domain) {
            this.lines = lines;
            this.head = head;
            this.split = split;
            this.currentDomain = currentDomain;
            this.domain = domain;
        }

        void add(String key, String value) {
            if (currentDomain == null || domain.equals(currentDomain) || key.contains("LABEL")) {
                lines.add(head + "PM_" + key + split + value);
            } else {
                lines.add(head + "PM_" + domain + "_" + key + split + value);
            }
        }
    }
}
