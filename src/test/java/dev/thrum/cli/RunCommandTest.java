package dev.thrum.cli;

import dev.thrum.store.ThrumDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class RunCommandTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        ThrumDirs dirs = new ThrumDirs(home.resolve("config"), home.resolve("data"));
        CommandLine cl = new CommandLine(new RunCommand(dirs));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void runsAProgramOnTheSimulatorWhenNoDeviceIsSetUpAndLogsIt() throws Exception {
        int code = run("general-warm-up", "--speedup", "200", "--plain");
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("using the simulated massager"), text);
        assertTrue(text.contains("step 1: Calves"), text);
        assertTrue(text.contains("finished: completed"), text);
        String log = Files.readString(home.resolve("data/usage-log.jsonl"));
        assertTrue(log.contains("\"programId\":\"general-warm-up\""), log);
    }

    @Test
    void anUnknownProgramIsAUsageErrorThatListsTheKnownOnes() {
        assertEquals(2, run("sciatica", "--device", "sim"));
        assertTrue(err.toString().contains("sciatica-relief"), err.toString());
    }

    @Test
    void anUnknownDeviceIsAUsageError() {
        assertEquals(2, run("general-warm-up", "--device", "usb:3"));
        assertTrue(err.toString().contains("serial:PATH"), err.toString());
    }

    @Test
    void speedingUpARealDeviceNeedsYes() {
        assertEquals(2, run("general-warm-up", "--device", "serial:/dev/null-thrum", "--speedup", "10"));
        assertTrue(err.toString().contains("--yes"), err.toString());
    }

    @Test
    void aPortThatIsNotThereFailsWithTheReason() {
        assertEquals(1, run("general-warm-up", "--device", "serial:/dev/thrum-missing-port@thrum-open-serial"));
        assertTrue(err.toString().contains("/dev/thrum-missing-port"), err.toString());
    }
}
