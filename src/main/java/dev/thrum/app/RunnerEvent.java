package dev.thrum.app;

import dev.thrum.device.DeviceEvent;
import dev.thrum.engine.EngineEvent;
import dev.thrum.engine.SessionReport;
import dev.thrum.usage.SessionRecord;

/** What a {@link SessionRunner} tells its listeners: engine and device events, problems, and the end. */
public sealed interface RunnerEvent {

    record Engine(EngineEvent event) implements RunnerEvent {}

    record Device(DeviceEvent event) implements RunnerEvent {}

    /** Something went wrong that the user should hear about, but the session goes on (or already stopped). */
    record Problem(String message) implements RunnerEvent {}

    /** The session is over and logged; {@code record} is null when the log could not be written. */
    record Ended(SessionReport report, SessionRecord record) implements RunnerEvent {}
}
