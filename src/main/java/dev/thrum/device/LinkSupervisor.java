package dev.thrum.device;

/**
 * Whether the link to the device is believed up (docs/device-session.md, rules 6 and 6a). The link is
 * lost when the transport reports it down, or when a device that sends status has been silent for
 * longer than {@code linkTimeoutMs}; it is back with the next valid status (or, for a device that
 * sends none, with the transport). While it is lost and the transport is up, the device may still
 * hear us: the motor is told to stop again every {@link #holdStillEveryMs()}. This class keeps the
 * state and the cadence and says when something changed; the session acts on it (drops speeds,
 * tells its listener, writes the stops). Session thread only, apart from {@link #up()}.
 */
final class LinkSupervisor {

    private static final long MS = 1_000_000L;

    private final long linkTimeoutMs;
    private final long holdStillEveryMs;
    private volatile boolean up = true;
    private boolean transportUp = true; // a session is started on a transport that just connected
    private long lastStatusAt;
    private long lastHeldStopEnd;

    LinkSupervisor(long linkTimeoutMs, long minGapMs) {
        this.linkTimeoutMs = linkTimeoutMs;
        this.holdStillEveryMs = Math.max(minGapMs, DeviceSession.HOLD_STILL_MIN_MS);
    }

    /** How often stop is written while the link is lost: the profile's gap, at least {@link DeviceSession#HOLD_STILL_MIN_MS}. */
    long holdStillEveryMs() { return holdStillEveryMs; }

    /** True unless a loss was seen and the link has not come back. Any thread. */
    boolean up() { return up; }

    boolean transportUp() { return transportUp; }

    /** The silence clock starts now (the session started, or the transport came back). */
    void heardFrom(long now) { lastStatusAt = now; }

    /** The transport reported DOWN. True when that loses a link that was up. */
    boolean transportDown() {
        transportUp = false;
        return up;
    }

    /**
     * The transport reported UP. True when it had been down while the link was lost: the device may
     * hear us again, and the silence clock starts over.
     */
    boolean transportBack(long now) {
        boolean wasUp = transportUp;
        transportUp = true;
        if (up || wasUp) return false;
        lastStatusAt = now;
        return true;
    }

    /** A valid status arrived. True when that brings a lost link back (the transport being up). */
    boolean statusArrived(long now) {
        lastStatusAt = now;
        return !up && transportUp;
    }

    /** The reason the device's silence now counts as a lost link, or null while it does not. */
    String silenceLoss(long now, String device) {
        if (!up) return null;
        long silentMs = (now - lastStatusAt) / MS;
        if (silentMs <= linkTimeoutMs) return null;
        return "no valid status from " + device + " for " + silentMs + " ms (limit " + linkTimeoutMs + " ms)";
    }

    /** The link is lost: the first held stop may go out within one gap, then one every {@link #holdStillEveryMs()}. */
    void lost() {
        up = false;
        lastHeldStopEnd = Long.MIN_VALUE / 2;
    }

    void restored(long now) {
        up = true;
        lastStatusAt = now;
    }

    /** The link is lost but the transport is up: the device may still hear us, so the motor is told to stop, again and again. */
    boolean holdingStill() { return !up && transportUp; }

    /** No held stop before this time. */
    long nextHeldStopAt() { return lastHeldStopEnd + holdStillEveryMs * MS; }

    void heldStopWritten(long end) { lastHeldStopEnd = end; }
}
