package dev.thrum.engine;

/** The engine's life cycle. */
public enum SessionState { NOT_STARTED, RUNNING, PAUSED, FINISHED }
