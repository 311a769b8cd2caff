package dev.thrum.device;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

class ThreadSchedulerTest {

    @Test
    void aFailingTaskDoesNotStopTheThreadAndTasksRunOnIt() throws Exception {
        ThreadScheduler s = new ThreadScheduler("test-session");
        try {
            s.execute(() -> { throw new IllegalStateException("boom (expected in this test)"); });
            CountDownLatch ran = new CountDownLatch(1);
            AtomicBoolean onThread = new AtomicBoolean();
            long before = s.nanoTime();
            s.schedule(() -> { onThread.set(s.inSchedulerThread()); ran.countDown(); }, 20_000_000);
            assertTrue(ran.await(2, TimeUnit.SECONDS));
            assertTrue(onThread.get());
            assertTrue(s.nanoTime() - before >= 20_000_000);
            assertFalse(s.inSchedulerThread());
        } finally {
            s.shutdown();
        }
    }
}
