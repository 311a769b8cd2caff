package dev.thrum.cli;

import dev.thrum.transport.ble.TinybSettle;
import dev.thrum.app.DeviceDiscovery;

import dev.thrum.protocol.ShippedProfiles;
import dev.thrum.transport.ble.fakebluez.FakeBluez;
import dev.thrum.transport.ble.fakebluez.FakeBluezExtension;
import dev.thrum.transport.ble.fakebluez.FakeDeviceSpec;
import dev.thrum.transport.serial.SerialPortScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.*;

/** thrum devices --ble over real tinyb and the fake BlueZ. */
@ExtendWith(FakeBluezExtension.class)
class DevicesBleTest {

    @Test
    void listsTheFakeGunWithItsProfile(FakeBluez bluez) throws Exception {
        TinybSettle.awaitPoweredAdapter(); // tinyb sees the reset of the fake a moment later
        bluez.addDevice(FakeDeviceSpec.ffe0("5E:00:00:00:00:20", "Elite").withRssi(-44));
        bluez.addDevice(FakeDeviceSpec.ffe0("5E:00:00:00:00:21", "Kettle").withRssi(-70));

        CliRun run = CliRun.of(new DevicesCommand(new DeviceDiscovery(new SerialPortScanner(), ShippedProfiles::all)), "--ble", "--timeout", "0.5");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("5E:00:00:00:00:20  Elite") && run.out().contains("profile: theragun-gen4"), run.out());
        assertTrue(run.out().contains("5E:00:00:00:00:21  Kettle") && run.out().contains("profile: -"), run.out());
    }

    @Test
    void aSwitchedOffAdapterIsAClearFailure(FakeBluez bluez) throws Exception {
        TinybSettle.awaitPoweredAdapter();
        bluez.powerOff();
        TinybSettle.awaitPowered(false);

        CliRun run = CliRun.of(new DevicesCommand(new DeviceDiscovery(new SerialPortScanner(), ShippedProfiles::all)), "--ble", "--timeout", "0.2");

        assertEquals(1, run.exit());
        assertTrue(run.err().contains("switched off"), run.err());
    }
}
