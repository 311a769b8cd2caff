package dev.thrum.transport.serial;

import dev.thrum.testkit.FileText;
import dev.thrum.testkit.Await;
import org.junit.jupiter.api.Assumptions;

import java.time.Duration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real pseudo-terminal pair from {@code socat}: whatever is written to {@link #a()} comes out of
 * {@link #b()} and back. One pair per test, in the test's temporary directory. {@link #kill()} makes
 * both ports vanish as an unplugged USB adapter would; {@link #restart()} brings them back on the
 * same paths.
 *
 * <p>When socat is not installed the test is skipped with a loud message, unless the environment
 * variable CI is "true": there a missing socat is a broken build, so the test fails.
 */
public final class SocatPair implements AutoCloseable {

    private static final long LINK_WAIT_MS = 5000;

    private final Path a;
    private final Path b;
    private final Path log;
    private Process process;

    private SocatPair(Path dir) {
        this.a = dir.resolve("a");
        this.b = dir.resolve("b");
        this.log = dir.resolve("socat.log");
    }

    /** Starts socat with links {@code dir/a} and {@code dir/b}, waiting until both exist. */
    public static SocatPair start(Path dir) throws IOException, InterruptedException {
        requireSocat();
        SocatPair pair = new SocatPair(dir);
        pair.launch();
        return pair;
    }

    public Path a() { return a; }

    public Path b() { return b; }

    public boolean isRunning() { return process != null && process.isAlive(); }

    /** Kills socat; both pseudo-terminals and their links disappear. */
    public void kill() throws InterruptedException {
        if (process == null) return;
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        process = null;
        // socat removes its links on a clean exit; make sure of it after a forced one.
        try {
            Files.deleteIfExists(a);
            Files.deleteIfExists(b);
        } catch (IOException ignored) {
            // a leftover link only delays the next start, which waits for fresh links
        }
    }

    /** Starts socat again with the same link paths. */
    public void restart() throws IOException, InterruptedException {
        kill();
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private void launch() throws IOException, InterruptedException {
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        process = new ProcessBuilder(List.of("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        // socat logs "starting data transfer loop" once both ends are open; the links appear before that.
        try {
            Await.until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("socat exited with " + process.exitValue() + ": " + Files.readString(log));
                }
                return Files.exists(a) && Files.exists(b) && Files.readString(log).contains("starting data transfer loop");
            }, Duration.ofMillis(LINK_WAIT_MS), () -> "socat to make its pty links: " + FileText.of(log));
        } catch (AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Skips (or, on CI, fails) when socat is not installed. */
    public static void requireSocat() {
        if (socatInstalled()) return;
        String msg = "socat is not installed, so the serial tests cannot make a pseudo-terminal pair. "
                + "Install it: sudo apt-get install socat";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(msg + " (CI=true: failing instead of skipping)");
        }
        System.err.println("\n**********\nSKIPPED: " + msg + "\n**********\n");
        Assumptions.abort(msg);
    }

    private static boolean socatInstalled() {
        String pathEnv = System.getenv("PATH");
        if (pathEnv == null) return false;
        for (String dir : pathEnv.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "socat"))) return true;
        }
        return false;
    }

}
