package dev.thrum.device;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A {@link SessionScheduler} with virtual time: tasks run only when the test advances time, on the
 * test's thread, in due order. Makes a device session fully deterministic.
 */
final class ManualScheduler implements SessionScheduler {
    private static final Instant ORIGIN = Instant.parse("2026-01-01T10:00:00Z");

    private record Task(long due, long seq, Runnable run, boolean[] cancelled) {}

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) ->
            a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;
    private boolean running;
    private boolean shutdown;

    @Override
    public synchronized long nanoTime() { return now; }

    public long millis() { return nanoTime() / 1_000_000; }

    @Override
    public void execute(Runnable task) { schedule(task, 0); }

    @Override
    public synchronized Scheduled schedule(Runnable task, long delayNanos) {
        boolean[] cancelled = {false};
        if (!shutdown) tasks.add(new Task(now + Math.max(0, delayNanos), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public boolean inSchedulerThread() { return running; }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        tasks.clear();
    }

    /** Runs every task due by now + ms, moving time to each task's due time, then to now + ms. */
    public void advanceMillis(long ms) {
        long target = nanoTime() + ms * 1_000_000;
        while (runNextDueBy(target)) { }
        synchronized (this) { now = Math.max(now, target); }
    }

    /** Runs the tasks due now. */
    public void runDue() { advanceMillis(0); }

    private boolean runNextDueBy(long target) {
        Task t;
        synchronized (this) {
            t = tasks.peek();
            if (t == null || t.due > target) return false;
            tasks.poll();
            now = Math.max(now, t.due);
        }
        if (!t.cancelled[0]) {
            running = true;
            try {
                t.run.run();
            } finally {
                running = false;
            }
        }
        return true;
    }

    @Override
    public void await(CompletableFuture<?> future, long timeoutMs)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = nanoTime() + timeoutMs * 1_000_000;
        runDue();
        while (!future.isDone() && nanoTime() < deadline) {
            Long next;
            synchronized (this) { next = tasks.isEmpty() ? null : tasks.peek().due; }
            if (next == null || next > deadline) { synchronized (this) { now = deadline; } break; }
            runNextDueBy(next);
        }
        if (!future.isDone()) throw new TimeoutException("not done after " + timeoutMs + " virtual ms");
        future.get();
    }

    /** A clock that shows this scheduler's virtual time. */
    public Clock clock() {
        ManualScheduler self = this;
        return new Clock() {
            @Override
            public Instant instant() { return ORIGIN.plusNanos(self.nanoTime()); }

            @Override
            public ZoneId getZone() { return ZoneOffset.UTC; }

            @Override
            public Clock withZone(ZoneId zone) { throw new UnsupportedOperationException(); }
        };
    }
}
