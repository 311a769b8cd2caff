package dev.thrum.product;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 13 item 10: escape sequences in a program's name and cues, a client's name, a device
 * profile's name and a usage log read with --log reach the terminal only as visible text.
 */
class HostileTextIT {
    static final String EVIL = "\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m";

    @TempDir
    Path home;

    @Test
    void nothingFromAFileOrTheApiReachesTheTerminalRaw() throws Exception {
        ThrumProcess thrum = new ThrumProcess(home);
        Files.createDirectories(thrum.config().resolve("programs"));
        Files.writeString(thrum.config().resolve("programs/evil.json"), """
                {"id": "evil", "name": "Evil%s", "steps": [
                  {"region": "calves", "side": "left", "duration": "20s", "target": 0.3, "rampUp": "5s", "cue": "Cue%s"}]}
                """.formatted(EVIL, EVIL));
        Files.createDirectories(thrum.config().resolve("clients"));
        Files.writeString(thrum.config().resolve("clients/eve.json"), """
                {"id": "eve", "name": "Eve%s"}
                """.formatted(EVIL));
        Path log = home.resolve("other-computer.jsonl");
        Files.writeString(log, ("{\"schema\":\"thrum.session/1\",\"id\":\"s1\",\"client\":\"Eve%s\",\"programId\":\"evil%s\","
                + "\"programName\":\"Evil%s\",\"device\":{\"profile\":\"p%s\",\"address\":\"a\"},\"startedAt\":\"2026-11-24T08:00:00Z\","
                + "\"endedAt\":\"2026-11-24T08:01:00Z\",\"activeSeconds\":60,\"pausedSeconds\":0,\"outcome\":\"completed\","
                + "\"interruptions\":0,\"warnings\":[\"w%s\"],\"steps\":[{\"index\":0,\"region\":\"calves%s\",\"side\":\"left\","
                + "\"rest\":false,\"plannedSeconds\":60,\"actualSeconds\":60,\"peakIntensity\":0.3,\"meanIntensity\":0.3,"
                + "\"softer\":0,\"harder\":0,\"skipped\":false}]}\n").formatted(EVIL, EVIL, EVIL, EVIL, EVIL, EVIL));

        String[][] commands = {
                {"programs", "list"}, {"programs", "show", "evil"}, {"programs", "check", thrum.config().resolve("programs/evil.json").toString()},
                {"clients", "list"}, {"clients", "show", "eve"},
                {"run", "evil", "--client", "eve", "--speedup", "100", "--plain", "--yes"},
                {"log", "list", "--log", log.toString()}, {"log", "show", "s1", "--log", log.toString()},
                {"log", "summary", "--log", log.toString()}, {"log", "summary", "--by", "client", "--log", log.toString()},
                {"run", "\u001b[2Jnothing"},
        };
        for (int i = 0; i < commands.length; i++) {
            String[] args = commands[i];
            ThrumProcess.Result r = thrum.run(args);
            String all = r.both();
            String what = String.join(" ", args).replace("\u001b", "ESC");
            if (i < commands.length - 1) assertEquals(0, r.exit(), what + ":\n" + all);
            assertTrue(all.chars().noneMatch(c -> (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)),
                    what + " printed a control character:\n" + all.replace("\u001b", "<ESC>").replace("\u0007", "<BEL>"));
        }
        String shown = thrum.run("programs", "list").out();
        assertTrue(shown.contains("Evil^[]0;pwned^G^[[2J<U+009B>31m"), "the name shows, defused:\n" + shown);
    }
}
