package dev.thrum.device;

import dev.thrum.store.ProfileLibraryLoader;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.Codecs;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import dev.thrum.transport.sim.SimTransport;
import dev.thrum.transport.sim.SimulatedMassager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.*;

/** The device session driving the simulator of every shipped profile, through the real codec. */
class ShippedProfilesSessionTest {

    static List<DeviceProfile> shipped() {
        return List.copyOf(new ProfileLibraryLoader().load(List.of()).profiles().values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void rampStopAndCloseOnVirtualTime(DeviceProfile p) throws Exception {
        ManualScheduler sched = new ManualScheduler();
        Codec codec = Codecs.forProfile(p);
        List<DeviceEvent> events = new ArrayList<>();
        FakeTransport t = new FakeTransport(sched::nanoTime, false);
        SimulatedMassager sim = new SimulatedMassager(p, codec, sched.clock(), SimulatedMassager.Input.FRAMES, t::deliver);
        t.attach(sim::onBytesFromHost);
        DeviceSession s = new DeviceSession(t, codec, p, events::add, sched, sched.clock());
        s.start();
        int low = p.output().lowestRunning(), high = p.output().highest();
        s.setSpeed(low);
        sched.advanceMillis(100);
        assertEquals(low, sim.commandedSpeed());
        s.setSpeed(p.output().valueFor(0.5));
        s.setSpeed(high);
        for (int i = 0; i < 300; i++) { sched.advanceMillis(10); sim.tick(); } // streamed status needs ticks
        assertEquals(high, sim.commandedSpeed());
        assertTrue(s.linkUp());
        List<DeviceStatus> statuses = events.stream().filter(DeviceEvent.StatusReceived.class::isInstance)
                .map(e -> ((DeviceEvent.StatusReceived) e).status()).toList();
        if (!p.status().isEmpty()) assertFalse(statuses.isEmpty(), p.id() + " reported no status");
        statuses.stream().filter(st -> st.speed() != null)
                .forEach(st -> assertTrue(st.speed() <= high, p.id() + " reported " + st));
        s.close();
        assertFalse(sim.running());
        var rec = sim.received();
        assertEquals(new DeviceCommand.Stop(), rec.get(rec.size() - 1).command().orElseThrow());
        assertTrue(rec.stream().allMatch(f -> f.command().isPresent()), "every frame decoded: " + rec);
        assertEquals(0, s.counters().rejectedFrames());
    }

    @Test
    void theragunOverTheSimTransportOnRealThreads() throws Exception {
        DeviceProfile p = new ProfileLibraryLoader().load(List.of()).require("theragun-gen4");
        Codec codec = Codecs.forProfile(p);
        BlockingQueue<DeviceEvent> events = new LinkedBlockingQueue<>();
        SimTransport transport = SimTransport.of(p, Clock.systemUTC());
        try (DeviceSession s = new DeviceSession(transport, codec, p, events::add)) {
            s.start();
            s.setSpeed(1750);
            DeviceEvent.StatusReceived st = DeviceSessionThreadsTest.awaitStatus(events, 1750);
            assertEquals(Boolean.TRUE, st.status().running());
            s.stopNow();
        }
        assertFalse(transport.massager().running());
        assertEquals(new DeviceCommand.Stop(), transport.massager().receivedCommands()
                .get(transport.massager().receivedCommands().size() - 1));
    }
}
