package dev.thrum.device;

import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;

import java.time.Instant;
import java.util.HexFormat;

/**
 * What a {@link DeviceSession} tells its listener, on the session's thread. Listeners must not block.
 */
public sealed interface DeviceEvent {

    /** When it happened, on the session's clock. */
    Instant at();

    /** A status frame that decoded (rejected frames are never reported, only counted). */
    record StatusReceived(DeviceStatus status, Instant at) implements DeviceEvent {}

    /**
     * The link is gone: the transport reported it down, or no valid status came for longer than the
     * profile's {@code linkTimeoutMs}. Queued speeds were dropped; speeds sent now are dropped too.
     */
    record LinkLost(String reason, Instant at) implements DeviceEvent {}

    /**
     * The link is back (valid status again, or the transport up again where the device sends no
     * status). Nothing old is replayed: the engine decides what to send, starting low.
     */
    record LinkRestored(Instant at) implements DeviceEvent {}

    /** A command's bytes were handed to the transport. */
    record CommandWritten(DeviceCommand command, byte[] bytes, Instant at) implements DeviceEvent {
        public CommandWritten {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() { return bytes.clone(); }

        @Override
        public String toString() {
            return "CommandWritten[" + command + ", " + HexFormat.of().withUpperCase().formatHex(bytes) + ", " + at + "]";
        }
    }

    /** A write failed (for a stop: after every retry). */
    record WriteFailed(DeviceCommand command, String reason, Instant at) implements DeviceEvent {}
}
