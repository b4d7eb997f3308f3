package io.multiimage.maven.cache;

import io.multiimage.core.pipeline.ImageInputs;
import io.multiimage.core.pipeline.TreeInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A module's inputs as the lines its cache key gets, one input per line, readable where the
 * extension shows a key's parts (the effective POM in its {@code buildinfo.xml}) and printed by
 * {@code -Dfirmware.explain}: the plugin's code, then per image its strategy, its placement and
 * each input of its build with its sha256, then the layout files of a whole tree.
 */
final class KeyLines {

    private KeyLines() {}

    /** The lines of {@code inputs}; {@code pluginCode} is the sha256 of the plugin's code, when it runs from jars. */
    static List<String> of(TreeInputs inputs, Optional<String> pluginCode) {
        List<String> lines = new ArrayList<>();
        pluginCode.ifPresent(code -> lines.add("plugin code " + code));
        for (ImageInputs image : inputs.images().values()) {
            String prefix = "image " + image.name() + ": ";
            lines.add(prefix + image.strategy() + " (" + image.strategyOrigin() + ")"
                    + image.hexOrigin().map(origin -> ", HEX " + origin).orElse(""));
            lines.add(prefix + image.placement());
            image.entries().forEach((name, digest) -> lines.add(prefix + name + " " + digest));
        }
        inputs.layouts().forEach((name, digest) -> lines.add("layout " + name + " " + digest));
        return List.copyOf(lines);
    }
}
