package dev.thrum.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A running {@code ./thrum} child: its stdout and stderr are read line by line as they come (so a
 * chatty child never blocks on a full pipe), and a test can wait for a line with a deadline, send
 * SIGTERM, or wait for the exit. Closing it kills what is still running. Every failure message
 * carries the command and all it printed, so a failed integration test explains itself.
 */
public final class ThrumProcess implements AutoCloseable {

    private final String command;
    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    ThrumProcess(String command, Process process) {
        this.command = command;
        this.process = process;
        this.outReader = reader(process.getInputStream(), stdout, "stdout");
        this.errReader = reader(process.getErrorStream(), stderr, "stderr");
    }

    private Thread reader(InputStream in, List<String> into, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (this) {
                        into.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the child went away; what it printed so far is kept
            } finally {
                synchronized (this) { notifyAll(); }
            }
        }, "thrum-" + name + "-" + process.pid());
        t.setDaemon(true);
        t.start();
        return t;
    }

    public long pid() { return process.pid(); }

    public boolean isAlive() { return process.isAlive(); }

    /** Lines printed on stdout so far. */
    public synchronized List<String> stdout() { return List.copyOf(stdout); }

    /** Lines printed on stderr so far. */
    public synchronized List<String> stderr() { return List.copyOf(stderr); }

    /** Waits for a stdout line containing {@code text}; returns it. */
    public String awaitStdout(String text, Duration deadline) {
        return awaitLine(stdout, line -> line.contains(text), "a stdout line containing '" + text + "'", deadline);
    }

    /** Waits for a stderr line containing {@code text}; returns it. */
    public String awaitStderr(String text, Duration deadline) {
        return awaitLine(stderr, line -> line.contains(text), "a stderr line containing '" + text + "'", deadline);
    }

    /** Waits for a stdout line that {@code pattern} finds something in; returns the match. */
    public Matcher awaitStdout(Pattern pattern, Duration deadline) {
        String line = awaitLine(stdout, l -> pattern.matcher(l).find(), "a stdout line matching " + pattern, deadline);
        Matcher m = pattern.matcher(line);
        if (!m.find()) throw new IllegalStateException("unreachable: " + line);
        return m;
    }

    private synchronized String awaitLine(List<String> lines, Predicate<String> wanted, String what, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        int seen = 0;
        while (true) {
            for (; seen < lines.size(); seen++) if (wanted.test(lines.get(seen))) return lines.get(seen);
            boolean ended = !process.isAlive() && !outReader.isAlive() && !errReader.isAlive();
            long left = end - System.nanoTime();
            if (ended || left <= 0)
                fail("waited " + deadline.toSeconds() + " s for " + what + (ended ? ", but the process ended" : "")
                        + "\n" + transcript());
            try {
                wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }

    /** Sends SIGTERM, as {@code systemctl stop} or {@code kill} do. */
    public void terminate() { process.destroy(); }

    /** Waits for the exit and for all output; fails the test after {@code deadline}. */
    public Result awaitExit(Duration deadline) {
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS))
                fail("still running after " + deadline.toSeconds() + " s\n" + transcript());
            outReader.join(5000);
            errReader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for " + command);
        }
        synchronized (this) {
            return new Result(command, process.exitValue(), List.copyOf(stdout), List.copyOf(stderr));
        }
    }

    /** The command and everything it printed, for failure messages. */
    public synchronized String transcript() {
        return Result.transcript(command, stdout, stderr);
    }

    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A finished command: exit code and output. */
    public record Result(String command, int exit, List<String> stdout, List<String> stderr) {

        public String out() { return String.join("\n", stdout); }

        public String err() { return String.join("\n", stderr); }

        /** Fails with the whole transcript unless the exit code is {@code expected}. */
        public Result assertExit(int expected) {
            assertEquals(expected, exit, () -> "exit code\n" + transcript(command, stdout, stderr));
            return this;
        }

        @Override
        public String toString() { return transcript(command, stdout, stderr); }

        static String transcript(String command, List<String> stdout, List<String> stderr) {
            return "$ " + command + "\n--- stdout:\n" + String.join("\n", stdout) + "\n--- stderr:\n"
                    + String.join("\n", stderr);
        }
    }
}
