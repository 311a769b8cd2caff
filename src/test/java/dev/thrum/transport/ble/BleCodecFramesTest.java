package dev.thrum.transport.ble;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.Codecs;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import dev.thrum.transport.Endpoint;
import dev.thrum.transport.LinkState;
import dev.thrum.transport.ble.fakebluez.FakeBluez;
import dev.thrum.transport.ble.fakebluez.FakeBluezExtension;
import dev.thrum.transport.ble.fakebluez.FakeDevice;
import dev.thrum.transport.ble.fakebluez.FakeDeviceSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every shipped BLE profile's real bytes through tinyb and the fake BlueZ: the codec's command
 * frames reach the device unchanged, its status frames come back as single notifications that
 * decode, and corrupt or cut frames pass the adapter as frames and are rejected by the codec.
 */
@ExtendWith(FakeBluezExtension.class)
class BleCodecFramesTest {

    private static final String ADDRESS = "5E:00:00:00:00:03";

    @BeforeEach
    void settle() throws Exception {
        TinybSettle.awaitPoweredAdapter();
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("dev.thrum.transport.ble.BleTestProfiles#shippedBle")
    void commandsArriveByteForByteAndStatusFramesDecode(DeviceProfile profile, FakeBluez bluez) throws Exception {
        Codec codec = Codecs.forProfile(profile);
        FakeDevice device = bluez.addDevice(FakeDeviceSpec.forProfile(ADDRESS, profile));
        try (BleTransport ble = BleTransport.to(ADDRESS, profile, BleTestProfiles.fast())) {
            BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
            ble.subscribe(Endpoint.RX, frames::add);
            ble.connect();

            byte[] setSpeed = codec.encode(new DeviceCommand.SetSpeed(profile.output().highest()));
            byte[] stop = codec.encode(new DeviceCommand.Stop());
            ble.write(Endpoint.TX, setSpeed);
            ble.write(Endpoint.TX, stop);
            List<FakeDevice.Write> writes = device.writes();
            assertEquals(2, writes.size(), profile.id());
            assertArrayEquals(setSpeed, writes.get(0).data(), profile.id() + " setSpeed");
            assertArrayEquals(stop, writes.get(1).data(), profile.id() + " stop");
            assertEquals(profile.ble().txWrite() == DeviceProfile.WriteMode.WITH_RESPONSE ? "request" : "command",
                    writes.get(0).type());
            DecodeResult<DeviceCommand> seenByDevice = codec.decodeCommand(writes.get(0).data());
            assertEquals(DecodeResult.ok(new DeviceCommand.SetSpeed(profile.output().highest())), seenByDevice);

            if (profile.status().isEmpty() || profile.ble().rxUuid() == null) return;
            byte[] status = codec.encodeStatus(new DeviceStatus(true, profile.output().lowestRunning(), 0, 80, null, null));
            device.notifyHost(status);
            byte[] back = frames.poll(5, TimeUnit.SECONDS);
            assertArrayEquals(status, back, profile.id() + ": one notification is one whole frame");
            assertTrue(codec.decodeStatus(back).isOk(), profile.id() + " decodes " + codec.decodeStatus(back));
        }
    }

    /** Profiles whose devices answer on RX. */
    static Stream<DeviceProfile> answeringProfiles() {
        return BleTestProfiles.shippedBle().filter(p -> !p.status().isEmpty() && p.ble().rxUuid() != null);
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("answeringProfiles")
    void corruptAndCutFramesPassTheAdapterAndTheCodecRejectsThem(DeviceProfile profile, FakeBluez bluez) throws Exception {
        Codec codec = Codecs.forProfile(profile);
        FakeDevice device = bluez.addDevice(FakeDeviceSpec.forProfile(ADDRESS, profile));
        try (BleTransport ble = BleTransport.to(ADDRESS, profile, BleTestProfiles.fast())) {
            BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
            ble.subscribe(Endpoint.RX, frames::add);
            ble.connect();
            byte[] good = codec.encodeStatus(new DeviceStatus(true, profile.output().lowestRunning(), 0, 80, null, null));
            byte[] badChecksum = good.clone();
            badChecksum[good.length / 2] ^= (byte) 0xFF;
            byte[] cut = Arrays.copyOf(good, good.length - 1);

            device.notifyHost(badChecksum);
            device.notifyHost(cut);
            device.notifyHost(good);

            assertInstanceOf(DecodeResult.Rejected.class, codec.decodeStatus(frames.poll(5, TimeUnit.SECONDS)), "bad checksum");
            assertInstanceOf(DecodeResult.Rejected.class, codec.decodeStatus(frames.poll(5, TimeUnit.SECONDS)), "wrong length");
            assertTrue(codec.decodeStatus(frames.poll(5, TimeUnit.SECONDS)).isOk(), "the good frame after them decodes");
            assertEquals(LinkState.UP, ble.linkState());
        }
    }
}
