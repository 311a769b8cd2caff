package dev.thrum.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThrumDirsTest {

    private final Path home = Path.of("/home/ann");

    @Test
    void defaultsFollowXdg() {
        ThrumDirs d = ThrumDirs.from(Map.of(), home);
        assertEquals(Path.of("/home/ann/.config/thrum"), d.config());
        assertEquals(Path.of("/home/ann/.local/share/thrum"), d.data());
        assertEquals(Path.of("/home/ann/.config/thrum/programs"), d.programs());
    }

    @Test
    void environmentOverridesAndRelativeValuesAreIgnored() {
        ThrumDirs d = ThrumDirs.from(Map.of("XDG_CONFIG_HOME", "/etc/x", "XDG_DATA_HOME", "rel/data"), home);
        assertEquals(Path.of("/etc/x/thrum"), d.config());
        assertEquals(Path.of("/home/ann/.local/share/thrum"), d.data());
    }
}
