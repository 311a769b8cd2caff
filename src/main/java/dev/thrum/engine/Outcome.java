package dev.thrum.engine;

/** How a session ended. */
public enum Outcome { COMPLETED, STOPPED_BY_USER, STOPPED_BY_LIMIT, LINK_LOST, INTERRUPTED }
