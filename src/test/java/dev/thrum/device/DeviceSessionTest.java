package dev.thrum.device;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import dev.thrum.transport.LinkState;
import dev.thrum.transport.TransportException;
import dev.thrum.transport.sim.FakeCodec;
import dev.thrum.transport.sim.FakeProfiles;
import dev.thrum.transport.sim.SimulatedMassager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.*;

/** The write queue, pacing, stop, polling and link watching, on virtual time (fully deterministic). */
class DeviceSessionTest {

    static final long MS = 1_000_000;
    static final DeviceCommand.Stop STOP = new DeviceCommand.Stop();
    static final DeviceCommand STATUS = new DeviceCommand.StatusRequest();

    final ManualScheduler sched = new ManualScheduler();
    final FakeCodec codec = FakeCodec.full();
    final List<DeviceEvent> events = new ArrayList<>();

    FakeTransport transport(boolean stream) { return new FakeTransport(sched::nanoTime, stream); }

    DeviceSession start(DeviceProfile profile, FakeTransport t) throws TransportException {
        return start(profile, t, codec);
    }

    DeviceSession start(DeviceProfile profile, FakeTransport t, FakeCodec c) throws TransportException {
        DeviceSession s = new DeviceSession(t, c, profile, events::add, sched, sched.clock());
        s.start();
        sched.runDue();
        return s;
    }

    static DeviceProfile.Pacing pacing(int gap, int keepalive, int poll, int timeout) {
        return new DeviceProfile.Pacing(gap, keepalive, poll, timeout);
    }

    List<DeviceCommand> written(FakeTransport t) {
        List<DeviceCommand> out = new ArrayList<>();
        for (var w : t.writes()) out.add(((DecodeResult.Decoded<DeviceCommand>) codec.decodeCommand(w.bytes())).value());
        return out;
    }

    SimulatedMassager attachSim(FakeTransport t, DeviceProfile p) {
        SimulatedMassager sim = new SimulatedMassager(p, codec, sched.clock(), SimulatedMassager.Input.FRAMES, t::deliver);
        t.attach(sim::onBytesFromHost);
        return sim;
    }

