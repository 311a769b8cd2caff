package dev.thrum.store;

/** Lets tests in other packages reuse the valid test profile text. */
public final class MalformedProfileTestAccess {
    private MalformedProfileTestAccess() {}

    public static String valid() { return MalformedProfileTest.VALID; }
}
