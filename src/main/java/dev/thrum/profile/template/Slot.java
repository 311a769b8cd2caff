package dev.thrum.profile.template;

/** One element of a frame template, at a fixed byte position. */
public sealed interface Slot {

    /** First byte index of the slot in the frame. */
    int at();

    /** Number of bytes the slot takes. */
    int width();

    /** A fixed byte value. */
    record Literal(int at, int value) implements Slot {
        public int width() { return 1; }
    }

    /** Any byte ({@code ..}): ignored when reading, written as 00, or a status field's place. */
    record Wildcard(int at) implements Slot {
        public int width() { return 1; }
    }

    /** A named value such as {@code {speed:u16be}}. */
    record Value(int at, String name, IntType type) implements Slot {
        public int width() { return type.width(); }
    }

    /** The number of bytes in a range of the frame (by default the whole frame). */
    record Length(int at, IntType type, ByteRange range) implements Slot {
        public int width() { return type.width(); }
    }

    record Checksum(int at, ChecksumSpec spec) implements Slot {
        public int width() { return spec.kind().width(); }
    }
}
