package dev.thrum.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for a condition with a deadline, checking every 10 ms; fails the test with what it waited for. */
public final class Await {
    private Await() {}

    public static void until(BooleanSupplier condition, Duration deadline, Supplier<String> what) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) fail("waited " + deadline.toSeconds() + " s for " + what.get());
            try {
                Thread.sleep(10); // polling interval of the check, not a synchronisation delay
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what.get());
            }
        }
    }
}
