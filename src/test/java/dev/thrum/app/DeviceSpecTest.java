package dev.thrum.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DeviceSpecTest {

    @Test
    void parsesEveryForm() {
        assertEquals(new DeviceSpec.Sim(null), DeviceSpec.parse("sim"));
        assertEquals(new DeviceSpec.Sim("foreo"), DeviceSpec.parse("sim:foreo"));
        assertEquals(new DeviceSpec.Ble(null), DeviceSpec.parse("ble"));
        assertEquals(new DeviceSpec.Ble("AA:BB:CC:DD:EE:FF"), DeviceSpec.parse("ble:aa:bb:cc:dd:ee:ff"));
        assertEquals(new DeviceSpec.Serial("/dev/ttyUSB0", null), DeviceSpec.parse("serial:/dev/ttyUSB0"));
        assertEquals(new DeviceSpec.Serial("/dev/ttyUSB0", "thrum-open-serial"),
                DeviceSpec.parse("serial:/dev/ttyUSB0@thrum-open-serial"));
    }

    @Test
    void onlyTheSimulatorIsASimulator() {
        assertTrue(DeviceSpec.parse("sim").isSimulator());
        assertFalse(DeviceSpec.parse("serial:/tmp/x").isSimulator());
    }

    @Test
    void badSpecsSayWhatIsAccepted() {
        var e = assertThrows(IllegalArgumentException.class, () -> DeviceSpec.parse("usb:3"));
        assertTrue(e.getMessage().contains("'usb:3'"), e.getMessage());
        assertTrue(e.getMessage().contains("serial:PATH"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeviceSpec.parse("serial:"));
        assertThrows(IllegalArgumentException.class, () -> DeviceSpec.parse(" "));
    }
}
