package dev.thrum.device;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import dev.thrum.transport.Endpoint;
import dev.thrum.transport.Transport;
import dev.thrum.transport.TransportException;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One connected massager: its transport, its codec and its profile's pacing, with the single write
 * queue every command goes through. The engine says what to send ({@link #setSpeed}, {@link #stop});
 * the session decides when. docs/device-session.md gives the rules; each job is its own class:
 * <ul>
 * <li>{@link WritePump}: one write at a time, paced by {@code minGapMs}; a newer speed replaces a queued
 *     older one, except the ramp's pinned first value.</li>
 * <li>{@link StopPolicy}: stop jumps the queue and the gap, is retried, echoed when it came inside the
 *     gap, and repeated while the link is lost; the same attempts serve {@link #stop()} and a close
 *     from a listener.</li>
 * <li>{@link StatusIntake}: bytes to statuses; rejected frames are counted, never reported.</li>
 * <li>{@link LinkSupervisor}: link lost (transport down, or status silence) and back; nothing old is
 *     replayed.</li>
 * <li>{@link Keepalive} and status polls; {@link HelloExchange} for the open serial protocol v2.</li>
 * </ul>
 * All work happens on the session's scheduler thread; public methods only hand work to it.
 * Events reach the listener on that thread, and the listener may call back into the session.
 */
public final class DeviceSession implements AutoCloseable {

    /** A failed stop write is tried again this many times (so at most 1 + 3 attempts). */
    public static final int STOP_RETRIES = StopPolicy.RETRIES;
    /** Shortest wait before a stop retry, for devices with no minimum gap. */
    public static final long STOP_RETRY_MIN_MS = StopPolicy.RETRY_MIN_MS;
    /**
     * On a byte stream, a frame that gets no further byte for this long was noise: its first byte is
     * dropped and the rest read again (docs/open-serial-protocol.md, "Receiving frames"), so one stray
     * byte cannot hold a real frame back until more bytes come.
     */
    public static final long INTER_BYTE_TIMEOUT_MS = 50;
    /** How long {@link #stopNow()} and {@link #close()} wait for the stop frame at most. */
    public static final long STOP_WAIT_MS = 5000;
    /** Stops repeated while the link is lost go out no more often than this, even with a smaller gap. */
    public static final long HOLD_STILL_MIN_MS = 50;

    private static final System.Logger LOG = System.getLogger(DeviceSession.class.getName());
    private static final long MS = 1_000_000L;

    private final Transport transport;
    private final Codec codec;
    private final DeviceProfile profile;
    private final DeviceProfile.Pacing pacing;
    private final Consumer<DeviceEvent> listener;
    private final SessionScheduler scheduler;
    private final Clock clock;
    private final boolean pollsStatus;
    private final boolean expectsStatus;

    // the parts, each with one job; all of them live on the scheduler thread
    private final FrameWriter out;
    private final StopPolicy stops;
    private final StatusIntake intake;
    private final LinkSupervisor link;
    private final Keepalive keepalive;
    private final HelloExchange hello; // null without a hello command
    private final WritePump pump;

    private volatile boolean started;
    private volatile boolean closed;
    private volatile SessionCounters counters = new SessionCounters(0, 0, 0, 0, 0, 0);

    /** A session on its own thread ({@link ThreadScheduler}) with the system clock for event times. */
    public DeviceSession(Transport transport, Codec codec, DeviceProfile profile, Consumer<DeviceEvent> listener) {
        this(transport, codec, profile, listener,
                new ThreadScheduler("device-" + profile.id()), Clock.systemUTC());
    }

    /**
     * @param scheduler the session's only thread and its monotonic time (tests pass virtual time)
     * @param clock     stamps events; pacing and timeouts use the scheduler's time, not this
     * @throws IllegalArgumentException when the profile can express neither stop nor a stop speed
     */
    public DeviceSession(Transport transport, Codec codec, DeviceProfile profile, Consumer<DeviceEvent> listener,
                         SessionScheduler scheduler, Clock clock) {
        this.transport = transport;
        this.codec = codec;
        this.profile = profile;
        this.pacing = profile.pacing() != null ? profile.pacing() : new DeviceProfile.Pacing(0, 0, 0, 0);
        this.listener = listener;
        this.scheduler = scheduler;
        this.clock = clock;
        boolean hasStatusFrames = profile.status() != null && !profile.status().isEmpty();
        this.pollsStatus = codec.supports(DeviceCommand.StatusRequest.class) && pacing.statusPollMs() > 0;
        boolean streams = hasStatusFrames && !codec.supports(DeviceCommand.StatusRequest.class);
        this.expectsStatus = hasStatusFrames && (pollsStatus || streams);
        this.out = new FrameWriter(transport, scheduler, pacing.minGapMs());
        DeviceCommand stopCommand = stopCommand(codec, profile);
        this.stops = new StopPolicy(out, scheduler, stopCommand, codec.encode(stopCommand), this::emit, clock, pacing.minGapMs());
        this.intake = new StatusIntake(codec, transport.isStream() ? codec.statusFrameReader() : null, scheduler,
                () -> closed, transport.describe(), this::statusArrived, this::publishCounters);
        this.link = new LinkSupervisor(transport.describe(), pacing, expectsStatus, pollsStatus, scheduler, clock,
                this::emit, this::publishCounters);
        this.keepalive = new Keepalive(codec, pacing.keepaliveMs());
        this.pump = new WritePump(scheduler, () -> closed, out, stops, link, keepalive, this::emit, clock,
                this::publishCounters, profile.output().lowestRunning());
        this.hello = codec.supports(DeviceCommand.Hello.class)
                ? new HelloExchange(codec.supports(DeviceCommand.VersionRequest.class), scheduler, () -> closed,
                        link::transportUp, this::enqueue, transport.describe())
                : null;
        link.attach(pump, keepalive, stops, () -> enqueue(new DeviceCommand.StatusRequest()),
                () -> { if (hello != null) hello.greet(); });
    }

    /** Stop as the profile can say it: its stop command, else a speed of its stop value. */
    private static DeviceCommand stopCommand(Codec codec, DeviceProfile profile) {
        if (codec.supports(DeviceCommand.Stop.class)) return new DeviceCommand.Stop();
        if (codec.supports(DeviceCommand.SetSpeed.class)) return new DeviceCommand.SetSpeed(profile.output().stopValue());
        throw new IllegalArgumentException("profile " + profile.id() + " has neither a stop nor a setSpeed "
                + "command, so Thrum could not stop the motor; add a \"stop\" template to " + profile.origin());
    }

    /**
     * Subscribes to the device, connects the transport and starts polling and link watching.
     * The link counts as up once connected.
     */
    public void start() throws TransportException {
        if (started) throw new IllegalStateException("already started");
        if (closed) throw new IllegalStateException("closed");
        transport.subscribe(Endpoint.RX, bytes -> scheduler.execute(() -> intake.onBytes(bytes, false)));
        if (profile.ble() != null && profile.ble().batteryUuid() != null)
            transport.subscribe(Endpoint.BATTERY, bytes -> scheduler.execute(() -> intake.onBytes(bytes, true)));
        transport.onLinkState(state -> scheduler.execute(() -> { if (!closed) link.onTransport(state); }));
        transport.connect();
        started = true;
        scheduler.execute(() -> {
            link.started();
            if (hello != null) hello.greet();
            if (pollsStatus) { enqueue(new DeviceCommand.StatusRequest()); every(pacing.statusPollMs(), this::poll); }
            if (pacing.keepaliveMs() > 0) every(Math.max(1, pacing.keepaliveMs() / 2), this::keepalive);
            if (expectsStatus && pacing.linkTimeoutMs() > 0)
                every(Math.max(10, pacing.linkTimeoutMs() / 5), link::watchSilence);
        });
    }

    // ---- what the engine calls (any thread) ----

    /** Queues a speed (a device value in the profile's range); the stop value is a {@link #stop()}. */
    public void setSpeed(int value) { send(new DeviceCommand.SetSpeed(value)); }

    /**
     * Queues any command. Stop (or a speed equal to the stop value) jumps the queue as {@link #stop()}.
     *
     * @throws IllegalArgumentException when the profile has no template for it or the value is out of range
     */
    public void send(DeviceCommand command) {
        requireStarted();
        if (isStop(command)) {
            stop();
            return;
        }
        if (command instanceof DeviceCommand.SetSpeed s && !profile.output().accepts(s.value()))
            throw new IllegalArgumentException("speed " + s.value() + " is outside " + profile.id() + "'s range");
        byte[] bytes = codec.encode(command); // throws for a command the profile cannot say
        scheduler.execute(() -> pump.offer(command, bytes));
    }

    /**
     * Stops the motor: queued speeds are cleared and the stop frame goes out at once, before anything
     * queued and without waiting for the pacing gap; a failed write is retried ({@link StopPolicy}).
     * Completes when the first stop frame was written (its repeat, when it came inside the gap, does
     * not delay this), or exceptionally with a {@link TransportException} once every retry failed.
     */
    public CompletableFuture<Void> stop() {
        return stop(null);
    }

    /** @param settled completed once the echo (if any) was written too, or null */
    private CompletableFuture<Void> stop(CompletableFuture<Void> settled) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!started) {
            done.completeExceptionally(new TransportException("cannot stop " + transport.describe() + ": not started"));
            return done;
        }
        scheduler.execute(() -> pump.stop(done, settled));
        return done;
    }

    /**
     * {@link #stop()} and wait: returns once the first stop frame was written.
     *
     * @throws TransportException when it could not be written after every retry, or not within {@link #STOP_WAIT_MS}
     * @throws IllegalStateException when called on the session's own thread (from a listener); use {@link #stop()}
     */
    public void stopNow() throws TransportException {
        stopAndWait(null);
    }

    private void stopAndWait(CompletableFuture<Void> settled) throws TransportException {
        if (scheduler.inSchedulerThread())
            throw new IllegalStateException("stopNow() on the session thread would wait for itself; use stop()");
        try {
            scheduler.await(stop(settled), STOP_WAIT_MS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TransportException t) throw t;
            throw new TransportException("stop failed on " + transport.describe() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new TransportException("stop was not written to " + transport.describe() + " within "
                    + STOP_WAIT_MS + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while stopping " + transport.describe(), e);
        }
    }

    /** How often stop is written while the link is lost: the profile's gap, at least {@link #HOLD_STILL_MIN_MS}. */
    public long holdStillEveryMs() { return link.holdStillEveryMs(); }

    /**
     * The protocol version the device said it speaks (an INFO answer to HELLO), or null: not yet
     * known, a version 1 device, or a profile without a handshake.
     */
    public Integer protocolVersion() { return hello == null ? null : hello.deviceVersion(); }

    /** True unless a link loss was reported and the link has not come back. */
    public boolean linkUp() { return started && link.up(); }

    public SessionCounters counters() { return counters; }

    public DeviceProfile profile() { return profile; }

    public String describe() { return transport.describe(); }

    /**
     * Writes stop (waiting for it, with retries, and for its repeat when it came inside the gap), then
     * closes the transport and the session's thread.
     * Never throws; a stop that could not be written is logged as an error.
     */
    @Override
    public void close() {
        if (closed) return;
        if (started) {
            try {
                if (scheduler.inSchedulerThread()) {
                    stopHere();
                } else {
                    CompletableFuture<Void> settled = new CompletableFuture<>();
                    stopAndWait(settled);
                    awaitEcho(settled);
                }
            } catch (TransportException e) {
                LOG.log(System.Logger.Level.ERROR, "closing " + transport.describe() + " without a confirmed stop: "
                        + e.getMessage());
            }
        }
        closed = true;
        transport.close();
        scheduler.shutdown();
    }

    /** Closing must not cut off a stop's echo: wait for it (it fails only by logging). */
    private void awaitEcho(CompletableFuture<Void> settled) {
        try {
            scheduler.await(settled, STOP_WAIT_MS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.log(System.Logger.Level.WARNING, "closing " + transport.describe() + " before the stop's repeat was written");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- on the scheduler thread ----

    /** Close from a listener: this thread cannot wait for itself, so the stop is written here, in place. */
    private void stopHere() throws TransportException {
        pump.dropSpeeds();
        try {
            stops.stopInPlace();
        } finally {
            publishCounters();
        }
    }

    private void enqueue(DeviceCommand command) {
        pump.enqueue(command, codec.encode(command));
    }

    private void statusArrived(DeviceStatus status) {
        // the handshake hears INFO first: a link restored by it greets again (the device may have restarted)
        if (hello != null) hello.heard(status);
        link.statusArrived();
        emit(new DeviceEvent.StatusReceived(status, clock.instant()));
    }

    private void poll() {
        if (link.transportUp()) enqueue(new DeviceCommand.StatusRequest());
    }

    private void keepalive() {
        if (!link.up() || !link.transportUp() || !pump.idle()) return;
        WriteQueue.Pending due = keepalive.due(scheduler.nanoTime(), out);
        if (due != null) pump.enqueue(due.command(), due.bytes());
    }

    /** Runs {@code task} every {@code periodMs} until the session closes. */
    private void every(long periodMs, Runnable task) {
        scheduler.schedule(() -> {
            if (closed) return;
            task.run();
            every(periodMs, task);
        }, periodMs * MS);
    }

    private void emit(DeviceEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "device event listener failed on " + event, e);
        }
    }

    private void publishCounters() {
        counters = new SessionCounters(out.written(), out.failures(), pump.superseded(), intake.rejectedFrames(),
                intake.discardedBytes(), pump.droppedWhileLinkLost());
    }

    private boolean isStop(DeviceCommand command) {
        return command instanceof DeviceCommand.Stop
                || (command instanceof DeviceCommand.SetSpeed s && s.value() == profile.output().stopValue());
    }

    private void requireStarted() {
        if (!started) throw new IllegalStateException("start() the device session first");
        if (closed) throw new IllegalStateException("the device session for " + transport.describe() + " is closed");
    }
}
