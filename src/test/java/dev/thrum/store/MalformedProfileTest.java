package dev.thrum.store;

import dev.thrum.profile.ProfileParseResult;
import dev.thrum.profile.ProfileProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each malformed-profile case, written to a real file: the profile is rejected and the message names
 * the file, the JSON path, the line and column (computed here from the text, independently of the
 * parser) and what is wrong.
 */
class MalformedProfileTest {

    static final String VALID = """
            {
              "id": "test-gun",
              "name": "Test gun",
              "source": {"confidence": "inferred", "reference": "test"},
              "match": {"bleNames": ["Test*"], "usbIds": ["10c4:ea60"]},
              "ble": {"service": "ffe0", "tx": {"uuid": "ffe2", "write": "with-response"},
                      "rx": {"uuid": "ffe1", "mode": "notify"}},
              "output": {"unit": "rpm", "stop": 0, "min": 1000, "max": 2000},
              "pacing": {"minGapMs": 50},
              "commands": {
                "setSpeed": "AA {sum8:2..} 01 {speed:u16be}",
                "stop": "AA {sum8:2..} 02 00 00"
              },
              "status": [{"frame": "BB {sum8:2..} 10 .. .. ..",
                          "fields": {"running": {"at": 3, "type": "u8"}, "speed": {"at": 4, "type": "u16be"}}}]
            }
            """;

    /**
     * @param replace text of the valid profile to change
     * @param with    what to put instead
     * @param anchor  text whose {@code ^} marks where the message must point (line and column)
     * @param path    the JSON path the message must name
     * @param says    a fragment the message must contain
     */
    record Case(String name, String replace, String with, String anchor, String path, String says) {
        @Override public String toString() { return name; }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("unknown checksum kind", "{sum8:2..} 01 {speed", "{crc32:2..} 01 {speed",
                        "^{crc32", "$.commands.setSpeed", "unknown checksum kind 'crc32'; use one of sum8"),
                new Case("template names an undefined field", "{speed:u16be}", "{sped:u16be}",
                        "\"setSpeed\": ^\"AA", "$.commands.setSpeed", "undefined field {sped:u16be}"),
                new Case("min above max", "\"min\": 1000", "\"min\": 3000",
                        "\"min\": ^3000", "$.output.min", "min 3000 is above max 2000"),
                new Case("frame shorter than its fields", "\"speed\": {\"at\": 4", "\"speed\": {\"at\": 5",
                        "\"speed\": {\"at\": ^5", "$.status[0].fields.speed.at", "shorter than its fields"),
                new Case("field on a literal byte", "\"running\": {\"at\": 3", "\"running\": {\"at\": 2",
                        "\"running\": {\"at\": ^2", "$.status[0].fields.running.at", "not a '..' wildcard"),
                new Case("open-ended frame on a serial line without a length field",
                        "\"status\": [{\"frame\": \"BB {sum8:2..} 10 .. .. ..\"",
                        "\"serial\": {\"baud\": 9600},\n  \"status\": [{\"frame\": \"BB {sum8:2..} 10 .. .. .. ...\"",
                        "\"frame\": ^\"BB", "$.status[0].frame", "cannot tell where it stops"),
                new Case("'...' before the end of a frame", "10 .. .. ..", "10 ... .. .. ..",
                        "\"frame\": \"BB {sum8:2..} 10 ... ^..", "$.status[0].frame", "must be the last token"),
                new Case("overlapping fields", "\"speed\": {\"at\": 4", "\"speed\": {\"at\": 3",
                        "\"speed\": {\"at\": ^3", "$.status[0].fields.speed.at", "shares bytes with field running"),
                new Case("two commands with the same bytes", "\"stop\": \"AA {sum8:2..} 02 00 00\"",
                        "\"stop\": \"AA {sum8:2..} 02 00 00\", \"status\": \"AA {sum8:2..} 02 00 00\"",
                        "\"status\": ^\"AA", "$.commands.status", "same bytes as stop"),
                new Case("speed twice", "01 {speed:u16be}\"", "01 {speed:u16be} {speed:u8}\"",
                        "\"setSpeed\": ^\"AA", "$.commands.setSpeed", "must carry exactly one"),
                new Case("bad UUID", "\"uuid\": \"ffe2\"", "\"uuid\": \"ffz2\"",
                        "\"uuid\": ^\"ffz2\"", "$.ble.tx.uuid", "not a Bluetooth UUID"),
                new Case("unknown key", "\"bleNames\"", "\"bleName\"",
                        "^\"bleName\"", "$.match.bleName", "unknown key 'bleName'; did you mean 'bleNames'?"),
                new Case("unknown confidence", "\"inferred\"", "\"guessed\"",
                        "^\"guessed\"", "$.source.confidence", "unknown confidence 'guessed'"),
                new Case("bad USB id", "\"10c4:ea60\"", "\"10c4-ea60\"",
                        "^\"10c4-ea60\"", "$.match.usbIds[0]", "vendor:product in hex"),
                new Case("missing stop", "u16be}\",\n    \"stop\": \"AA {sum8:2..} 02 00 00\"", "u16be}\"",
                        "\"commands\": ^{", "$.commands", "missing the \"stop\" command template"),
                new Case("stop inside the running range", "\"stop\": 0,", "\"stop\": 1500,",
                        "\"stop\": ^1500", "$.output.stop", "lies inside the running range"),
                new Case("levels not rising", "\"min\": 1000, \"max\": 2000", "\"levels\": [1, 3, 2]",
                        "3, ^2]", "$.output.levels[2]", "levels must rise strictly"),
                new Case("speed type too narrow", "{speed:u16be}", "{speed:u8}",
                        "\"setSpeed\": ^\"AA", "$.commands.setSpeed", "use a wider type"),
                new Case("unknown status field", "\"running\": {", "\"runing\": {",
                        "^\"runing\"", "$.status[0].fields.runing", "did you mean 'running'?"),
                new Case("value placeholder in a status frame", "10 .. .. ..", "10 .. {speed:u16be}",
                        "\"frame\": ^\"BB", "$.status[0].frame", "status frames mark field bytes with '..'"),
                new Case("no transport", "\"ble\": {", "\"bl\": {",
                        "^\"bl\"", "$.bl", "unknown key 'bl'"),
                new Case("wrong JSON type", "\"minGapMs\": 50", "\"minGapMs\": \"50\"",
                        "\"minGapMs\": ^\"50\"", "$.pacing.minGapMs", "must be a whole number"),
                new Case("bad id", "\"test-gun\"", "\"Test Gun\"",
                        "^\"Test Gun\"", "$.id", "lower-case letters"),
                new Case("unregistered codec", "\"name\": \"Test gun\",", "\"name\": \"Test gun\", \"codec\": \"aes\",",
                        "\"codec\": ^\"aes\"", "$.codec", "no Java codec is registered as 'aes'"),
                new Case("duplicate key", "\"name\": \"Test gun\",", "\"name\": \"Test gun\", \"name\": \"Again\",",
                        "\"Test gun\", \"name\"^:", "", "duplicate key 'name'")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesTheFileThePlaceAndTheFix(Case c, @TempDir Path dir) throws Exception {
        assertTrue(VALID.contains(c.replace()), "test case does not apply: " + c.replace());
        String text = VALID.replace(c.replace(), c.with());
        Path file = dir.resolve("test-gun.json");
        Files.writeString(file, text);

        var invalid = assertInstanceOf(ProfileParseResult.Invalid.class, new ProfileLibraryLoader().check(file));
        int[] where = position(text, c.anchor());
        ProfileProblem p = invalid.problems().stream().filter(x -> x.message().contains(c.says())).findFirst()
                .orElseThrow(() -> new AssertionError("no problem says '" + c.says() + "': " + invalid.problems()));
        assertEquals(file.toString(), p.file());
        assertEquals(c.path(), p.path());
        assertEquals(where[0], p.line(), "line of " + p);
        assertEquals(where[1], p.column(), "column of " + p);
        assertTrue(p.toString().startsWith(file + ":" + where[0] + ":" + where[1] + ": "), p.toString());
    }

