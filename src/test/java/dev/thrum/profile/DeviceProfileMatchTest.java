package dev.thrum.profile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeviceProfileMatchTest {

    private final DeviceProfile.Match match = new DeviceProfile.Match(
            List.of("Pro", "hy*", "*Duo", "LU*NA"), List.of(), List.of("10c4:ea60"));

    @ParameterizedTest
    @CsvSource({"Pro, true", "Prox, false", "pro, false", "hy, true", "hy-EMS 2, true", "xhy, false",
            "WaveDuo, true", "Duo, true", "Duox, false", "LUNA, true", "LU 3 NA, true", "a.b, false"})
    void bleNamesWithWildcards(String name, boolean expected) {
        assertEquals(expected, match.matchesBleName(name));
    }

    @ParameterizedTest
    @CsvSource({"10c4:ea60, true", "10C4:EA60, true", "10c4:ea61, false"})
    void usbIds(String id, boolean expected) {
        assertEquals(expected, match.matchesUsbId(id));
    }
}
