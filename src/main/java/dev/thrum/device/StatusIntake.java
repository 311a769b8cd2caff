package dev.thrum.device;

import dev.thrum.protocol.Codec;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceStatus;
import dev.thrum.protocol.FrameReader;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What the device sends, turned into statuses (docs/device-session.md, rule 4). On a byte stream the
 * codec's frame reader cuts the bytes into frames, and a frame that hears nothing more for
 * {@link DeviceSession#INTER_BYTE_TIMEOUT_MS} was noise: its first byte is dropped and the rest read
 * again. Elsewhere each chunk is one frame. Frames the codec rejects are counted and logged at debug
 * level, never handed on; the battery characteristic may also be the standard one-byte percent.
 * Session thread only.
 */
final class StatusIntake {

    private static final System.Logger LOG = System.getLogger(StatusIntake.class.getName());
    private static final long MS = 1_000_000L;

    private final Codec codec;
    private final FrameReader reader;
    private final SessionScheduler scheduler;
    private final BooleanSupplier closed;
    private final String device;
    private final Consumer<DeviceStatus> sink;
    private final Runnable countsChanged;
    private long lastByteAt;
    private SessionScheduler.Scheduled interByteTask;
    private long rejectedFrames;

    /**
     * @param reader        the codec's status frame reader on a stream transport, null where chunks are frames
     * @param sink          gets every status that decoded
     * @param countsChanged told after each batch of frames, so the session can publish its counters
     */
    StatusIntake(Codec codec, FrameReader reader, SessionScheduler scheduler, BooleanSupplier closed, String device,
                 Consumer<DeviceStatus> sink, Runnable countsChanged) {
        this.codec = codec;
        this.reader = reader;
        this.scheduler = scheduler;
        this.closed = closed;
        this.device = device;
        this.sink = sink;
        this.countsChanged = countsChanged;
    }

    void onBytes(byte[] chunk, boolean batteryEndpoint) {
        if (closed.getAsBoolean()) return;
        // the battery endpoint is a characteristic read whole, never a stream
        boolean stream = reader != null && !batteryEndpoint;
        handleFrames(stream ? reader.feed(chunk) : List.of(chunk), batteryEndpoint);
        if (stream) {
            lastByteAt = scheduler.nanoTime();
            if (reader.waiting() && interByteTask == null)
                interByteTask = scheduler.schedule(this::interByteTimeout, DeviceSession.INTER_BYTE_TIMEOUT_MS * MS);
        }
    }

    long rejectedFrames() { return rejectedFrames; }

    long discardedBytes() { return reader == null ? 0 : reader.discardedBytes(); }

    /** A started frame heard nothing for the inter-byte timeout: it was noise; read on after its first byte. */
    private void interByteTimeout() {
        interByteTask = null;
        if (closed.getAsBoolean() || !reader.waiting()) return;
        long quiet = scheduler.nanoTime() - lastByteAt;
        if (quiet < DeviceSession.INTER_BYTE_TIMEOUT_MS * MS) {
            interByteTask = scheduler.schedule(this::interByteTimeout, DeviceSession.INTER_BYTE_TIMEOUT_MS * MS - quiet);
            return;
        }
        while (reader.waiting()) handleFrames(reader.expire(), false);
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
                arrived(d.value());
            } else if (r instanceof DecodeResult.Rejected<DeviceStatus> rej) {
                rejectedFrames++;
                LOG.log(System.Logger.Level.DEBUG, () -> device + ": rejected frame: " + rej.reason());
            }
        }
        countsChanged.run();
    }

    private void arrived(DeviceStatus status) {
        if (status.isNak())
            LOG.log(System.Logger.Level.INFO, () -> String.format("%s refused command %02X (reason %d)",
                    device, status.nakCommand(), status.nakReason()));
        sink.accept(status);
    }
}
