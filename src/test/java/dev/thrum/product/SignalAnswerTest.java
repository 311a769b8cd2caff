package dev.thrum.product;

import dev.thrum.testkit.Await;
import dev.thrum.testkit.ThrumLaunch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A plain (piped) {@code thrum run} ended by a signal says what became of the motor. */
class SignalAnswerTest {
    @TempDir
    Path home;

    @Test
    void sigtermIsAnsweredWithWhatHappened() throws Exception {
        ProcessBuilder pb = ThrumLaunch.inPrivateHome(
                ThrumLaunch.onClassPath(List.of(), "run", "general-warm-up", "--plain"), home).redirectErrorStream(true);
        Process run = pb.start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))
                .lines().forEach(lines::add));
        reader.start();
        Await.until(() -> List.copyOf(lines).stream().anyMatch(l -> l.contains("step 1:")), Duration.ofSeconds(60),
                () -> "the session to start (step 1); it printed: " + lines);
        run.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
        assertTrue(run.waitFor(30, TimeUnit.SECONDS));
        reader.join(5_000);
        String all = String.join("\n", lines) + "\n(exit " + run.exitValue() + ")";
        Path log = home.resolve("data/thrum/usage-log.jsonl");
        assertTrue(Files.exists(log) && Files.readString(log).contains("stopped_by_user"), "logged: " + all);
        assertTrue(all.contains("Stopped by a signal: the motor was stopped and the session logged."), all);
    }
}
