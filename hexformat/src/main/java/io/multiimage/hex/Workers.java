package io.multiimage.hex;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The threads that format and parse large images in parallel: one daemon thread per
 * processor, created on first use. Small inputs never touch them.
 */
final class Workers {

    /** Number of threads, and how many tasks each big job keeps in flight per thread. */
    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static final class Holder {
        static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, new ThreadFactory() {
            private int next;

            @Override
            public synchronized Thread newThread(Runnable r) {
                Thread t = new WorkerThread(r, "hexformat-worker-" + next++);
                t.setDaemon(true);
                return t;
            }
        });
    }

    private static final class WorkerThread extends Thread {
        WorkerThread(Runnable task, String name) {
            super(task, name);
        }
    }

    private Workers() {}

    static ExecutorService pool() {
        return Holder.POOL;
    }

    /**
     * True when there is more than one processor to share work with, and the caller is not a
     * worker itself: a task that waited for tasks queued behind it could wait forever.
     */
    static boolean parallel() {
        return THREADS > 1 && !(Thread.currentThread() instanceof WorkerThread);
    }

    /**
     * What a failed worker task threw, ready to be rethrown by the caller: its IOException
     * itself; an unchecked exception or error is thrown from here; anything else wrapped.
     */
    static IOException failureOf(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }
}
