package dev.thrum.transport.sim;

import dev.thrum.store.ProfileLibraryLoader;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.OutputRange;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.Codecs;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/** Every shipped profile, run backward by the simulator through the real template codec. */
class ShippedProfilesSimulatorTest {

    static List<DeviceProfile> shipped() {
        var library = new ProfileLibraryLoader().load(List.of()); // built-ins only, never the user's files
        assertTrue(library.errors().isEmpty(), library.errors().toString());
        assertTrue(library.profiles().size() >= 5, library.profiles().keySet().toString());
        return List.copyOf(library.profiles().values());
    }

    final ManualClock clock = new ManualClock();
    final List<byte[]> toHost = new ArrayList<>();

    SimulatedMassager sim(DeviceProfile p, Codec codec) {
        return new SimulatedMassager(p, codec, clock, SimulatedMassager.Input.FRAMES, toHost::add);
    }

    static IntStream values(OutputRange range) {
        if (range instanceof OutputRange.Discrete d) return d.levels().stream().mapToInt(Integer::intValue);
        return IntStream.rangeClosed(range.lowestRunning(), range.highest());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void everySpeedInRangeIsDecodedAsSentAndObeyed(DeviceProfile p) {
        Codec codec = Codecs.forProfile(p);
        SimulatedMassager sim = sim(p, codec);
        values(p.output()).forEach(v -> {
            sim.onBytesFromHost(codec.encode(new DeviceCommand.SetSpeed(v)));
            assertEquals(v, sim.commandedSpeed(), p.id() + " speed " + v);
        });
        sim.onBytesFromHost(codec.encode(new DeviceCommand.Stop()));
        assertFalse(sim.running());
        assertTrue(sim.received().stream().allMatch(f -> f.command().isPresent()), "nothing rejected");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void statusFromTheSimulatorDecodesToTheSimulatorsState(DeviceProfile p) {
        Codec codec = Codecs.forProfile(p);
        SimulatedMassager sim = sim(p, codec);
        boolean asks = codec.supports(DeviceCommand.StatusRequest.class);
        boolean streams = SimulatedMassager.streams(p, codec);
        if (!asks && !streams) {
            assertTrue(p.status() == null || p.status().isEmpty(), p.id() + " should either answer or stream");
            return;
        }
        for (int v : new int[]{p.output().lowestRunning(), p.output().highest()}) {
            sim.onBytesFromHost(codec.encode(new DeviceCommand.SetSpeed(v)));
            sim.setBattery(63);
            clock.advanceMillis(2000);
            toHost.clear();
            if (asks) sim.onBytesFromHost(codec.encode(new DeviceCommand.StatusRequest()));
            else {
                clock.advanceMillis(SimulatedMassager.DEFAULT_STREAM_MS);
                sim.tick();
            }
            assertFalse(toHost.isEmpty(), p.id() + " sent no status");
            DeviceStatus state = sim.status();
            DecodeResult<DeviceStatus> r = codec.decodeStatus(toHost.get(toHost.size() - 1));
            assertTrue(r.isOk(), p.id() + ": " + r);
            DeviceStatus got = ((DecodeResult.Decoded<DeviceStatus>) r).value();
            if (got.running() != null) assertEquals(state.running(), got.running(), p.id());
            if (got.speed() != null) assertEquals(state.speed(), got.speed(), p.id());
            if (got.force() != null) assertEquals(state.force(), got.force(), p.id());
            if (got.battery() != null) {
                double step = scaleOf(p, "battery");
                assertEquals(state.battery(), got.battery(), step / 2 + 1e-9, p.id() + " battery, step " + step);
            }
        }
    }

    private static double scaleOf(DeviceProfile p, String field) {
        for (var frame : p.status()) {
            var f = frame.fields().get(field);
            if (f != null) return f.scale();
        }
        return 1;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void corruptedStatusIsRejectedNotMisread(DeviceProfile p) {
        Codec codec = Codecs.forProfile(p);
        if (!codec.supports(DeviceCommand.StatusRequest.class)) return; // no checksummed status to corrupt
        SimulatedMassager sim = sim(p, codec);
        sim.onBytesFromHost(codec.encode(new DeviceCommand.SetSpeed(p.output().highest())));
        clock.advanceMillis(2000);
        toHost.clear(); // an open-serial device answers SET_SPEED too
        sim.corruptNextFrames(1);
        sim.onBytesFromHost(codec.encode(new DeviceCommand.StatusRequest()));
        sim.onBytesFromHost(codec.encode(new DeviceCommand.StatusRequest()));
        assertEquals(2, toHost.size());
        assertFalse(codec.decodeStatus(toHost.get(0)).isOk(), p.id() + " accepted a corrupted frame");
        assertTrue(codec.decodeStatus(toHost.get(1)).isOk());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void aCorruptedCommandIsRecordedAsRejectedAndChangesNothing(DeviceProfile p) {
        Codec codec = Codecs.forProfile(p);
        SimulatedMassager sim = sim(p, codec);
        byte[] frame = codec.encode(new DeviceCommand.SetSpeed(p.output().highest()));
        byte[] bad = SimulatedMassager.corrupt(frame);
        sim.onBytesFromHost(bad);
        if (p.id().equals("foreo")) {
            // no checksum: a flipped byte may still read as a command; the profile's confidence says so
            return;
        }
        assertTrue(sim.received().get(0).rejection().isPresent(), p.id() + " took " + sim.received().get(0));
        assertFalse(sim.running());
    }

    @Test
    void theragunWorkedExampleFromTheReference() {
        DeviceProfile p = shipped().stream().filter(x -> x.id().equals("theragun-gen4")).findFirst().orElseThrow();
        Codec codec = Codecs.forProfile(p);
        SimulatedMassager sim = sim(p, codec);
        sim.onBytesFromHost(HexFormat.of().parseHex("AA700103096003"));
        assertEquals(List.of(new DeviceCommand.SetSpeed(2400)), sim.receivedCommands());
        clock.advanceMillis(1000);
        sim.onBytesFromHost(HexFormat.of().parseHex("AA101000"));
        byte[] reply = toHost.get(0);
        assertEquals((byte) 0xBB, reply[0]);
        assertEquals(1, reply[4], "running flag at byte 4");
        assertEquals(2400, ((reply[13] & 0xFF) << 8) | (reply[14] & 0xFF), "speed at bytes 13-14");
        sim.onBytesFromHost(codec.encode(new DeviceCommand.VersionRequest()));
        DeviceStatus version = ((DecodeResult.Decoded<DeviceStatus>) codec.decodeStatus(toHost.get(1))).value();
        assertNotNull(version.firmware());
    }
}
