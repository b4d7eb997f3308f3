package io.multiimage.core.devicetree;

import java.nio.file.Path;

/**
 * Told which files a merge read and which include candidates it looked for and did not find:
 * together, everything whose change could change the merge (a new file that would now be
 * found first counts as much as an edited one).
 */
interface SourceTracker {

    /** Tracks nothing. */
    SourceTracker NONE = new SourceTracker() {
        @Override
        public void read(Path file) {}

        @Override
        public void absent(Path candidate) {}
    };

    /** {@code file} was read. */
    void read(Path file);

    /** {@code candidate} was looked for (an include search path entry) and did not exist. */
    void absent(Path candidate);
}
