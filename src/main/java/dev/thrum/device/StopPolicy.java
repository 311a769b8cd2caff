package dev.thrum.device;

import dev.thrum.protocol.DeviceCommand;
import dev.thrum.transport.TransportException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * How a stop is written, in one place for every path that writes one (docs/device-session.md, rules 3,
 * 6a and 7):
 * <ul>
 * <li>The first copy goes out at once, even inside the gap. A failed write is tried again up to
 *     {@link #RETRIES} times, {@link #retryGapNanos()} after the failed one. Whoever asked for the stop
 *     is answered when a copy got through, or with the last error once every try failed (then
 *     {@link DeviceEvent.WriteFailed} tells the listener too).</li>
 * <li>A copy that went out inside the gap is repeated (the echo) once the gap after it has passed,
 *     retried the same way; a lost echo is only logged, because the first copy was written.</li>
 * <li>The stops repeated while the link is lost report a failure once until one gets through again.</li>
 * </ul>
 * The write queue's pump drives these one attempt at a time on the session's thread
 * ({@link #writeFirstCopy()}, {@link #writeEcho()}); closing from a listener, which cannot wait for its
 * own thread, drives the very same attempts in place ({@link #stopInPlace()}), sleeping out the waits.
 */
final class StopPolicy {

    /** A failed stop write is tried again this many times (so at most 1 + 3 attempts). */
    static final int RETRIES = 3;
    /** Shortest wait before a stop retry, for devices with no minimum gap. */
    static final long RETRY_MIN_MS = 20;

    private static final System.Logger LOG = System.getLogger(StopPolicy.class.getName());
    private static final long MS = 1_000_000L;

    private final FrameWriter out;
    private final SessionScheduler scheduler;
    private final DeviceCommand command;
    private final byte[] bytes;
    private final Consumer<DeviceEvent> emit;
    private final Clock clock;
    private final long retryGapNanos;

    private final List<CompletableFuture<Void>> waiters = new ArrayList<>();
    /** Completed once no stop and no echo is due any more (close() waits for the echo too). */
    private final List<CompletableFuture<Void>> settleWaiters = new ArrayList<>();
    private int failures;
    private long retryAt;
    private boolean echoDue;
    private int echoFailures;
    private boolean heldFailing;

    /**
     * @param command the stop as the profile says it ({@code Stop}, or a speed of the stop value)
     * @param emit    the session's listener (never throws)
     */
    StopPolicy(FrameWriter out, SessionScheduler scheduler, DeviceCommand command, byte[] bytes,
               Consumer<DeviceEvent> emit, Clock clock, long minGapMs) {
        this.out = out;
        this.scheduler = scheduler;
        this.command = command;
        this.bytes = bytes.clone();
        this.emit = emit;
        this.clock = clock;
        this.retryGapNanos = Math.max(minGapMs, RETRY_MIN_MS) * MS;
    }

    /** Someone asked for a stop: {@code done} when a first copy is written, {@code settled} (or null) when its echo is too. */
    void request(CompletableFuture<Void> done, CompletableFuture<Void> settled) {
        waiters.add(done);
        if (settled != null) settleWaiters.add(settled);
    }

    boolean firstCopyDue() { return !waiters.isEmpty(); }

    boolean echoDue() { return echoDue; }

    /** A stop or its echo still has to go out: nothing else may be written before it. */
    boolean pending() { return firstCopyDue() || echoDue; }

    /** When the due first copy may go: now, or at its retry time after a failed try. */
    long firstCopyAt(long now) { return failures > 0 ? retryAt : now; }

    /** When the echo may go: one gap after the stop, or one retry gap after its own failed try. */
    long echoAt() { return out.lastWriteEnd() + (echoFailures > 0 ? retryGapNanos : out.gapNanos()); }

    long retryGapNanos() { return retryGapNanos; }

    /**
     * One attempt at the first copy of a stop.
     *
     * @return true when it was written (the motor was told to stop)
     */
    boolean writeFirstCopy() {
        boolean inGap = out.insideGap();
        try {
            out.write(bytes);
            failures = 0;
            // a device may drop a frame that came too soon after the previous one: repeat it after the gap
            echoDue = inGap;
            echoFailures = 0;
            List<CompletableFuture<Void>> answered = drain(waiters);
            emit.accept(new DeviceEvent.CommandWritten(command, bytes, clock.instant()));
            answered.forEach(w -> w.complete(null));
            return true;
        } catch (TransportException | RuntimeException e) {
            failures++;
            if (failures <= RETRIES) {
                LOG.log(System.Logger.Level.WARNING, "stop write to " + out.describe() + " failed (attempt "
                        + failures + " of " + (RETRIES + 1) + "), retrying: " + e.getMessage());
                // wait at least the gap (and the retry floor, even on devices with no minimum gap)
                retryAt = out.lastWriteEnd() + retryGapNanos;
            } else {
                String reason = "stop could not be written to " + out.describe() + " after "
                        + failures + " attempts: " + e.getMessage();
                LOG.log(System.Logger.Level.ERROR, reason);
                failures = 0;
                List<CompletableFuture<Void>> failed = drain(waiters);
                emit.accept(new DeviceEvent.WriteFailed(command, reason, clock.instant()));
                TransportException failure = new TransportException(reason, e);
                failed.forEach(w -> w.completeExceptionally(failure));
            }
            return false;
        }
    }

    /** One attempt at the repeat of a stop that went out inside the gap; it answers nobody (the first copy did). */
    void writeEcho() {
        try {
            out.write(bytes);
            echoDue = false;
            emit.accept(new DeviceEvent.CommandWritten(command, bytes, clock.instant()));
        } catch (TransportException | RuntimeException e) {
            echoFailures++;
            if (echoFailures <= RETRIES) {
                LOG.log(System.Logger.Level.WARNING, "repeat of stop to " + out.describe() + " failed (attempt "
                        + echoFailures + " of " + (RETRIES + 1) + "), retrying: " + e.getMessage());
            } else {
                // the first copy was written; only the safety repeat is lost, so this is logged, not reported as a failed stop
                LOG.log(System.Logger.Level.ERROR, "repeat of stop could not be written to " + out.describe()
                        + " after " + echoFailures + " attempts: " + e.getMessage());
                echoDue = false;
            }
        }
    }

    /** The link was just lost: the stops repeated from now on report their first failure again. */
    void holdStillBegins() { heldFailing = false; }

    /**
     * One of the stops repeated while the link is lost. A failure is reported once until a write
     * succeeds again (not every gap); the repeats go on, the link may come back.
     *
     * @return true when it was written
     */
    boolean writeHeld() {
        try {
            out.write(bytes);
            heldFailing = false;
            emit.accept(new DeviceEvent.CommandWritten(command, bytes, clock.instant()));
            return true;
        } catch (TransportException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "repeated stop while the link is lost failed: " + e.getMessage());
            if (!heldFailing) {
                heldFailing = true;
                emit.accept(new DeviceEvent.WriteFailed(command, "stop could not be written to " + out.describe()
                        + " while the link is lost: " + e.getMessage(), clock.instant()));
            }
            return false;
        }
    }

    /** Nothing of a stop is left to write: release whoever waits for the echo. */
    void settle() {
        if (pending() || settleWaiters.isEmpty()) return;
        drain(settleWaiters).forEach(w -> w.complete(null));
    }

    /**
     * Close from a listener: the session's thread cannot wait for itself, so the stop is written right
     * here with a full set of tries, and its echo after the gap when it went out inside the gap. Stops
     * asked for earlier and not yet written are answered by this one, whatever its outcome.
     *
     * @throws TransportException when no copy got through
     */
    void stopInPlace() throws TransportException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiters.add(done);
        failures = 0; // a stop waiting for its retry gets a fresh set of tries, at once
        while (firstCopyDue()) {
            sleepUntil(firstCopyAt(scheduler.nanoTime()));
            writeFirstCopy();
        }
        if (done.isCompletedExceptionally()) {
            try {
                done.join();
            } catch (CompletionException e) {
                throw (TransportException) e.getCause();
            }
        }
        while (echoDue) {
            sleepUntil(echoAt());
            writeEcho();
        }
        settle();
    }

    private void sleepUntil(long nanos) throws TransportException {
        long wait = nanos - scheduler.nanoTime();
        if (wait <= 0) return;
        try {
            TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while stopping " + out.describe(), e);
        }
    }

    /** Empties a list of waiters and returns what it held, so they can be completed outside it. */
    private static List<CompletableFuture<Void>> drain(List<CompletableFuture<Void>> list) {
        List<CompletableFuture<Void>> taken = new ArrayList<>(list);
        list.clear();
        return taken;
    }
}
