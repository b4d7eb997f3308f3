package io.multiimage.core.pipeline;

import io.multiimage.core.concurrent.JobSlots;
import io.multiimage.core.state.DevicetreeMemo;
import io.multiimage.core.toolchain.ToolVersion;

/**
 * What the builds of one session share: the job budget, and facts that are valid only within
 * the session (devicetrees merged earlier, tool versions asked). A Maven build keeps one for all its modules, so a
 * reactor built with {@code -T} never runs more tool processes than the budget, and a
 * long-lived Maven daemon starts every build with nothing remembered.
 */
public final class BuildSession {

    private final JobSlots jobs;
    private final DevicetreeMemo devicetrees = new DevicetreeMemo();
    private final ToolVersion toolVersions = new ToolVersion();

    /** A session of at most {@code jobs} concurrent tool processes. */
    public BuildSession(int jobs) {
        this.jobs = new JobSlots(jobs);
    }

    /** The job budget. */
    public JobSlots jobs() {
        return jobs;
    }

    DevicetreeMemo devicetrees() {
        return devicetrees;
    }

    ToolVersion toolVersions() {
        return toolVersions;
    }
}
