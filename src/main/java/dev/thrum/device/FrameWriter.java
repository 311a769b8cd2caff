package dev.thrum.device;

import dev.thrum.transport.Endpoint;
import dev.thrum.transport.Transport;
import dev.thrum.transport.TransportException;

/**
 * Every frame a session sends goes through {@link #write}, so the pacing gap is always measured from
 * the end of the previous write, whatever it was (a speed, a stop, a poll), and every write is counted.
 * Session thread only.
 */
final class FrameWriter {

    private static final long MS = 1_000_000L;

    private final Transport transport;
    private final SessionScheduler scheduler;
    private final long gapNanos;
    private long lastWriteEnd;
    private boolean wroteOnce;
    private long written;
    private long failures;

    FrameWriter(Transport transport, SessionScheduler scheduler, long minGapMs) {
        this.transport = transport;
        this.scheduler = scheduler;
        this.gapNanos = minGapMs * MS;
    }

    /** Writes one frame to TX; a failed write counts as a write too for the gap (the device may have seen part of it). */
    void write(byte[] bytes) throws TransportException {
        try {
            transport.write(Endpoint.TX, bytes);
        } catch (TransportException | RuntimeException e) {
            failures++;
            throw e;
        } finally {
            lastWriteEnd = scheduler.nanoTime();
            wroteOnce = true;
        }
        written++;
    }

    /** True when a write now would come closer than the minimum gap after the previous write. */
    boolean insideGap() {
        return wroteOnce && scheduler.nanoTime() - lastWriteEnd < gapNanos;
    }

    /** When a paced write may start: one gap after the previous write, or now when nothing was written yet. */
    long pacedAt() {
        return wroteOnce ? lastWriteEnd + gapNanos : scheduler.nanoTime();
    }

    /** Nanoseconds since the previous write ended, or {@link Long#MAX_VALUE} before the first. */
    long idleNanos() {
        return wroteOnce ? scheduler.nanoTime() - lastWriteEnd : Long.MAX_VALUE;
    }

    long lastWriteEnd() { return lastWriteEnd; }

    long gapNanos() { return gapNanos; }

    long written() { return written; }

    long failures() { return failures; }

    String describe() { return transport.describe(); }
}
