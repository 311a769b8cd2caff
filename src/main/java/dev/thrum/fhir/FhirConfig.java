package dev.thrum.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thrum.store.PrivateFiles;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The clinic's FHIR server, from {@code $XDG_CONFIG_HOME/thrum/fhir.json} (see docs/fhir.md):
 * <pre>{"server": "https://fhir.clinic.example/fhir",
 *  "auth": {"bearer": "TOKEN"}            or  {"basic": {"user": "desk-3", "password": "..."}},
 *  "bundleSize": 100, "timeoutSeconds": 60, "syncAfterSession": false}</pre>
 * The file holds a secret, so it must be readable by its owner only; Thrum refuses it otherwise.
 */
public record FhirConfig(URI server, ServerAuth auth, int bundleSize, Duration timeout, boolean syncAfterSession) {
    public static final String FILE = "fhir.json";
    public static final int DEFAULT_BUNDLE_SIZE = 100;
    public static final int MAX_BUNDLE_SIZE = 1000;

    public static FhirConfig none() {
        return new FhirConfig(null, new ServerAuth.None(), DEFAULT_BUNDLE_SIZE, Duration.ofSeconds(60), false);
    }

    public FhirConfig withServer(URI other) {
        return new FhirConfig(other, auth, bundleSize, timeout, syncAfterSession);
    }

    /** A missing file is no settings; anything wrong in it is one line naming the file, the field and the fix. */
    public static FhirConfig load(Path file) {
        if (!Files.exists(file)) return none();
        try {
            if (!PrivateFiles.isOwnerOnly(file))
                throw new IllegalArgumentException(file + ": holds credentials but others may read it; run: chmod 600 " + file);
            JsonNode root = new ObjectMapper().readTree(Files.readString(file));
            if (root == null || !root.isObject())
                throw new IllegalArgumentException(file + ": expected a JSON object like {\"server\": \"https://fhir.clinic.example/fhir\"}");
            URI server = root.hasNonNull("server") ? serverUri(file + ": \"server\"", root.get("server").asText()) : null;
            int size = root.path("bundleSize").asInt(DEFAULT_BUNDLE_SIZE);
            if (size < 1 || size > MAX_BUNDLE_SIZE)
                throw new IllegalArgumentException(file + ": \"bundleSize\" must be 1 to " + MAX_BUNDLE_SIZE + ", was " + size);
            int timeout = root.path("timeoutSeconds").asInt(60);
            if (timeout < 1) throw new IllegalArgumentException(file + ": \"timeoutSeconds\" must be at least 1, was " + timeout);
            return new FhirConfig(server, auth(file, root.path("auth")), size, Duration.ofSeconds(timeout),
                    root.path("syncAfterSession").asBoolean(false));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage());
        }
    }

    private static ServerAuth auth(Path file, JsonNode auth) {
        if (auth.isMissingNode() || auth.isNull()) return new ServerAuth.None();
        if (auth.hasNonNull("bearer")) {
            String token = auth.get("bearer").asText();
            if (token.isBlank()) throw new IllegalArgumentException(file + ": \"auth.bearer\" is empty; put the server's access token there");
            return new ServerAuth.Bearer(token);
        }
        JsonNode basic = auth.path("basic");
        if (basic.isObject() && basic.hasNonNull("user") && basic.hasNonNull("password"))
            return new ServerAuth.Basic(basic.get("user").asText(), basic.get("password").asText());
        throw new IllegalArgumentException(file + ": \"auth\" must be {\"bearer\": \"TOKEN\"} or {\"basic\": {\"user\": \"...\", \"password\": \"...\"}}");
    }

    /** An http(s) URL with a host; anything else is an error saying what was wrong. */
    public static URI serverUri(String where, String text) {
        try {
            URI u = new URI(text.trim());
            if (!"https".equalsIgnoreCase(u.getScheme()) && !"http".equalsIgnoreCase(u.getScheme()) || u.getHost() == null)
                throw new IllegalArgumentException(where + ": '" + SafeText.of(text) + "' is not an http(s) URL; write the server's base URL, for example https://fhir.clinic.example/fhir");
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + ": '" + SafeText.of(text) + "' is not a URL: " + e.getReason());
        }
    }
}
