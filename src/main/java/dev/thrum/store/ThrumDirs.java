package dev.thrum.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Thrum keeps its files, following the XDG base directory rules:
 * settings, profiles, programs and clients under {@code $XDG_CONFIG_HOME/thrum}
 * (default {@code ~/.config/thrum}); the usage log under {@code $XDG_DATA_HOME/thrum}
 * (default {@code ~/.local/share/thrum}).
 */
public record ThrumDirs(Path config, Path data) {

    public static ThrumDirs fromEnvironment() {
        return from(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Resolves from an explicit environment, so tests never touch the real home. */
    public static ThrumDirs from(Map<String, String> env, Path home) {
        return new ThrumDirs(
                base(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve("thrum"),
                base(env.get("XDG_DATA_HOME"), home.resolve(".local/share")).resolve("thrum"));
    }

    // The spec says a relative or empty value is to be ignored.
    private static Path base(String value, Path fallback) {
        if (value == null || value.isBlank()) return fallback;
        Path p = Path.of(value);
        return p.isAbsolute() ? p : fallback;
    }

    public Path deviceProfiles() { return config.resolve("device-profiles"); }

    public Path programs() { return config.resolve("programs"); }

    public Path clients() { return config.resolve("clients"); }

    public Path configFile() { return config.resolve("config.json"); }
}
