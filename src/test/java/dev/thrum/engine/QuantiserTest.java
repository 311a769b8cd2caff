package dev.thrum.engine;

import dev.thrum.profile.OutputRange;
import dev.thrum.protocol.DeviceCommand;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuantiserTest {

    private static Optional<DeviceCommand> speed(int v) { return Optional.of(new DeviceCommand.SetSpeed(v)); }

    @Test
    void startsLowRoundsDownClipsToTheCapAndKeepsTheGap() {
        Quantiser q = new Quantiser(new OutputRange.Continuous("rpm", 0, 1000, 2000), 50);
        assertEquals(speed(1000), q.run(0.5, 0.6, 0, false), "from stopped: the lowest running value first");
        assertEquals(Optional.empty(), q.run(0.5, 0.6, 49, false), "inside the gap");
        assertEquals(speed(1500), q.run(0.5, 0.6, 50, false));
        assertEquals(Optional.empty(), q.run(0.5, 0.6, 200, false), "no change, nothing sent");
        assertEquals(speed(1600), q.run(0.9, 0.6, 250, false), "never above the cap");
        assertEquals(speed(1599), q.run(0.5999, 0.6, 300, false), "rounds down");
        assertEquals(Optional.of(new DeviceCommand.Stop()), q.stop(310));
        assertEquals(Optional.empty(), q.stop(320));
        assertEquals(speed(1000), q.run(0.5, 0.6, 330, false));
        q.forget();
        assertEquals(Optional.of(new DeviceCommand.Stop()), q.stop(400), "unknown state: stop is sent");
    }

    @Test
    void aCapThatAllowsNoRunningStops() {
        Quantiser q = new Quantiser(new OutputRange.Continuous("rpm", 0, 1000, 2000), 50);
        assertEquals(Optional.of(new DeviceCommand.Stop()), q.run(0.5, 0.0, 0, false));
    }
}
