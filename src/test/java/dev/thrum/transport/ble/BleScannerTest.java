package dev.thrum.transport.ble;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.DeviceProfile.WriteMode;
import dev.thrum.transport.ble.fakebluez.FakeBluez;
import dev.thrum.transport.ble.fakebluez.FakeBluezExtension;
import dev.thrum.transport.ble.fakebluez.FakeDeviceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real tinyb scanning the fake BlueZ: devices are found and matched to profiles. */
@ExtendWith(FakeBluezExtension.class)
class BleScannerTest {

    @org.junit.jupiter.api.BeforeEach
    void settle() throws Exception {
        TinybSettle.awaitPoweredAdapter();
    }

    private static final DeviceProfile GEN4 = BleTestProfiles.ffe0("theragun-gen4", List.of("Pro", "Elite", "Prime"),
            List.of(), WriteMode.WITH_RESPONSE);
    private static final DeviceProfile HYPER = BleTestProfiles.ffe0("hypervolt", List.of("Hypervolt*"),
            List.of(), WriteMode.WITH_RESPONSE);
    private static final DeviceProfile BY_SERVICE = BleTestProfiles.ffe0("by-service", List.of(),
            List.of("fff0"), WriteMode.WITH_RESPONSE);
    private static final List<DeviceProfile> PROFILES = List.of(GEN4, HYPER, BY_SERVICE);

    @Test
    void aScanRightAfterAnotherFindsDevicesThoughTinybStillSeesTheFirstOneRunning(FakeBluez bluez) throws Exception {
        // As in BleTransportTest: tinyb skips a start while its lagging cache says a scan runs.
        bluez.announceDiscoveringLate(Duration.ofMillis(500));
        assertEquals(List.of(), BleScanner.scan(Duration.ofSeconds(1), PROFILES));
        bluez.addDevice(FakeDeviceSpec.ffe0("AA:00:00:00:00:01", "Elite")); // appears once a scan starts

        assertTrue(BleScanner.find("AA:00:00:00:00:01", Duration.ofSeconds(3), PROFILES).isPresent(),
                "the second scan really started");
    }

    @Test
    void scanFindsDevicesAndMatchesThemByNameWildcardAndService(FakeBluez bluez) throws Exception {
        bluez.addDevice(FakeDeviceSpec.ffe0("AA:00:00:00:00:01", "Elite").withRssi(-40));
        bluez.addDevice(FakeDeviceSpec.ffe0("AA:00:00:00:00:02", "Hypervolt 2 Pro").withRssi(-60));
        bluez.addDevice(FakeDeviceSpec.ffe0("AA:00:00:00:00:03", "Gun-X")
                .advertising(List.of(FakeDeviceSpec.uuid16("fff0"))).withRssi(-70));
        bluez.addDevice(FakeDeviceSpec.ffe0("AA:00:00:00:00:04", "Kettle").withRssi(-30));

        List<BleDeviceFound> found = BleScanner.scan(Duration.ofMillis(400), PROFILES);

        Map<String, BleDeviceFound> byAddress = found.stream()
                .collect(Collectors.toMap(BleDeviceFound::address, Function.identity()));
        assertEquals(4, found.size(), "all four fake devices are listed: " + found);
        assertEquals("theragun-gen4", byAddress.get("AA:00:00:00:00:01").profileId());
        assertEquals("hypervolt", byAddress.get("AA:00:00:00:00:02").profileId());
        assertEquals("by-service", byAddress.get("AA:00:00:00:00:03").profileId());
        assertEquals("-", byAddress.get("AA:00:00:00:00:04").profileId());
        assertEquals("Elite", byAddress.get("AA:00:00:00:00:01").name());
        assertEquals(-40, byAddress.get("AA:00:00:00:00:01").rssi());
        // matched devices first, strongest signal first among them; the unmatched kettle last
        assertEquals(List.of("AA:00:00:00:00:01", "AA:00:00:00:00:02", "AA:00:00:00:00:03", "AA:00:00:00:00:04"),
                found.stream().map(BleDeviceFound::address).toList());
    }

    @Test
    void firstMatchingSkipsDevicesWithoutAProfile(FakeBluez bluez) throws Exception {
        bluez.addDevice(FakeDeviceSpec.ffe0("AA:00:00:00:00:04", "Kettle"));
        bluez.addDevice(FakeDeviceSpec.ffe0("AA:00:00:00:00:05", "Prime"));

        BleDeviceFound first = BleScanner.firstMatching(Duration.ofSeconds(3), PROFILES).orElseThrow();

        assertEquals("AA:00:00:00:00:05", first.address());
        assertEquals(GEN4, first.profile().orElseThrow());
    }

    @Test
    void findLooksForOneAddressAndReportsItsProfile(FakeBluez bluez) throws Exception {
        bluez.addDevice(FakeDeviceSpec.ffe0("AA:00:00:00:00:05", "Prime"));
        bluez.addDevice(FakeDeviceSpec.ffe0("AA:00:00:00:00:04", "Kettle"));

        BleDeviceFound prime = BleScanner.find("aa:00:00:00:00:05", Duration.ofSeconds(3), PROFILES).orElseThrow();
        BleDeviceFound kettle = BleScanner.find("AA:00:00:00:00:04", Duration.ofSeconds(3), PROFILES).orElseThrow();

        assertEquals("theragun-gen4", prime.profileId());
        assertEquals("-", kettle.profileId());
        assertTrue(BleScanner.find("AA:00:00:00:00:09", Duration.ofMillis(300), PROFILES).isEmpty());
    }

    @Test
    void firstMatchingIsEmptyWhenNothingMatches(FakeBluez bluez) throws Exception {
        bluez.addDevice(FakeDeviceSpec.ffe0("AA:00:00:00:00:04", "Kettle"));

        assertTrue(BleScanner.firstMatching(Duration.ofMillis(300), PROFILES).isEmpty());
    }
}
