package dev.thrum.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.json.JsonErrors;
import dev.thrum.json.StrictJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user's settings in {@code $XDG_CONFIG_HOME/thrum/config.json}, for example
 * {@code {"device": "serial:/dev/ttyUSB0", "port": 7411}}. Every setting can be overridden by a flag.
 * A value of the wrong type is refused, naming the file and the key, never quietly replaced by a
 * default: a port that silently became 7411 would send the person's programs to another daemon.
 *
 * @param device the default device spec, null when none is configured
 * @param port   the daemon's port on 127.0.0.1, 0 for the default
 */
public record AppConfig(String device, int port) {

    public static final int DEFAULT_PORT = 7411;

    public static AppConfig none() { return new AppConfig(null, 0); }

    /** Reads the file; a missing file is no settings. A broken file is an error naming it and the key. */
    public static AppConfig load(Path file) {
        if (!Files.exists(file)) return none();
        String text;
        try {
            text = TextFiles.readUtf8(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + IoReason.of(e));
        }
        JsonNode root;
        try {
            root = StrictJson.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": " + JsonErrors.describe(e));
        }
        if (root == null || !root.isObject())
            throw new IllegalArgumentException(file + ": expected a JSON object like {\"device\": \"sim\", \"port\": 7411}");
        return new AppConfig(device(file, root.get("device")), port(file, root.get("port")));
    }

    private static String device(Path file, JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (!n.isTextual() || n.asText().isBlank())
            throw new IllegalArgumentException(file + " ($.device): \"device\" must be a text like \"sim\", \"ble:AA:BB:CC:DD:EE:FF\" or \"serial:/dev/ttyUSB0\", got " + n);
        return n.asText();
    }

    private static int port(Path file, JsonNode n) {
        if (n == null || n.isNull()) return 0;
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0 || n.intValue() > 65535)
            throw new IllegalArgumentException(file + " ($.port): \"port\" must be a whole number from 1 to 65535"
                    + " (or 0 for the default " + DEFAULT_PORT + "), got " + n);
        return n.intValue();
    }

    public int portOrDefault() { return port > 0 ? port : DEFAULT_PORT; }
}
