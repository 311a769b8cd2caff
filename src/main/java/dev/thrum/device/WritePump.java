package dev.thrum.device;

import dev.thrum.protocol.DeviceCommand;
import dev.thrum.transport.TransportException;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The session's one writer: decides what goes out next and when (docs/device-session.md, rules 1-3
 * and 6a). A due stop first (at once, or at its retry time), then its echo, then the queue in order,
 * paced by the gap; while the link is lost and nothing else waits, the held stop at its cadence.
 * Speeds offered while the link is lost are dropped and counted. Session thread only.
 */
final class WritePump {

    private static final System.Logger LOG = System.getLogger(WritePump.class.getName());

    private final SessionScheduler scheduler;
    private final BooleanSupplier closed;
    private final FrameWriter out;
    private final StopPolicy stops;
    private final LinkSupervisor link;
    private final Keepalive keepalive;
    private final Consumer<DeviceEvent> emit;
    private final Clock clock;
    private final Runnable countsChanged;
    private final int lowestRunning;
    private final WriteQueue queue = new WriteQueue();
    private SessionScheduler.Scheduled pumpTask;
    private long droppedWhileLinkLost;

    /** @param lowestRunning the profile's lowest running value: a queued speed of it is never replaced */
    WritePump(SessionScheduler scheduler, BooleanSupplier closed, FrameWriter out, StopPolicy stops, LinkSupervisor link,
              Keepalive keepalive, Consumer<DeviceEvent> emit, Clock clock, Runnable countsChanged, int lowestRunning) {
        this.scheduler = scheduler;
        this.closed = closed;
        this.out = out;
        this.stops = stops;
        this.link = link;
        this.keepalive = keepalive;
        this.emit = emit;
        this.clock = clock;
        this.countsChanged = countsChanged;
        this.lowestRunning = lowestRunning;
    }

    /** Queues an encoded command, or drops it when it is a speed and the link is lost. */
    void offer(DeviceCommand command, byte[] bytes) {
        if (command instanceof DeviceCommand.SetSpeed && !link.up()) {
            droppedWhileLinkLost++;
            LOG.log(System.Logger.Level.DEBUG, () -> "link lost: dropped " + command);
            countsChanged.run();
            return;
        }
        enqueue(command, bytes);
    }

    /** Queues an encoded command whatever the link (status requests, hellos, keepalives). */
    void enqueue(DeviceCommand command, byte[] bytes) {
        // The lowest running value starts every ramp (after start, resume, reconnect, a new step):
        // it must reach the device, so a newer speed may not take its place.
        boolean rampStart = command instanceof DeviceCommand.SetSpeed s && s.value() == lowestRunning;
        queue.add(command, bytes, rampStart);
        countsChanged.run();
        schedule();
    }

    /**
     * Stop jumps the queue: queued speeds go, the stop is handed to the {@link StopPolicy}, and a pump
     * waiting out the gap must not hold it back, so the pump runs right now instead.
     */
    void stop(CompletableFuture<Void> done, CompletableFuture<Void> settled) {
        int dropped = queue.dropSpeeds();
        if (dropped > 0) LOG.log(System.Logger.Level.DEBUG, () -> "stop cleared " + dropped + " queued speed(s)");
        stops.request(done, settled);
        if (pumpTask != null) {
            pumpTask.cancel();
            pumpTask = null;
        }
        pump();
    }

    /** Closing in place: queued speeds never go out. */
    void dropSpeeds() { queue.dropSpeeds(); }

    /** The link was lost: queued speeds are dropped (and counted). Returns how many. */
    int dropSpeedsForLostLink() {
        int dropped = queue.dropSpeeds();
        droppedWhileLinkLost += dropped;
        return dropped;
    }

    /** Nothing waits to be written: a keepalive may go. */
    boolean idle() { return queue.isEmpty() && !stops.pending(); }

    long superseded() { return queue.superseded(); }

    long droppedWhileLinkLost() { return droppedWhileLinkLost; }

    /** Makes sure a pump is scheduled for when the next write may start. */
    void schedule() {
        if (pumpTask != null || closed.getAsBoolean()) return;
        pumpTask = scheduler.schedule(this::pump, Math.max(0, nextWriteAt() - scheduler.nanoTime()));
    }

    /**
     * When the next write may start: a first stop copy at once (or at its retry time), anything else
     * after the gap; a held stop (link lost) also no sooner than the hold-still cadence after the last.
     */
    private long nextWriteAt() {
        if (stops.firstCopyDue()) return stops.firstCopyAt(scheduler.nanoTime());
        if (stops.echoDue()) return stops.echoAt();
        long at = out.pacedAt();
        if (queue.isEmpty() && link.holdingStill()) at = Math.max(at, link.nextHeldStopAt());
        return at;
    }

    private boolean somethingToWrite() {
        return stops.pending() || !queue.isEmpty() || link.holdingStill();
    }

    private void pump() {
        pumpTask = null;
        if (closed.getAsBoolean()) return;
        stops.settle();
        if (!somethingToWrite()) return;
        long wait = nextWriteAt() - scheduler.nanoTime();
        if (wait > 0) {
            pumpTask = scheduler.schedule(this::pump, wait);
            return;
        }
        if (stops.firstCopyDue()) {
            if (stops.writeFirstCopy()) keepalive.forgetSpeed();
        } else if (stops.echoDue()) {
            stops.writeEcho();
        } else if (!queue.isEmpty()) {
            writeNext(queue.poll());
        } else {
            if (stops.writeHeld()) keepalive.forgetSpeed();
            link.heldStopWritten(out.lastWriteEnd());
        }
        countsChanged.run();
        stops.settle();
        if (somethingToWrite()) schedule();
    }

    private void writeNext(WriteQueue.Pending p) {
        try {
            out.write(p.bytes());
            keepalive.written(p, out.lastWriteEnd());
            emit.accept(new DeviceEvent.CommandWritten(p.command(), p.bytes(), clock.instant()));
        } catch (TransportException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "write of " + p.command() + " failed: " + e.getMessage());
            emit.accept(new DeviceEvent.WriteFailed(p.command(), String.valueOf(e.getMessage()), clock.instant()));
        }
    }
}
