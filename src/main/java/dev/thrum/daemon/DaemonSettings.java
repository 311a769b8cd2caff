package dev.thrum.daemon;

import dev.thrum.app.DeviceSpec;
import dev.thrum.store.AppConfig;

import java.nio.file.Path;

/**
 * What {@code thrum daemon} runs with: {@code $XDG_CONFIG_HOME/thrum/config.json}
 * ({@code {"device": "sim", "port": 7411}}), each overridable by a flag. Port 0 lets the system
 * choose a free port (the daemon writes the real one into its state file).
 *
 * @param device  the massager to keep connected
 * @param port    TCP port on 127.0.0.1
 * @param speedup how much faster than real time a session runs (only allowed on the simulator)
 * @param deviceFrom where the device was set, like {@code /home/a/.config/thrum/config.json ($.device)},
 *                   so an error about it (an unknown profile) names the place to fix; null for a flag
 *                   or the default
 */
public record DaemonSettings(DeviceSpec device, int port, double speedup, String deviceFrom) {
    public static final int DEFAULT_PORT = AppConfig.DEFAULT_PORT;

    public DaemonSettings(DeviceSpec device, int port, double speedup) {
        this(device, port, speedup, null);
    }

    public DaemonSettings {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, was " + port);
        if (!(speedup >= 1)) throw new IllegalArgumentException("speedup must be at least 1, was " + speedup);
        if (speedup > 1 && !device.isSimulator())
            throw new IllegalArgumentException("--speedup only works with the simulator (device sim); a real massager runs in real time");
    }

    public static DaemonSettings defaults() {
        return new DaemonSettings(new DeviceSpec.Sim(null), DEFAULT_PORT, 1);
    }

    /**
     * Reads {@code config.json} through {@link AppConfig} (the one reader of that file; a missing file
     * means the defaults, other keys are left alone). A port of 0 or none there means 7411; only the
     * {@code --port 0} flag asks for any free port.
     *
     * @throws IllegalArgumentException naming the file (and the key) when a value is wrong
     */
    public static DaemonSettings load(Path configFile) {
        AppConfig config = AppConfig.load(configFile);
        DeviceSpec device = new DeviceSpec.Sim(null);
        if (config.device() != null) {
            try {
                device = DeviceSpec.parse(config.device());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(configFile + " ($.device): " + e.getMessage());
            }
        }
        return new DaemonSettings(device, config.portOrDefault(), 1, config.device() == null ? null : configFile + " ($.device)");
    }

    /** A device given by a flag: errors about it name the flag's value only. */
    public DaemonSettings withDevice(DeviceSpec d) { return new DaemonSettings(d, port, speedup, null); }

    public DaemonSettings withPort(int p) { return new DaemonSettings(device, p, speedup, deviceFrom); }

    public DaemonSettings withSpeedup(double s) { return new DaemonSettings(device, port, s, deviceFrom); }
}
