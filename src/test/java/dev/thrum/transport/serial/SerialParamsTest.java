package dev.thrum.transport.serial;

import dev.thrum.profile.DeviceProfile.Parity;
import dev.thrum.profile.DeviceProfile.SerialSettings;
import jssc.SerialPort;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SerialParamsTest {

    @Test
    void bitsOnTheWireCountStartDataParityAndStop() {
        assertEquals(10, SerialParams.bitsPerByte(new SerialSettings(115200, 8, Parity.NONE, 1)));
        assertEquals(11, SerialParams.bitsPerByte(new SerialSettings(9600, 8, Parity.EVEN, 1)));
        assertEquals(11, SerialParams.bitsPerByte(new SerialSettings(9600, 7, Parity.ODD, 2)));
    }

    @Test
    void profileSettingsMapToJsscNumbers() {
        SerialSettings s = new SerialSettings(9600, 7, Parity.ODD, 2);
        assertEquals(SerialPort.STOPBITS_2, SerialParams.stopBits(s));
        assertEquals(SerialPort.PARITY_ODD, SerialParams.parity(s));
        assertEquals(SerialPort.PARITY_MARK, SerialParams.parity(new SerialSettings(9600, 8, Parity.MARK, 1)));
    }

    @Test
    void impossibleSettingsAreRefusedBeforeAnyPortIsTouched() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SerialTransport("/dev/ttyUSB0", new SerialSettings(115200, 9, Parity.NONE, 1)));
        assertTrue(e.getMessage().contains("data bits"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new SerialTransport("/dev/ttyUSB0", new SerialSettings(0, 8, Parity.NONE, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> new SerialTransport("/dev/ttyUSB0", new SerialSettings(115200, 8, Parity.NONE, 3)));
        assertThrows(IllegalArgumentException.class,
                () -> new SerialTransport(" ", new SerialSettings(115200, 8, Parity.NONE, 1)));
    }

    @Test
    void standardBaudRatesAreKnown() {
        assertTrue(SerialParams.isStandardBaud(115200));
        assertTrue(SerialParams.isStandardBaud(9600));
        assertFalse(SerialParams.isStandardBaud(250000));
    }
}
