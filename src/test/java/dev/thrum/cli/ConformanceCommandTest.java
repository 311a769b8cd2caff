package dev.thrum.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code thrum conformance}'s arguments; the check itself is tested in dev.thrum.conformance. */
class ConformanceCommandTest {

    private final StringWriter out = new StringWriter(), err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = ThrumCommand.commandLine(args);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void namesWhatIsWrongWithTheArguments() {
        assertEquals(2, run("conformance", "sim:thrum-open-serial", "--rules", "watchdog,nope"));
        assertTrue(err.toString().contains("no rule 'nope'; rules: hello, get-status"), err.toString());
        assertEquals(2, run("conformance", "sim:thrum-open-serial", "--sim-fault", "loose-screw"));
        assertTrue(err.toString().contains("unknown fault 'loose-screw'; known faults: no-nak"), err.toString());
        assertEquals(2, run("conformance", "ble:AA:BB"));
        assertTrue(err.toString().contains("use serial:PATH or sim:thrum-open-serial"), err.toString());
        assertEquals(2, run("conformance", "serial:/dev/null", "--sim-protocol", "1"));
        assertTrue(err.toString().contains("for sim: only"), err.toString());
    }

    @Test
    void aVersion1SimulatedDevicePassesTheChosenRules() {
        assertEquals(0, run("conformance", "sim:thrum-open-serial", "--sim-protocol", "1", "--rules", "get-status,noise",
                "--slack-ms", "300"), err.toString());
        String text = out.toString();
        assertTrue(text.contains("device speaks protocol version 1") && text.contains("conformance: PASS"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("pass") && l.contains("noise")), text);
        assertTrue(text.contains("device sent: A5 0B 83"), "the device's bytes are shown: " + text);
    }
}
