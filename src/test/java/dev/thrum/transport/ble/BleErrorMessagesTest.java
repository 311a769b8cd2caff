package dev.thrum.transport.ble;

import dev.thrum.transport.TransportException;
import dev.thrum.transport.ble.fakebluez.FakeBluez;
import dev.thrum.transport.ble.fakebluez.FakeBluezExtension;
import dev.thrum.transport.ble.fakebluez.FakeDeviceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The failures a user can fix themselves get a message that says which, and what to do. */
@ExtendWith(FakeBluezExtension.class)
class BleErrorMessagesTest {

    @org.junit.jupiter.api.BeforeEach
    void settle() throws Exception {
        TinybSettle.awaitPoweredAdapter();
    }

    private static final String ADDRESS = "C0:FF:EE:00:00:02";

    @Test
    void noAdapter(FakeBluez bluez) throws Exception {
        // tinyb must have met an adapter once (see BluezAccess): a failed first start is fatal later.
        BleScanner.scan(Duration.ofMillis(10), List.of());
        bluez.removeAdapter();
        TinybSettle.awaitNoAdapter();

        TransportException connect = assertThrows(TransportException.class, () -> connect());
        TransportException scan = assertThrows(TransportException.class,
                () -> BleScanner.scan(Duration.ofMillis(100), List.of()));

        for (TransportException e : List.of(connect, scan)) {
            assertTrue(e.getMessage().startsWith("No Bluetooth adapter found") && e.getMessage().contains("rfkill"),
                    e.getMessage());
        }
    }

    @Test
    void poweredOff(FakeBluez bluez) throws Exception {
        bluez.addDevice(FakeDeviceSpec.ffe0(ADDRESS, "Pro"));
        bluez.powerOff();
        TinybSettle.awaitPowered(false);

        TransportException e = assertThrows(TransportException.class, () -> connect());

        assertTrue(e.getMessage().contains("switched off") && e.getMessage().contains("bluetoothctl power on"),
                e.getMessage());
    }

    @Test
    void permissionDenied(FakeBluez bluez) {
        bluez.addKnownDevice(FakeDeviceSpec.ffe0(ADDRESS, "Pro"))
                .refuseConnect("org.freedesktop.DBus.Error.AccessDenied");

        TransportException e = assertThrows(TransportException.class, () -> connect());

        assertTrue(e.getMessage().startsWith("Permission denied by BlueZ") && e.getMessage().contains("bluetooth' group"),
                e.getMessage());
    }

    @Test
    void adapterComesBackAfterPowerOn(FakeBluez bluez) throws Exception {
        bluez.addDevice(FakeDeviceSpec.ffe0(ADDRESS, "Pro"));
        bluez.powerOff();
        TinybSettle.awaitPowered(false);
        assertThrows(TransportException.class, () -> connect());
        bluez.powerOn();
        TinybSettle.awaitPowered(true);

        try (BleTransport ble = BleTransport.to(ADDRESS, BleTestProfiles.withResponse("p"), BleTestProfiles.fast())) {
            ble.connect();
        }
    }

    private static void connect() throws TransportException {
        try (BleTransport ble = BleTransport.to(ADDRESS, BleTestProfiles.withResponse("p"), BleTestProfiles.fast())) {
            ble.connect();
        }
    }
}
