package dev.thrum.transport.sim;

import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One frame the simulated massager received from the host, as it arrived, and what it made of it.
 *
 * @param at     when it arrived, on the simulator's clock
 * @param bytes  the raw frame
 * @param result the decoded command, or why the frame was rejected
 */
public record ReceivedFrame(Instant at, byte[] bytes, DecodeResult<DeviceCommand> result) {

    public ReceivedFrame {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() { return bytes.clone(); }

    /** The command, when the frame decoded. */
    public Optional<DeviceCommand> command() {
        return result instanceof DecodeResult.Decoded<DeviceCommand> d ? Optional.of(d.value()) : Optional.empty();
    }

    /** Why the frame was rejected, when it was. */
    public Optional<String> rejection() {
        return result instanceof DecodeResult.Rejected<DeviceCommand> r ? Optional.of(r.reason()) : Optional.empty();
    }

    public String hex() { return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes); }

    @Override
    public String toString() {
        return at + " [" + hex() + "] " + command().map(Object::toString).orElse("rejected: " + rejection().orElse(""));
    }
}
