package io.multiimage.core.pipeline;

import io.multiimage.core.spi.BuildLog;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Places a {@link PlacementProject} in a JVM of its own, so a test can see which classes a
 * placement loads: {@code PlaceInFreshJvm PROJECT CODE-IDENTITY}. Prints the address of app.
 */
final class PlaceInFreshJvm {

    private PlaceInFreshJvm() {}

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        BuildLog quiet = new BuildLog() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {}

            @Override
            public void debug(String message) {}

            @Override
            public boolean isDebugEnabled() {
                return false;
            }
        };
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        PreparedTree tree = PlacementProject.prepare(Path.of(args[0]), quiet, Optional.of(args[1]));
        long cpu = threads.getCurrentThreadCpuTime() - start;
        System.out.println(
                "app at " + tree.placements().get("app").flash() + ", prepared in " + cpu / 1_000_000 + " ms of CPU");
    }
}
