package dev.thrum.transport;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconnectBackoffTest {

    @Test
    void theDefaultDoublesFromAQuarterSecondToFiveSeconds() {
        List<Long> waits = new ArrayList<>();
        Duration w = ReconnectBackoff.DEFAULT.first();
        for (int i = 0; i < 8; i++) {
            waits.add(w.toMillis());
            w = ReconnectBackoff.DEFAULT.after(w);
        }
        assertEquals(List.of(250L, 500L, 1000L, 2000L, 4000L, 5000L, 5000L, 5000L), waits);
    }

    @Property
    void waitsNeverShrinkAndNeverPassTheCeiling(@ForAll @IntRange(min = 1, max = 10_000) int firstMs,
                                                 @ForAll @IntRange(min = 0, max = 100_000) int extraMs) {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofMillis(firstMs), Duration.ofMillis(firstMs + extraMs));
        Duration w = b.first();
        for (int i = 0; i < 40; i++) {
            Duration next = b.after(w);
            assertTrue(next.compareTo(w) >= 0, "shrank: " + w + " -> " + next);
            assertTrue(next.compareTo(b.ceiling()) <= 0, "above the ceiling: " + next);
            w = next;
        }
        assertEquals(b.ceiling(), w, "never reached the ceiling");
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReconnectBackoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
