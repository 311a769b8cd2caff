package dev.thrum.engine;

/** What the user can ask of a running session (keys in the live view, buttons in a UI). */
public enum Control {
    PAUSE, RESUME, SKIP, PREVIOUS, STOP, SOFTER, HARDER,
    /** End a get-ready countdown now (nothing when none runs). */
    SKIP_COUNTDOWN
}
