package dev.thrum.transport.ble;

import dev.thrum.transport.Endpoint;
import dev.thrum.transport.ble.fakebluez.DeviceEnd;
import dev.thrum.transport.ble.fakebluez.FakeBluez;
import dev.thrum.transport.ble.fakebluez.FakeBluezExtension;
import dev.thrum.transport.ble.fakebluez.FakeDevice;
import dev.thrum.transport.ble.fakebluez.FakeDeviceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(FakeBluezExtension.class)
class BleSmokeTest {
    @Test
    void roundTrip(FakeBluez bluez) throws Exception {
        FakeDevice dev = bluez.addDevice(FakeDeviceSpec.ffe0("AA:BB:CC:00:00:01", "Pro"));
        dev.deviceEnd(DeviceEnd.echo());
        try (BleTransport t = BleTransport.to(dev.address(), BleTestProfiles.withResponse("p", "Pro"), BleTestProfiles.fast())) {
            var got = new LinkedBlockingQueue<byte[]>();
            t.subscribe(Endpoint.RX, got::add);
            t.connect();
            t.write(Endpoint.TX, new byte[]{1, 2, 3});
            assertArrayEquals(new byte[]{1, 2, 3}, got.poll(5, TimeUnit.SECONDS));
        }
    }
}
