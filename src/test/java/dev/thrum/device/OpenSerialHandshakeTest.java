package dev.thrum.device;

import dev.thrum.store.ProfileLibraryLoader;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.Codecs;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.transport.sim.SimulatedMassager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Thrum speaks version 2 to a version 2 device and falls back to version 1 with no harm, and its
 * keepalives feed the device's watchdog even though status polls do not (docs/open-serial-protocol.md).
 * Virtual time; the simulated device is the open-serial profile run backward.
 */
class OpenSerialHandshakeTest {

    private DeviceProfile profile = new ProfileLibraryLoader().load(List.of()).require("thrum-open-serial");
    private final Codec codec = Codecs.forProfile(profile);
    private final ManualScheduler sched = new ManualScheduler();
    private final List<DeviceEvent> events = new ArrayList<>();
    private SimulatedMassager sim;
    private DeviceSession session;

    private void start(int deviceVersion) throws Exception {
        FakeTransport t = new FakeTransport(sched::nanoTime, false);
        sim = new SimulatedMassager(profile, codec, sched.clock(), SimulatedMassager.Input.FRAMES, t::deliver);
        sim.speakProtocol(deviceVersion);
        t.attach(sim::onBytesFromHost);
        session = new DeviceSession(t, codec, profile, events::add, sched, sched.clock());
        session.start();
    }

    private void run(long ms) {
        for (long i = 0; i < ms / 10; i++) { sched.advanceMillis(10); sim.tick(); }
    }

    @Test
    void aVersion2DeviceAnswersHelloAndGetsVersion2Frames() throws Exception {
        start(2);
        run(100);
        assertEquals(new DeviceCommand.Hello(2), sim.receivedCommands().get(0), "HELLO is the first frame");
        assertEquals(2, session.protocolVersion());
        assertTrue(sim.protocolNegotiated());
        run(1000);
        assertEquals(1, sim.receivedCommands().stream().filter(DeviceCommand.Hello.class::isInstance).count(),
                "no HELLO after INFO came");
        assertTrue(sim.receivedCommands().stream().noneMatch(DeviceCommand.VersionRequest.class::isInstance));
        session.close();
    }

    @Test
    void aVersion1DeviceIgnoresHelloAndThrumCarriesOnInVersion1() throws Exception {
        start(1);
        session.setSpeed(1);
        run(1500);
        List<DeviceCommand> got = sim.receivedCommands();
        assertEquals(3, got.stream().filter(DeviceCommand.Hello.class::isInstance).count(), "three tries: " + got);
        assertEquals(1, got.stream().filter(DeviceCommand.VersionRequest.class::isInstance).count(), "then GET_VERSION once: " + got);
        assertNull(session.protocolVersion());
        assertEquals(1, sim.commandedSpeed(), "the motor was driven all along");
        assertTrue(session.linkUp());
        assertEquals(0, session.counters().rejectedFrames(), "a version 1 device sent nothing Thrum could not read");
        session.close();
    }

    /**
     * A steady speed for 10 s: no SET_SPEED, only polls and keepalives; the watchdog must not fire,
     * even when polls come more often than half the keepalive period (they do not count as feeding).
     */
    @Test
    void keepalivesFeedTheWatchdogWhilePollsGoOn() throws Exception {
        var p = profile;
        profile = new DeviceProfile(p.id(), p.name(), p.models(), p.source(), p.match(), p.ble(), p.serial(), p.output(),
                new DeviceProfile.Pacing(20, 1000, 400, 3000), p.commands(), p.status(), p.codec(), p.origin());
        start(2);
        session.setSpeed(5);
        run(10_000);
        assertTrue(sim.running(), "the device's watchdog stopped the motor under a live host");
        long pings = sim.receivedCommands().stream().filter(DeviceCommand.Keepalive.class::isInstance).count();
        assertTrue(pings >= 9, "a PING at least once a second: " + pings);
        session.close();
        assertFalse(sim.running());
    }
}
