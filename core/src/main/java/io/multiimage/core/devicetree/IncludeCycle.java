package io.multiimage.core.devicetree;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Explains an include depth limit that was hit: when the file about to be included is already
 * being read, the files form a cycle, and the message names it. A cycle is not an error by
 * itself (an include guard or {@code #pragma once} ends it), so only the depth limit stops one.
 */
final class IncludeCycle {

    private IncludeCycle() {}

    /**
     * {@code ": a.dtsi includes b.dtsi, which includes a.dtsi again; ..."} when {@code next} is in
     * {@code including} (outermost first), else {@code " (is a file including itself?)"}.
     */
    static String describe(Collection<Path> including, Path next) {
        return describe(including, next, true);
    }

    /**
     * Like {@link #describe(Collection, Path)}; {@code guardable} is false for dtc's
     * {@code /include/}, which reads files verbatim (no include guard can stop a cycle there).
     */
    static String describe(Collection<Path> including, Path next, boolean guardable) {
        Path target = next.toAbsolutePath().normalize();
        List<Path> chain = new ArrayList<>(including);
        int first = chain.lastIndexOf(target);
        if (first < 0) {
            return " (is a file including itself?)";
        }
        // the innermost repetition of the cycle: from the last time target was entered
        List<String> names = new ArrayList<>();
        for (Path p : chain.subList(first, chain.size())) {
            names.add(p.getFileName().toString());
        }
        names.add(target.getFileName().toString());
        return ": the includes form a cycle (" + String.join(" -> ", names) + "); "
                + (guardable
                        ? "add '#pragma once' or an include guard to " + target.getFileName() + ", or remove"
                                + " the cycle"
                        : "remove the cycle (/include/ reads files as they are)");
    }
}
