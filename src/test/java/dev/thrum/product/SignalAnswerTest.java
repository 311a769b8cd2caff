package dev.thrum.product;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.thrum.Main", "run", "general-warm-up", "--plain"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("XDG_RUNTIME_DIR", home.toString());
        Process run = pb.start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))
                .lines().forEach(lines::add));
        reader.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines.stream().noneMatch(l -> l.contains("step 1:"))) {
            assertTrue(System.nanoTime() < end, "the session never started: " + lines);
            TimeUnit.MILLISECONDS.sleep(50); // polling the child's output
        }
        run.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
        assertTrue(run.waitFor(30, TimeUnit.SECONDS));
        reader.join(5_000);
        String all = String.join("\n", lines) + "\n(exit " + run.exitValue() + ")";
        Path log = home.resolve("data/thrum/usage-log.jsonl");
        assertTrue(Files.exists(log) && Files.readString(log).contains("stopped_by_user"), "logged: " + all);
        assertTrue(all.contains("Stopped by a signal: the motor was stopped and the session logged."), all);
    }
}
