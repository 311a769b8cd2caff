package dev.thrum.transport.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Ways to make the simulated open-serial device break one rule of docs/open-serial-protocol.md on
 * purpose, so the conformance check can be shown to catch each one ({@code thrum simulate --fault}).
 */
public enum OpenSerialFault {
    /** Refused frames get no NAK (device rule 2). */
    NO_NAK,
    /** SET_SPEED above 100 is clamped to 100 instead of refused (device rule 2). */
    CLAMP_SPEED,
    /** A frame that comes less than 20 ms after the previous one is dropped, STOP included (device rule 4). */
    DROP_FRAMES_IN_GAP,
    /** GET_STATUS feeds the watchdog, so host polling keeps the motor running (device rule 7). */
    POLLS_FEED_WATCHDOG,
    /** No watchdog at all (device rule 7). */
    NO_WATCHDOG,
    /** Unprompted STATUS every 10 ms while running (device rule 6). */
    CHATTY,
    /** A started frame waits forever for its bytes (Receiving frames, step 3). */
    NO_INTER_BYTE_TIMEOUT,
    /** Answers take 250 ms (device rule 1). */
    SLOW_ANSWERS;

    /** The spelling on the command line: {@code no-nak}. */
    public String spelling() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** @throws IllegalArgumentException naming the known faults */
    public static OpenSerialFault parse(String text) {
        for (OpenSerialFault f : values()) if (f.spelling().equalsIgnoreCase(text.trim())) return f;
        throw new IllegalArgumentException("unknown fault '" + text + "'; known faults: " + spellings());
    }

    public static String spellings() {
        return Arrays.stream(values()).map(OpenSerialFault::spelling).collect(Collectors.joining(", "));
    }
}
