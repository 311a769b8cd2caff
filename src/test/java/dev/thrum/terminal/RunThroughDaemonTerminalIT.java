package dev.thrum.terminal;

import dev.thrum.testkit.Await;
import dev.thrum.testkit.DaemonChild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.thrum.terminal.LiveViewTerminalIT.assertHolds;
import static dev.thrum.terminal.LiveViewTerminalIT.isLiveView;
import static dev.thrum.terminal.LiveViewTerminalIT.joined;
import static org.junit.jupiter.api.Assertions.*;

/** {@code thrum run} while a daemon runs: the same live view and keys, and a terminal given back. */
class RunThroughDaemonTerminalIT {
    @TempDir
    Path home;

    @Test
    void theSameViewAndKeysThroughTheDaemonAndTheTerminalRestored() throws Exception {
        Tmux.assumeInstalled();
        ThrumCommandLine thrum = new ThrumCommandLine(home);
        try (DaemonChild daemon = thrum.startDaemon();
             Tmux t = Tmux.start(80, 24, thrum.environment(), home.toString())) {
            t.type(String.join(" ", thrum.command("run", "sciatica-relief").stream().map(ThrumCommandLine::quote).toList()));
            LiveViewTerminalIT.skipPainBefore(t);
            List<String> first = t.await(LiveViewTerminalIT.START, "the live view", LiveViewTerminalIT::isLiveView);
            assertHolds(first, 80, 24);
            assertTrue(joined(first).contains("Gluteus maximus"), joined(first));

            t.keys("a", "b", "c"); // "b" goes back a step (to the same first step); a and c are not keys
            t.keys("Enter"); // skip the get-ready countdown
            t.await(Duration.ofSeconds(15), "the motor running", s -> joined(s).contains("ramping up") || joined(s).contains("holding"));
            t.keys("Space");
            t.await(Duration.ofSeconds(15), "paused", s -> isLiveView(s) && joined(s).contains("PAUSED (user)"));
            t.keys("Space");
            t.await(Duration.ofSeconds(15), "resumed", s -> joined(s).contains("resumed, ramping up from low"));
            t.keys("-");
            t.await(Duration.ofSeconds(15), "softer", s -> joined(s).contains("softer: target now 40%"));
            t.keys("q");
            List<String> end = t.await(Duration.ofSeconds(20), "the summary",
                    s -> s.stream().anyMatch(l -> l.startsWith("session: stopped by user")));
            assertFalse(joined(end).contains("left in step"), joined(end));
            LiveViewTerminalIT.skipPainAfter(t);
            t.await(Duration.ofSeconds(10), "the prompt", s -> s.get(s.size() - 1).equals("$")
                    || s.stream().anyMatch(l -> l.equals("$")));
            t.type("echo after-$((1+1))");
            List<String> s = t.await(Duration.ofSeconds(10), "the shell's answer", x -> x.contains("after-2"));
            assertTrue(s.contains("$ echo after-$((1+1))"), "nothing typed during the session leaked into the shell:\n" + joined(s));
        }
    }

    @Test
    void ctrlCThroughTheDaemonStopsTheMotorAndSaysSo() throws Exception {
        Tmux.assumeInstalled();
        ThrumCommandLine thrum = new ThrumCommandLine(home);
        try (DaemonChild daemon = thrum.startDaemon();
             Tmux t = Tmux.start(60, 20, thrum.environment(), home.toString())) {
            t.type(String.join(" ", thrum.command("run", "general-warm-up").stream().map(ThrumCommandLine::quote).toList()));
            LiveViewTerminalIT.skipPainBefore(t);
            t.await(LiveViewTerminalIT.START, "the live view", LiveViewTerminalIT::isLiveView);
            t.keys("C-c");
            List<String> end = t.await(Duration.ofSeconds(20), "Ctrl-C's answer",
                    s -> joined(s).contains("Ctrl-C: the daemon stopped the motor (stop frame written in"));
            t.await(Duration.ofSeconds(20), "the summary", s -> joined(s).contains("session: stopped by user"));
            LiveViewTerminalIT.skipPainAfter(t);
            t.await(Duration.ofSeconds(10), "the prompt", s -> s.stream().anyMatch(l -> l.equals("$")));
            t.type("echo fine-$((2+3))");
            List<String> s = t.await(Duration.ofSeconds(10), "the shell's answer", x -> x.contains("fine-5"));
            assertTrue(s.contains("$ echo fine-$((2+3))"), joined(s) + "\n(before: " + joined(end) + ")");
        }
    }

    @Test
    void aDaemonThatDiesMidSessionIsReportedWithTheMotorStateUnknown() throws Exception {
        ThrumCommandLine thrum = new ThrumCommandLine(home);
        try (DaemonChild daemon = thrum.startDaemon()) {
            ProcessBuilder pb = new ProcessBuilder(thrum.command("run", "sciatica-relief")).redirectErrorStream(true);
            pb.environment().putAll(thrum.environment());
            Process run = pb.start();
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))
                    .lines().forEach(lines::add));
            reader.start();
            Await.until(() -> List.copyOf(lines).stream().anyMatch(l -> l.contains("step 1:")), Duration.ofSeconds(60),
                    () -> "the session to start (step 1); it printed: " + lines);
            daemon.kill();
            assertTrue(run.waitFor(30, TimeUnit.SECONDS), "thrum run ends when the daemon is gone");
            reader.join(5_000);
            assertEquals(1, run.exitValue());
            String all = String.join("\n", lines);
            assertTrue(all.contains("lost the daemon") && all.contains("cannot tell whether the motor stopped")
                    && all.contains("Switch the massager off by hand"), all);
        }
    }
}
