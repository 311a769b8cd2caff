package dev.thrum.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Puts the running session's state on the event stream ({@code event: view}, the body of
 * {@code GET /session}) at a fixed interval, so a page shows the step's time left and the motor's
 * level without asking. Quiet when no session runs or nobody listens: an idle daemon does next to
 * nothing.
 */
final class ViewTicker implements AutoCloseable {
    static final Duration EVERY = Duration.ofMillis(500);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "thrum-view-ticker");
        t.setDaemon(true);
        return t;
    });

    /** @param session the body of {@code GET /session} */
    ViewTicker(SessionHost host, Supplier<ObjectNode> session, EventHub events) {
        timer.scheduleAtFixedRate(() -> {
            try {
                if (events.streamCount() > 0 && host.view().isPresent()) events.publish("view", session.get());
            } catch (RuntimeException e) {
                // a view that cannot be read this time is shown at the next tick
            }
        }, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() { timer.shutdownNow(); }
}
