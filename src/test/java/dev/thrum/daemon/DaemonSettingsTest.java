package dev.thrum.daemon;

import dev.thrum.app.DeviceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** config.json for the daemon, on real files; flags override it. */
class DaemonSettingsTest {
    @TempDir Path dir;

    @Test
    void a_missing_file_means_the_simulator_on_7411() {
        DaemonSettings s = DaemonSettings.load(dir.resolve("config.json"));
        assertEquals(new DeviceSpec.Sim(null), s.device());
        assertEquals(7411, s.port());
    }

    @Test
    void device_and_port_come_from_the_file_and_flags_override_them() throws Exception {
        Path f = dir.resolve("config.json");
        Files.writeString(f, "{\"device\": \"serial:/dev/ttyUSB0@thrum-open-serial\", \"port\": 7500, \"other\": true}");
        DaemonSettings s = DaemonSettings.load(f);
        assertEquals(new DeviceSpec.Serial("/dev/ttyUSB0", "thrum-open-serial"), s.device());
        assertEquals(7500, s.port());
        assertEquals(0, s.withPort(0).port());
        assertEquals(new DeviceSpec.Sim("foreo"), s.withDevice(DeviceSpec.parse("sim:foreo")).device());
    }

    @Test
    void a_bad_device_names_the_file_and_the_key() throws Exception {
        Path f = dir.resolve("config.json");
        Files.writeString(f, "{\"device\": \"usb\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DaemonSettings.load(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("$.device"), e.getMessage());
        Files.writeString(f, "{\"device\": ");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DaemonSettings.load(f)).getMessage().contains(f.toString()));
    }

    @Test
    void speedup_is_for_the_simulator_only() {
        assertEquals(5, DaemonSettings.defaults().withSpeedup(5).speedup());
        assertThrows(IllegalArgumentException.class,
                () -> DaemonSettings.defaults().withDevice(DeviceSpec.parse("ble")).withSpeedup(5));
    }
}
