package dev.thrum.device;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.transport.LinkState;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * Whether the link to the device is believed up, and what follows when that changes
 * (docs/device-session.md, rules 6 and 6a). The link is lost when the transport reports it down, or
 * when a device that sends status has been silent for longer than {@code linkTimeoutMs}: queued
 * speeds are dropped, {@link DeviceEvent.LinkLost} is reported once, and while the transport is up
 * (the device may still hear us) the motor is told to stop again every {@link #holdStillEveryMs()},
 * written by the {@link WritePump} through the {@link StopPolicy}. The link is back with the next
 * valid status, or with the transport for a device that sends none; nothing old is replayed, and a
 * v2 device is greeted again. Session thread only, apart from {@link #up()}.
 */
final class LinkSupervisor {

    private static final System.Logger LOG = System.getLogger(LinkSupervisor.class.getName());
    private static final long MS = 1_000_000L;

    private final String device;
    private final long linkTimeoutMs;
    private final long holdStillEveryMs;
    private final boolean expectsStatus;
    private final boolean pollsStatus;
    private final SessionScheduler scheduler;
    private final Clock clock;
    private final Consumer<DeviceEvent> emit;
    private final Runnable countsChanged;
    // the parts it acts on; they need the supervisor too, so they are attached after it is made
    private WritePump pump;
    private Keepalive keepalive;
    private StopPolicy stops;
    private Runnable askStatus;
    private Runnable greet;
    private volatile boolean up = true;
    private boolean transportUp = true; // a session is started on a transport that just connected
    private long lastStatusAt;
    private long lastHeldStopEnd;

    /**
     * @param expectsStatus the device sends status (polled or streamed), so silence counts as a loss
     * @param pollsStatus   status is asked for, so it is asked again at once when the transport is back
     */
    LinkSupervisor(String device, DeviceProfile.Pacing pacing, boolean expectsStatus, boolean pollsStatus,
                   SessionScheduler scheduler, Clock clock, Consumer<DeviceEvent> emit, Runnable countsChanged) {
        this.device = device;
        this.linkTimeoutMs = pacing.linkTimeoutMs();
        this.holdStillEveryMs = Math.max(pacing.minGapMs(), DeviceSession.HOLD_STILL_MIN_MS);
        this.expectsStatus = expectsStatus;
        this.pollsStatus = pollsStatus;
        this.scheduler = scheduler;
        this.clock = clock;
        this.emit = emit;
        this.countsChanged = countsChanged;
    }

    /**
     * @param askStatus queues a status request now
     * @param greet     starts the v2 greeting again (does nothing for other protocols)
     */
    void attach(WritePump pump, Keepalive keepalive, StopPolicy stops, Runnable askStatus, Runnable greet) {
        this.pump = pump;
        this.keepalive = keepalive;
        this.stops = stops;
        this.askStatus = askStatus;
        this.greet = greet;
    }

    /** How often stop is written while the link is lost: the profile's gap, at least {@link DeviceSession#HOLD_STILL_MIN_MS}. */
    long holdStillEveryMs() { return holdStillEveryMs; }

    /** True unless a loss was seen and the link has not come back. Any thread. */
    boolean up() { return up; }

    boolean transportUp() { return transportUp; }

    /** The session started: the silence clock starts now. */
    void started() { lastStatusAt = scheduler.nanoTime(); }

    void onTransport(LinkState state) {
        if (state == LinkState.DOWN) {
            transportUp = false;
            if (up) lose(device + " reported the link down");
            return;
        }
        boolean wasUp = transportUp;
        transportUp = true;
        if (up || wasUp) return;
        lastStatusAt = scheduler.nanoTime();
        pump.schedule(); // the device may hear us again: stops resume at once
        if (!expectsStatus) restore();
        else if (pollsStatus) askStatus.run(); // ask at once; LinkRestored follows its answer
    }

    /** A valid status arrived: the silence clock starts over, and a lost link is back (the transport being up). */
    void statusArrived() {
        lastStatusAt = scheduler.nanoTime();
        if (!up && transportUp) restore();
    }

    /** Run every fifth of {@code linkTimeoutMs}: a device silent for longer has lost the link. */
    void watchSilence() {
        if (!up) return;
        long silentMs = (scheduler.nanoTime() - lastStatusAt) / MS;
        if (silentMs > linkTimeoutMs)
            lose("no valid status from " + device + " for " + silentMs + " ms (limit " + linkTimeoutMs + " ms)");
    }

    /** The link is lost but the transport is up: the device may still hear us, so the motor is told to stop, again and again. */
    boolean holdingStill() { return !up && transportUp; }

    /** No held stop before this time. */
    long nextHeldStopAt() { return lastHeldStopEnd + holdStillEveryMs * MS; }

    void heldStopWritten(long end) { lastHeldStopEnd = end; }

    private void lose(String reason) {
        up = false;
        int dropped = pump.dropSpeedsForLostLink();
        keepalive.forgetSpeed();
        LOG.log(System.Logger.Level.INFO, () -> "link lost: " + reason + (dropped > 0 ? "; dropped " + dropped + " queued speed(s)" : ""));
        countsChanged.run();
        emit.accept(new DeviceEvent.LinkLost(reason, clock.instant()));
        // A silent device may still hear us, and our polling may keep its own watchdog from stopping
        // the motor: the first held stop goes out within one gap, then one every holdStillEveryMs().
        lastHeldStopEnd = Long.MIN_VALUE / 2;
        stops.holdStillBegins();
        pump.schedule();
    }

    private void restore() {
        up = true;
        lastStatusAt = scheduler.nanoTime();
        greet.run(); // the device may have restarted, back in version 1
        LOG.log(System.Logger.Level.INFO, () -> "link back: " + device);
        emit.accept(new DeviceEvent.LinkRestored(clock.instant()));
    }
}
