package dev.thrum.engine;

/**
 * A ramp towards the lowest running value over active time, begun from the level {@code from},
 * after which the session pauses ({@code pauseAfter}) or, when that is null, finishes at the
 * session ceiling. Battery floor, too much pressure and the ceiling all end this way, never abruptly.
 */
record WindDown(long startActiveMs, double from, long durationMs, PauseReason pauseAfter) {

    /** Whether the session finishes (rather than pauses) when this ends. */
    boolean finishes() { return pauseAfter == null; }

    long endsAtActiveMs() { return startActiveMs + durationMs; }

    /** The highest level allowed at {@code activeMs}: falls evenly from {@code from} to 0. */
    double level(long activeMs) {
        if (durationMs <= 0) return 0;
        double done = (activeMs - startActiveMs) / (double) durationMs;
        return from * Math.max(0, 1 - done);
    }
}
