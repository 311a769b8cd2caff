package dev.thrum.daemon;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Calls {@code onLost} when the device link stays down longer than the grace time. Short drops are
 * the transports' business (they reconnect, and the engine pauses and re-ramps from low); a device
 * that does not come back ends the daemon, so systemd restarts it and the user hears about it.
 */
final class LinkWatch implements Consumer<HostEvent>, AutoCloseable {
    private final Duration grace;
    private final Runnable onLost;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "thrum-link-watch");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pending;

    LinkWatch(Duration grace, Runnable onLost) {
        this.grace = grace;
        this.onLost = onLost;
    }

    @Override
    public synchronized void accept(HostEvent event) {
        if (!(event instanceof HostEvent.Link link)) return;
        if (link.up()) {
            if (pending != null) pending.cancel(false);
            pending = null;
        } else if (pending == null) {
            pending = timer.schedule(onLost, grace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() { timer.shutdownNow(); }
}
