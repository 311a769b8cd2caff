package dev.thrum.transport.serial;

import dev.thrum.testkit.FileText;
import dev.thrum.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Two Thrums on one serial port: the second is refused as busy, naming the first one's PID, even
 * when both run as root (where the kernel lets TIOCEXCL pass). Two real processes on a socat pty.
 */
class SerialPortLockTest {

    private static final String PROFILE = "thrum-open-serial";

    @TempDir
    Path dir;
    SimulatedSerialLine line;

    @AfterEach
    void tearDown() throws Exception {
        if (line != null) line.close();
    }

    @Test
    void aSecondThrumOnTheSamePortIsRefusedAsBusyWithTheFirstOnesPid() throws Exception {
        line = SimulatedSerialLine.start(dir, null);
        Path out1 = dir.resolve("first.out");
        Process first = line.startThrum(out1, "run", "general-warm-up", "--device", line.device(), "--plain");
        awaitStep1(first, out1, "the first thrum");

        Path out2 = dir.resolve("second.out");
        Process second = line.startThrum(out2, "run", "general-warm-up", "--device", line.device(), "--plain");
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second thrum did not give up:\n" + Files.readString(out2));
        String text = Files.readString(out2, StandardCharsets.UTF_8);
        assertEquals(1, second.exitValue(), text);
        assertTrue(text.contains("is busy: held by PID " + first.pid()), text);
        assertFalse(text.contains("step 1"), "the second thrum drove the motor:\n" + text);
        assertTrue(first.isAlive(), "the first session goes on");

        first.destroy();
        assertTrue(first.waitFor(20, TimeUnit.SECONDS));
        Path out3 = dir.resolve("third.out");
        Process third = line.startThrum(out3, "run", "general-warm-up", "--device", line.device(), "--plain");
        try {
            awaitStep1(third, out3, "the third thrum (once the first let go the port is free again)");
        } finally {
            third.destroy();
            third.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static void awaitStep1(Process thrum, Path output, String which) {
        Await.until(() -> {
            assertTrue(thrum.isAlive(), which + " ended:\n" + Files.readString(output));
            return Files.readString(output).contains("step 1");
        }, Duration.ofSeconds(60), () -> which + " to start step 1:\n" + FileText.of(output));
    }

}
