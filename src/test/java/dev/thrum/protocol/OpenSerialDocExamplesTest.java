package dev.thrum.protocol;

import dev.thrum.profile.DeviceProfile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worked examples of docs/open-serial-protocol.md, read from the document itself: every line of
 * its {@code frames} block is decoded by the shipped profile's codec and, where the frame is the one
 * Thrum writes, encoded back to the same bytes; every other frame written in the document is at least
 * a valid frame the codec reads. So a maker can trust each hex example.
 */
class OpenSerialDocExamplesTest {

    private static final Path DOC = Path.of("docs/open-serial-protocol.md");
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
    private static final Pattern LINE = Pattern.compile(
            "((?:[0-9A-F]{2} )+[0-9A-F]{2})\\s+(host|device)\\s+([A-Z_]+)((?:\\s+\\w+=\\w+(?:\\.\\w+)?)*)(.*)");
    private static final Pattern ANY_FRAME = Pattern.compile("\\bA5(?: [0-9A-F]{2}){3,}");

    private final DeviceProfile profile = ShippedProfiles.get("thrum-open-serial");
    private final TemplateCodec codec = (TemplateCodec) Codecs.forProfile(profile);

    static List<String> frameLines() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf("```frames\n");
        assertTrue(start >= 0, DOC + " has no ```frames block");
        int end = doc.indexOf("```", start + 10);
        List<String> lines = new ArrayList<>();
        for (String l : doc.substring(start + 10, end).split("\n")) if (!l.isBlank()) lines.add(l.strip());
        return lines;
    }

    @TestFactory
    List<DynamicTest> everyWorkedExampleMatchesTheCodec() throws IOException {
        List<String> lines = frameLines();
        assertTrue(lines.size() >= 15, "too few examples: " + lines);
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : lines) tests.add(DynamicTest.dynamicTest(line, () -> check(line)));
        return tests;
    }

    private void check(String line) {
        Matcher m = LINE.matcher(line);
        assertTrue(m.matches(), "example line not in the form 'HEX host|device NAME key=value...': " + line);
        byte[] bytes = HEX.parseHex(m.group(1));
        assertTrue(OpenSerialFrames.valid(bytes), "not a valid frame (SYNC, LEN or CRC): " + line);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String kv : m.group(4).trim().split("\\s+")) {
            if (kv.isEmpty()) continue;
            String[] p = kv.split("=", 2);
            fields.put(p[0], p[1]);
        }
        if (m.group(2).equals("host")) checkCommand(line, bytes, m.group(3), fields);
        else checkReply(line, bytes, m.group(3), fields);
    }

    private void checkCommand(String line, byte[] bytes, String name, Map<String, String> f) {
        DeviceCommand expected = switch (name) {
            case "SET_SPEED" -> new DeviceCommand.SetSpeed(Integer.parseInt(f.get("speed")));
            case "STOP" -> new DeviceCommand.Stop();
            case "GET_STATUS" -> new DeviceCommand.StatusRequest();
            case "GET_VERSION" -> new DeviceCommand.VersionRequest();
            case "PING" -> new DeviceCommand.Keepalive();
            case "HELLO" -> new DeviceCommand.Hello(Integer.parseInt(f.get("protocol")));
            default -> throw new AssertionError("unknown command name in the document: " + line);
        };
        var decoded = assertInstanceOf(DecodeResult.Decoded.class, codec.decodeCommand(bytes), line);
        assertEquals(expected, decoded.value(), line);
        byte[] encoded = codec.encode(expected);
        if (bytes.length == encoded.length) assertArrayEquals(bytes, encoded, "Thrum writes other bytes for " + line);
        else assertTrue(bytes.length > encoded.length && line.contains("ignored"),
                "a longer frame than Thrum writes must say its extra bytes are ignored: " + line);
    }

    private void checkReply(String line, byte[] bytes, String name, Map<String, String> f) {
        DecodeResult<DeviceStatus> r = codec.decodeStatus(bytes);
        var decoded = assertInstanceOf(DecodeResult.Decoded.class, r, () -> line + ": " + r);
        assertEquals(name, codec.replyName(bytes).orElse(null), "frame kind of " + line);
        DeviceStatus expected = new DeviceStatus(
                f.containsKey("running") ? f.get("running").equals("1") : null,
                integer(f, "speed", 10), integer(f, "force", 10),
                "unknown".equals(f.get("battery")) ? null : integer(f, "battery", 10),
                integer(f, "timer", 10), f.get("firmware"), integer(f, "protocol", 10),
                integer(f, "capabilities", 16), integer(f, "stopReason", 10),
                integer(f, "command", 16), integer(f, "reason", 10));
        assertEquals(expected, decoded.value(), line);
        assertArrayEquals(bytes, codec.encodeStatus(expected), "the simulator would write other bytes for " + line);
    }

    private static Integer integer(Map<String, String> f, String key, int radix) {
        String v = f.get(key);
        return v == null ? null : Integer.valueOf(v, radix);
    }

    /** Every other frame in the text (tables, the conversation, the checker's hints) is valid and readable. */
    @Test
    void everyFrameWrittenAnywhereInTheDocumentIsValid() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Matcher m = ANY_FRAME.matcher(doc);
        int count = 0;
        while (m.find()) {
            byte[] bytes = HEX.parseHex(m.group());
            int len = bytes[1] & 0xFF;
            if (bytes.length > len) bytes = java.util.Arrays.copyOf(bytes, len); // the hex ran on into prose
            String frame = HEX.formatHex(bytes);
            assertTrue(OpenSerialFrames.valid(bytes), "not a valid frame in the document: " + frame);
            boolean readable = codec.decodeStatus(bytes).isOk() || codec.decodeCommand(bytes).isOk()
                    || (OpenSerialFrames.cmd(bytes) == OpenSerialFrames.SET_SPEED && OpenSerialFrames.payload(bytes, 0) > 100);
            assertTrue(readable, "the codec reads neither a reply nor a command in " + frame);
            count++;
        }
        assertTrue(count >= 25, "found only " + count + " frames in " + DOC);
    }

    @Test
    void theCrcCheckValueAndTheWorkedStepsHold() {
        byte[] text = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xF4, OpenSerialFrames.crc8(text, 0, text.length));
        assertEquals(0x1B, OpenSerialFrames.crc8(new byte[]{0x05}, 0, 1));
        assertEquals(0x46, OpenSerialFrames.crc8(new byte[]{0x05, 0x01}, 0, 2));
        assertEquals(0x4B, OpenSerialFrames.crc8(new byte[]{0x05, 0x01, 0x32}, 0, 3));
    }
}
