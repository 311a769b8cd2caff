package dev.thrum.conformance;

/** The checker's own waits, chosen around the document's limits. */
final class OpenSerialTimeouts {
    private OpenSerialTimeouts() {}

    /** Silence after a stray byte: past the document's 50 ms inter-byte timeout, with room for jitter. */
    static final long AFTER_STRAY_MS = 120;
    /** The document's watchdog. */
    static final long WATCHDOG_MS = 3000;
    /** How long the checker gives a watchdog to act, past its 3 s. */
    static final long WATCHDOG_GRACE_MS = 700;
}
