package dev.thrum.fhir;

import java.time.Duration;

/**
 * How long to keep trying a server that answers "later" (503, 429, 502, 504) or cannot be reached:
 * exponential backoff from {@code first}, doubling up to {@code max}, at most {@code attempts} tries
 * per bundle. A Retry-After the server sends is honoured up to {@code max}.
 */
public record RetryPolicy(int attempts, Duration first, Duration max) {
    /** About a minute and a half of patience per bundle before the sync stops and keeps the rest queued. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(30));

    public RetryPolicy {
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
    }

    /** The wait before try number {@code attempt + 1} (attempt counts from 1). */
    public Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) return retryAfter.compareTo(max) > 0 ? max : retryAfter;
        long ms = first.toMillis() << Math.min(attempt - 1, 20);
        return ms > max.toMillis() ? max : Duration.ofMillis(ms);
    }
}
