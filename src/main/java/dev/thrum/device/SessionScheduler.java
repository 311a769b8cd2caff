package dev.thrum.device;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one thread a {@link DeviceSession} runs on, and its sense of elapsed time. All session state
 * is touched only by tasks on this scheduler, so the session needs no locks; a test passes a
 * scheduler with virtual time and runs the tasks itself, deterministically.
 */
public interface SessionScheduler {

    /** Monotonic time in nanoseconds (pacing and timeouts are measured with it). */
    long nanoTime();

    /** Runs the task soon, after the tasks already due. */
    void execute(Runnable task);

    /** Runs the task once, {@code delayNanos} from now. */
    Scheduled schedule(Runnable task, long delayNanos);

    /** True when called from the scheduler's own thread (blocking there would deadlock). */
    boolean inSchedulerThread();

    /**
     * Waits until the future is done, at most {@code timeoutMs}. A virtual-time scheduler runs its
     * tasks meanwhile, so waiting works there too.
     */
    default void await(CompletableFuture<?> future, long timeoutMs)
            throws InterruptedException, ExecutionException, TimeoutException {
        future.get(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Stops running tasks; tasks still waiting are dropped. Waits briefly for a running task. */
    void shutdown();

    /** A task waiting to run. */
    interface Scheduled {
        void cancel();
    }
}
