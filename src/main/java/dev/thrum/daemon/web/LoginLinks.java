package dev.thrum.daemon.web;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One-time login codes for the browser: {@code thrum open} asks for one with the bearer token and
 * opens {@code /login?code=...}. A code works once and only for a short time, so a link that leaks
 * (shell history, a screenshot, the browser's history) is worthless by the time anyone sees it.
 */
public final class LoginLinks {
    /** Default life of a code: long enough for a slow browser start, short enough to be useless when leaked. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    /** Codes nobody redeemed are dropped beyond this many, oldest first. */
    static final int MAX_OUTSTANDING = 16;
    private static final int BYTES = 24;

    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Instant> outstanding = new LinkedHashMap<>();

    public LoginLinks(Clock clock, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(DEFAULT_TTL) > 0)
            throw new IllegalArgumentException("a login code lives more than 0 s and at most 60 s, not " + ttl);
        this.clock = clock;
        this.ttl = ttl;
    }

    public Duration ttl() { return ttl; }

    /** A fresh code, valid once until {@link #ttl()} has passed. */
    public synchronized String issue() {
        byte[] bytes = new byte[BYTES];
        Randomness.SOURCE.nextBytes(bytes);
        String code = HexFormat.of().formatHex(bytes);
        outstanding.put(code, clock.instant().plus(ttl));
        while (outstanding.size() > MAX_OUTSTANDING) {
            Iterator<String> oldest = outstanding.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return code;
    }

    /** True once for a code that was issued and has not expired; the code is gone afterwards either way. */
    public synchronized boolean redeem(String code) {
        if (code == null) return false;
        Instant now = clock.instant();
        outstanding.values().removeIf(expiry -> !now.isBefore(expiry));
        String match = null;
        for (String candidate : outstanding.keySet()) {
            // constant time per comparison: timing must not tell how much of a guess was right
            if (MessageDigest.isEqual(candidate.getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII)))
                match = candidate;
        }
        if (match == null) return false;
        outstanding.remove(match);
        return true;
    }
}
