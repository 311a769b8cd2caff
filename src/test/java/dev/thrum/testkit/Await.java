package dev.thrum.testkit;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Waits for a condition with a deadline, checking every 10 ms; past the deadline it fails the test
 * saying what it waited for (and, for {@link #value}, the last value it saw). The one way tests wait
 * for something another thread or process does: never a sleep of a guessed length, never a loop of
 * a test's own. A check may throw (an HTTP call, a file read): the exception fails the test at once.
 */
public final class Await {
    private static final long POLL_MS = 10;

    /** A condition that may throw, so a check can be an HTTP request or a file read. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** A value to look at that may throw. */
    @FunctionalInterface
    public interface Source<T> {
        T get() throws Exception;
    }

    private Await() {}

    public static void until(Condition condition, Duration deadline, String what) {
        until(condition, deadline, () -> what);
    }

    public static void until(Condition condition, Duration deadline, Supplier<String> what) {
        value(() -> condition.holds(), held -> held, deadline, what);
    }

    /** Polls {@code source} until {@code wanted} accepts a value, and returns that value. */
    public static <T> T value(Source<T> source, Predicate<? super T> wanted, Duration deadline, String what) {
        return value(source, wanted, deadline, () -> what);
    }

    public static <T> T value(Source<T> source, Predicate<? super T> wanted, Duration deadline, Supplier<String> what) {
        return value(source, wanted, deadline, Duration.ofMillis(POLL_MS), what);
    }

    /**
     * Like {@link #value(Source, Predicate, Duration, Supplier)}, looking every {@code every}: for a
     * look that is itself costly (a child process per look, as {@code tmux capture-pane}).
     */
    public static <T> T value(Source<T> source, Predicate<? super T> wanted, Duration deadline, Duration every,
                              Supplier<String> what) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            T v = look(source, what);
            if (wanted.test(v)) return v;
            if (System.nanoTime() > end) {
                fail("waited " + seconds(deadline) + " s for " + what.get() + (v instanceof Boolean ? "" : "; last seen: " + v));
            }
            try {
                Thread.sleep(every.toMillis()); // polling interval of the check, not a synchronisation delay
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what.get());
            }
        }
    }

    /**
     * Takes from {@code queue} until an element passes {@code wanted} (the others are dropped) and
     * returns it: for events a listener puts in a queue. Blocks on the queue, no polling.
     */
    public static <T> T taken(BlockingQueue<? extends T> queue, Predicate<? super T> wanted, Duration deadline, String what) {
        return taken(queue, wanted, deadline, () -> what);
    }

    public static <T> T taken(BlockingQueue<? extends T> queue, Predicate<? super T> wanted, Duration deadline,
                              Supplier<String> what) {
        long end = System.nanoTime() + deadline.toNanos();
        try {
            while (true) {
                long left = end - System.nanoTime();
                T next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                if (next == null) fail("waited " + seconds(deadline) + " s for " + what.get());
                if (wanted.test(next)) return next;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what.get(), e);
        }
    }

    /** The next element of {@code type} in {@code queue}, others dropped. */
    public static <T> T taken(BlockingQueue<? super T> queue, Class<T> type, Duration deadline, String what) {
        @SuppressWarnings("unchecked")
        BlockingQueue<Object> q = (BlockingQueue<Object>) queue;
        return type.cast(taken(q, type::isInstance, deadline, what));
    }

    private static <T> T look(Source<T> source, Supplier<String> what) {
        try {
            return source.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what.get(), e);
        } catch (Exception e) {
            throw new AssertionError("checking for " + what.get() + " failed: " + e, e);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
    }
}
