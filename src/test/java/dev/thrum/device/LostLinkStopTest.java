package dev.thrum.device;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.transport.LinkState;
import dev.thrum.transport.TransportException;
import dev.thrum.transport.sim.FakeCodec;
import dev.thrum.transport.sim.FakeProfiles;
import dev.thrum.transport.sim.SimulatedMassager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A device that goes silent may still hear us, and our own polling may keep its watchdog from
 * stopping the motor: while the link is lost the session keeps writing stop, one every gap.
 */
class LostLinkStopTest {

    static final long MS = 1_000_000;
    static final DeviceCommand STOP = new DeviceCommand.Stop();
    static final DeviceCommand STATUS = new DeviceCommand.StatusRequest();

    final ManualScheduler sched = new ManualScheduler();
    final FakeCodec codec = FakeCodec.full();
    final List<DeviceEvent> events = new ArrayList<>();

    /** Set by {@link #start}: the fake transport, the simulated massager on it, and the session. */
    FakeTransport t;
    SimulatedMassager sim;
    DeviceSession s;

    /** A started session on manual time, over a fake transport to a simulated massager that obeys frames. */
    void start(DeviceProfile.Pacing pacing) throws TransportException {
        t = new FakeTransport(sched::nanoTime, false);
        DeviceProfile p = FakeProfiles.continuous(pacing);
        sim = new SimulatedMassager(p, codec, sched.clock(), SimulatedMassager.Input.FRAMES, t::deliver);
        t.attach(sim::onBytesFromHost);
        s = new DeviceSession(t, codec, p, events::add, sched, sched.clock());
        s.start();
        sched.runDue();
    }

    /** After 100 ms of normal talk the device falls silent, and 500 ms later the session calls the link lost. */
    void silentUntilLost() {
        sched.advanceMillis(100);
        sim.stopAnswering();
        sched.advanceMillis(500);
        assertFalse(s.linkUp());
    }

    DeviceCommand decode(FakeTransport.Write w) {
        return ((DecodeResult.Decoded<DeviceCommand>) codec.decodeCommand(w.bytes())).value();
    }

    long lostAtNanos() {
        DeviceEvent.LinkLost lost = events.stream().filter(DeviceEvent.LinkLost.class::isInstance)
                .map(DeviceEvent.LinkLost.class::cast).findFirst().orElseThrow(() -> new AssertionError("no LinkLost: " + events));
        return java.time.Duration.between(sched.clock().instant().minusNanos(sched.nanoTime()), lost.at()).toNanos();
    }

    @Test
    void aSilentDeviceGetsStopWithinOneGapAndAgainEveryGapWhileStatusRequestsGoOn() throws Exception {
        start(new DeviceProfile.Pacing(60, 0, 200, 500));
        s.setSpeed(150);
        sched.advanceMillis(300);
        s.setSpeed(170); // mid-ramp
        sched.advanceMillis(100);
        assertEquals(170, sim.commandedSpeed());

        sim.stopAnswering(); // hears and obeys, says nothing
        int before = t.writes().size();
        sched.advanceMillis(1500);
        assertFalse(s.linkUp());
        long lostAt = lostAtNanos();
        List<FakeTransport.Write> after = t.writes().subList(before, t.writes().size());
        FakeTransport.Write firstStop = after.stream().filter(w -> decode(w).equals(STOP)).findFirst()
                .orElseThrow(() -> new AssertionError("no stop was written after the link was lost: " + after.stream().map(this::decode).toList()));
        assertTrue(firstStop.nanos() >= lostAt && firstStop.nanos() - lostAt <= 60 * MS,
                "first stop " + (firstStop.nanos() - lostAt) / MS + " ms after the loss; the gap is 60 ms");
        assertEquals(0, sim.commandedSpeed(), "the silent device obeyed the stop");

        List<FakeTransport.Write> sinceLoss = after.stream().filter(w -> w.nanos() >= lostAt).toList();
        assertTrue(sinceLoss.stream().map(this::decode).allMatch(c -> c.equals(STOP) || c.equals(STATUS)),
                "nothing but stops and status requests while lost: " + sinceLoss.stream().map(this::decode).toList());
        assertTrue(sinceLoss.stream().map(this::decode).anyMatch(STATUS::equals), "status requests still go out");
        for (int i = 1; i < sinceLoss.size(); i++) {
            long gap = sinceLoss.get(i).nanos() - sinceLoss.get(i - 1).nanos();
            assertTrue(gap >= 60 * MS, "writes " + gap / MS + " ms apart, closer than the gap");
            assertTrue(gap <= 61 * MS, "a silent stretch of " + gap / MS + " ms while the link is lost");
        }

        s.setSpeed(190); // a speed asked for while lost never goes out
        sim.resumeAnswering();
        sched.advanceMillis(300);
        assertTrue(s.linkUp());
        int restoredAt = t.writes().size();
        sched.advanceMillis(1000);
        assertTrue(t.writes().subList(restoredAt, t.writes().size()).stream().map(this::decode).allMatch(STATUS::equals),
                "once the link is back the repeated stops end");
        assertEquals(0, sim.commandedSpeed());
    }

    @Test
    void whileTheTransportIsDownNothingIsTriedAndStopsStartAgainWhenItComesBack() throws Exception {
        start(new DeviceProfile.Pacing(50, 0, 1000, 3000));
        s.setSpeed(120);
        sched.advanceMillis(100);
        sim.stopAnswering();
        t.setLink(LinkState.DOWN);
        int before = t.writes().size();
        sched.advanceMillis(2000);
        assertEquals(before, t.writes().size(), "nothing is written to a transport that is down");
        assertEquals(0, s.counters().writeFailures());

        t.setLink(LinkState.UP); // the port is back, the device still silent
        sched.advanceMillis(500);
        List<DeviceCommand> since = t.writes().subList(before, t.writes().size()).stream().map(this::decode).toList();
        assertTrue(since.stream().filter(STOP::equals).count() >= 8, "stops resume once the transport is up: " + since);
        assertEquals(0, sim.commandedSpeed());
    }

    @Test
    void aFailingRepeatedStopIsReportedOnceAndTheRepeatsGoOn() throws Exception {
        start(new DeviceProfile.Pacing(50, 0, 100, 300));
        silentUntilLost();
        t.failAlways(true);
        long failuresBefore = s.counters().writeFailures();
        sched.advanceMillis(1000);
        assertTrue(s.counters().writeFailures() - failuresBefore >= 10, "the stops keep being tried");
        List<DeviceEvent.WriteFailed> failed = events.stream().filter(DeviceEvent.WriteFailed.class::isInstance).filter(e -> STOP.equals(((DeviceEvent.WriteFailed) e).command()))
                .map(DeviceEvent.WriteFailed.class::cast).toList();
        assertEquals(1, failed.size(), "reported once, not every gap: " + failed);
        assertEquals(STOP, failed.get(0).command());
        assertTrue(failed.get(0).reason().contains("while the link is lost"), failed.get(0).reason());
    }

    @Test
    void withoutAGapTheRepeatsAreStillPaced() throws Exception {
        start(new DeviceProfile.Pacing(0, 0, 100, 300));
        silentUntilLost();
        assertEquals(DeviceSession.HOLD_STILL_MIN_MS, s.holdStillEveryMs());
        int before = t.writes().size();
        sched.advanceMillis(1000);
        long stops = t.writes().subList(before, t.writes().size()).stream().map(this::decode).filter(STOP::equals).count();
        assertTrue(stops >= 18 && stops <= 20, stops + " stops in a second, expected one every 50 ms");
    }
}
