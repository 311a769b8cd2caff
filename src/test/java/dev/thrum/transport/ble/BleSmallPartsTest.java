package dev.thrum.transport.ble;

import dev.thrum.profile.DeviceProfile.WriteMode;
import dev.thrum.transport.TransportException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** UUIDs, addresses, native folders, backoff and the write-mode check. */
class BleSmallPartsTest {

    @Test
    void uuidsBecomeFullLowerCase() {
        assertEquals("0000ffe0-0000-1000-8000-00805f9b34fb", BleUuids.full("FFE0"));
        assertEquals("0000ffe0-0000-1000-8000-00805f9b34fb", BleUuids.full("0000ffe0"));
        assertEquals("6e400001-b5a3-f393-e0a9-e50e24dcca9e", BleUuids.full("6E400001-B5A3-F393-E0A9-E50E24DCCA9E"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BleUuids.full("ffe"));
        assertTrue(e.getMessage().contains("'ffe'"));
    }

    @Test
    void addressesAreCheckedAndUpperCased() {
        assertEquals("AA:BB:CC:DD:EE:0F", BleAddress.normalise(" aa:bb:cc:dd:ee:0f "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BleAddress.normalise("AA:BB:CC"));
        assertTrue(e.getMessage().contains("AA:BB:CC:DD:EE:FF"), e.getMessage());
    }

    @Test
    void nativeFolderFollowsTheCpu() throws TransportException {
        assertEquals("native/linux/x86_64", TinybNatives.nativeFolder("Linux", "amd64"));
        assertEquals("native/linux/x86_32", TinybNatives.nativeFolder("Linux", "i386"));
        assertEquals("native/arm/armv6", TinybNatives.nativeFolder("Linux", "arm"));
        TransportException arm64 = assertThrows(TransportException.class, () -> TinybNatives.nativeFolder("Linux", "aarch64"));
        assertTrue(arm64.getMessage().contains("aarch64") && arm64.getMessage().contains("serial"));
        TransportException mac = assertThrows(TransportException.class, () -> TinybNatives.nativeFolder("Mac OS X", "x86_64"));
        assertTrue(mac.getMessage().contains("Linux"));
    }

    @Test
    void theNativesOfThisMachineAreInTheTinybJar() throws TransportException {
        String folder = TinybNatives.nativeFolder(System.getProperty("os.name"), System.getProperty("os.arch"));
        for (String lib : List.of("libtinyb.so", "libjavatinyb.so")) {
            assertNotNull(getClass().getClassLoader().getResource(folder + "/" + lib), folder + "/" + lib);
        }
    }

    @Test
    void backoffDoublesUpToTheCap() {
        BleTimeouts t = new BleTimeouts(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ofMillis(250), Duration.ofSeconds(2));
        assertEquals(List.of(250L, 500L, 1000L, 2000L, 2000L, 2000L),
                List.of(0, 1, 2, 3, 4, 100).stream().map(i -> t.backoff(i).toMillis()).toList());
    }

    @Test
    void writeModeMustBeOfferedByTheCharacteristic() {
        assertTrue(WriteModeCheck.problem(WriteMode.WITH_RESPONSE, List.of("read", "write")).isEmpty());
        assertTrue(WriteModeCheck.problem(WriteMode.WITHOUT_RESPONSE, List.of("write-without-response")).isEmpty());
        assertTrue(WriteModeCheck.problem(WriteMode.WITH_RESPONSE, List.of("write-without-response")).isPresent());
        assertTrue(WriteModeCheck.problem(WriteMode.WITHOUT_RESPONSE, List.of("write")).isPresent());
        assertEquals(WriteMode.WITH_RESPONSE, WriteModeCheck.effective(List.of("write", "write-without-response")));
        assertEquals(WriteMode.WITHOUT_RESPONSE, WriteModeCheck.effective(List.of("write-without-response")));
    }

    @Test
    void errorsAreSortedByCause() {
        assertTrue(BleErrors.translate("x", new RuntimeException("GDBus.Error:org.bluez.Error.NotPermitted: no"))
                .getMessage().startsWith("Permission denied"));
        assertTrue(BleErrors.translate("x", new RuntimeException("Error getting object manager client: Could not connect: No such file"))
                .getMessage().startsWith("BlueZ is not reachable"));
        assertTrue(BleErrors.translate("x", new RuntimeException("No adapter installed or not recognized by system"))
                .getMessage().startsWith("No Bluetooth adapter found"));
        assertEquals("Bluetooth failed while x: boom", BleErrors.translate("x", new RuntimeException("boom")).getMessage());
    }

    @Test
    void theTestBusAddressIsUniquePerBuildAndFork() {
        String address = System.getenv("DBUS_SYSTEM_BUS_ADDRESS");
        assertNotNull(address, "surefire sets DBUS_SYSTEM_BUS_ADDRESS");
        assertFalse(address.contains("${"), "placeholders resolved: " + address);
        assertTrue(address.matches("unix:path=/tmp/thrum-bus-\\d{15}-\\d+"), address);
    }
}
