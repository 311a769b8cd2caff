package dev.thrum.engine;

/** Where the motor is within the current step, for the live view. */
public enum Phase {
    NOT_STARTED, RAMP_UP, HOLD, RAMP_DOWN, REST,
    /** Climbing back from the lowest running value after a resume or link return. */
    RESUMING,
    /** Ramping down before a battery pause or the session ceiling. */
    WINDING_DOWN,
    PAUSED, FINISHED
}
