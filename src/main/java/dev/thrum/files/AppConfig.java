package dev.thrum.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user's settings in {@code $XDG_CONFIG_HOME/thrum/config.json}, for example
 * {@code {"device": "serial:/dev/ttyUSB0", "port": 7411}}. Every setting can be overridden by a flag.
 *
 * @param device the default device spec, null when none is configured
 * @param port   the daemon's port on 127.0.0.1, 0 for the default
 */
public record AppConfig(String device, int port) {

    public static final int DEFAULT_PORT = 7411;

    public static AppConfig none() { return new AppConfig(null, 0); }

    /** Reads the file; a missing file is no settings. A broken file is an error naming it. */
    public static AppConfig load(Path file) {
        if (!Files.exists(file)) return none();
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(file));
            if (root == null || !root.isObject())
                throw new IllegalArgumentException(file + ": expected a JSON object like {\"device\": \"sim\"}");
            String device = root.hasNonNull("device") ? root.get("device").asText() : null;
            int port = root.hasNonNull("port") ? root.get("port").asInt() : 0;
            if (port < 0 || port > 65535)
                throw new IllegalArgumentException(file + ": \"port\" must be between 1 and 65535, was " + port);
            return new AppConfig(device, port);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage());
        }
    }

    public int portOrDefault() { return port > 0 ? port : DEFAULT_PORT; }
}
