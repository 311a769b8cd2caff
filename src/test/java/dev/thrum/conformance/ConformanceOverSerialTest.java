package dev.thrum.conformance;

import dev.thrum.transport.serial.SimulatedSerialLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a maker runs: {@code thrum conformance serial:PTY} in one JVM against {@code thrum simulate}
 * in another, over a socat pseudo-terminal pair, for a version 2 and a version 1 device, and for a
 * device with a broken watchdog (which must fail, with exit code 1).
 */
class ConformanceOverSerialTest {

    @TempDir
    Path dir;
    SimulatedSerialLine line;

    @AfterEach
    void tearDown() throws Exception {
        if (line != null) line.close();
    }

    @ParameterizedTest(name = "protocol {0} {1}")
    @CsvSource({"2, '', 0", "1, '', 0", "2, polls-feed-watchdog, 1"})
    void theCheckerJudgesTheSimulatedDeviceOverARealSerialLine(int protocol, String fault, int exit) throws Exception {
        List<String> options = new ArrayList<>(List.of("--protocol", Integer.toString(protocol)));
        if (!fault.isEmpty()) options.addAll(List.of("--fault", fault));
        line = SimulatedSerialLine.start(dir, null, options);

        Path output = dir.resolve("conformance.out");
        List<String> args = new ArrayList<>(List.of(
                "conformance", "serial:" + line.port(), "--slack-ms", Long.toString(ConformanceOnSimulatorTest.BUSY_MACHINE_SLACK_MS)));
        if (!fault.isEmpty()) args.addAll(List.of("--rules", "watchdog"));
        Process run = line.startThrum(output, args.toArray(String[]::new));
        boolean ended = run.waitFor(120, TimeUnit.SECONDS);
        if (!ended) run.destroyForcibly();
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(ended, "thrum conformance did not finish within 120 s:\n" + out);
        assertEquals(exit, run.exitValue(), out + "\nsimulator:\n" + line.simulator().transcript());
        assertTrue(out.contains("device speaks protocol version " + protocol), out);
        if (exit == 0) {
            assertTrue(out.contains("conformance: PASS") && out.contains(" 0 failed"), out);
            for (String rule : ConformanceCheck.RULES) assertTrue(out.contains(rule), rule + " missing:\n" + out);
        } else {
            assertTrue(out.lines().anyMatch(l -> l.startsWith("FAIL") && l.contains("watchdog")), out);
            assertTrue(out.contains("conformance: FAIL"), out);
        }
        assertTrue(out.lines().anyMatch(l -> l.startsWith("pass") && l.contains("final-stop")), out);
    }
}
