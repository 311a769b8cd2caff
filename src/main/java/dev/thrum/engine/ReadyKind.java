package dev.thrum.engine;

import java.util.Locale;

/** Why a get-ready countdown runs: the first start, a new region, or the other side of the same region. */
public enum ReadyKind {
    START, REGION, SIDE;

    /** The word used on the API and in the log: {@code start}, {@code region}, {@code side}. */
    @Override
    public String toString() { return name().toLowerCase(Locale.ROOT); }
}
