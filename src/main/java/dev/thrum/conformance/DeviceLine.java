package dev.thrum.conformance;

import dev.thrum.protocol.OpenSerialFrames;
import dev.thrum.transport.Endpoint;
import dev.thrum.transport.Transport;
import dev.thrum.transport.TransportException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The checker's end of the line to the device under test: writes raw bytes (whole frames, pieces,
 * noise) and cuts what comes back into frames with the document's own receiver
 * ({@link OpenSerialFrames.Reader}), stamping each with the time its last byte arrived. It never
 * trusts Thrum's profile: a device is judged by the document alone.
 */
final class DeviceLine implements AutoCloseable {

    /** A frame from the device and when it was complete ({@link System#nanoTime()}). */
    record Arrived(long nanos, byte[] frame) {
        String hex() { return OpenSerialFrames.hex(frame); }
    }

    /** The host's minimum gap between frames, with a little margin for the far end's clock. */
    static final long GAP_MS = 25;

    private final Transport transport;
    private final OpenSerialFrames.Reader reader = new OpenSerialFrames.Reader();
    private final BlockingQueue<Arrived> frames = new LinkedBlockingQueue<>();
    private volatile long lastByteNanos;
    private long sentNanos;

    DeviceLine(Transport transport) throws TransportException {
        if (!transport.isStream())
            throw new IllegalArgumentException(transport.describe() + " is not a byte stream; the conformance check"
                    + " needs one (a serial port, or the simulator in stream mode)");
        this.transport = transport;
        transport.subscribe(Endpoint.RX, this::received);
        transport.connect();
    }

    private void received(byte[] chunk) {
        long now = System.nanoTime();
        lastByteNanos = now;
        for (byte[] f : reader.feed(chunk)) frames.add(new Arrived(now, f));
    }

    String describe() { return transport.describe(); }

    /**
     * Writes the bytes as the host's pacing allows: at least {@link #GAP_MS} after the previous write
     * (the checker keeps the rules it checks a device against). Returns when the write ended.
     */
    long send(byte[] bytes) throws TransportException, InterruptedException {
        long wait = sentNanos + TimeUnit.MILLISECONDS.toNanos(GAP_MS) - System.nanoTime();
        if (sentNanos != 0 && wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        return sendNow(bytes);
    }

    /** Writes the bytes at once, inside the gap if need be (STOP, and pieces of one frame). */
    long sendNow(byte[] bytes) throws TransportException {
        transport.write(Endpoint.TX, bytes);
        sentNanos = System.nanoTime();
        return sentNanos;
    }

    long sentNanos() { return sentNanos; }

    /** Every frame that arrives within {@code ms} from now (waits the whole time). */
    List<Arrived> collect(long ms) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        List<Arrived> out = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            Arrived a = frames.poll(left, TimeUnit.NANOSECONDS);
            if (a != null) out.add(a);
        }
        expireStalePartial();
        return out;
    }

    /**
     * The first frame that fits within {@code ms}; frames before it are added to {@code skipped}.
     * Null when none came.
     */
    Arrived await(Predicate<byte[]> fits, long ms, List<Arrived> skipped) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                expireStalePartial();
                return null;
            }
            Arrived a = frames.poll(left, TimeUnit.NANOSECONDS);
            if (a == null) continue;
            if (fits.test(a.frame())) return a;
            if (skipped != null) skipped.add(a);
        }
    }

    /** Forgets frames that arrived and were not asked for. */
    List<Arrived> drain() {
        List<Arrived> out = new ArrayList<>();
        frames.drainTo(out);
        return out;
    }

    /** The document's inter-byte timeout, on the checker's side: a frame the device left half-sent is dropped. */
    private void expireStalePartial() {
        if (reader.waiting() && System.nanoTime() - lastByteNanos
                > TimeUnit.MILLISECONDS.toNanos(OpenSerialFrames.INTER_BYTE_TIMEOUT_MS)) {
            long now = System.nanoTime();
            for (byte[] f : reader.expire()) frames.add(new Arrived(now, f));
        }
    }

    @Override
    public void close() { transport.close(); }
}
