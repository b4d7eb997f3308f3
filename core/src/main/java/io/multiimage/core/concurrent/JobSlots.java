package io.multiimage.core.concurrent;

import io.multiimage.core.spi.ProcessLauncher;
import java.util.concurrent.Semaphore;

/**
 * The job budget of a whole build: at most this many tool processes (compilers, linkers, CMake
 * builds) run at once, however many images and compile units are in flight and however many
 * modules Maven builds in parallel ({@code -T}). Threads are cheap; processes are what the
 * machine's cores run.
 */
public final class JobSlots {

    private final int slots;
    private final Semaphore free;

    /** A budget of {@code slots} concurrent processes. */
    public JobSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("a build needs at least one job slot, not " + slots);
        }
        this.slots = slots;
        this.free = new Semaphore(slots, true);
    }

    /** How many processes may run at once. */
    public int size() {
        return slots;
    }

    /** {@code launcher}, each of whose processes takes one slot for as long as it runs. */
    public ProcessLauncher limit(ProcessLauncher launcher) {
        return spec -> {
            free.acquire();
            try {
                return launcher.run(spec);
            } finally {
                free.release();
            }
        };
    }
}
