package dev.thrum.transport.ble.fakebluez;

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
 * A real {@code dbus-daemon} standing in for the system bus, at the address that Surefire put in
 * DBUS_SYSTEM_BUS_ADDRESS (GLib reads it once, so it must be set before the JVM starts).
 *
 * <p>The bus must outlive every tinyb call: GLib ends the process when it loses the system bus. So
 * it is never stopped from Java; a small shell wrapper kills it when its stdin (a pipe from this
 * JVM) closes, which happens when the JVM has exited.
 */
public final class PrivateSystemBus {

    private static final String PREFIX = "unix:path=";
    private static String address;

    private PrivateSystemBus() {}

    /** Starts the bus once per JVM and returns its address. Skips (or fails on CI) when it cannot. */
    public static synchronized String start() throws Exception {
        if (address != null) return address;
        String wanted = System.getenv("DBUS_SYSTEM_BUS_ADDRESS");
        if (wanted == null || !wanted.startsWith(PREFIX)) {
            unavailable("DBUS_SYSTEM_BUS_ADDRESS is not set to a unix:path= address. The BLE tests must run "
                    + "through Maven (mvn test), whose Surefire configuration sets it for the test JVM.");
        }
        if (!onPath("dbus-daemon")) {
            unavailable("dbus-daemon is not installed; the BLE tests need it for a private bus. "
                    + "Install it with: apt-get install dbus-daemon");
        }
        Path socket = Path.of(wanted.substring(PREFIX.length()));
        Files.deleteIfExists(socket); // left over from a crashed run
        ProcessBuilder pb = new ProcessBuilder("sh", "-c",
                "dbus-daemon --session --nofork --print-address=1 --address=\"$1\" & d=$!; "
                        + "read _ignored; kill $d 2>/dev/null; rm -f \"$2\"",
                "thrum-bus", wanted, socket.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String printed = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (Exception e) {
                return null;
            }
        }).get(15, TimeUnit.SECONDS);
        if (printed == null || !printed.startsWith(PREFIX)) {
            throw new IllegalStateException("dbus-daemon did not start at " + wanted + " (it printed: " + printed + ")");
        }
        address = wanted;
        return address;
    }

    private static void unavailable(String why) {
        if ("true".equals(System.getenv("CI"))) Assertions.fail(why);
        System.err.println("\n*** SKIPPING BLE TESTS: " + why + " ***\n");
        Assumptions.abort(why);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }
}
