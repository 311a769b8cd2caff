package dev.thrum.transport;

import dev.thrum.transport.ble.BleTimeouts;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one backoff both adapters use: counted by attempt (BLE) or step by step (serial), the waits are the same. */
class ReconnectBackoffSharedTest {

    @Test
    void attemptNumbersGiveTheDefaultSequence() {
        assertEquals(List.of(250L, 500L, 1000L, 2000L, 4000L, 5000L, 5000L, 5000L),
                IntStream.range(0, 8).mapToObj(i -> ReconnectBackoff.DEFAULT.before(i).toMillis()).toList());
    }

    @Test
    void bleDefaultsWaitExactlyAsTheSerialAdapterDoes() {
        BleTimeouts ble = BleTimeouts.defaults();
        assertEquals(ReconnectBackoff.DEFAULT, ble.reconnectBackoff());
        for (int i = 0; i < 40; i++) assertEquals(ReconnectBackoff.DEFAULT.before(i), ble.backoff(i), "attempt " + i);
    }

    @Test
    void aVeryLateAttemptStillWaitsTheCeilingWithoutOverflowing() {
        assertEquals(Duration.ofSeconds(5), ReconnectBackoff.DEFAULT.before(Integer.MAX_VALUE));
    }

    @Property
    void countingAttemptsAndDoublingStepByStepAgree(@ForAll @IntRange(min = 1, max = 10_000) int firstMs,
                                                     @ForAll @IntRange(min = 0, max = 100_000) int extraMs) {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofMillis(firstMs), Duration.ofMillis(firstMs + extraMs));
        Duration stepwise = b.first();
        for (int attempt = 0; attempt < 40; attempt++) {
            assertEquals(stepwise, b.before(attempt), "attempt " + attempt);
            stepwise = b.after(stepwise);
        }
    }
}
