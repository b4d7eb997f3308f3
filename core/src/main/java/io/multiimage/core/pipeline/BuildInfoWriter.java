package io.multiimage.core.pipeline;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.multiimage.core.incremental.Fingerprint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code build-info.json}: the build manifest. For every image: its strategy and who chose
 * it, where a prebuilt HEX came from, its partition (or, for an image placed by
 * {@code CONFIG_FLASH_LOAD_OFFSET}, {@code "placement"}, {@code "placementOrigin"} and its
 * {@code "flash"} range instead), the sha256 of every input and output;
 * and the sha256 of every merged file. No timestamps and a fixed key order, so the same
 * build gives the same bytes.
 */
final class BuildInfoWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BuildInfoWriter() {}

    static Path write(Path file, List<BuiltImage> images, Map<String, Path> merged) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        ArrayNode list = root.putArray("images");
        for (BuiltImage image : images) {
            ObjectNode node = list.addObject();
            node.put("name", image.name());
            node.put("domain", image.placement().domain());
            node.put("strategy", image.strategy());
            node.put("strategyOrigin", image.strategyOrigin());
            image.hexOrigin().ifPresent(origin -> node.put("hexOrigin", origin));
            ImagePlacement placement = image.placement();
            if (placement.byLoadOffset()) {
                // No partition: say what placed the image, where that was set, and the range it got.
                node.put("placement", ImagePlacement.LOAD_OFFSET_SYMBOL);
                node.put("placementOrigin", placement.loadOffsetOrigin().orElseThrow());
                ObjectNode flash = node.putObject("flash");
                flash.put("address", hex(placement.flash().origin()));
                flash.put("size", hex(placement.flash().size()));
            } else {
                ObjectNode partition = node.putObject("partition");
                partition.put("name", placement.partition());
                partition.put("address", hex(placement.flash().origin()));
                partition.put("size", hex(placement.flash().size()));
                partition.put("static", placement.staticPartition());
            }
            ObjectNode inputs = node.putObject("inputs");
            image.inputs().forEach(inputs::put);
            ObjectNode outputs = node.putObject("outputs");
            image.outputs().forEach(outputs::put);
        }
        ObjectNode mergedNode = root.putObject("merged");
        for (Map.Entry<String, Path> entry : merged.entrySet()) {
            mergedNode.put(entry.getKey(), Fingerprint.sha256(entry.getValue()));
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        OutputFiles.writeIfChanged(file, JSON.writer(printer).writeValueAsString(root) + "\n");
        return file;
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
