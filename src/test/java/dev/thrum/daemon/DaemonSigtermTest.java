package dev.thrum.daemon;

import dev.thrum.testkit.Await;
import dev.thrum.usage.SessionRecord;
import dev.thrum.usage.UsageLog;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.transport.sim.ReceivedFrame;
import dev.thrum.transport.sim.ReceivedFrameJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM in the middle of a session, to a real daemon process: the simulator must have received a
 * stop frame (after the last speed) before the process ended, and the usage log must hold the session.
 */
class DaemonSigtermTest {
    @TempDir Path home;

    @Test
    void sigterm_mid_session_stops_the_motor_first_and_logs_the_session() throws Exception {
        Path record = home.resolve("sim-frames.jsonl");
        try (ChildDaemon child = ChildDaemon.start(home, List.of(), "--device", "sim", "--sim-record", record.toString())) {
            DaemonClient client = child.client();
            DaemonClient.Response started = client.post("/sessions", "{\"program\": \"general-warm-up\"}");
            assertEquals(201, started.status(), started.body().toString());
            awaitRunningMotor(record);
            Await.until(() -> client.get("/session").body().path("view").path("activeTime").asDouble() >= 1,
                    Duration.ofSeconds(20), "a second of the session (well into it)");

            child.process.destroy(); // SIGTERM
            assertTrue(child.process.waitFor(30, TimeUnit.SECONDS), "the daemon did not end after SIGTERM");
            assertEquals(143, child.process.exitValue(), "ended by SIGTERM after its shutdown hook");

            List<ReceivedFrame> frames = ReceivedFrameJson.readAll(record);
            int lastSpeed = -1;
            int lastStop = -1;
            for (int i = 0; i < frames.size(); i++) {
                DeviceCommand c = frames.get(i).command().orElse(null);
                if (c instanceof DeviceCommand.SetSpeed) lastSpeed = i;
                if (c instanceof DeviceCommand.Stop) lastStop = i;
            }
            assertTrue(lastSpeed >= 0, "the motor never ran: " + frames);
            assertTrue(lastStop > lastSpeed, "no stop frame after the last speed: " + frames.subList(Math.max(0, frames.size() - 5), frames.size()));

            List<SessionRecord> sessions = new ArrayList<>();
            UsageLog.in(child.dataDir).reader().read(sessions::add, w -> { });
            assertEquals(1, sessions.size(), "the log must have the session");
            SessionRecord s = sessions.get(0);
            assertEquals("general-warm-up", s.programId());
            assertNotNull(s.endedAt());
            assertNotNull(s.outcome());
            assertTrue(s.activeSeconds() > 0.5, "active " + s.activeSeconds());
            assertFalse(java.nio.file.Files.exists(child.files.stateFile()), "the state file is removed on the way down");
        }
    }

    private static void awaitRunningMotor(Path record) throws Exception {
        Await.until(() -> ReceivedFrameJson.readAll(record).stream()
                .filter(f -> f.command().orElse(null) instanceof DeviceCommand.SetSpeed).count() >= 3,
                Duration.ofSeconds(15), "the simulator to receive speeds");
    }
}
