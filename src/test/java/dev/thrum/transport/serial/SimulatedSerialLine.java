package dev.thrum.transport.serial;

import dev.thrum.testkit.ThrumLaunch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real serial line with a simulated massager at the far end, for tests that run Thrum over it:
 * a socat pty pair, {@code thrum simulate} (profile {@value #PROFILE}) in its own JVM on end b, and
 * Thrum's commands, each in its own JVM with a private home in the test's folder, on end a.
 * Closing it ends the Thrum processes still running (SIGTERM, then SIGKILL), the simulator and socat.
 */
public final class SimulatedSerialLine implements AutoCloseable {
    public static final String PROFILE = "thrum-open-serial";

    private final Path dir;
    private final SocatPair pair;
    private final SimulatorProcess simulator;
    private final List<Process> thrums = new ArrayList<>();

    private SimulatedSerialLine(Path dir, SocatPair pair, SimulatorProcess simulator) {
        this.dir = dir;
        this.pair = pair;
        this.simulator = simulator;
    }

    /** The line, with the simulator recording the frames it receives in {@code record} (null: none). */
    public static SimulatedSerialLine start(Path dir, Path record) throws IOException, InterruptedException {
        return start(dir, record, List.of());
    }

    /** @param simulateOptions further options of {@code thrum simulate}, like {@code --protocol 1} */
    public static SimulatedSerialLine start(Path dir, Path record, List<String> simulateOptions)
            throws IOException, InterruptedException {
        SocatPair pair = SocatPair.start(dir);
        try {
            return new SimulatedSerialLine(dir, pair,
                    SimulatorProcess.start(PROFILE, pair.b(), record, ThrumLaunch.FAST_START, simulateOptions));
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            pair.close();
            throw e;
        }
    }

    public SimulatorProcess simulator() { return simulator; }

    /** Thrum's end of the line. */
    public Path port() { return pair.a(); }

    /** The {@code --device} value for Thrum: this line, with the simulator's profile. */
    public String device() { return "serial:" + pair.a() + "@" + PROFILE; }

    /** Starts {@code thrum ARGS} (class path, fast start) with stdout and stderr in {@code output}. */
    public Process startThrum(Path output, String... args) throws IOException {
        Process p = ThrumLaunch.inPrivateHome(ThrumLaunch.onClassPath(ThrumLaunch.FAST_START, args), dir)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        thrums.add(p);
        return p;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : thrums) {
            if (!p.isAlive()) continue;
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        }
        simulator.close();
        pair.close();
    }
}
