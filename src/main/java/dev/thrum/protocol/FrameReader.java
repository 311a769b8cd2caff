package dev.thrum.protocol;

import java.util.List;

/**
 * Cuts whole frames out of a byte stream (serial lines deliver bytes, not frames): frames split
 * across reads, several frames in one read and garbage between frames all come out right.
 * Stateful; one per stream direction.
 */
public interface FrameReader {

    /** Feeds newly received bytes; returns the complete, checksum-valid frames found so far. */
    List<byte[]> feed(byte[] chunk);

    /** Bytes thrown away while resynchronising, since creation (for diagnostics). */
    long discardedBytes();

    /**
     * The inter-byte timeout passed while a frame was waiting for its bytes: its first byte was
     * noise. Drops that byte and looks again; returns the frames found in what is left.
     */
    default List<byte[]> expire() { return List.of(); }

    /** True while received bytes wait for the rest of a frame. */
    default boolean waiting() { return false; }
}
