package dev.thrum.engine;

import dev.thrum.engine.pressure.PressureAdvice;
import dev.thrum.pressure.ForceRange;
import dev.thrum.pressure.PressureBand;
import dev.thrum.program.Side;
import dev.thrum.protocol.DeviceCommand;

import java.time.Duration;
import java.time.Instant;

/**
 * What happened in a session, for the live view and the log. The engine queues these in order;
 * the caller takes them with {@link SessionEngine#drainEvents()}. {@code at} is the session time
 * the engine decided it (for events found while catching up in a late tick, the exact moment they
 * fell due, not the time of the tick).
 */
public sealed interface EngineEvent {

    Instant at();

    record Started(Instant at, String programId, String programName, String clientName, int stepCount,
                   Duration plannedDuration) implements EngineEvent {}

    record StepStarted(Instant at, int index, String regionId, String regionName, Side side, boolean rest,
                       String cue, Duration duration, double target, double cap) implements EngineEvent {}

    /** @param activeSeconds the active time of this visit of the step (a step run twice via PREVIOUS reports each visit) */
    record StepFinished(Instant at, int index, String regionId, Side side, double activeSeconds,
                        boolean skipped) implements EngineEvent {}

    /**
     * A get-ready countdown began before step {@code index}: the motor is still for {@code seconds}
     * (unless skipped), then ramps up from the lowest running value. Follows that step's StepStarted.
     */
    record GetReady(Instant at, int index, int seconds, ReadyKind kind) implements EngineEvent {}

    record Paused(Instant at, PauseReason reason) implements EngineEvent {}

    record Resumed(Instant at) implements EngineEvent {}

    /**
     * One softer or harder press. {@code limited} is true when the press hit the floor (lowest running
     * value) or the step's cap and so changed less than a full step, or nothing. A caller that
     * remembers softness per region and client stores {@code newTarget} for {@code regionId}.
     */
    record Adjusted(Instant at, Direction direction, int stepIndex, String regionId, Side side,
                    String clientName, double newTarget, boolean limited) implements EngineEvent {}

    record Warning(Instant at, WarningCode code, String message) implements EngineEvent {}

    record LinkChanged(Instant at, boolean up) implements EngineEvent {}

    /** A command the engine handed to the caller to send; lets a log or test see each one with its step. */
    record Commanded(Instant at, int stepIndex, DeviceCommand command) implements EngineEvent {}

    record Finished(Instant at, Outcome outcome) implements EngineEvent {}

    /**
     * The pressure advice changed (press lighter, hold, a little harder, no reading).
     *
     * @param newtons the reading it was based on, null when there is none
     * @param wanted  the band wanted at that moment in newtons, null for a device without a force scale
     */
    record PressureAdvised(Instant at, int stepIndex, String regionId, PressureBand band, PressureAdvice advice,
                           Double newtons, ForceRange wanted) implements EngineEvent {}

    enum Direction { SOFTER, HARDER }
}