    /** 1-based line and column of the {@code ^} in the anchor, found in the text. */
    static int[] position(String text, String anchor) {
        int caret = anchor.indexOf('^');
        int at = text.indexOf(anchor.replace("^", ""));
        assertTrue(at >= 0, "anchor not found: " + anchor);
        int offset = at + caret;
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') { line++; lineStart = i + 1; }
        return new int[] {line, offset - lineStart + 1};
    }

    @Test
    void theValidBaseLoads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ok.json");
        Files.writeString(file, VALID);
        var parsed = assertInstanceOf(ProfileParseResult.Parsed.class, new ProfileLibraryLoader().check(file));
        assertEquals("test-gun", parsed.profile().id());
        assertEquals("0000ffe2-0000-1000-8000-00805f9b34fb", parsed.profile().ble().txUuid());
        assertEquals(file.toString(), parsed.profile().origin());
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst(@TempDir Path dir) throws Exception {
        String text = VALID.replace("\"min\": 1000", "\"min\": 3000").replace("\"ffe2\"", "\"nope\"");
        Path file = dir.resolve("two.json");
        Files.writeString(file, text);
        var invalid = assertInstanceOf(ProfileParseResult.Invalid.class, new ProfileLibraryLoader().check(file));
        List<String> paths = invalid.problems().stream().map(ProfileProblem::path).toList();
        assertTrue(paths.containsAll(List.of("$.output.min", "$.ble.tx.uuid")), paths.toString());
    }

    @Test
    void brokenJsonNamesLineAndColumn(@TempDir Path dir) throws Exception {
        String text = VALID.replace("\"name\": \"Test gun\",", "\"name\": \"Test gun\"");
        Path file = dir.resolve("broken.json");
        Files.writeString(file, text);
        var invalid = assertInstanceOf(ProfileParseResult.Invalid.class, new ProfileLibraryLoader().check(file));
        ProfileProblem p = invalid.problems().get(0);
        assertTrue(p.message().startsWith("not valid JSON"), p.message());
        assertEquals(position(text, "^\"source\"")[0], p.line());
    }
}
