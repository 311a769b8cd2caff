package dev.thrum.protocol;

import dev.thrum.store.ProfileLibraryLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden traffic per shipped profile, from src/test/resources/golden/PROFILE/: commands.txt
 * ("COMMAND [VALUE] -> HEX") and status.txt ("HEX -> field=value ..." or "HEX -> rejected WORD").
 * The expected bytes were computed outside Thrum, so these tests check the codec, not themselves.
 */
class GoldenTrafficTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    record Line(String profile, String file, int number, String left, String right) {
        @Override public String toString() { return profile + "/" + file + ":" + number + " " + left + " -> " + right; }
    }

    static List<Line> lines(String file) throws IOException {
        List<Line> out = new ArrayList<>();
        try (var dirs = Files.list(GOLDEN)) {
            for (Path dir : dirs.sorted().toList()) {
                Path f = dir.resolve(file);
                if (!Files.exists(f)) continue;
                List<String> text = Files.readAllLines(f);
                for (int i = 0; i < text.size(); i++) {
                    String l = text.get(i).strip();
                    if (l.isEmpty() || l.startsWith("#")) continue;
                    String[] parts = l.split("->", 2);
                    out.add(new Line(dir.getFileName().toString(), file, i + 1, parts[0].strip(), parts[1].strip()));
                }
            }
        }
        return out;
    }

    static List<Arguments> commandLines() throws IOException {
        return lines("commands.txt").stream().map(Arguments::of).toList();
    }

    static List<Arguments> statusLines() throws IOException {
        return lines("status.txt").stream().map(Arguments::of).toList();
    }

    static DeviceCommand command(String text) {
        String[] p = text.split("\\s+");
        return switch (p[0]) {
            case "setSpeed" -> new DeviceCommand.SetSpeed(Integer.parseInt(p[1]));
            case "stop" -> new DeviceCommand.Stop();
            case "status" -> new DeviceCommand.StatusRequest();
            case "version" -> new DeviceCommand.VersionRequest();
            case "battery" -> new DeviceCommand.BatteryRequest();
            case "keepalive" -> new DeviceCommand.Keepalive();
            default -> throw new IllegalArgumentException("unknown golden command " + text);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandLines")
    void encodesCommandsToTheGoldenBytes(Line line) {
        Codec codec = Codecs.forProfile(ShippedProfiles.get(line.profile()));
        DeviceCommand c = command(line.left());
        byte[] expected = HEX.parseHex(line.right());
        assertEquals(line.right(), HEX.formatHex(codec.encode(c)));
        // The simulator's direction: the same bytes decode back to the command (speed 0 reads as stop).
        DeviceCommand back = ((DecodeResult.Decoded<DeviceCommand>) codec.decodeCommand(expected)).value();
        DeviceCommand want = c instanceof DeviceCommand.SetSpeed s
                && s.value() == ShippedProfiles.get(line.profile()).output().stopValue() ? new DeviceCommand.Stop() : c;
        assertEquals(want, back);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statusLines")
    void decodesStatusFramesToTheGoldenFields(Line line) {
        Codec codec = Codecs.forProfile(ShippedProfiles.get(line.profile()));
        DecodeResult<DeviceStatus> r = codec.decodeStatus(HEX.parseHex(line.left()));
        if (line.right().startsWith("rejected")) {
            var rej = assertInstanceOf(DecodeResult.Rejected.class, r, "expected a rejection");
            String word = line.right().substring("rejected".length()).strip();
            assertTrue(rej.reason().contains(word), "reason '" + rej.reason() + "' should mention " + word);
            return;
        }
        DeviceStatus s = assertInstanceOf(DecodeResult.Decoded.class, r, () -> r.toString()).value() instanceof DeviceStatus d
                ? d : null;
        Map<String, String> expected = new HashMap<>();
        for (String kv : line.right().split("\\s+")) {
            String[] p = kv.split("=", 2);
            expected.put(p[0], p[1]);
        }
        assertEquals(expected.get("running"), str(s.running()), "running");
        assertEquals(expected.get("speed"), str(s.speed()), "speed");
        assertEquals(expected.get("force"), str(s.force()), "force");
        assertEquals(expected.get("battery"), str(s.battery()), "battery");
        assertEquals(expected.get("timer"), str(s.timer()), "timer");
        assertEquals(expected.get("firmware"), s.firmware(), "firmware");
        // The simulator's direction: encoding that status gives a frame that reads the same.
        assertEquals(DecodeResult.ok(s), codec.decodeStatus(codec.encodeStatus(s)));
    }

    private static String str(Object o) { return o == null ? null : o.toString(); }

    @Test
    void everyShippedProfileHasGoldenCommandsAndTheWorkedExampleIsThere() throws IOException {
        List<Line> commands = lines("commands.txt");
        for (String file : dev.thrum.store.BuiltInProfileFiles.list()) {
            String id = file.replace(".json", "");
            assertTrue(commands.stream().anyMatch(l -> l.profile().equals(id)), "no golden commands for " + id);
        }
        assertTrue(commands.stream().anyMatch(l -> l.profile().equals("theragun-gen4")
                && l.left().equals("setSpeed 2400") && l.right().equals("AA 70 01 03 09 60 03")));
        assertFalse(lines("status.txt").isEmpty());
    }
}
