package io.multiimage.core.kconfig.engine;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the engine's recursive work (parsing nested blocks, lazily evaluating chains of
 * symbols that refer to later symbols) on a thread with a large stack, so that deep but legal
 * input never ends in a {@link StackOverflowError}. Work already on such a thread runs in place.
 * The stack is reserved address space; only what recursion touches is committed.
 */
final class DeepStack {

    /** Stack size of the worker threads. */
    static final long STACK_BYTES = 512L * 1024 * 1024;

    /** Work that may throw a {@link KconfigException}. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws KconfigException;
    }

    private DeepStack() {}

    /** Runs {@code work} on a deep stack and returns its result. */
    static <T> T run(Work<T> work) throws KconfigException {
        if (Thread.currentThread() instanceof Worker) {
            return work.run();
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Worker worker = new Worker(() -> {
            try {
                result.set(work.run());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        worker.start();
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable thrown = failure.get();
        if (thrown instanceof KconfigException) {
            throw (KconfigException) thrown;
        }
        if (thrown instanceof RuntimeException) {
            throw (RuntimeException) thrown;
        }
        if (thrown instanceof Error) {
            throw (Error) thrown;
        }
        return result.get();
    }

    /** Like {@link #run} for work that throws no checked exception. */
    static <T> T call(java.util.function.Supplier<T> work) {
        try {
            return run(work::get);
        } catch (KconfigException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Worker extends Thread {
        Worker(Runnable body) {
            super(null, body, "kconfig-engine", STACK_BYTES);
            setDaemon(true);
        }
    }
}
