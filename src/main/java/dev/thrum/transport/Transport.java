package dev.thrum.transport;

import java.util.function.Consumer;

/**
 * The small port every way of reaching a massager implements: {@code ble} (tinyb), {@code serial}
 * (jssc) and {@code sim} (in-process). Library types and library threads stay inside adapters.
 * Listeners are called on an adapter thread and must not block.
 */
public interface Transport extends AutoCloseable {

    /** Opens the link, waiting at most the adapter's timeout. Reports {@link LinkState#UP} on success. */
    void connect() throws TransportException;

    /** Writes one frame to a logical endpoint. */
    void write(Endpoint endpoint, byte[] data) throws TransportException;

    /**
     * Receives bytes from a logical endpoint. On a stream transport ({@link #isStream()}) the
     * chunks are arbitrary pieces of the byte stream; otherwise each call is one whole frame.
     */
    void subscribe(Endpoint endpoint, Consumer<byte[]> listener);

    /** Link up/down events, including a remote drop and a successful reconnect. */
    void onLinkState(Consumer<LinkState> listener);

    /** True when received bytes arrive as a stream that needs a {@code FrameReader}. */
    boolean isStream();

    /** For messages: "serial:/dev/ttyUSB0", "ble:AA:BB:...", "sim:theragun-gen4". */
    String describe();

    /** Closes the link; never throws. Callers stop the motor first. */
    @Override
    void close();
}
