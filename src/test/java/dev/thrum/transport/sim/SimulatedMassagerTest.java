package dev.thrum.transport.sim;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SimulatedMassagerTest {

    static final DeviceProfile.Pacing PACING = new DeviceProfile.Pacing(20, 0, 250, 1000);

    final ManualClock clock = new ManualClock();
    final FakeCodec codec = FakeCodec.full();
    final List<byte[]> toHost = new ArrayList<>();

    SimulatedMassager sim(DeviceProfile profile, FakeCodec codec, SimulatedMassager.Input input) {
        return new SimulatedMassager(profile, codec, clock, input, toHost::add);
    }

    SimulatedMassager sim() { return sim(FakeProfiles.continuous(PACING), codec, SimulatedMassager.Input.FRAMES); }

    void send(SimulatedMassager sim, DeviceCommand c) { sim.onBytesFromHost(codec.encode(c)); }

    DeviceStatus decoded(byte[] frame) {
        DecodeResult<DeviceStatus> r = codec.decodeStatus(frame);
        assertTrue(r.isOk(), () -> "status frame should decode: " + r);
        return ((DecodeResult.Decoded<DeviceStatus>) r).value();
    }

    @Test
    void actualSpeedFollowsTheCommandWithInertiaAndNeverOvershoots() {
        SimulatedMassager sim = sim();
        send(sim, new DeviceCommand.SetSpeed(200));
        assertEquals(200, sim.commandedSpeed());
        assertTrue(sim.running());
        assertEquals(0.0, sim.actualSpeed(), 1e-9, "no time has passed yet");
        double previous = 0;
        List<Double> trace = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            clock.advanceMillis(10);
            sim.tick();
            double now = sim.actualSpeed();
            assertTrue(now >= previous && now <= 200, "spin-up rises monotonically to the command: " + trace);
            trace.add(now);
            previous = now;
        }
        assertTrue(trace.get(9) > 90 && trace.get(9) < 180, "after 100 ms the motor is part way: " + trace.get(9));
        assertEquals(200, sim.status().speed(), "after 500 ms it has arrived");

        send(sim, new DeviceCommand.Stop());
        assertFalse(sim.running(), "running drops at once on stop");
        clock.advanceMillis(100);
        int spinningDown = sim.status().speed();
        assertTrue(spinningDown > 0 && spinningDown < 200, "spin-down takes time: " + spinningDown);
        clock.advanceMillis(900);
        assertEquals(0, sim.status().speed());
    }

    @Test
    void batteryDrainsFasterAtHighSpeed() {
        double fast = drainOverTenMinutes(200), slow = drainOverTenMinutes(50), idle = drainOverTenMinutes(0);
        assertTrue(fast > slow, "fast " + fast + " vs slow " + slow);
        assertTrue(slow > idle, "slow " + slow + " vs idle " + idle);
        assertTrue(idle >= 0);
    }

    private double drainOverTenMinutes(int speed) {
        SimulatedMassager sim = sim();
        if (speed > 0) send(sim, new DeviceCommand.SetSpeed(speed));
        double before = sim.battery();
        for (int i = 0; i < 600; i++) {
            clock.advanceMillis(1000);
            sim.tick();
        }
        return before - sim.battery();
    }

    @Test
    void emptyBatteryStopsTheMotorByItself() {
        SimulatedMassager sim = sim();
        send(sim, new DeviceCommand.SetSpeed(150));
        sim.setBattery(0.001);
        clock.advanceMillis(1000);
        DeviceStatus s = sim.status();
        assertEquals(Boolean.FALSE, s.running());
        assertEquals(0, s.battery());
        send(sim, new DeviceCommand.SetSpeed(150));
        assertFalse(sim.running(), "a flat battery will not start the motor");
    }

    @Test
    void lowBatteryIsReportedInTheProfilesOwnBytes() {
        SimulatedMassager sim = sim();
        sim.setBattery(7);
        send(sim, new DeviceCommand.StatusRequest());
        assertEquals(1, toHost.size());
        assertEquals(7, decoded(toHost.get(0)).battery());
    }

    @Test
    void answersAStatusRequestWithItsStateEncodedByTheCodec() {
        SimulatedMassager sim = sim();
        sim.setPressure(1.0);
        send(sim, new DeviceCommand.SetSpeed(120));
        clock.advanceMillis(2000);
        send(sim, new DeviceCommand.StatusRequest());
        assertEquals(1, toHost.size());
        DeviceStatus got = decoded(toHost.get(0));
        DeviceStatus state = sim.status();
        assertEquals(true, got.running());
        assertEquals(120, got.speed());
        assertEquals(state.battery(), got.battery());
        assertEquals(state.force(), got.force());
        assertTrue(got.force() > 0, "a running gun under pressure estimates some force");
    }

    @Test
    void versionRequestIsAnsweredWithTheFirmware() {
        SimulatedMassager sim = sim();
        sim.setFirmware("42");
        send(sim, new DeviceCommand.VersionRequest());
        assertEquals("42", decoded(toHost.get(0)).firmware());
    }

    @Test
    void streamsStatusWhenTheProfileHasNoStatusCommand() {
        FakeCodec streaming = FakeCodec.streaming();
        SimulatedMassager sim = sim(FakeProfiles.continuous(PACING), streaming, SimulatedMassager.Input.FRAMES);
        assertTrue(SimulatedMassager.streams(sim.profile(), streaming));
        assertFalse(SimulatedMassager.streams(sim.profile(), codec));
        sim.onBytesFromHost(streaming.encode(new DeviceCommand.SetSpeed(200)));
        clock.advanceMillis(1000);
        sim.tick();
        assertEquals(4, toHost.size(), "one status every statusPollMs = 250");
        List<Integer> speeds = toHost.stream().map(f -> decoded(f).speed()).toList();
        assertTrue(speeds.get(0) < speeds.get(1) && speeds.get(1) <= speeds.get(3) && speeds.get(3) == 200,
                "each streamed frame carries the speed of its own moment: " + speeds);
    }

    @Test
    void recordsEveryFrameWithTimeAndDecodingAndRejectsCorruptOnes() {
        SimulatedMassager sim = sim();
        send(sim, new DeviceCommand.SetSpeed(100));
        clock.advanceMillis(50);
        byte[] bad = codec.encode(new DeviceCommand.SetSpeed(180));
        bad[2] ^= 0x01; // the value byte: a misread would set speed 181
        sim.onBytesFromHost(bad);
        clock.advanceMillis(50);
        sim.onBytesFromHost(new byte[]{1, 2});

        List<ReceivedFrame> rec = sim.received();
        assertEquals(3, rec.size());
        assertEquals(new DeviceCommand.SetSpeed(100), rec.get(0).command().orElseThrow());
        assertEquals(clock.instant().minusMillis(100), rec.get(0).at());
        assertEquals("bad checksum", rec.get(1).rejection().orElseThrow());
        assertArrayEquals(bad, rec.get(1).bytes());
        assertTrue(rec.get(2).rejection().isPresent());
        assertEquals(100, sim.commandedSpeed(), "a rejected frame changes nothing");
        assertEquals(List.of(new DeviceCommand.SetSpeed(100)), sim.receivedCommands());
    }

    @Test
    void streamInputCutsFramesAcrossChunksAndSkipsGarbage() {
        SimulatedMassager sim = sim(FakeProfiles.continuous(PACING), codec, SimulatedMassager.Input.STREAM);
        byte[] a = codec.encode(new DeviceCommand.SetSpeed(77));
        byte[] b = codec.encode(new DeviceCommand.StatusRequest());
        sim.onBytesFromHost(new byte[]{0x00, 0x13, a[0], a[1]});
        assertTrue(sim.received().isEmpty(), "half a frame is not a frame");
        sim.onBytesFromHost(new byte[]{a[2], a[3], 0x42, b[0], b[1], b[2], b[3]});
        assertEquals(List.of(new DeviceCommand.SetSpeed(77), new DeviceCommand.StatusRequest()), sim.receivedCommands());
        assertEquals(3, sim.discardedBytes());
        assertEquals(1, toHost.size());
    }

    @Test
    void recordFileHoldsTheSameFramesAsJsonLines(@TempDir Path dir) throws Exception {
        SimulatedMassager sim = sim();
        Path file = dir.resolve("sub/frames.jsonl");
        sim.recordTo(file);
        send(sim, new DeviceCommand.SetSpeed(60));
        clock.advanceMillis(5);
        send(sim, new DeviceCommand.Stop());
        sim.onBytesFromHost(new byte[]{(byte) 0xC5, 9, 9, 9});
        List<ReceivedFrame> fromFile = ReceivedFrameJson.readAll(file);
        List<ReceivedFrame> inMemory = sim.received();
        assertEquals(inMemory.size(), fromFile.size());
        for (int i = 0; i < inMemory.size(); i++) {
            assertEquals(inMemory.get(i).at(), fromFile.get(i).at());
            assertArrayEquals(inMemory.get(i).bytes(), fromFile.get(i).bytes());
            assertEquals(inMemory.get(i).command(), fromFile.get(i).command());
            assertEquals(inMemory.get(i).rejection(), fromFile.get(i).rejection());
        }
        sim.closeRecord();
    }

    @Test
    void droppedLinkCarriesNothingEitherWay() {
        SimulatedMassager sim = sim();
        List<Boolean> changes = new ArrayList<>();
        sim.onLinkChange(changes::add);
        sim.dropLink();
        send(sim, new DeviceCommand.SetSpeed(150));
        send(sim, new DeviceCommand.StatusRequest());
        assertTrue(sim.received().isEmpty());
        assertTrue(toHost.isEmpty());
        assertFalse(sim.running());
        sim.restoreLink();
        send(sim, new DeviceCommand.StatusRequest());
        assertEquals(1, toHost.size());
        assertEquals(List.of(false, true), changes);
    }

    @Test
    void delayedAnswersGoOutOnlyWhenDue() {
        SimulatedMassager sim = sim();
        sim.delayAnswers(Duration.ofMillis(300));
        send(sim, new DeviceCommand.StatusRequest());
        clock.advanceMillis(299);
        sim.tick();
        assertTrue(toHost.isEmpty());
        clock.advanceMillis(1);
        sim.tick();
        assertEquals(1, toHost.size());
    }

    @Test
    void corruptedAnswersAreRejectedByTheCodecNotMisread() {
        SimulatedMassager sim = sim();
        send(sim, new DeviceCommand.SetSpeed(90));
        clock.advanceMillis(1000);
        sim.corruptNextFrames(2);
        for (int i = 0; i < 3; i++) send(sim, new DeviceCommand.StatusRequest());
        assertEquals(3, toHost.size());
        assertFalse(codec.decodeStatus(toHost.get(0)).isOk());
        assertFalse(codec.decodeStatus(toHost.get(1)).isOk());
        assertEquals(90, decoded(toHost.get(2)).speed());
    }

    @Test
    void silentDeviceStillObeysCommands() {
        SimulatedMassager sim = sim();
        sim.stopAnswering();
        send(sim, new DeviceCommand.SetSpeed(140));
        send(sim, new DeviceCommand.StatusRequest());
        assertTrue(toHost.isEmpty());
        assertEquals(140, sim.commandedSpeed());
        sim.resumeAnswering();
        send(sim, new DeviceCommand.StatusRequest());
        assertEquals(1, toHost.size());
    }

    @Test
    void stopsByItselfOnRequest() {
        SimulatedMassager sim = sim();
        send(sim, new DeviceCommand.SetSpeed(200));
        clock.advanceMillis(1000);
        sim.stopByItself();
        assertFalse(sim.running());
        assertEquals(0, sim.commandedSpeed());
        clock.advanceMillis(1000);
        assertEquals(0, sim.status().speed());
    }

    @Test
    void discreteDevicesReportOnlyTheirLevels() {
        SimulatedMassager sim = sim(FakeProfiles.discrete(PACING), codec, SimulatedMassager.Input.FRAMES);
        send(sim, new DeviceCommand.SetSpeed(5));
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            clock.advanceMillis(10);
            seen.add(sim.status().speed());
        }
        assertTrue(seen.stream().allMatch(v -> v >= 0 && v <= 5), seen.toString());
        assertTrue(seen.contains(2), "spin-up passes the lower levels: " + seen);
        assertEquals(5, seen.get(seen.size() - 1));
    }
}
