package dev.thrum.transport.ble;

import dev.thrum.testkit.Await;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.Codecs;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import dev.thrum.protocol.ShippedProfiles;
import dev.thrum.transport.Endpoint;
import dev.thrum.transport.LinkState;
import dev.thrum.transport.ble.fakebluez.FakeBluez;
import dev.thrum.transport.ble.fakebluez.FakeBluezExtension;
import dev.thrum.transport.ble.fakebluez.FakeDevice;
import dev.thrum.transport.ble.fakebluez.SimulatedGattDevice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every shipped BLE profile, byte for byte, through the real stack: the profile's codec encodes,
 * BleTransport writes through tinyb and D-Bus to the fake BlueZ, the simulated massager (the same
 * profile run backward) decodes and answers, and the answer comes back as a notification that the
 * codec decodes.
 */
@ExtendWith(FakeBluezExtension.class)
class BleSimulatedDeviceTest {

    private static final String ADDRESS = "5E:00:00:00:00:01";

    @BeforeEach
    void settle() throws Exception {
        TinybSettle.awaitPoweredAdapter();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.thrum.transport.ble.BleTestProfiles#shippedBle")
    void everyBleProfileRoundTripsThroughTinybAndTheSimulator(DeviceProfile profile, FakeBluez bluez) throws Exception {
        Codec codec = Codecs.forProfile(profile);
        try (SimulatedGattDevice sim = SimulatedGattDevice.add(bluez, ADDRESS, profile, codec);
             BleTransport ble = BleTransport.to(ADDRESS, profile, BleTestProfiles.fast())) {
            BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
            ble.subscribe(Endpoint.RX, frames::add);
            ble.subscribe(Endpoint.BATTERY, frames::add);
            ble.connect();

            int speed = profile.output().lowestRunning();
            byte[] setSpeed = codec.encode(new DeviceCommand.SetSpeed(speed));
            ble.write(Endpoint.TX, setSpeed);
            awaitCommand(sim, new DeviceCommand.SetSpeed(speed));
            assertArrayEquals(setSpeed, last(sim.device()).data(), "the bytes the device got are the codec's bytes");
            assertEquals(speed, sim.simulator().commandedSpeed());

            if (codec.supports(DeviceCommand.StatusRequest.class) && profile.ble().rxUuid() != null) {
                frames.clear();
                ble.write(Endpoint.TX, codec.encode(new DeviceCommand.StatusRequest()));
                DeviceStatus status = firstDecoded(codec, frames);
                assertNotNull(status, profile.id() + ": a status frame came back through the notification path");
            }

            byte[] stop = codec.encode(new DeviceCommand.Stop());
            ble.write(Endpoint.TX, stop);
            awaitCommand(sim, new DeviceCommand.Stop());
            assertArrayEquals(stop, last(sim.device()).data());
            assertEquals(profile.output().stopValue(), sim.simulator().commandedSpeed());
        }
    }

    @Test
    void corruptStatusFramesPassTheAdapterAndAreRejectedByTheCodec(FakeBluez bluez) throws Exception {
        DeviceProfile profile = ShippedProfiles.get("theragun-gen4");
        Codec codec = Codecs.forProfile(profile);
        try (SimulatedGattDevice sim = SimulatedGattDevice.add(bluez, ADDRESS, profile, codec);
             BleTransport ble = BleTransport.to(ADDRESS, profile, BleTestProfiles.fast())) {
            BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
            ble.subscribe(Endpoint.RX, frames::add);
            ble.connect();

            sim.simulator().corruptNextFrames(1);
            ble.write(Endpoint.TX, codec.encode(new DeviceCommand.StatusRequest()));
            byte[] corrupt = frames.poll(5, TimeUnit.SECONDS);
            assertNotNull(corrupt, "the corrupt frame still reaches the host as a frame");
            assertInstanceOf(DecodeResult.Rejected.class, codec.decodeStatus(corrupt));

            byte[] truncated = java.util.Arrays.copyOf(corrupt, corrupt.length - 3);
            sim.device().notifyHost(truncated);
            byte[] shortFrame = frames.poll(5, TimeUnit.SECONDS);
            assertArrayEquals(truncated, shortFrame);
            assertInstanceOf(DecodeResult.Rejected.class, codec.decodeStatus(shortFrame));

            ble.write(Endpoint.TX, codec.encode(new DeviceCommand.StatusRequest()));
            assertTrue(codec.decodeStatus(frames.poll(5, TimeUnit.SECONDS)).isOk(), "the next good frame decodes");
            assertEquals(LinkState.UP, ble.linkState());
        }
    }

    @Test
    void theSimulatorBehindADroppedLinkIsReachedAgainAfterReconnect(FakeBluez bluez) throws Exception {
        DeviceProfile profile = ShippedProfiles.get("theragun-gen4");
        Codec codec = Codecs.forProfile(profile);
        try (SimulatedGattDevice sim = SimulatedGattDevice.add(bluez, ADDRESS, profile, codec);
             BleTransport ble = BleTransport.to(ADDRESS, profile, BleTestProfiles.fast())) {
            BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
            BlockingQueue<LinkState> states = new LinkedBlockingQueue<>();
            ble.subscribe(Endpoint.RX, frames::add);
            ble.onLinkState(states::add);
            ble.connect();
            assertEquals(LinkState.UP, states.poll(5, TimeUnit.SECONDS));
            ble.write(Endpoint.TX, codec.encode(new DeviceCommand.SetSpeed(2000)));
            awaitCommand(sim, new DeviceCommand.SetSpeed(2000));

            sim.device().dropLink();
            assertEquals(LinkState.DOWN, states.poll(5, TimeUnit.SECONDS));
            sim.device().restoreLink();
            assertEquals(LinkState.UP, states.poll(5, TimeUnit.SECONDS));

            int lowest = profile.output().lowestRunning();
            ble.write(Endpoint.TX, codec.encode(new DeviceCommand.SetSpeed(lowest)));
            awaitCommand(sim, new DeviceCommand.SetSpeed(lowest));
            frames.clear();
            ble.write(Endpoint.TX, codec.encode(new DeviceCommand.StatusRequest()));
            assertNotNull(firstDecoded(codec, frames), "status flows again on the new characteristics");
        }
    }

    private static FakeDevice.Write last(FakeDevice device) {
        List<FakeDevice.Write> writes = device.writes();
        return writes.get(writes.size() - 1);
    }

    private static void awaitCommand(SimulatedGattDevice sim, DeviceCommand expected) {
        Await.value(() -> sim.simulator().receivedCommands(), got -> !got.isEmpty() && got.get(got.size() - 1).equals(expected),
                Duration.ofSeconds(5), "the simulator to receive " + expected);
    }

    private static DeviceStatus firstDecoded(Codec codec, BlockingQueue<byte[]> frames) {
        byte[] frame = Await.taken(frames, f -> codec.decodeStatus(f) instanceof DecodeResult.Decoded<DeviceStatus>,
                Duration.ofSeconds(5), "a status frame that decodes");
        return ((DecodeResult.Decoded<DeviceStatus>) codec.decodeStatus(frame)).value();
    }
}
