package dev.thrum.program;

/** The side a program step names; BOTH expands into a left step then a right step when planned. */
public enum SideChoice {
    LEFT, RIGHT, BOTH, NONE;

    public String key() { return name().toLowerCase(); }
}
