package dev.thrum.notify;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code dbus-daemon --session} on a private socket, for one test. Unlike the BLE tests' system
 * bus nothing in the test JVM holds on to it through GLib, so it is stopped when the test ends.
 */
public final class PrivateSessionBus implements AutoCloseable {
    private final Process process;
    private final String address;
    private final Path socket;

    private PrivateSessionBus(Process process, String address, Path socket) {
        this.process = process;
        this.address = address;
        this.socket = socket;
    }

    /** Starts a bus; skips (or, on CI, fails) with a message naming the package when dbus-daemon is missing. */
    public static PrivateSessionBus start() throws Exception {
        if (!onPath("dbus-daemon")) {
            String why = "dbus-daemon is not installed; the reminder tests need a private session bus. "
                    + "Install it with: apt-get install dbus-daemon";
            if ("true".equals(System.getenv("CI"))) Assertions.fail(why);
            System.err.println("\n*** SKIPPING REMINDER BUS TEST: " + why + " ***\n");
            Assumptions.abort(why);
        }
        // Short path: a unix socket path must stay under 107 bytes.
        Path socket = Path.of("/tmp", "thrum-sbus-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000);
        Files.deleteIfExists(socket);
        String wanted = "unix:path=" + socket;
        Process p = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1", "--address=" + wanted)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String printed = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (Exception e) {
                return null;
            }
        }).get(15, TimeUnit.SECONDS);
        if (printed == null || !printed.startsWith(wanted)) {
            p.destroyForcibly();
            throw new IllegalStateException("dbus-daemon did not start at " + wanted + " (it printed: " + printed + ")");
        }
        return new PrivateSessionBus(p, printed.trim(), socket);
    }

    /** The address to put in DBUS_SESSION_BUS_ADDRESS. */
    public String address() { return address; }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        Files.deleteIfExists(socket);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(dir, program))) return true;
        return false;
    }
}
