package dev.thrum.terminal;

import dev.thrum.testkit.DaemonChild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** {@code thrum stop} as shipped, against a real daemon: its short path reaches the device. */
class StopCommandIT {
    @TempDir
    Path home;

    @Test
    void stopThroughARealDaemon() throws Exception {
        ThrumCommandLine thrum = new ThrumCommandLine(home);
        try (DaemonChild daemon = thrum.startDaemon()) {
            ProcessBuilder pb = new ProcessBuilder(thrum.command("stop")).redirectErrorStream(true);
            pb.environment().putAll(thrum.environment());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.matches("Motor stopped \\(stop frame written \\d+\\.\\d ms after the request\\)\\.\\n"), out);
        }
    }
}
