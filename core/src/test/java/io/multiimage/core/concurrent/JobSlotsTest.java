package io.multiimage.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.spi.ProcessResult;
import io.multiimage.core.spi.ProcessSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JobSlotsTest {

    @Test
    void neverMoreProcessesRunThanTheBudgetWhateverTheNumberOfThreads() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ProcessLauncher slow = spec -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(20);
            running.decrementAndGet();
            return new ProcessResult(spec.command(), 0, List.of(), List.of(), java.time.Duration.ZERO);
        };
        ProcessLauncher limited = new JobSlots(2).limit(slow);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    limited.run(ProcessSpec.of(List.of("cc")));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(2, most.get());
        assertEquals(0, running.get());
    }

    @Test
    void aBudgetHasAtLeastOneSlot() {
        assertThrows(IllegalArgumentException.class, () -> new JobSlots(0));
        assertTrue(new JobSlots(3).size() == 3);
    }
}
