package dev.thrum.transport.serial;

import dev.thrum.testkit.FileText;
import dev.thrum.testkit.Await;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole product over a serial line: {@code thrum run sciatica-relief --device serial:PTY} in one
 * JVM, {@code thrum simulate} in another, a socat pseudo-terminal pair between them. The simulator's
 * record of received frames must show every ramp starting at the lowest running value and a final stop.
 */
class SerialRunEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROFILE = "thrum-open-serial";
    /** thrum-open-serial's lowest running value (output min). */
    private static final int LOWEST_RUNNING = 1;

    @TempDir
    Path dir;
    SimulatedSerialLine line;

    @AfterEach
    void tearDown() throws Exception {
        if (line != null) line.close();
    }

    /** sciatica-relief against a version 2 device (HELLO answered) and a version 1 device (HELLO ignored). */
    @ParameterizedTest(name = "device speaks protocol {0}")
    @ValueSource(ints = {2, 1})
    void aProgramRunsToTheEndOverASerialLine(int protocol) throws Exception {
        Path record = dir.resolve("received.jsonl");
        line = SimulatedSerialLine.start(dir, record, List.of("--protocol", Integer.toString(protocol)));

        Path output = dir.resolve("run.out");
        Process run = line.startThrum(output, "run", "sciatica-relief", "--device", line.device(),
                "--speedup", "100", "--yes", "--plain");
        boolean ended = run.waitFor(180, TimeUnit.SECONDS);
        if (!ended) run.destroyForcibly();
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(ended, "thrum run did not finish within 180 s:\n" + out);
        assertEquals(0, run.exitValue(), out);
        assertTrue(out.contains("finished: completed"), out);
        Matcher treated = Pattern.compile("(\\d+) regions treated").matcher(out);
        assertTrue(treated.find(), out);
        int regions = Integer.parseInt(treated.group(1));

        List<String> motor = new ArrayList<>(); // "setSpeed N" and "stop", in order
        List<String> all = Files.readAllLines(record, StandardCharsets.UTF_8);
        assertEquals("hello", JSON.readTree(all.get(0)).path("command").asText(), "HELLO is Thrum's first frame: " + all.get(0));
        long hellos = all.stream().filter(l -> l.contains("\"command\":\"hello\"")).count();
        long versions = all.stream().filter(l -> l.contains("\"command\":\"version\"")).count();
        // a busy machine may make the first INFO come after the 300 ms retry: a second HELLO is harmless
        if (protocol == 2) assertTrue(hellos >= 1 && hellos <= 3, "HELLO until INFO comes: " + hellos);
        else assertTrue(hellos == 3 && versions == 1, "a version 1 device ignores HELLO; Thrum tries three times,"
                + " then asks GET_VERSION once: " + hellos + " HELLO, " + versions + " GET_VERSION");
        for (String line : all) {
            JsonNode frame = JSON.readTree(line);
            assertTrue(!frame.has("rejected"), "the simulator rejected a frame: " + line);
            String command = frame.path("command").asText();
            if (command.equals("setSpeed")) motor.add("setSpeed " + frame.path("value").asInt());
            else if (command.equals("stop")) motor.add("stop");
        }
        String summary = String.join(", ", motor);
        // the get-ready countdown commands the motor still (one stop or more); then the first speed is the lowest
        int firstSpeed = 0;
        while (firstSpeed < motor.size() && motor.get(firstSpeed).equals("stop")) firstSpeed++;
        assertTrue(firstSpeed >= 1, "still during the get-ready countdown: " + summary);
        assertEquals("setSpeed " + LOWEST_RUNNING, motor.get(firstSpeed), "the first speed is not the lowest: " + summary);
        int rampStarts = 0;
        for (int i = 0; i < motor.size(); i++) {
            if (!motor.get(i).equals("setSpeed " + LOWEST_RUNNING)) continue;
            rampStarts++;
            if (i + 1 < motor.size() && motor.get(i + 1).startsWith("setSpeed")) {
                int next = Integer.parseInt(motor.get(i + 1).substring("setSpeed ".length()));
                assertTrue(next > LOWEST_RUNNING, "a ramp that does not rise at " + i + ": " + summary);
            }
        }
        assertTrue(rampStarts >= regions, rampStarts + " ramps for " + regions + " regions: " + summary);
        assertEquals("stop", motor.get(motor.size() - 1), "the last command is not stop: " + summary);
        for (String m : motor) {
            if (m.startsWith("setSpeed")) {
                int v = Integer.parseInt(m.substring("setSpeed ".length()));
                assertTrue(v >= LOWEST_RUNNING && v <= 100, "speed out of range: " + summary);
            }
        }
    }

    /** SIGTERM (as from systemd or kill) in the middle of a step: stop reaches the motor, the session is logged. */
    @Test
    void sigtermStopsTheMotorFirstAndLogsTheSession() throws Exception {
        Path record = dir.resolve("received.jsonl");
        line = SimulatedSerialLine.start(dir, record);
        Path output = dir.resolve("run.out");
        Process run = line.startThrum(output, "run", "general-warm-up", "--device", line.device(), "--plain");
        Await.until(() -> {
            assertTrue(run.isAlive(), "thrum run ended early:\n" + Files.readString(output));
            return motorCommands(record).stream().anyMatch(m -> m.startsWith("setSpeed") && !m.equals("setSpeed " + LOWEST_RUNNING));
        }, Duration.ofSeconds(60), () -> "a ramp:\n" + FileText.of(output));
        run.destroy(); // SIGTERM
        assertTrue(run.waitFor(20, TimeUnit.SECONDS), "thrum run did not end after SIGTERM");
        // the simulator writes down the last frame it read a moment after Thrum ended
        List<String> motor = Await.value(() -> motorCommands(record), m -> !m.isEmpty() && m.get(m.size() - 1).equals("stop"),
                Duration.ofSeconds(5), "the simulator to record the stop as the last motor command");
        assertEquals("stop", motor.get(motor.size() - 1), "the motor was not stopped: " + motor);
        String log = Files.readString(dir.resolve("data/thrum/usage-log.jsonl"));
        assertTrue(log.contains("\"programId\":\"general-warm-up\"") && log.contains("\"outcome\":\"stopped_by_user\""), log);
    }


    private static List<String> motorCommands(Path record) throws java.io.IOException {
        List<String> motor = new ArrayList<>();
        if (!Files.exists(record)) return motor;
        for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode frame;
            try {
                frame = JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException partialLine) {
                continue; // the simulator is writing it right now
            }
            String command = frame.path("command").asText();
            if (command.equals("setSpeed")) motor.add("setSpeed " + frame.path("value").asInt());
            else if (command.equals("stop")) motor.add("stop");
        }
        return motor;
    }
}
