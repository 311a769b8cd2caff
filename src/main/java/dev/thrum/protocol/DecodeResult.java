package dev.thrum.protocol;

/** The outcome of decoding one frame: a value, or the reason the frame was rejected. */
public sealed interface DecodeResult<T> {

    record Decoded<T>(T value) implements DecodeResult<T> {}

    /** A frame that did not match: bad checksum, wrong length, unknown header... never a wrong value. */
    record Rejected<T>(String reason) implements DecodeResult<T> {}

    static <T> DecodeResult<T> ok(T value) { return new Decoded<>(value); }

    static <T> DecodeResult<T> rejected(String reason) { return new Rejected<>(reason); }

    default boolean isOk() { return this instanceof Decoded; }
}
