package dev.thrum.transport.serial;

import dev.thrum.testkit.Await;
import dev.thrum.testkit.ThrumLaunch;

import java.time.Duration;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code thrum simulate} in a separate JVM (the test classpath, main class {@code dev.thrum.Main}),
 * as a real device would be: another process at the far end of the serial line.
 */
public final class SimulatorProcess implements AutoCloseable {

    private static final long START_TIMEOUT_S = 60;

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> transcript = new ArrayList<>();

    private SimulatorProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (transcript) {
                        transcript.add(line);
                    }
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "simulator-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the simulator on {@code port} and waits until it says it is listening; JVM tuned to start fast. */
    public static SimulatorProcess start(String profileId, Path port, Path record) throws IOException, InterruptedException {
        return start(profileId, port, record, List.of("-XX:TieredStopAtLevel=1"));
    }

    /** @param jvmOptions options for the simulator's JVM (a benchmark passes none, to get the full JIT) */
    public static SimulatorProcess start(String profileId, Path port, Path record, List<String> jvmOptions)
            throws IOException, InterruptedException {
        return start(profileId, port, record, jvmOptions, List.of());
    }

    /** @param simulateOptions further options of {@code thrum simulate}, like {@code --protocol 1} */
    public static SimulatorProcess start(String profileId, Path port, Path record, List<String> jvmOptions,
                                         List<String> simulateOptions) throws IOException, InterruptedException {
        List<String> cmd = ThrumLaunch.onClassPath(jvmOptions, "simulate", "--profile", profileId, "--serial", port.toString());
        if (record != null) {
            cmd.add("--record");
            cmd.add(record.toString());
        }
        cmd.addAll(simulateOptions);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // never the real home: user profiles would come from here (there are none, so built-ins only)
        Path xdg = port.toAbsolutePath().getParent().resolve("simulator-home");
        pb.environment().put("XDG_CONFIG_HOME", xdg.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", xdg.resolve("data").toString());
        Process p = pb.start();
        SimulatorProcess sim = new SimulatorProcess(p);
        sim.awaitLine("simulating ", START_TIMEOUT_S);
        return sim;
    }

    /** Waits for an output line starting with {@code prefix}; fails with the transcript if none comes. */
    public String awaitLine(String prefix, long timeoutSeconds) throws InterruptedException {
        return Await.taken(lines, line -> line.startsWith(prefix), Duration.ofSeconds(timeoutSeconds),
                () -> "a simulator line starting '" + prefix + "' (alive: " + process.isAlive() + "); it printed:\n" + transcript());
    }

    /** Types a fault switch into the simulator ({@code mute}, {@code answer}) and waits until it took effect. */
    public void fault(String command, String confirmationPrefix) throws IOException, InterruptedException {
        var in = process.getOutputStream();
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        awaitLine(confirmationPrefix, 10);
    }

    public String transcript() {
        synchronized (transcript) {
            return String.join("\n", transcript);
        }
    }

    /** Kills the process at once (SIGKILL), as pulling the plug would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) kill();
    }
}
