package dev.thrum.engine;

/** Where the motor is within the current step, for the live view. */
public enum Phase {
    NOT_STARTED,
    /** A get-ready countdown: the motor is still and about to start. */
    GET_READY,
    RAMP_UP, HOLD, RAMP_DOWN, REST,
    /** Climbing back from the lowest running value after a resume or link return. */
    RESUMING,
    /** Ramping down before a battery pause or the session ceiling. */
    WINDING_DOWN,
    PAUSED, FINISHED
}
