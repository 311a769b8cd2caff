package dev.thrum.transport.sim;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Whatever the host sends and however time passes, the simulated motor stays physical and its status tells the truth. */
class SimulatedMassagerPropertyTest {

    @Property(tries = 200)
    void motorStaysPhysicalAndStatusMatchesState(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 200) Integer> speeds,
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 700) Integer> waits) {
        ManualClock clock = new ManualClock();
        FakeCodec codec = FakeCodec.full();
        List<byte[]> out = new ArrayList<>();
        DeviceProfile p = FakeProfiles.continuous(new DeviceProfile.Pacing(0, 0, 0, 0));
        SimulatedMassager sim = new SimulatedMassager(p, codec, clock, SimulatedMassager.Input.FRAMES, out::add);
        double battery = sim.battery();
        for (int i = 0; i < speeds.size(); i++) {
            int v = speeds.get(i);
            DeviceCommand c = v < 50 ? new DeviceCommand.Stop() : new DeviceCommand.SetSpeed(v);
            double before = sim.actualSpeed();
            sim.onBytesFromHost(codec.encode(c));
            int target = sim.commandedSpeed();
            clock.advanceMillis(i < waits.size() ? waits.get(i) : 10);
            sim.onBytesFromHost(codec.encode(new DeviceCommand.StatusRequest()));
            double now = sim.actualSpeed();
            assertTrue(now >= Math.min(before, target) - 1e-9 && now <= Math.max(before, target) + 1e-9,
                    "moves toward the command without overshoot: " + before + " -> " + now + " target " + target);
            assertEquals(target != 0, sim.running());
            assertTrue(sim.battery() <= battery && sim.battery() >= 0);
            battery = sim.battery();
            DeviceStatus decoded = ((DecodeResult.Decoded<DeviceStatus>) codec.decodeStatus(out.get(out.size() - 1))).value();
            DeviceStatus state = sim.status();
            assertEquals(state.running(), decoded.running());
            assertEquals(state.speed(), decoded.speed());
            assertEquals(state.battery(), decoded.battery());
            assertEquals(state.force(), decoded.force());
        }
    }
}
