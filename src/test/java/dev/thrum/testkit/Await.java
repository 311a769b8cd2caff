package dev.thrum.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Waits for a condition with a deadline, checking every 10 ms; past the deadline it fails the test
 * saying what it waited for (and, for {@link #value}, the last value it saw). The one way tests wait
 * for something another thread or process does: never a sleep of a guessed length.
 */
public final class Await {
    private static final long POLL_MS = 10;

    private Await() {}

    public static void until(BooleanSupplier condition, Duration deadline, String what) {
        until(condition, deadline, () -> what);
    }

    public static void until(BooleanSupplier condition, Duration deadline, Supplier<String> what) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) fail("waited " + seconds(deadline) + " s for " + what.get());
            pause(what);
        }
    }

    /** Polls {@code source} until {@code wanted} accepts a value, and returns that value. */
    public static <T> T value(Supplier<T> source, Predicate<? super T> wanted, Duration deadline, String what) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            T v = source.get();
            if (wanted.test(v)) return v;
            if (System.nanoTime() > end) fail("waited " + seconds(deadline) + " s for " + what + "; last seen: " + v);
            pause(() -> what);
        }
    }

    private static void pause(Supplier<String> what) {
        try {
            Thread.sleep(POLL_MS); // polling interval of the check, not a synchronisation delay
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for " + what.get());
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
    }
}
