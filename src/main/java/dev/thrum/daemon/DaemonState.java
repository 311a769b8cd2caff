package dev.thrum.daemon;

import dev.thrum.store.PrivateFiles;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What a running daemon tells its clients through the state file: where it listens and which
 * process it is (so a file left by a crashed daemon is recognised as stale).
 */
public record DaemonState(int port, long pid, Instant startedAt, String device) {

    public void writeTo(Path file) throws IOException {
        var o = Json.MAPPER.createObjectNode();
        o.put("port", port).put("pid", pid).put("startedAt", startedAt.toString()).put("device", device);
        PrivateFiles.writeAtomically(file, o.toPrettyString() + "\n");
    }

    /** The state in the file, if there is a readable one. */
    public static Optional<DaemonState> read(Path file) {
        try {
            JsonNode o = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return Optional.of(new DaemonState(o.get("port").asInt(), o.get("pid").asLong(),
                    Instant.parse(o.get("startedAt").asText()), o.path("device").asText()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True while the process that wrote the file still runs. */
    public boolean processAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
