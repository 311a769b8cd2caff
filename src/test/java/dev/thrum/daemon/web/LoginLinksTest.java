package dev.thrum.daemon.web;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginLinksTest {
    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(java.time.ZoneId zone) { return this; }

        @Override public Instant instant() { return now; }
    }

    final HandClock clock = new HandClock();
    final LoginLinks links = new LoginLinks(clock, Duration.ofSeconds(60));

    @Test
    void a_code_works_once() {
        String code = links.issue();
        assertTrue(links.redeem(code));
        assertFalse(links.redeem(code), "the second use");
    }

    @Test
    void a_code_expires_after_its_time_to_live() {
        String late = links.issue();
        String inTime = links.issue();
        clock.now = clock.now.plusSeconds(59);
        assertTrue(links.redeem(inTime), "59 s after it was issued");
        clock.now = clock.now.plusSeconds(1);
        assertFalse(links.redeem(late), "60 s after it was issued");
    }

    @Test
    void codes_are_long_random_and_unknown_ones_fail() {
        String a = links.issue();
        String b = links.issue();
        assertNotEquals(a, b);
        assertEquals(48, a.length());
        assertFalse(links.redeem(a.substring(0, 47) + (a.charAt(47) == '0' ? '1' : '0')));
        assertFalse(links.redeem(""));
        assertFalse(links.redeem(null));
        assertTrue(links.redeem(a), "a failed guess does not burn the real code");
    }

    @Test
    void only_the_newest_codes_are_kept() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < LoginLinks.MAX_OUTSTANDING + 1; i++) codes.add(links.issue());
        assertFalse(links.redeem(codes.get(0)), "the oldest was dropped");
        assertTrue(links.redeem(codes.get(codes.size() - 1)));
    }

    @Test
    void a_code_never_lives_longer_than_a_minute() {
        assertThrows(IllegalArgumentException.class, () -> new LoginLinks(clock, Duration.ofSeconds(61)));
        assertThrows(IllegalArgumentException.class, () -> new LoginLinks(clock, Duration.ZERO));
    }
}
