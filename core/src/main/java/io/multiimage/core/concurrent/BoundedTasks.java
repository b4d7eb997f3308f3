package io.multiimage.core.concurrent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs a list of tasks on a bounded pool of daemon threads and returns their results in
 * submission order. Internal to the core: it is public only because the drivers that use it
 * ({@code build}, {@code pipeline}) live in other packages; it is not an API for plugin code.
 *
 * <p>Failures keep their types: the first task in submission order that failed decides what
 * is thrown, whatever the timing, and it is rethrown as the task threw it (one of the declared
 * checked types, an {@link InterruptedException} or an unchecked exception). On a failure, or
 * when the calling thread is interrupted, the tasks still running are interrupted (so that
 * their process launchers kill the tools they run) and given a short time to stop.
 *
 * <pre>{@code
 * List<BoundedTasks.Task<Path, FirmwareException, RuntimeException>> jobs = ...;
 * List<Path> objects = BoundedTasks.run(jobs, parallelism, n -> "gnu-arm-app-" + n, FirmwareException.class);
 * }</pre>
 */
public final class BoundedTasks {

    // How long stopped tasks get to end before the failure is reported anyway.
    private static final long STOP_SECONDS = 10;

    private BoundedTasks() {}

    /**
     * One unit of work that may fail with checked exceptions of the types {@code A} and {@code B}.
     *
     * @param <T> the result type
     * @param <A> a checked exception the task may throw
     * @param <B> another checked exception the task may throw ({@link RuntimeException} for none)
     */
    @FunctionalInterface
    public interface Task<T, A extends Exception, B extends Exception> {

        /** Does the work and returns its result. */
        T call() throws A, B, InterruptedException;
    }

    /**
     * Runs tasks that may throw one checked exception type.
     *
     * @see #run(List, int, IntFunction, Class, Class)
     */
    public static <T, A extends Exception> List<T> run(
            List<? extends Task<T, A, RuntimeException>> tasks,
            int parallelism,
            IntFunction<String> threadNames,
            Class<A> failure)
            throws A, InterruptedException {
        return run(tasks, parallelism, threadNames, failure, RuntimeException.class);
    }

    /**
     * Runs the tasks, at most {@code parallelism} at a time, and waits for them.
     *
     * @param tasks the tasks, in the order their results are returned and failures ranked
     * @param parallelism how many tasks may run at once (values below 1 count as 1)
     * @param threadNames the name of the n-th worker thread (n counts from 1)
     * @param failureA the first checked exception type the tasks declare
     * @param failureB the second checked exception type the tasks declare
     * @return every task's result, in submission order
     * @throws A when the first failed task (in submission order) threw an {@code A}
     * @throws B when the first failed task threw a {@code B}
     * @throws InterruptedException when the caller was interrupted while waiting, or the first
     *     failed task was interrupted
     */
    public static <T, A extends Exception, B extends Exception> List<T> run(
            List<? extends Task<T, A, B>> tasks,
            int parallelism,
            IntFunction<String> threadNames,
            Class<A> failureA,
            Class<B> failureB)
            throws A, B, InterruptedException {
        if (tasks.isEmpty()) {
            return List.of();
        }
        int threads = Math.max(1, Math.min(parallelism, tasks.size()));
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, threadNames.apply(counter.incrementAndGet()));
            thread.setDaemon(true);
            return thread;
        });
        boolean allDone = false;
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Task<T, A, B> task : tasks) {
                futures.add(pool.submit(task::call));
            }
            // Waiting in submission order makes the reported failure the first in that order,
            // whatever the timing: an earlier task is waited for even when a later one failed.
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw failure(e.getCause(), failureA, failureB);
                }
            }
            allDone = true;
            return Collections.unmodifiableList(results);
        } finally {
            pool.shutdownNow();
            if (!allDone) {
                awaitStop(pool);
            }
        }
    }

    /** Rethrows {@code cause} as its own type; returns what to throw for an undeclared checked one. */
    private static <A extends Exception, B extends Exception> IllegalStateException failure(
            Throwable cause, Class<A> failureA, Class<B> failureB) throws A, B, InterruptedException {
        if (failureA.isInstance(cause)) {
            throw failureA.cast(cause);
        }
        if (failureB.isInstance(cause)) {
            throw failureB.cast(cause);
        }
        if (cause instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("a task failed with an undeclared exception", cause);
    }

    private static void awaitStop(ExecutorService pool) {
        try {
            pool.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            // Interrupted again while waiting: stop waiting, keep the interrupt for the caller.
            Thread.currentThread().interrupt();
        }
    }
}
