package dev.thrum.cli;

import dev.thrum.store.ProfileLibraryLoader;
import dev.thrum.store.MalformedProfileTestAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code thrum profiles ...} end to end, on the built-ins plus a temporary user directory (never the real home). */
class ProfilesCommandTest {

    @TempDir Path userDir;

    record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        var cl = new CommandLine(new ProfilesCommand(() -> new ProfileLibraryLoader().load(List.of(userDir))));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("thrum: " + ex.getMessage());
            return 1;
        });
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void isRegisteredUnderThrum() {
        assertTrue(ThrumCommand.commandLine().getSubcommands().containsKey("profiles"));
    }

    @Test
    void listShowsEveryProfileWithItsConfidence() {
        Run r = run("list");
        assertEquals(0, r.exit());
        for (String id : List.of("theragun-gen4", "theragun-wave", "ems-v2", "foreo", "thrum-open-serial"))
            assertTrue(r.out().contains(id), id);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("thrum-open-serial") && l.contains("open-spec")));
    }

    @Test
    void listReportsBadUserFilesButStillLists() throws Exception {
        Files.writeString(userDir.resolve("broken.json"), "{ \"id\": ");
        Run r = run("list");
        assertEquals(0, r.exit());
        assertTrue(r.err().contains("skipped: " + userDir.resolve("broken.json")), r.err());
        assertTrue(r.out().contains("theragun-gen4"));
    }

    @Test
    void showPrintsTheProfileWithExampleBytes() {
        Run r = run("show", "theragun-gen4");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("speed 2400 -> AA 70 01 03 09 60 03"), r.out());
        assertTrue(r.out().contains("0000ffe2-0000-1000-8000-00805f9b34fb"), r.out());
        assertTrue(r.out().contains("reverse-engineered"), r.out());
    }

    @Test
    void showUnknownIdFailsAndListsTheKnownOnes() {
        Run r = run("show", "nope");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no device profile with id 'nope'") && r.err().contains("foreo"), r.err());
    }

    @Test
    void encodePrintsHexAndRefusesValuesOutsideTheRange() {
        assertEquals(new Run(0, "AA 70 01 03 09 60 03" + System.lineSeparator(), ""), run("encode", "theragun-gen4", "setSpeed", "2400"));
        assertEquals("AA 10 10 00", run("encode", "theragun-gen4", "status").out().strip());
        assertEquals("A5 04 02 5A", run("encode", "thrum-open-serial", "stop").out().strip());
        Run out = run("encode", "theragun-gen4", "setSpeed", "9000");
        assertEquals(1, out.exit());
        assertTrue(out.err().contains("speed 9000 is not a value profile 'theragun-gen4' accepts; it takes 1750..2400 rpm"), out.err());
        assertEquals(2, run("encode", "theragun-gen4", "setSpeed").exit(), "missing value is a usage error");
        assertEquals(2, run("encode", "theragun-gen4", "jump").exit(), "unknown command is a usage error");
        Run missing = run("encode", "foreo", "version");
        assertEquals(2, missing.exit(), "a command the profile lacks is a usage error");
        assertTrue(missing.err().contains("profile foreo has no command 'version'; its commands are setSpeed, stop"),
                missing.err());
    }

    /** The open serial protocol's own names work, and help lists no command a profile may lack. */
    @Test
    void encodeTakesTheProtocolsNamesAndHelpListsNoFixedCommands() {
        assertEquals("A5 04 03 5D", run("encode", "thrum-open-serial", "GET_STATUS").out().strip());
        assertEquals("A5 04 04 48", run("encode", "thrum-open-serial", "GET_VERSION").out().strip());
        assertEquals("A5 04 05 4F", run("encode", "thrum-open-serial", "PING").out().strip());
        assertEquals("A5 05 01 32 4B", run("encode", "thrum-open-serial", "SET_SPEED", "50").out().strip());
        assertEquals("A5 05 06 02 B0", run("encode", "thrum-open-serial", "HELLO", "2").out().strip());
        Run battery = run("encode", "thrum-open-serial", "battery");
        assertEquals(2, battery.exit());
        assertTrue(battery.err().contains("its commands are setSpeed, stop, status, version, keepalive, hello"), battery.err());
        String help = run("encode", "--help").out();
        assertTrue(!help.contains("battery") && help.contains("GET_STATUS"), help);
    }

    @Test
    void decodeNamesTheFrameAndRefusesASpeedAbove100() {
        Run version = run("decode", "thrum-open-serial", "A5 06 84 00 66 E1");
        assertEquals(0, version.exit(), version.err());
        assertTrue(version.out().startsWith("VERSION frame (device to host)") && version.out().contains("firmware: 1.02"),
                version.out());
        Run info = run("decode", "thrum-open-serial", "A5 08 86 02 00 66 0F 19");
        assertTrue(info.out().startsWith("INFO frame") && info.out().contains("protocol: 2"), info.out());
        Run nak = run("decode", "thrum-open-serial", "A5 06 80 01 03 63");
        assertTrue(nak.out().startsWith("NAK frame") && nak.out().contains("refused command: 01, reason 3"), nak.out());
        Run fast = run("decode", "thrum-open-serial", "A5 0B 83 01 65 57 01 2C 02 58 " + crc("0B 83 01 65 57 01 2C 02 58"));
        assertEquals(1, fast.exit(), fast.out());
        assertTrue(fast.err().contains("speed at byte 4 is 101; at most 100 is valid"), fast.err());
    }

    private static String crc(String hex) {
        byte[] b = java.util.HexFormat.ofDelimiter(" ").parseHex(hex);
        return String.format("%02X", dev.thrum.protocol.OpenSerialFrames.crc8(b, 0, b.length));
    }

    @Test
    void decodePrintsFieldsOrWhyTheFrameIsRejected() {
        Run ok = run("decode", "thrum-open-serial", "A5 0B 83 01 32 57 01 2C 02 58 31");
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("running:  true") && ok.out().contains("speed:    50 percent")
                && ok.out().contains("battery:  87%") && ok.out().contains("force:    300") && ok.out().contains("timer:    600 s"), ok.out());

        Run cmd = run("decode", "theragun-gen4", "AA", "70", "01", "03", "09", "60", "03");
        assertEquals(0, cmd.exit());
        assertTrue(cmd.out().contains("setSpeed 2400 rpm"), cmd.out());

        Run bad = run("decode", "thrum-open-serial", "A50B83013357012C025831");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("crc8 over bytes 1..9"), bad.err());

        assertEquals(2, run("decode", "foreo", "XYZ").exit());
    }

    @Test
    void decodeAcceptsAFullTwentyByteTheragunStatusButNotWithAWrongChecksum() {
        Run ok = run("decode", "theragun-gen4", "bbe8100001000000000000000007d00000000000");
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("running:  true") && ok.out().contains("speed:    2000 rpm"), ok.out());

        Run bad = run("decode", "theragun-gen4", "bbe9100001000000000000000007d00000000000");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("sum8 over bytes 2..19 is 0xE8, frame says 0xE9"), bad.err());
    }

    @Test
    void checkPassesGoodFilesAndFailsWithEveryProblem(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.json");
        Files.copy(Path.of("device-profiles/thrum-open-serial.json"), good);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, MalformedProfileTestAccess.valid().replace("\"max\": 2000", "\"max\": 10"));

        Run ok = run("check", good.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains(good + ": ok (profile 'thrum-open-serial'"), ok.out());

        Run r = run("check", good.toString(), bad.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(bad + ":8:") && r.err().contains("at $.output.min: min 1000 is above max 10"), r.err());
        assertTrue(r.err().contains("1 of 2 file(s) have problems"), r.err());
    }
}