    <T extends DeviceEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void writesAreNeverCloserThanTheMinimumGap() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = start(FakeProfiles.continuous(pacing(50, 0, 0, 0)), t);
        s.setSpeed(60);
        s.send(new DeviceCommand.VersionRequest());
        s.send(new DeviceCommand.BatteryRequest());
        s.send(STATUS);
        sched.advanceMillis(7);
        s.setSpeed(70);
        sched.advanceMillis(1000);
        List<FakeTransport.Write> w = t.writes();
        assertEquals(5, w.size(), written(t).toString());
        assertEquals(0, w.get(0).nanos(), "the first command goes out at once");
        for (int i = 1; i < w.size(); i++)
            assertTrue(w.get(i).nanos() - w.get(i - 1).nanos() >= 50 * MS, "gap " + i + ": " + (w.get(i).nanos() - w.get(i - 1).nanos()));
        assertEquals(150 * MS, w.get(3).nanos() , "and no slower than needed");
    }

    @Test
    void aNewerSpeedSupersedesAQueuedOlderOne() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = start(FakeProfiles.continuous(pacing(50, 0, 0, 0)), t);
        s.setSpeed(60);
        sched.runDue();
        s.setSpeed(70);
        s.send(new DeviceCommand.VersionRequest());
        s.setSpeed(80);
        s.setSpeed(90);
        sched.advanceMillis(500);
        assertEquals(List.of(new DeviceCommand.SetSpeed(60), new DeviceCommand.SetSpeed(90), new DeviceCommand.VersionRequest()),
                written(t), "the newest speed takes the queued one's place");
        assertEquals(2, s.counters().superseded());
    }

    @Test
    void stopJumpsTheQueueAndClearsPendingSpeeds() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = start(FakeProfiles.continuous(pacing(50, 0, 0, 0)), t);
        s.setSpeed(60);
        sched.runDue();
        s.send(new DeviceCommand.VersionRequest());
        s.setSpeed(120);
        sched.runDue();
        CompletableFuture<Void> stopped = s.stop();
        sched.runDue();
        assertTrue(stopped.isDone(), "written at once, although the gap after the first write is still running");
        sched.advanceMillis(500);
        assertEquals(List.of(new DeviceCommand.SetSpeed(60), STOP, STOP, new DeviceCommand.VersionRequest()), written(t),
                "the queued speed is gone; the stop is repeated once, before what was queued");
        List<FakeTransport.Write> w = t.writes();
        assertEquals(0, w.get(1).nanos(), "stop does not wait for the gap");
        assertEquals(50 * MS, w.get(2).nanos(), "it came inside the gap, so it is repeated once the gap has passed");
        assertEquals(100 * MS, w.get(3).nanos(), "the rest keeps the gap after the repeat");
    }

    @Test
    void aStopOutsideTheGapIsWrittenOnce() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = start(FakeProfiles.continuous(pacing(50, 0, 0, 0)), t);
        s.setSpeed(60);
        sched.advanceMillis(200);
        CompletableFuture<Void> stopped = s.stop();
        sched.runDue();
        assertTrue(stopped.isDone());
        sched.advanceMillis(1000);
        assertEquals(List.of(new DeviceCommand.SetSpeed(60), STOP), written(t), "no repeat: the stop did not come close");
        assertEquals(200 * MS, t.writes().get(1).nanos());
        assertEquals(2, s.counters().written());
    }

    @Test
    void aSpeedAskedForRightAfterAStopWaitsForTheRepeatAndTheGap() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = start(FakeProfiles.continuous(pacing(50, 0, 0, 0)), t);
        s.setSpeed(60);
        sched.advanceMillis(10);
        s.stop();
        s.setSpeed(70); // a new ramp starting: it must not be cut off by the stop's repeat
        sched.advanceMillis(1000);
        assertEquals(List.of(new DeviceCommand.SetSpeed(60), STOP, STOP, new DeviceCommand.SetSpeed(70)), written(t));
        List<FakeTransport.Write> w = t.writes();
        assertEquals(10 * MS, w.get(1).nanos(), "the stop at once");
        assertEquals(60 * MS, w.get(2).nanos(), "its repeat one gap later");
        assertEquals(110 * MS, w.get(3).nanos(), "the speed one gap after the repeat");
    }

    @Test
    void aRepeatThatFailsIsRetriedLikeAStopWithoutFailingTheStop() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = start(FakeProfiles.continuous(pacing(50, 0, 0, 0)), t);
        s.setSpeed(60);
        sched.runDue();
        CompletableFuture<Void> stopped = s.stop();
        sched.runDue();
        assertTrue(stopped.isDone());
        t.failNextWrites(2);
        sched.advanceMillis(1000);
        assertFalse(stopped.isCompletedExceptionally());
        assertEquals(List.of("connect", "write", "write", "failed write", "failed write", "write"), t.journal);
        assertEquals(List.of(new DeviceCommand.SetSpeed(60), STOP, STOP), written(t));
        assertEquals(150 * MS, t.writes().get(2).nanos(), "tried at 50, 100 and 150 ms");
        assertTrue(eventsOf(DeviceEvent.WriteFailed.class).isEmpty(), "the first copy was written: no failed stop");
    }

    @Test
    void aSpeedEqualToTheStopValueIsAStop() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = start(FakeProfiles.continuous(pacing(50, 0, 0, 0)), t);
        s.setSpeed(100);
        sched.runDue();
        s.send(STATUS);
        s.setSpeed(150);
        s.setSpeed(0);
        sched.advanceMillis(500);
        // the stop went out inside the gap after the speed, hence its repeat
        assertEquals(List.of(new DeviceCommand.SetSpeed(100), STOP, STOP, STATUS), written(t));
    }

    @Test
    void stopIsRetriedWhenTheWriteFails() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = start(FakeProfiles.continuous(pacing(30, 0, 0, 0)), t);
        t.failNextWrites(2);
        CompletableFuture<Void> stopped = s.stop();
        sched.advanceMillis(1000);
        assertTrue(stopped.isDone() && !stopped.isCompletedExceptionally());
        assertEquals(List.of("connect", "failed write", "failed write", "write"), t.journal);
        assertEquals(List.of(STOP), written(t));
        assertEquals(2, s.counters().writeFailures());
    }

    @Test
    void stopFailsDefinitivelyAfterEveryRetryWithTheError() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = start(FakeProfiles.continuous(pacing(0, 0, 0, 0)), t);
        t.failAlways(true);
        CompletableFuture<Void> stopped = s.stop();
        sched.advanceMillis(1000);
        ExecutionException e = assertThrows(ExecutionException.class, stopped::get);
        assertInstanceOf(TransportException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("after 4 attempts"), e.getCause().getMessage());
        assertEquals(4, t.journal.stream().filter("failed write"::equals).count());
        assertEquals(1, eventsOf(DeviceEvent.WriteFailed.class).size());
        TransportException direct = assertThrows(TransportException.class, s::stopNow);
        assertTrue(direct.getMessage().contains("fake: write failed"), direct.getMessage());
    }

    @Test
    void aStopRetriedAfterAFailedWriteWaitsTheGapAndIsNotRepeated() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = start(FakeProfiles.continuous(pacing(40, 0, 0, 0)), t);
        s.setSpeed(100);
        sched.advanceMillis(5);
        t.failNextWrites(1);
        s.stopNow();
        assertEquals(List.of(new DeviceCommand.SetSpeed(100), STOP), written(t));
        assertEquals(45 * MS, sched.nanoTime(), "returned with the retry, one gap after the failed attempt");
        sched.advanceMillis(500);
        assertEquals(List.of("connect", "write", "failed write", "write"), t.journal, "the retry was outside the gap: no repeat");
    }

    @Test
    void stopNowReturnsBeforeTheRepeat() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = start(FakeProfiles.continuous(pacing(40, 0, 0, 0)), t);
        s.setSpeed(100);
        sched.advanceMillis(5);
        s.stopNow();
        assertEquals(List.of(new DeviceCommand.SetSpeed(100), STOP), written(t), "the repeat is not written yet");
        assertEquals(5 * MS, sched.nanoTime(), "stopNow returned at once");
        sched.advanceMillis(100);
        assertEquals(List.of(new DeviceCommand.SetSpeed(100), STOP, STOP), written(t));
        assertEquals(45 * MS, t.writes().get(2).nanos());
    }

    @Test
    void pollsStatusAndReportsItButNeverReportsRejectedFrames() throws Exception {
        FakeTransport t = transport(false);
        DeviceProfile p = FakeProfiles.continuous(pacing(20, 0, 200, 0));
        SimulatedMassager sim = attachSim(t, p);
        DeviceSession s = start(p, t);
        s.setSpeed(150);
        sched.advanceMillis(1000);
        sim.corruptNextFrames(3);
        sched.advanceMillis(1000);
        long requests = written(t).stream().filter(STATUS::equals).count();
        assertEquals(11, requests, "one at start, then every 200 ms");
        List<DeviceStatus> statuses = eventsOf(DeviceEvent.StatusReceived.class).stream().map(DeviceEvent.StatusReceived::status).toList();
        assertEquals(8, statuses.size(), "three corrupted answers are not reported");
        assertEquals(3, s.counters().rejectedFrames());
        assertTrue(statuses.stream().allMatch(st -> st.speed() <= 150 && st.battery() <= 100), statuses.toString());
        assertEquals(150, statuses.get(statuses.size() - 1).speed());
    }

    @Test
    void statusSilenceIsALinkLossAndValidStatusRestoresItWithoutReplayingSpeeds() throws Exception {
        FakeTransport t = transport(false);
        DeviceProfile p = FakeProfiles.continuous(pacing(20, 0, 100, 500));
        SimulatedMassager sim = attachSim(t, p);
        DeviceSession s = start(p, t);
        s.setSpeed(180);
        sched.advanceMillis(1000);
        assertTrue(s.linkUp());
        assertTrue(eventsOf(DeviceEvent.LinkLost.class).isEmpty());

        sim.stopAnswering();
        long silentFrom = sched.millis();
        sched.advanceMillis(400);
        assertTrue(s.linkUp(), "400 ms of silence is within the 500 ms limit");
        sched.advanceMillis(300);
        List<DeviceEvent.LinkLost> lost = eventsOf(DeviceEvent.LinkLost.class);
        assertEquals(1, lost.size());
        assertFalse(s.linkUp());
        assertTrue(lost.get(0).reason().contains("no valid status"), lost.get(0).reason());
        long lostAfter = (lost.get(0).at().toEpochMilli() - sched.clock().instant().toEpochMilli()) + sched.millis() - silentFrom;
        assertTrue(lostAfter > 400 && lostAfter <= 700, "reported " + lostAfter + " ms into the silence");

        int before = t.writes().size();
        s.setSpeed(190); // the engine should not, but if it does, it must not reach the device later
        sched.advanceMillis(300);
        assertTrue(written(t).subList(before, t.writes().size()).stream().allMatch(c -> c.equals(STATUS) || c.equals(STOP)),
                "while the link is lost only status requests and stops go out (see LostLinkStopTest)");

        sim.resumeAnswering();
        sched.advanceMillis(150);
        assertEquals(1, eventsOf(DeviceEvent.LinkRestored.class).size());
        assertTrue(s.linkUp());
        int restoredAt = events.indexOf(eventsOf(DeviceEvent.LinkRestored.class).get(0));
        assertInstanceOf(DeviceEvent.StatusReceived.class, events.get(restoredAt + 1), "restored, then the status that proved it");
        sched.advanceMillis(500);
        assertTrue(written(t).subList(before, t.writes().size()).stream().noneMatch(c -> c instanceof DeviceCommand.SetSpeed),
                "no old speed is replayed after the link comes back");
        assertEquals(1, s.counters().droppedWhileLinkLost());
    }

    @Test
    void transportDownIsALinkLossAndDropsQueuedSpeeds() throws Exception {
        FakeTransport t = transport(false);
        DeviceProfile p = FakeProfiles.continuous(pacing(50, 0, 1000, 3000));
        SimulatedMassager sim = attachSim(t, p);
        DeviceSession s = start(p, t);
        s.setSpeed(100);
        s.setSpeed(110);
        sched.runDue();
        t.setLink(LinkState.DOWN);
        sched.advanceMillis(2000);
        assertEquals(List.of(STATUS), written(t).subList(0, 1));
        assertFalse(written(t).contains(new DeviceCommand.SetSpeed(110)), "the queued speed was dropped");
        assertEquals(1, eventsOf(DeviceEvent.LinkLost.class).size());
        assertTrue(eventsOf(DeviceEvent.LinkLost.class).get(0).reason().contains("link down"));
        int before = t.writes().size();
        t.setLink(LinkState.UP);
        sched.runDue();
        assertEquals(List.of(STATUS), written(t).subList(before, t.writes().size()), "asks for status at once");
        assertEquals(1, eventsOf(DeviceEvent.LinkRestored.class).size(), "the answer restores the link");
        assertEquals(0, sim.commandedSpeed());
    }

    @Test
    void withoutStatusTheTransportAloneDecidesTheLink() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = start(FakeProfiles.continuous(pacing(10, 0, 0, 500)), t);
        sched.advanceMillis(5000);
        assertTrue(s.linkUp(), "no status is expected, so silence is not a loss");
        t.setLink(LinkState.DOWN);
        sched.runDue();
        t.setLink(LinkState.UP);
        sched.runDue();
        assertEquals(List.of(DeviceEvent.LinkLost.class, DeviceEvent.LinkRestored.class),
                events.stream().map(Object::getClass).toList());
    }

    @Test
    void streamTransportsAreCutIntoFramesByTheCodecsReader() throws Exception {
        FakeTransport t = transport(true);
        DeviceSession s = start(FakeProfiles.continuous(pacing(10, 0, 0, 0)), t);
        byte[] a = codec.encodeStatus(new DeviceStatus(true, 120, 5, 80, null, null));
        byte[] b = codec.encodeStatus(new DeviceStatus(false, 0, 0, 79, null, null));
        t.deliver(new byte[]{0x01, 0x02, a[0], a[1], a[2]});
        t.deliver(new byte[]{a[3], a[4], a[5], (byte) 0xEE, b[0], b[1], b[2], b[3], b[4], b[5]});
        sched.runDue();
        List<DeviceStatus> got = eventsOf(DeviceEvent.StatusReceived.class).stream().map(DeviceEvent.StatusReceived::status).toList();
        assertEquals(List.of(new DeviceStatus(true, 120, 5, 80, null, null), new DeviceStatus(false, 0, 0, 79, null, null)), got);
        assertEquals(3, s.counters().discardedBytes());
    }

    @Test
    void keepaliveGoesOutWhenNothingElseWasWritten() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = start(FakeProfiles.continuous(pacing(10, 200, 0, 0)), t);
        sched.advanceMillis(1000);
        List<FakeTransport.Write> w = t.writes();
        assertTrue(w.size() >= 4 && w.size() <= 10, w.size() + " keepalives in 1 s");
        assertTrue(written(t).stream().allMatch(new DeviceCommand.Keepalive()::equals));
        for (int i = 1; i < w.size(); i++) assertTrue(w.get(i).nanos() - w.get(i - 1).nanos() <= 200 * MS);
    }

    @Test
    void withoutAKeepaliveTemplateTheLastSpeedIsRepeatedUntilStop() throws Exception {
        FakeTransport t = transport(false);
        FakeCodec speedOnly = FakeCodec.streaming(); // setSpeed and stop only
        DeviceSession s = start(FakeProfiles.continuous(pacing(10, 200, 0, 0)), t, speedOnly);
        s.setSpeed(77);
        sched.advanceMillis(1000);
        s.stop();
        sched.advanceMillis(1000);
        List<DeviceCommand> w = written(t);
        int stopAt = w.indexOf(STOP);
        assertTrue(stopAt >= 4, w.toString());
        assertTrue(w.subList(0, stopAt).stream().allMatch(new DeviceCommand.SetSpeed(77)::equals), w.toString());
        // the stop may have come inside the gap after a repeated speed, so it may be repeated itself; no speed follows
        assertTrue(w.size() - stopAt <= 2, "nothing repeated after the stop but the stop: " + w);
        assertTrue(w.subList(stopAt, w.size()).stream().allMatch(STOP::equals), "nothing repeated after the stop: " + w);
    }

    @Test
    void closeWritesStopBeforeTheTransportCloses() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = start(FakeProfiles.continuous(pacing(30, 0, 0, 0)), t);
        s.setSpeed(100);
        sched.runDue();
        s.close();
        assertEquals(List.of(new DeviceCommand.SetSpeed(100), STOP, STOP), written(t),
                "the stop came inside the gap after the speed: close waits for its repeat too");
        assertEquals(30 * MS, t.writes().get(2).nanos());
        assertEquals("close", t.journal.get(t.journal.size() - 1));
        assertEquals("write", t.journal.get(t.journal.size() - 2));
        assertThrows(IllegalStateException.class, () -> s.setSpeed(100));
    }

    /** A started session whose listener closes it, on the session's own thread, at the first event {@code when} accepts. */
    private DeviceSession closedByItsListener(FakeTransport t, int minGapMs, java.util.function.Predicate<DeviceEvent> when) throws Exception {
        DeviceSession[] holder = new DeviceSession[1];
        DeviceSession s = new DeviceSession(t, codec, FakeProfiles.continuous(pacing(minGapMs, 0, 0, 0)), e -> {
            if (when.test(e)) holder[0].close();
        }, sched, sched.clock());
        holder[0] = s;
        s.start();
        return s;
    }

    private static boolean speedWritten(DeviceEvent e) {
        return e instanceof DeviceEvent.CommandWritten w && w.command() instanceof DeviceCommand.SetSpeed;
    }

    @Test
    void closeFromAListenerStillWritesStopFirst() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = closedByItsListener(t, 0, DeviceSessionTest::speedWritten);
        s.setSpeed(60);
        sched.runDue();
        assertEquals(List.of(new DeviceCommand.SetSpeed(60), STOP), written(t));
        assertTrue(t.closed);
    }

    @Test
    void closeFromAListenerRepeatsAStopThatCameInsideTheGap() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = closedByItsListener(t, 20, DeviceSessionTest::speedWritten);
        s.setSpeed(60);
        sched.runDue();
        // on the session's own thread the repeat waits for the gap by sleeping, so only the frames are checked here
        assertEquals(List.of(new DeviceCommand.SetSpeed(60), STOP, STOP), written(t));
        assertTrue(t.closed);
    }

    @Test
    void closeFromAListenerAnswersAStopThatWasWaitingForItsRetry() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = closedByItsListener(t, 30, e -> e instanceof DeviceEvent.StatusReceived);
        t.failNextWrites(1);
        CompletableFuture<Void> stopped = s.stop();
        sched.runDue();
        assertFalse(stopped.isDone(), "the first try failed; the retry waits for the gap");
        t.deliver(codec.encodeStatus(new DeviceStatus(true, 120, 5, 80, null, null))); // its listener closes the session
        sched.runDue();
        assertTrue(stopped.isDone() && !stopped.isCompletedExceptionally(), "the stop written on close answers it");
        // it went out inside the gap of the failed try, so it is echoed; the scheduled retry never writes a third
        assertEquals(List.of(STOP, STOP), written(t));
        assertTrue(t.closed);
    }

    @Test
    void refusesWhatTheDeviceCannotTake() throws Exception {
        FakeTransport t = transport(false);
        DeviceSession s = start(FakeProfiles.continuous(pacing(0, 0, 0, 0)), t, FakeCodec.streaming());
        assertThrows(IllegalArgumentException.class, () -> s.setSpeed(201));
        assertThrows(IllegalArgumentException.class, () -> s.setSpeed(20));
        assertThrows(IllegalArgumentException.class, () -> s.send(new DeviceCommand.VersionRequest()));
        sched.runDue();
        assertTrue(t.writes().isEmpty());
    }

    @Test
    void batteryCharacteristicIsReadAsAStandardBatteryLevel() throws Exception {
        FakeTransport t = transport(true);
        DeviceSession s = start(FakeProfiles.withBatteryCharacteristic(FakeProfiles.continuous(pacing(10, 0, 0, 0))), t);
        t.deliverBattery(new byte[]{42});
        t.deliverBattery(new byte[]{(byte) 200}); // not a percentage: rejected, not reported
        sched.runDue();
        List<DeviceStatus> got = eventsOf(DeviceEvent.StatusReceived.class).stream().map(DeviceEvent.StatusReceived::status).toList();
        assertEquals(List.of(new DeviceStatus(null, null, null, 42, null, null)), got);
        assertEquals(1, s.counters().rejectedFrames());
    }
}
