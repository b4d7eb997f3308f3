package io.multiimage.core.pipeline;

import io.multiimage.core.state.Fingerprint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code build-info.json}: the build manifest. For every image: its strategy and who chose
 * it, where a prebuilt HEX came from, its partition (and the address it is linked at, when its
 * board sees the layout's memory through another alias), the sha256 of every input and output;
 * and the sha256 of every merged file. With a memory report, each image's flash and RAM figures
 * ({@code memory}) and every domain's partitions ({@code layout}): what a later build compares
 * with when it names this one as its baseline. No timestamps and a fixed key order, so the same
 * build gives the same bytes.
 */
final class BuildInfoWriter {

    private BuildInfoWriter() {}

    static Path write(Path file, List<BuiltImage> images, Map<String, Path> merged) throws IOException {
        return write(file, images, merged, new BuildInfoExtras());
    }

    /** As above, with what the sign, verify and lock steps add. */
    static Path write(Path file, List<BuiltImage> images, Map<String, Path> merged, BuildInfoExtras extras)
            throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", 1);
        List<Object> list = new ArrayList<>();
        for (BuiltImage image : images) {
            Map<String, Object> node = new LinkedHashMap<>();
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
                Map<String, Object> flash = new LinkedHashMap<>();
                flash.put("address", hex(placement.flash().origin()));
                flash.put("size", hex(placement.flash().size()));
                linkedAt(placement, flash);
                node.put("flash", flash);
            } else {
                Map<String, Object> partition = new LinkedHashMap<>();
                partition.put("name", placement.partition());
                partition.put("address", hex(placement.flash().origin()));
                partition.put("size", hex(placement.flash().size()));
                partition.put("static", placement.staticPartition());
                linkedAt(placement, partition);
                node.put("partition", partition);
            }
            node.put("inputs", new LinkedHashMap<>(image.inputs()));
            node.put("outputs", new LinkedHashMap<>(image.outputs()));
            node.putAll(extras.imageFacts(image.name()));
            list.add(node);
        }
        root.put("images", list);
        Map<String, Object> mergedNode = new LinkedHashMap<>();
        for (Map.Entry<String, Path> entry : merged.entrySet()) {
            mergedNode.put(entry.getKey(), Fingerprint.sha256(entry.getValue()));
        }
        root.put("merged", mergedNode);
        root.putAll(extras.rootFacts());
        OutputFiles.writeIfChanged(file, JsonText.of(root));
        return file;
    }

    /** Where an image seen through another alias than its layout runs (absent when the same). */
    private static void linkedAt(ImagePlacement placement, Map<String, Object> node) {
        if (placement.aliasShift() != 0) {
            node.put("linkedAddress", hex(placement.linkedFlash().origin()));
        }
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
