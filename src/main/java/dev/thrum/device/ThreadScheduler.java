package dev.thrum.device;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The real {@link SessionScheduler}: one daemon thread, {@link System#nanoTime()} for time. */
public final class ThreadScheduler implements SessionScheduler {
    private static final System.Logger LOG = System.getLogger(ThreadScheduler.class.getName());

    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    public ThreadScheduler(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public long nanoTime() { return System.nanoTime(); }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "session scheduler is shut down; task dropped");
        }
    }

    @Override
    public Scheduled schedule(Runnable task, long delayNanos) {
        try {
            ScheduledFuture<?> f = executor.schedule(guarded(task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> { };
        }
    }

    @Override
    public boolean inSchedulerThread() { return Thread.currentThread() == thread; }

    @Override
    public void shutdown() {
        executor.shutdown();
        if (inSchedulerThread()) return;
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** A failing task must not kill the session's only thread. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "device session task failed", e);
            }
        };
    }
}
