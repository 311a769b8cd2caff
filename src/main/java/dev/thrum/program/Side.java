package dev.thrum.program;

/** Which side of the body a step treats. NONE for midline regions (and rests). */
public enum Side { LEFT, RIGHT, NONE }
