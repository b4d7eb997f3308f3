package io.multiimage.partition;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * State shared by the region solvers of one domain: every request of the domain (the
 * reference's "system" view, whose property maps are the same objects the region tables
 * hold, so sizes computed in one region are seen by the next), where partitions came from,
 * the names of static partitions, and the warning sink.
 */
final class SolveContext {

    final Map<String, Map<String, Object>> system;
    final Origins origins;
    final Set<String> staticNames;
    final Consumer<String> warnings;

    SolveContext(
            Map<String, Map<String, Object>> system,
            Origins origins,
            Set<String> staticNames,
            Consumer<String> warnings) {
        this.system = system;
        this.origins = origins;
        this.staticNames = staticNames;
        this.warnings = warnings;
    }

    void warn(String message) {
        warnings.accept(message);
    }
}
