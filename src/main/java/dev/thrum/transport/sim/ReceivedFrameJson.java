package dev.thrum.transport.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The simulator's record of received frames as JSON Lines, so a test can read what a simulator in
 * another process received. One object a line:
 * <pre>
 * {"at":"2026-11-24T08:00:00.120Z","hex":"AA700103096003","command":"setSpeed","value":2400}
 * {"at":"2026-11-24T08:00:00.170Z","hex":"AA0010","rejected":"bad checksum"}
 * </pre>
 * {@code command} is the profile template name ({@link DeviceCommand#templateName()});
 * {@code value} appears only for setSpeed (the speed) and hello (the protocol version); {@code hex} is upper-case without separators.
 */
public final class ReceivedFrameJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private ReceivedFrameJson() {}

    public static String toLine(ReceivedFrame frame) {
        ObjectNode o = JSON.createObjectNode();
        o.put("at", frame.at().toString());
        o.put("hex", HEX.formatHex(frame.bytes()));
        if (frame.result() instanceof DecodeResult.Decoded<DeviceCommand> d) {
            o.put("command", d.value().templateName());
            if (d.value() instanceof DeviceCommand.SetSpeed s) o.put("value", s.value());
            if (d.value() instanceof DeviceCommand.Hello h) o.put("value", h.protocol());
        } else if (frame.result() instanceof DecodeResult.Rejected<DeviceCommand> r) {
            o.put("rejected", r.reason());
        }
        return o.toString();
    }

    /** @throws IllegalArgumentException naming the problem when the line is not a frame record */
    public static ReceivedFrame parse(String line) {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON frame record: " + e.getOriginalMessage());
        }
        if (o == null || !o.hasNonNull("at") || !o.hasNonNull("hex"))
            throw new IllegalArgumentException("a frame record needs \"at\" and \"hex\": " + line);
        Instant at = Instant.parse(o.get("at").asText());
        byte[] bytes = HEX.parseHex(o.get("hex").asText());
        DecodeResult<DeviceCommand> result;
        if (o.hasNonNull("command")) {
            result = DecodeResult.ok(commandNamed(o.get("command").asText(), o.path("value").asInt()));
        } else {
            result = DecodeResult.rejected(o.path("rejected").asText("rejected"));
        }
        return new ReceivedFrame(at, bytes, result);
    }

    /** Reads a whole record file; a missing file is an empty record. */
    public static List<ReceivedFrame> readAll(Path file) throws IOException {
        List<ReceivedFrame> frames = new ArrayList<>();
        if (!Files.exists(file)) return frames;
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) continue;
            try {
                frames.add(parse(line));
            } catch (RuntimeException e) {
                throw new IOException(file + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return frames;
    }

    static DeviceCommand commandNamed(String name, int value) {
        return switch (name) {
            case "setSpeed" -> new DeviceCommand.SetSpeed(value);
            case "stop" -> new DeviceCommand.Stop();
            case "status" -> new DeviceCommand.StatusRequest();
            case "version" -> new DeviceCommand.VersionRequest();
            case "battery" -> new DeviceCommand.BatteryRequest();
            case "keepalive" -> new DeviceCommand.Keepalive();
            case "hello" -> new DeviceCommand.Hello(value);
            default -> throw new IllegalArgumentException("unknown command \"" + name + "\"");
        };
    }
}
