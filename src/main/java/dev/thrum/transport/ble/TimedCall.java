package dev.thrum.transport.ble;

import dev.thrum.transport.TransportException;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one blocking tinyb call with a deadline. tinyb's native calls wait up to D-Bus's 25 s default
 * (or forever, for {@code find} without a timeout) and cannot be interrupted, so each runs on a
 * daemon worker and the caller stops waiting when the deadline passes.
 */
final class TimedCall {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "thrum-ble-call-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private TimedCall() {}

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    static <T> T call(String what, Duration timeout, Callable<T> call) throws TransportException {
        Future<T> future = CALLS.submit(call);
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TransportException("Bluetooth did not answer within " + seconds(timeout) + " while " + what
                    + ". Is the device switched on and in range, and is BlueZ responsive (systemctl status bluetooth)?");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException("Interrupted while " + what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TransportException te) throw te;
            throw BleErrors.translate(what, cause);
        }
    }

    static void run(String what, Duration timeout, Action action) throws TransportException {
        call(what, timeout, () -> {
            action.run();
            return null;
        });
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
