package dev.thrum.transport.serial;

import dev.thrum.profile.DeviceProfile.Parity;
import dev.thrum.profile.DeviceProfile.SerialSettings;
import jssc.SerialPortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SerialOpenFailureTest {

    static final SerialSettings LINE = new SerialSettings(9600, 7, Parity.EVEN, 2);
    static final String PORT = "/dev/ttyUSB7";

    @Test
    void jsscErrorKindsMapToTheirCauses() {
        assertEquals(SerialOpenFailure.NOT_FOUND, kindOf(SerialPortException.TYPE_PORT_NOT_FOUND));
        assertEquals(SerialOpenFailure.BUSY, kindOf(SerialPortException.TYPE_PORT_BUSY));
        assertEquals(SerialOpenFailure.DENIED, kindOf(SerialPortException.TYPE_PERMISSION_DENIED));
        assertEquals(SerialOpenFailure.NOT_A_SERIAL_PORT, kindOf(SerialPortException.TYPE_INCORRECT_SERIAL_PORT));
        assertEquals(SerialOpenFailure.OTHER, kindOf(SerialPortException.TYPE_NATIVE_EXCEPTION));
    }

    @ParameterizedTest
    @EnumSource(SerialOpenFailure.class)
    void everyMessageNamesThePort(SerialOpenFailure kind) {
        String m = kind.message(PORT, LINE, null, "detail");
        assertTrue(m.contains(PORT), m);
    }

    @Test
    void permissionDeniedNamesTheOwningGroupAndTheFix() {
        String m = SerialOpenFailure.DENIED.message(PORT, LINE, "uucp", null);
        assertTrue(m.contains("'uucp'"), m);
        assertTrue(m.contains("sudo usermod -aG uucp $USER"), m);
        String unknown = SerialOpenFailure.DENIED.message(PORT, LINE, null, null);
        assertTrue(unknown.contains("dialout"), unknown);
    }

    @Test
    void busyAndMissingSayWhatToDo() {
        assertTrue(SerialOpenFailure.BUSY.message(PORT, LINE, null, null).contains("another program"));
        assertTrue(SerialOpenFailure.NOT_FOUND.message(PORT, LINE, null, null).contains("thrum devices --serial"));
    }

    @Test
    void refusedSettingsAreSpelledOut() {
        String m = SerialOpenFailure.SETTINGS_REFUSED.message(PORT, LINE, null, null);
        assertTrue(m.contains("9600 7E2"), m);
    }

    private static SerialOpenFailure kindOf(String type) {
        return SerialOpenFailure.of(new SerialPortException(PORT, "openPort()", type));
    }
}
