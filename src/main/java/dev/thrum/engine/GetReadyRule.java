package dev.thrum.engine;

import dev.thrum.program.PlannedStep;
import dev.thrum.program.Side;

import java.util.Objects;

/**
 * The "get ready" moments a person notices without looking at the screen: a few seconds with the
 * motor still before it first starts, before each new region, and (shorter) to move the gun when
 * only the side changes. The engine holds the step there, then ramps up from the lowest running
 * value. This class decides which moment a step needs; the engine keeps the time.
 */
final class GetReadyRule {

    private String lastRegion;
    private Side lastSide;

    /**
     * The moment needed before {@code step} begins, or null for none (a rest, or the same region
     * and side as the last treated step, as after a rest between two passes). Remembers the step.
     */
    ReadyKind before(PlannedStep step) {
        if (step.rest()) return null;
        ReadyKind kind;
        if (lastRegion == null) kind = ReadyKind.START;
        else if (!lastRegion.equals(step.regionId())) kind = ReadyKind.REGION;
        else if (!Objects.equals(lastSide, step.side())) kind = ReadyKind.SIDE;
        else kind = null;
        lastRegion = step.regionId();
        lastSide = step.side();
        return kind;
    }

    /** A countdown in progress: its kind and the wall time (engine clock) at which it ends. */
    record Countdown(ReadyKind kind, long endsAtMs) {
        long leftMs(long nowMs) { return Math.max(0, endsAtMs - nowMs); }
    }
}
