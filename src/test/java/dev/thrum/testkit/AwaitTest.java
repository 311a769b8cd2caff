package dev.thrum.testkit;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The wait helper itself: it returns as soon as the condition holds, and fails (saying what) when it never does. */
class AwaitTest {

    @Test
    void untilReturnsOnceTheConditionHolds() {
        AtomicInteger looks = new AtomicInteger();
        Await.until(() -> looks.incrementAndGet() >= 3, Duration.ofSeconds(5), "three looks");
        assertEquals(3, looks.get());
    }

    @Test
    void untilFailsPastTheDeadlineNamingWhatItWaitedFor() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Await.until(() -> false, Duration.ofMillis(50), "the impossible"));
        assertEquals("waited 0.05 s for the impossible", e.getMessage());
    }

    @Test
    void valueReturnsTheValueThatPassedAndNamesTheLastSeenOnFailure() {
        AtomicInteger n = new AtomicInteger();
        assertEquals(4, Await.value(n::incrementAndGet, v -> v == 4, Duration.ofSeconds(5), "four"));
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Await.value(() -> "seven", v -> v.equals("eight"), Duration.ofMillis(30), "eight"));
        assertTrue(e.getMessage().endsWith("for eight; last seen: seven"), e.getMessage());
    }

    @Test
    void aCheckThatThrowsFailsAtOnce() {
        long start = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class, () -> Await.until(() -> {
            throw new IOException("no such file");
        }, Duration.ofSeconds(30), "a file"));
        assertTrue(e.getMessage().contains("checking for a file failed") && e.getMessage().contains("no such file"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "did not wait out the deadline");
    }

    @Test
    void takenDropsOtherElementsAndFailsWhenNoneComes() {
        BlockingQueue<Object> q = new LinkedBlockingQueue<>();
        q.add("noise");
        q.add(42);
        q.add("after");
        assertEquals(42, Await.taken(q, Integer.class, Duration.ofSeconds(5), "a number"));
        assertEquals("after", q.peek(), "only what came before the match is dropped");
        assertThrows(AssertionFailedError.class, () -> Await.taken(q, Integer.class, Duration.ofMillis(30), "another number"));
    }
}
