package dev.thrum.daemon;

import dev.thrum.app.DeviceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order a real daemon starts in: the port and token are claimed before the device is touched. */
class DaemonAssemblyTest {
    @TempDir
    Path home;

    private DaemonAssembly.Options options(DeviceSpec device, int port) {
        return new DaemonAssembly.Options(new DaemonSettings(device, port, 1), TestDaemons.dirs(home), TestDaemons.files(home),
                null, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** A serial port that cannot exist: connecting to it fails at once. */
    private DeviceSpec missingSerialPort() { return DeviceSpec.parse("serial:" + home.resolve("no-such-tty")); }

    @Test
    void aTakenPortFailsBeforeTheDeviceIsTried() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IOException e = assertThrows(IOException.class, () -> DaemonAssembly.open(options(missingSerialPort(), taken.getLocalPort())));
            assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()),
                    "the port, not the missing device, is reported: " + e.getMessage());
        }
        assertFalse(Files.exists(TestDaemons.files(home).stateFile()), "no state file points clients at a daemon that is not there");
    }

    @Test
    void aDeviceThatCannotBeReachedGivesThePortBack() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        IOException e = assertThrows(IOException.class, () -> DaemonAssembly.open(options(missingSerialPort(), port)));
        assertTrue(e.getMessage().startsWith("cannot connect to "), e.getMessage());
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, again.getLocalPort(), "the failed start released its port");
        }
        assertTrue(Files.exists(TestDaemons.files(home).tokenFile()), "the token made on the way stays for the next start");
        assertFalse(Files.exists(TestDaemons.files(home).stateFile()));
    }

    @Test
    void aStartedDaemonServesOnTheReservedPort() throws Exception {
        try (Daemon d = DaemonAssembly.open(options(new DeviceSpec.Sim(null), 0))) {
            assertEquals(200, new DaemonClient(d.port(), d.token()).get("/devices").status());
            assertEquals(d.port(), DaemonState.read(TestDaemons.files(home).stateFile()).orElseThrow().port());
        }
    }
}
