package io.multiimage.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.EnvironmentException;
import io.multiimage.core.FirmwareException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundedTasksTest {

    // Generous bound for waits that only guard against a hang; no test measures speed.
    private static final long GUARD_SECONDS = 30;

    private interface Work<T> extends BoundedTasks.Task<T, FirmwareException, IOException> {}

    private static <T> List<T> run(List<Work<T>> tasks, int parallelism)
            throws FirmwareException, IOException, InterruptedException {
        return BoundedTasks.run(tasks, parallelism, n -> "test-task-" + n, FirmwareException.class, IOException.class);
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(GUARD_SECONDS, TimeUnit.SECONDS), "a task did not get its signal");
    }

    /** A task that says it started, then waits until interrupted and says so. */
    private static Work<String> blockUntilInterrupted(CountDownLatch started, CountDownLatch interrupted) {
        return () -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            throw new IllegalStateException("a latch nobody counts down was released");
        };
    }

    @Test
    void resultsComeInSubmissionOrderWhenLaterTasksFinishFirst() throws Exception {
        int count = 5;
        List<CountDownLatch> released = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            released.add(new CountDownLatch(1));
        }
        List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        List<Work<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            // Task i waits until task i+1 is done, so they finish in reverse order.
            tasks.add(() -> {
                if (index < count - 1) {
                    await(released.get(index + 1));
                }
                finished.add(index);
                released.get(index).countDown();
                return index * 10;
            });
        }
        assertEquals(List.of(0, 10, 20, 30, 40), run(tasks, count));
        assertEquals(List.of(4, 3, 2, 1, 0), finished);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void atMostParallelismTasksRunAtOnceAndResultsKeepTheirOrder(long seed) throws Exception {
        Random random = new Random(seed);
        int count = 1 + random.nextInt(12);
        int parallelism = 1 + random.nextInt(4);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Set<String> threadNames = Collections.synchronizedSet(new TreeSet<>());
        List<Work<String>> tasks = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String value = "r" + i;
            int spins = random.nextInt(2000);
            expected.add(value);
            tasks.add(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                threadNames.add(Thread.currentThread().getName()
                        + (Thread.currentThread().isDaemon() ? "" : " (not daemon)"));
                for (int spin = 0; spin < spins; spin++) {
                    Thread.onSpinWait();
                }
                running.decrementAndGet();
                return value;
            });
        }
        assertEquals(expected, run(tasks, parallelism));
        assertTrue(mostAtOnce.get() <= parallelism, mostAtOnce + " tasks ran at once, parallelism " + parallelism);
        Set<String> allowed = new TreeSet<>();
        for (int n = 1; n <= Math.min(parallelism, count); n++) {
            allowed.add("test-task-" + n);
        }
        assertTrue(allowed.containsAll(threadNames), threadNames + " not within " + allowed);
    }

    @Test
    void noTasksGiveNoResults() throws Exception {
        assertEquals(List.of(), run(List.of(), 4));
    }

    @Test
    void theFirstFailureInSubmissionOrderWinsEvenWhenALaterOneFailsFirst() {
        CountDownLatch laterFailed = new CountDownLatch(1);
        List<Work<String>> tasks = List.of(
                () -> "fine",
                () -> {
                    await(laterFailed);
                    throw new EnvironmentException("second task");
                },
                () -> {
                    laterFailed.countDown();
                    throw new IOException("third task");
                });
        FirmwareException e = assertThrows(FirmwareException.class, () -> run(tasks, 3));
        assertEquals("second task", e.getMessage());
    }

    @Test
    void checkedAndUncheckedFailuresArriveAsTheTaskThrewThem() {
        FirmwareException firmware = new EnvironmentException("firmware");
        IOException io = new IOException("io");
        IllegalArgumentException runtime = new IllegalArgumentException("runtime");
        InterruptedException interrupted = new InterruptedException("interrupted");
        Map<Exception, Work<String>> failing = Map.of(
                firmware,
                        () -> {
                            throw firmware;
                        },
                io,
                        () -> {
                            throw io;
                        },
                runtime,
                        () -> {
                            throw runtime;
                        },
                interrupted,
                        () -> {
                            throw interrupted;
                        });
        for (Map.Entry<Exception, Work<String>> entry : failing.entrySet()) {
            Exception thrown = assertThrows(entry.getKey().getClass(), () -> run(List.of(entry.getValue()), 1));
            assertSame(entry.getKey(), thrown);
        }
    }

    @Test
    void theSingleTypeFormRethrowsItsCheckedException() {
        FirmwareException firmware = new EnvironmentException("compile failed");
        List<BoundedTasks.Task<String, FirmwareException, RuntimeException>> tasks = List.of(() -> "a.o", () -> {
            throw firmware;
        });
        assertSame(
                firmware,
                assertThrows(
                        FirmwareException.class,
                        () -> BoundedTasks.run(tasks, 2, n -> "single-" + n, FirmwareException.class)));
    }

    @Test
    void aFailureInterruptsTheTasksStillRunning() throws Exception {
        CountDownLatch blockerStarted = new CountDownLatch(1);
        CountDownLatch blockerInterrupted = new CountDownLatch(1);
        List<Work<String>> tasks = List.of(
                () -> {
                    await(blockerStarted);
                    throw new EnvironmentException("first task");
                },
                blockUntilInterrupted(blockerStarted, blockerInterrupted));
        FirmwareException e = assertThrows(FirmwareException.class, () -> run(tasks, 2));
        assertEquals("first task", e.getMessage());
        await(blockerInterrupted);
    }

    @Test
    void interruptingTheCallerInterruptsTheTasksAndPropagates() throws Exception {
        int count = 3;
        CountDownLatch allStarted = new CountDownLatch(count);
        CountDownLatch allInterrupted = new CountDownLatch(count);
        List<Work<String>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(blockUntilInterrupted(allStarted, allInterrupted));
        }
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread caller = new Thread(
                () -> {
                    try {
                        run(tasks, count);
                    } catch (Throwable t) {
                        outcome.set(t);
                    }
                },
                "caller");
        caller.start();
        await(allStarted);
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
        assertTrue(outcome.get() instanceof InterruptedException, String.valueOf(outcome.get()));
        // The pool waits for stopped tasks before the caller sees the interrupt.
        assertEquals(0, allInterrupted.getCount());
    }
}
