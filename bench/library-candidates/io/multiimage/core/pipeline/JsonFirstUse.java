package io.multiimage.core.pipeline;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** First rendering of a build-info.json of three images in a fresh JVM, wall and thread CPU: JsonFirstUse hand|jackson [print]. */
public final class JsonFirstUse {
    public static void main(String[] a) throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", 1);
        List<Object> images = new ArrayList<>();
        for (String name : List.of("b0", "mcuboot", "app")) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("name", name); image.put("domain", "CPUAPP"); image.put("strategy", "from-source");
            image.put("strategyOrigin", "default");
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", name); p.put("address", "0x8000"); p.put("size", "0xc000"); p.put("static", false);
            image.put("partition", p);
            Map<String, String> inputs = new LinkedHashMap<>();
            for (int i = 0; i < 12; i++) inputs.put(name + "/src/main/c/file" + i + ".c", "9f2c" + "0".repeat(60));
            image.put("inputs", inputs);
            image.put("outputs", new LinkedHashMap<>(Map.of(name + ".hex", "ab12" + "0".repeat(60))));
            images.add(image);
        }
        root.put("images", images);
        root.put("merged", new LinkedHashMap<>(Map.of("merged.hex", "cd34" + "0".repeat(60))));
        boolean jackson = a[0].equals("jackson");
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        String text = render(jackson, root);
        long t1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < 200; i++) render(jackson, root);
        long t2 = System.nanoTime();
        System.out.printf("%s wall %.1f cpu %.1f next %.3f%n", a[0], (t1 - t0) / 1e6, (c1 - c0) / 1e6, (t2 - t1) / 200e6);
        if (a.length > 1) System.out.print(text);
    }
    static String render(boolean jackson, Object root) throws Exception {
        if (!jackson) return JsonText.of(root);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return new ObjectMapper().writer(printer).writeValueAsString(root) + "\n";
    }
}
