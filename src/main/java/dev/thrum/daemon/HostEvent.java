package dev.thrum.daemon;

import dev.thrum.engine.EngineEvent;
import dev.thrum.engine.SessionReport;
import dev.thrum.protocol.DeviceStatus;

import java.time.Instant;

/** What the session host reports: the engine's events and the device's, for the event stream. */
public sealed interface HostEvent {

    /** The SSE event name. */
    String name();

    /** Something the session engine decided (step started, paused, adjusted, finished, ...). */
    record Engine(EngineEvent event) implements HostEvent {
        public String name() {
            String simple = event.getClass().getSimpleName();
            return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
        }
    }

    /** A status frame from the device (battery, speed, force). */
    record Status(DeviceStatus status, Instant at) implements HostEvent {
        public String name() { return "status"; }
    }

    /** The device link went down or came back. */
    record Link(boolean up, String reason, Instant at) implements HostEvent {
        public String name() { return up ? "linkUp" : "linkDown"; }
    }

    /** The motor was stopped through the emergency stop; {@code millis} from the call to the written stop frame. */
    record EmergencyStop(double millis, Instant at) implements HostEvent {
        public String name() { return "emergencyStop"; }
    }

    /** Something the user should hear about (a failed write, a log that could not be written). */
    record Problem(String message, Instant at) implements HostEvent {
        public String name() { return "problem"; }
    }

    /**
     * A session ended and its report went to the usage log as record {@code session} (null when it
     * could not be written); the web app names that id when it sends the pain score after it.
     */
    record SessionEnded(SessionReport report, String session) implements HostEvent {
        public String name() { return "sessionEnded"; }
    }
}
