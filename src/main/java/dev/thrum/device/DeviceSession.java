package dev.thrum.device;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import dev.thrum.protocol.FrameReader;
import dev.thrum.transport.Endpoint;
import dev.thrum.transport.LinkState;
import dev.thrum.transport.Transport;
import dev.thrum.transport.TransportException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One connected massager: its transport, its codec and its profile's pacing, with the single write
 * queue every command goes through.
 *
 * <ul>
 * <li>Commands go out one at a time, never closer than {@code pacing.minGapMs} (measured from the
 *     end of one write to the start of the next). A newer speed replaces a queued older one.</li>
 * <li>Stop jumps the queue, clears queued speeds, and is written at once, without waiting for the
 *     gap; a failed stop write is retried up to {@link #STOP_RETRIES} times, at least
 *     {@code max(minGapMs, STOP_RETRY_MIN_MS)} apart. {@link #stop()} completes once the first stop
 *     frame was written.</li>
 * <li>A stop that went out less than {@code minGapMs} after the previous write is written once more
 *     (the echo) when the gap after it has passed, before anything else, so a device that drops
 *     frames arriving too close together still gets a stop. A failed echo is retried like a stop.
 *     A stop outside the gap is written once.</li>
 * <li>Status is requested every {@code statusPollMs} when the profile has a status command; a
 *     keepalive goes out when nothing was written for half of {@code keepaliveMs}. Where the profile
 *     has a keepalive command, only speeds, keepalives and hellos count as written here: a device's
 *     watchdog is fed by those, not by status polls (docs/open-serial-protocol.md, device rule 7).</li>
 * <li>A profile with a {@code hello} command (open serial protocol v2) gets HELLO first, and again
 *     after the link comes back; {@link ProtocolHandshake} retries it and falls back to version 1.</li>
 * <li>Received bytes are cut into frames by the codec's status frame reader on stream transports;
 *     frames the codec rejects are counted and logged at debug level, never reported as values.</li>
 * <li>Link loss (the transport's {@link LinkState#DOWN}, or no valid status for longer than
 *     {@code linkTimeoutMs}) is reported once as {@link DeviceEvent.LinkLost}; queued speeds are
 *     dropped and speeds sent while the link is lost are dropped too. {@link DeviceEvent.LinkRestored}
 *     follows when valid status comes back; nothing old is replayed.</li>
 * <li>While the link is lost and the transport is up (a silent device may still hear us), stop is
 *     written again every {@link #holdStillEveryMs()}, so a motor whose own watchdog is kept awake by
 *     our polling still stops. Status requests keep their turn, so the device can answer.</li>
 * </ul>
 * All work happens on the session's scheduler thread; public methods only hand work to it.
 * Events reach the listener on that thread, and the listener may call back into the session.
 */
public final class DeviceSession implements AutoCloseable {

    /** A failed stop write is tried again this many times (so at most 1 + 3 attempts). */
    public static final int STOP_RETRIES = 3;
    /** Shortest wait before a stop retry, for devices with no minimum gap. */
    public static final long STOP_RETRY_MIN_MS = 20;
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
    private final byte[] stopBytes;
    private final DeviceCommand stopCommand;
    private final boolean pollsStatus;
    private final boolean expectsStatus;
    private final FrameReader statusReader;

    // state below is only touched on the scheduler thread
    private final WriteQueue queue = new WriteQueue();
    private final List<CompletableFuture<Void>> stopWaiters = new ArrayList<>();
    /** Completed once no stop and no echo is due any more (close() waits for the echo too). */
    private final List<CompletableFuture<Void>> settleWaiters = new ArrayList<>();
    private int stopFailures;
    private long stopRetryAt;
    private boolean echoDue;
    private int echoFailures;
    private long lastWriteEnd;
    private boolean wroteOnce;
    private SessionScheduler.Scheduled pumpTask;
    private boolean transportUp = true; // a session is started on a transport that just connected
    private long lastStatusAt;
    private WriteQueue.Pending lastSpeedWritten;
    private long lastHeldStopEnd;
    private boolean heldStopFailing;

    private long lastFeedEnd;
    private long lastByteAt;
    private SessionScheduler.Scheduled interByteTask;
    private boolean fedOnce;
    private final ProtocolHandshake handshake;
    private long written, writeFailures, rejectedFrames, droppedWhileLinkLost;

    private volatile boolean started;
    private volatile boolean closed;
    private volatile boolean linkUp = true;
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
        if (codec.supports(DeviceCommand.Stop.class)) {
            stopCommand = new DeviceCommand.Stop();
        } else if (codec.supports(DeviceCommand.SetSpeed.class)) {
            stopCommand = new DeviceCommand.SetSpeed(profile.output().stopValue()); // the stop value is a stop
        } else {
            throw new IllegalArgumentException("profile " + profile.id() + " has neither a stop nor a setSpeed "
                    + "command, so Thrum could not stop the motor; add a \"stop\" template to " + profile.origin());
        }
        this.stopBytes = codec.encode(stopCommand);
        boolean hasStatusFrames = profile.status() != null && !profile.status().isEmpty();
        this.pollsStatus = codec.supports(DeviceCommand.StatusRequest.class) && pacing.statusPollMs() > 0;
        boolean streams = hasStatusFrames && !codec.supports(DeviceCommand.StatusRequest.class);
        this.expectsStatus = hasStatusFrames && (pollsStatus || streams);
        this.statusReader = transport.isStream() ? codec.statusFrameReader() : null;
        this.handshake = codec.supports(DeviceCommand.Hello.class)
                ? new ProtocolHandshake(codec.supports(DeviceCommand.VersionRequest.class)) : null;
    }

    /**
     * Subscribes to the device, connects the transport and starts polling and link watching.
     * The link counts as up once connected.
     */
    public void start() throws TransportException {
        if (started) throw new IllegalStateException("already started");
        if (closed) throw new IllegalStateException("closed");
        transport.subscribe(Endpoint.RX, bytes -> scheduler.execute(() -> onBytes(bytes, false)));
        if (profile.ble() != null && profile.ble().batteryUuid() != null)
            transport.subscribe(Endpoint.BATTERY, bytes -> scheduler.execute(() -> onBytes(bytes, true)));
        transport.onLinkState(state -> scheduler.execute(() -> onTransportLink(state)));
        transport.connect();
        started = true;
        scheduler.execute(() -> {
            lastStatusAt = scheduler.nanoTime();
            if (handshake != null) greet();
            if (pollsStatus) { enqueue(new DeviceCommand.StatusRequest()); every(pacing.statusPollMs(), this::poll); }
            if (pacing.keepaliveMs() > 0) every(Math.max(1, pacing.keepaliveMs() / 2), this::keepalive);
            if (expectsStatus && pacing.linkTimeoutMs() > 0)
                every(Math.max(10, pacing.linkTimeoutMs() / 5), this::watchSilence);
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
        scheduler.execute(() -> {
            if (command instanceof DeviceCommand.SetSpeed && !linkUp) {
                droppedWhileLinkLost++;
                LOG.log(System.Logger.Level.DEBUG, () -> "link lost: dropped " + command);
                publishCounters();
                return;
            }
            enqueueEncoded(command, bytes);
        });
    }

    /**
     * Stops the motor: queued speeds are cleared and the stop frame goes out at once, before anything
     * queued and without waiting for the pacing gap; a failed write is retried. Completes when the
     * first stop frame was written (its repeat, when it came inside the gap, does not delay this), or
     * exceptionally with a {@link TransportException} once every retry failed.
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
        scheduler.execute(() -> {
            int dropped = queue.dropSpeeds();
            if (dropped > 0) LOG.log(System.Logger.Level.DEBUG, () -> "stop cleared " + dropped + " queued speed(s)");
            stopWaiters.add(done);
            if (settled != null) settleWaiters.add(settled);
            // a pump waiting out the gap must not hold the stop back: pump right now instead
            if (pumpTask != null) {
                pumpTask.cancel();
                pumpTask = null;
            }
            pump();
        });
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
    public long holdStillEveryMs() { return Math.max(pacing.minGapMs(), HOLD_STILL_MIN_MS); }

    /**
     * The protocol version the device said it speaks (an INFO answer to HELLO), or null: not yet
     * known, a version 1 device, or a profile without a handshake.
     */
    public Integer protocolVersion() { return handshake == null ? null : handshake.deviceVersion(); }

    /** True unless a link loss was reported and the link has not come back. */
    public boolean linkUp() { return started && linkUp; }

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

    /**
     * Close from a listener: the thread cannot wait for itself, so write stop right here, at once,
     * with the same retries, and its echo after the gap when it went out inside the gap.
     */
    private void stopHere() throws TransportException {
        queue.dropSpeeds();
        // stops asked for earlier and not yet written are answered by this one, whatever its outcome
        List<CompletableFuture<Void>> waiting = drain(stopWaiters);
        boolean inGap;
        try {
            inGap = writeStopBlocking("stop");
        } catch (TransportException e) {
            waiting.forEach(w -> w.completeExceptionally(e));
            throw e;
        }
        waiting.forEach(w -> w.complete(null));
        if (!inGap) return;
        try {
            sleepUntil(lastWriteEnd + pacing.minGapMs() * MS);
            writeStopBlocking("stop repeat");
        } catch (TransportException e) { // the first copy was written; a lost repeat is only logged
            LOG.log(System.Logger.Level.ERROR, e.getMessage());
        }
    }

    /**
     * Writes stop now, retrying a failed write after {@code max(minGapMs, STOP_RETRY_MIN_MS)}.
     *
     * @return true when the copy that got through went out inside the gap (so it needs an echo)
     */
    private boolean writeStopBlocking(String what) throws TransportException {
        TransportException last = null;
        for (int attempt = 0; attempt <= STOP_RETRIES; attempt++) {
            if (attempt > 0) sleepUntil(lastWriteEnd + retryGapNanos());
            boolean inGap = insideGap();
            try {
                write(stopBytes);
                written++;
                emit(new DeviceEvent.CommandWritten(stopCommand, stopBytes, clock.instant()));
                publishCounters();
                return inGap;
            } catch (TransportException e) {
                writeFailures++;
                last = e;
            }
        }
        publishCounters();
        throw new TransportException(what + " could not be written to " + transport.describe() + " after "
                + (STOP_RETRIES + 1) + " attempts: " + last.getMessage(), last);
    }

    private void sleepUntil(long nanos) throws TransportException {
        long wait = nanos - scheduler.nanoTime();
        if (wait <= 0) return;
        try {
            TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while stopping " + transport.describe(), e);
        }
    }

    /** True when a write now would come closer than the minimum gap after the previous write. */
    private boolean insideGap() {
        return wroteOnce && scheduler.nanoTime() - lastWriteEnd < pacing.minGapMs() * MS;
    }

    private long retryGapNanos() {
        return Math.max(pacing.minGapMs(), STOP_RETRY_MIN_MS) * MS;
    }

    private void enqueue(DeviceCommand command) {
        enqueueEncoded(command, codec.encode(command));
    }

    private void enqueueEncoded(DeviceCommand command, byte[] bytes) {
        // The lowest running value starts every ramp (after start, resume, reconnect, a new step):
        // it must reach the device, so a newer speed may not take its place.
        boolean rampStart = command instanceof DeviceCommand.SetSpeed s && s.value() == profile.output().lowestRunning();
        queue.add(command, bytes, rampStart);
        publishCounters();
        schedulePump();
    }

    private void schedulePump() {
        if (pumpTask != null || closed) return;
        pumpTask = scheduler.schedule(this::pump, Math.max(0, nextWriteAt() - scheduler.nanoTime()));
    }

    /**
     * When the next write may start: a first stop copy at once (or at its retry time), anything else
     * after the gap; a held stop (link lost) also no sooner than {@link #holdStillEveryMs()} after the last.
     */
    private long nextWriteAt() {
        if (!stopWaiters.isEmpty()) return stopFailures > 0 ? stopRetryAt : scheduler.nanoTime();
        long now = scheduler.nanoTime();
        long at = now;
        if (wroteOnce) {
            long gap = pacing.minGapMs() * MS;
            if (echoDue && echoFailures > 0) gap = retryGapNanos();
            at = lastWriteEnd + gap;
        }
        if (!echoDue && queue.isEmpty() && holdingStill()) at = Math.max(at, lastHeldStopEnd + holdStillEveryMs() * MS);
        return at;
    }

    /** The link is lost but the transport is up: the device may still hear us, so the motor is told to stop, again and again. */
    private boolean holdingStill() {
        return !linkUp && transportUp;
    }

    private boolean somethingToWrite() {
        return !stopWaiters.isEmpty() || echoDue || !queue.isEmpty() || holdingStill();
    }

    private void pump() {
        pumpTask = null;
        if (closed) return;
        settle();
        if (!somethingToWrite()) return;
        long wait = nextWriteAt() - scheduler.nanoTime();
        if (wait > 0) {
            pumpTask = scheduler.schedule(this::pump, wait);
            return;
        }
        if (!stopWaiters.isEmpty()) writeStop();
        else if (echoDue) writeEcho();
        else if (!queue.isEmpty()) writeNext(queue.poll());
        else writeHeldStop();
        settle();
        if (somethingToWrite()) schedulePump();
    }

    /**
     * One of the stops repeated while the link is lost. A failure is reported once until a write
     * succeeds again (not every gap), and the repeats go on: the link may come back.
     */
    private void writeHeldStop() {
        try {
            write(stopBytes);
            written++;
            lastSpeedWritten = null;
            heldStopFailing = false;
            emit(new DeviceEvent.CommandWritten(stopCommand, stopBytes, clock.instant()));
        } catch (TransportException | RuntimeException e) {
            writeFailures++;
            LOG.log(System.Logger.Level.DEBUG, () -> "repeated stop while the link is lost failed: " + e.getMessage());
            if (!heldStopFailing) {
                heldStopFailing = true;
                emit(new DeviceEvent.WriteFailed(stopCommand, "stop could not be written to " + transport.describe()
                        + " while the link is lost: " + e.getMessage(), clock.instant()));
            }
        } finally {
            lastHeldStopEnd = lastWriteEnd;
        }
        publishCounters();
    }

    /** Nothing of a stop is left to write: release whoever waits for the echo. */
    private void settle() {
        if (!stopWaiters.isEmpty() || echoDue || settleWaiters.isEmpty()) return;
        drain(settleWaiters).forEach(w -> w.complete(null));
    }

    private void writeNext(WriteQueue.Pending p) {
        try {
            write(p.bytes());
            written++;
            if (p.command() instanceof DeviceCommand.SetSpeed) lastSpeedWritten = p;
            if (feedsWatchdog(p.command())) {
                lastFeedEnd = lastWriteEnd;
                fedOnce = true;
            }
            emit(new DeviceEvent.CommandWritten(p.command(), p.bytes(), clock.instant()));
        } catch (TransportException | RuntimeException e) {
            writeFailures++;
            LOG.log(System.Logger.Level.DEBUG, () -> "write of " + p.command() + " failed: " + e.getMessage());
            emit(new DeviceEvent.WriteFailed(p.command(), String.valueOf(e.getMessage()), clock.instant()));
        }
        publishCounters();
    }

    private void writeStop() {
        boolean inGap = insideGap();
        try {
            write(stopBytes);
            written++;
            stopFailures = 0;
            lastSpeedWritten = null;
            // a device may drop a frame that came too soon after the previous one: repeat it after the gap
            echoDue = inGap;
            echoFailures = 0;
            List<CompletableFuture<Void>> waiters = drain(stopWaiters);
            emit(new DeviceEvent.CommandWritten(stopCommand, stopBytes, clock.instant()));
            waiters.forEach(w -> w.complete(null));
        } catch (TransportException | RuntimeException e) {
            writeFailures++;
            stopFailures++;
            if (stopFailures <= STOP_RETRIES) {
                LOG.log(System.Logger.Level.WARNING, "stop write to " + transport.describe() + " failed (attempt "
                        + stopFailures + " of " + (STOP_RETRIES + 1) + "), retrying: " + e.getMessage());
                // wait at least the gap (and the retry floor, even on devices with no minimum gap)
                stopRetryAt = lastWriteEnd + retryGapNanos();
            } else {
                String reason = "stop could not be written to " + transport.describe() + " after "
                        + stopFailures + " attempts: " + e.getMessage();
                LOG.log(System.Logger.Level.ERROR, reason);
                stopFailures = 0;
                List<CompletableFuture<Void>> waiters = drain(stopWaiters);
                emit(new DeviceEvent.WriteFailed(stopCommand, reason, clock.instant()));
                TransportException failure = new TransportException(reason, e);
                waiters.forEach(w -> w.completeExceptionally(failure));
            }
        }
        publishCounters();
    }

    /** Empties a list of waiters and returns what it held, so they can be completed outside it. */
    private static List<CompletableFuture<Void>> drain(List<CompletableFuture<Void>> waiters) {
        List<CompletableFuture<Void>> taken = new ArrayList<>(waiters);
        waiters.clear();
        return taken;
    }

    /** The repeat of a stop that went out inside the gap; it completes no future (the first copy did). */
    private void writeEcho() {
        try {
            write(stopBytes);
            written++;
            echoDue = false;
            emit(new DeviceEvent.CommandWritten(stopCommand, stopBytes, clock.instant()));
        } catch (TransportException | RuntimeException e) {
            writeFailures++;
            echoFailures++;
            if (echoFailures <= STOP_RETRIES) {
                LOG.log(System.Logger.Level.WARNING, "repeat of stop to " + transport.describe() + " failed (attempt "
                        + echoFailures + " of " + (STOP_RETRIES + 1) + "), retrying: " + e.getMessage());
            } else {
                // the first copy was written; only the safety repeat is lost, so this is logged, not reported as a failed stop
                LOG.log(System.Logger.Level.ERROR, "repeat of stop could not be written to " + transport.describe()
                        + " after " + echoFailures + " attempts: " + e.getMessage());
                echoDue = false;
            }
        }
        publishCounters();
    }

    /** Every write ends here, so the gap is measured from the end of the previous write, whatever it was. */
    private void write(byte[] bytes) throws TransportException {
        try {
            transport.write(Endpoint.TX, bytes);
        } finally {
            lastWriteEnd = scheduler.nanoTime();
            wroteOnce = true;
        }
    }

    private void onBytes(byte[] chunk, boolean batteryEndpoint) {
        if (closed) return;
        // the battery endpoint is a characteristic read whole, never a stream
        boolean stream = statusReader != null && !batteryEndpoint;
        handleFrames(stream ? statusReader.feed(chunk) : List.of(chunk), batteryEndpoint);
        if (stream) {
            lastByteAt = scheduler.nanoTime();
            if (statusReader.waiting() && interByteTask == null)
                interByteTask = scheduler.schedule(this::interByteTimeout, INTER_BYTE_TIMEOUT_MS * MS);
        }
    }

    /** A started frame heard nothing for the inter-byte timeout: it was noise; read on after its first byte. */
    private void interByteTimeout() {
        interByteTask = null;
        if (closed || !statusReader.waiting()) return;
        long quiet = scheduler.nanoTime() - lastByteAt;
        if (quiet < INTER_BYTE_TIMEOUT_MS * MS) {
            interByteTask = scheduler.schedule(this::interByteTimeout, INTER_BYTE_TIMEOUT_MS * MS - quiet);
            return;
        }
        while (statusReader.waiting()) handleFrames(statusReader.expire(), false);
    }

    private void handleFrames(List<byte[]> frames, boolean batteryEndpoint) {
        for (byte[] frame : frames) {
            DecodeResult<DeviceStatus> r;
            try {
                r = codec.decodeStatus(frame);
            } catch (RuntimeException e) { // a codec must not throw; if it does, the frame is still only rejected
                r = DecodeResult.rejected("codec failed: " + e);
            }
            if (!r.isOk() && batteryEndpoint && frame.length == 1 && (frame[0] & 0xFF) <= 100) {
                // the standard GATT battery level: one byte, percent
                r = DecodeResult.ok(new DeviceStatus(null, null, null, frame[0] & 0xFF, null, null));
            }
            if (r instanceof DecodeResult.Decoded<DeviceStatus> d) {
                statusArrived(d.value());
            } else if (r instanceof DecodeResult.Rejected<DeviceStatus> rej) {
                rejectedFrames++;
                LOG.log(System.Logger.Level.DEBUG, () -> transport.describe() + ": rejected frame: " + rej.reason());
            }
        }
        publishCounters();
    }

    private void statusArrived(DeviceStatus status) {
        lastStatusAt = scheduler.nanoTime();
        if (handshake != null && status.protocol() != null) handshake.answered(status.protocol());
        if (status.isNak())
            LOG.log(System.Logger.Level.INFO, () -> String.format("%s refused command %02X (reason %d)",
                    transport.describe(), status.nakCommand(), status.nakReason()));
        if (!linkUp && transportUp) restoreLink();
        emit(new DeviceEvent.StatusReceived(status, clock.instant()));
    }

    private void onTransportLink(LinkState state) {
        if (closed) return;
        if (state == LinkState.DOWN) {
            transportUp = false;
            if (linkUp) loseLink(transport.describe() + " reported the link down");
        } else {
            boolean wasUp = transportUp;
            transportUp = true;
            if (linkUp || wasUp) return;
            lastStatusAt = scheduler.nanoTime();
            schedulePump(); // the device may hear us again: stops resume at once
            if (expectsStatus) {
                if (pollsStatus) enqueue(new DeviceCommand.StatusRequest()); // ask at once; LinkRestored follows its answer
            } else {
                restoreLink();
            }
        }
    }

    private void loseLink(String reason) {
        linkUp = false;
        int dropped = queue.dropSpeeds();
        droppedWhileLinkLost += dropped;
        lastSpeedWritten = null;
        LOG.log(System.Logger.Level.INFO, () -> "link lost: " + reason + (dropped > 0 ? "; dropped " + dropped + " queued speed(s)" : ""));
        publishCounters();
        emit(new DeviceEvent.LinkLost(reason, clock.instant()));
        // A silent device may still hear us, and our polling may keep its own watchdog from stopping
        // the motor: the first held stop goes out within one gap, then one every holdStillEveryMs().
        lastHeldStopEnd = Long.MIN_VALUE / 2;
        heldStopFailing = false;
        schedulePump();
    }

    private void restoreLink() {
        linkUp = true;
        lastStatusAt = scheduler.nanoTime();
        if (handshake != null) greet(); // the device may have restarted, back in version 1
        LOG.log(System.Logger.Level.INFO, () -> "link back: " + transport.describe());
        emit(new DeviceEvent.LinkRestored(clock.instant()));
    }

    private void poll() {
        if (transportUp) enqueue(new DeviceCommand.StatusRequest());
    }

    private void keepalive() {
        if (!linkUp || !transportUp) return;
        long idle;
        if (codec.supports(DeviceCommand.Keepalive.class)) idle = fedOnce ? scheduler.nanoTime() - lastFeedEnd : Long.MAX_VALUE;
        else idle = wroteOnce ? scheduler.nanoTime() - lastWriteEnd : Long.MAX_VALUE;
        if (idle < pacing.keepaliveMs() / 2 * MS || !queue.isEmpty() || !stopWaiters.isEmpty() || echoDue) return;
        if (codec.supports(DeviceCommand.Keepalive.class)) enqueue(new DeviceCommand.Keepalive());
        else if (codec.supports(DeviceCommand.StatusRequest.class)) enqueue(new DeviceCommand.StatusRequest());
        else if (lastSpeedWritten != null) enqueueEncoded(lastSpeedWritten.command(), lastSpeedWritten.bytes());
    }

    private void watchSilence() {
        if (!linkUp) return;
        long silentMs = (scheduler.nanoTime() - lastStatusAt) / MS;
        if (silentMs > pacing.linkTimeoutMs())
            loseLink("no valid status from " + transport.describe() + " for " + silentMs + " ms (limit "
                    + pacing.linkTimeoutMs() + " ms)");
    }

    /** Speeds, keepalives and hellos feed a device's watchdog; polls and version requests do not. */
    private static boolean feedsWatchdog(DeviceCommand c) {
        return c instanceof DeviceCommand.SetSpeed || c instanceof DeviceCommand.Keepalive
                || c instanceof DeviceCommand.Hello;
    }

    /** Sends HELLO now and retries it until INFO comes or the tries run out (then version 1 it is). */
    private void greet() {
        handshake.restart();
        helloTry();
    }

    private void helloTry() {
        if (closed) return;
        ProtocolHandshake.Step step = handshake.next();
        if (step == ProtocolHandshake.Step.HELLO) {
            if (transportUp) enqueue(new DeviceCommand.Hello(ProtocolHandshake.HOST_VERSION));
            scheduler.schedule(this::helloTry, ProtocolHandshake.ANSWER_WAIT_MS * MS);
        } else if (step == ProtocolHandshake.Step.ASK_VERSION) {
            LOG.log(System.Logger.Level.INFO, () -> transport.describe() + " did not answer HELLO: version 1 device");
            if (transportUp) enqueue(new DeviceCommand.VersionRequest());
        }
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
        counters = new SessionCounters(written, writeFailures, queue.superseded(), rejectedFrames,
                statusReader == null ? 0 : statusReader.discardedBytes(), droppedWhileLinkLost);
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
