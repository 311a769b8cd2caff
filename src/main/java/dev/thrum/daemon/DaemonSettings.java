package dev.thrum.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.app.DeviceSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What {@code thrum daemon} runs with: {@code $XDG_CONFIG_HOME/thrum/config.json}
 * ({@code {"device": "sim", "port": 7411}}), each overridable by a flag. Port 0 lets the system
 * choose a free port (the daemon writes the real one into its state file).
 *
 * @param device  the massager to keep connected
 * @param port    TCP port on 127.0.0.1
 * @param speedup how much faster than real time a session runs (only allowed on the simulator)
 */
public record DaemonSettings(DeviceSpec device, int port, double speedup) {
    public static final int DEFAULT_PORT = 7411;

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
     * Reads the config file; a missing file means the defaults. Other keys (used by other commands)
     * are left alone.
     *
     * @throws IllegalArgumentException naming the file and the key when a value is wrong
     */
    public static DaemonSettings load(Path configFile) {
        String text;
        try {
            text = Files.readString(configFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return defaults();
        } catch (IOException e) {
            throw new IllegalArgumentException(configFile + ": cannot read the file (" + e.getMessage() + ")");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(configFile + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) return defaults();
        if (!root.isObject()) throw new IllegalArgumentException(configFile + " ($): must be a JSON object like {\"device\": \"sim\", \"port\": 7411}");
        DeviceSpec device = new DeviceSpec.Sim(null);
        int port = DEFAULT_PORT;
        JsonNode d = root.get("device");
        if (d != null && !d.isNull()) {
            if (!d.isTextual()) throw new IllegalArgumentException(configFile + " ($.device): must be text such as \"sim\", \"ble\" or \"serial:/dev/ttyUSB0\"");
            try {
                device = DeviceSpec.parse(d.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(configFile + " ($.device): " + e.getMessage());
            }
        }
        JsonNode p = root.get("port");
        if (p != null && !p.isNull()) {
            if (!p.isInt() || p.asInt() < 0 || p.asInt() > 65535)
                throw new IllegalArgumentException(configFile + " ($.port): must be a whole number from 1 to 65535 (0 lets the system choose), was " + p);
            port = p.asInt();
        }
        return new DaemonSettings(device, port, 1);
    }

    public DaemonSettings withDevice(DeviceSpec d) { return new DaemonSettings(d, port, speedup); }

    public DaemonSettings withPort(int p) { return new DaemonSettings(device, p, speedup); }

    public DaemonSettings withSpeedup(double s) { return new DaemonSettings(device, port, s); }
}
