package dev.thrum.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad files as a person meets them: {@code thrum ...} from the real entry point in a child JVM, on
 * a temporary home. Each message names the file and the place, holds no internal exception text,
 * and the good files next to a bad one still load (issue 13, items 13, 15 and 22).
 */
class BadInputThroughThrumTest {
    @TempDir Path home;

    static final String OPEN_SERIAL = "device-profiles/thrum-open-serial.json";

    private Path userProfile(String name, String id, String crcRange) throws Exception {
        String text = Files.readString(Path.of(OPEN_SERIAL))
                .replace("\"id\": \"thrum-open-serial\"", "\"id\": \"" + id + "\"")
                .replace("{crc8:1..-2}", "{crc8:" + crcRange + "}");
        Path dir = Files.createDirectories(ThrumChild.configDir(home).resolve("device-profiles"));
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void a_byte_range_past_int_names_the_file_and_the_other_profiles_still_load() throws Exception {
        Path bad = userProfile("huge.json", "huge-range", "1..99999999999");
        ThrumChild list = ThrumChild.run(home, "profiles", "list");
        assertEquals(0, list.exit(), list.both());
        assertTrue(list.out().contains("theragun-gen4"), list.both());
        assertTrue(list.err().contains(bad.toString()) && list.err().contains("99999999999"), list.both());
        InternalText.assertNone(list.both(), "profiles list");
    }

    @Test
    void profiles_check_reports_every_file_even_after_a_bad_one() throws Exception {
        Path a = userProfile("a.json", "a-gun", "1..-2");
        Path b = userProfile("b.json", "b-gun", "1..99999999999");
        Path c = userProfile("c.json", "c-gun", "1..-2");
        ThrumChild check = ThrumChild.run(home, "profiles", "check", a.toString(), b.toString(), c.toString());
        assertEquals(1, check.exit(), check.both());
        assertTrue(check.out().contains(a + ": ok") && check.out().contains(c + ": ok"), check.both());
        assertTrue(check.err().contains(b.toString()) && check.err().contains("$.commands.setSpeed"), check.both());
        assertTrue(check.err().contains("1 of 3"), check.both());
        InternalText.assertNone(check.both(), "profiles check");
    }

    @Test
    void a_config_port_of_the_wrong_kind_is_refused_naming_config_json_and_the_key() throws Exception {
        Path config = Files.createDirectories(ThrumChild.configDir(home)).resolve("config.json");
        for (String port : new String[]{"\"abc\"", "7411.9", "{}", "4294974707", "true", "-1"}) {
            Files.writeString(config, "{\"device\": \"sim\", \"port\": " + port + "}");
            ThrumChild d = ThrumChild.run(home, "daemon");
            assertNotEquals(0, d.exit(), port + ": " + d.both());
            assertTrue(d.err().contains(config + " ($.port)"), port + ": " + d.both());
            assertTrue(d.err().contains("1 to 65535"), port + ": " + d.both());
            assertFalse(d.out().contains("listening"), port + ": " + d.both());
            InternalText.assertNone(d.both(), "daemon with port " + port);
        }
    }

    @Test
    void trailing_garbage_in_config_json_is_refused_with_its_place() throws Exception {
        Path config = Files.createDirectories(ThrumChild.configDir(home)).resolve("config.json");
        Files.writeString(config, "{\"device\": \"sim\"}garbage");
        ThrumChild d = ThrumChild.run(home, "daemon");
        assertNotEquals(0, d.exit(), d.both());
        assertTrue(d.err().contains(config + ": line 1, column 18"), d.both());
        assertTrue(d.err().contains("after the end of the JSON value"), d.both());
        InternalText.assertNone(d.both(), "daemon with trailing garbage");
    }

    @Test
    void an_unknown_profile_in_config_json_names_config_json() throws Exception {
        Path config = Files.createDirectories(ThrumChild.configDir(home)).resolve("config.json");
        Files.writeString(config, "{\"device\": \"sim:no-such-gun\"}");
        ThrumChild d = ThrumChild.run(home, "daemon");
        assertNotEquals(0, d.exit(), d.both());
        assertTrue(d.err().contains("no-such-gun") && d.err().contains(config + " ($.device)"), d.both());
        InternalText.assertNone(d.both(), "daemon with an unknown profile");
    }

    @Test
    void a_non_utf8_program_names_the_file_and_the_byte_offset() throws Exception {
        Path dir = Files.createDirectories(ThrumChild.configDir(home).resolve("programs"));
        Path f = dir.resolve("latin1.json");
        byte[] text = "{\"id\": \"latin1\", \"name\": \"Caf\u00e9\", \"steps\": []}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(f, text);
        ThrumChild check = ThrumChild.run(home, "programs", "check", f.toString());
        assertEquals(1, check.exit(), check.both());
        assertTrue(check.err().contains(f.toString()) && check.err().contains("byte offset 29") && check.err().contains("UTF-8"), check.both());
        InternalText.assertNone(check.both(), "programs check of a Latin-1 file");
    }

    @Test
    void a_data_directory_that_cannot_be_read_is_an_error_not_an_empty_log() throws Exception {
        // a file where the data directory should be: unreadable even for root, unlike a chmod
        Files.createDirectories(home.resolve("data"));
        Files.writeString(ThrumChild.dataDir(home), "not a directory");
        ThrumChild list = ThrumChild.run(home, "log", "list");
        assertEquals(1, list.exit(), list.both());
        assertFalse(list.out().contains("No sessions recorded yet"), list.both());
        assertTrue(list.err().contains(ThrumChild.dataDir(home).toString()) && list.err().contains("not a directory"), list.both());
    }

    @Test
    void a_bad_client_file_is_reported_once() throws Exception {
        Path dir = Files.createDirectories(ThrumChild.configDir(home).resolve("clients"));
        Files.writeString(dir.resolve("ann.json"), "{\"name\": \"Ann\", \"regionCaps\": {\"calvs\": 0.2}}");
        Files.writeString(dir.resolve("bob.json"), "{\"name\": \"Bob\"}");
        ThrumChild list = ThrumChild.run(home, "clients", "list");
        assertTrue(list.out().contains("bob"), list.both());
        String all = list.out() + list.err();
        int first = all.indexOf("ann.json");
        assertTrue(first >= 0, list.both());
        assertEquals(-1, all.indexOf("ann.json", first + 1), "reported twice:\n" + list.both());
        assertTrue(all.contains("did you mean 'calves'"), list.both());
    }

    @Test
    void thrum_run_refuses_a_client_whose_limit_names_an_unknown_region() throws Exception {
        Path dir = Files.createDirectories(ThrumChild.configDir(home).resolve("clients"));
        Path file = dir.resolve("y.json");
        Files.writeString(file, "{\"name\": \"y\", \"avoid\": [\"hamstring\"]}");
        ThrumChild run = ThrumChild.run(home, "run", "general-warm-up", "--client", "y", "--device", "sim", "--speedup", "400", "--plain");
        assertNotEquals(0, run.exit(), run.both());
        assertTrue(run.err().contains(file + " ($.avoid[0]") && run.err().contains("did you mean 'hamstrings'"), run.both());
        assertFalse(run.out().contains("step 1"), "a session ran: " + run.both());
        assertFalse(Files.exists(ThrumChild.dataDir(home).resolve("usage-log.jsonl")), run.both());
        InternalText.assertNone(run.both(), "run with a bad client");
    }
}
