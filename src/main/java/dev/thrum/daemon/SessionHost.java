package dev.thrum.daemon;

import dev.thrum.engine.Control;
import dev.thrum.engine.SessionReport;
import dev.thrum.engine.SessionView;
import dev.thrum.engine.pressure.PressureView;
import dev.thrum.usage.PainScores;
import dev.thrum.program.SessionPlan;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The daemon's hold on the massager: one connected device that runs at most one session at a time.
 * The API talks only to this, so the HTTP side is tested against a fake and runs on the real
 * session runner unchanged. Implementations are thread-safe: requests arrive on many threads.
 */
public interface SessionHost extends AutoCloseable {

    /** How the device is named in messages, e.g. "sim:theragun-gen4". */
    String deviceDescription();

    boolean linkUp();

    /** True while a session runs (or is paused). */
    boolean sessionRunning();

    /**
     * Starts a session on the device.
     *
     * @throws ApiException 409 when a session already runs, 503 when the device is not connected
     */
    void start(SessionPlan plan);

    /** Starts a session whose pain scores (before, regions) are known already; they are logged with it. */
    default void start(SessionPlan plan, PainScores pain) {
        start(plan);
    }

    /** The id of the last session that was logged since the daemon started, if any. */
    default Optional<String> lastSessionId() {
        return Optional.empty();
    }

    /**
     * Adds pain scores or a note to a logged session (the score after it, given once it ended).
     *
     * @throws ApiException 404 when the session is not among the recent ones in the log
     */
    default void recordOutcome(String sessionId, PainScores pain) {
        throw new ApiException(501, "this daemon does not record outcomes", null);
    }

    /** The running session's view, or empty when none runs. */
    Optional<SessionView> view();

    /** The plan of the running (or last) session, for clients that show what comes next. */
    default Optional<SessionPlan> plan() { return Optional.empty(); }

    /** Pressure guidance of the running session; empty when none runs. */
    default Optional<PressureView> pressure() { return Optional.empty(); }

    /** The last session's final report, or empty when none ended since the daemon started. */
    Optional<SessionReport> lastReport();

    /** @throws ApiException 409 when no session runs */
    void control(Control control);

    /**
     * Stops the motor in any state, ahead of anything queued. Completes once the stop frame was
     * written; a running session ends as stopped by the user and is logged.
     */
    CompletableFuture<Void> emergencyStop();

    void addListener(Consumer<HostEvent> listener);

    /** Stops the motor (waiting for the stop frame), ends and logs a running session, disconnects. Never throws. */
    @Override
    void close();

    /**
     * After {@link #close()}: true only when the stop frame was written while the device was answering.
     * False when the write failed or the link was lost (the device may never have got it), so whoever
     * closed the daemon must tell the person to switch the massager off by hand.
     */
    boolean stopConfirmed();
}
