package dev.thrum.daemon;

import dev.thrum.testkit.Await;
import dev.thrum.app.DeviceSpec;
import dev.thrum.usage.SessionRecord;
import dev.thrum.usage.UsageLog;
import dev.thrum.transport.sim.SimTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A device that stays lost ends the daemon: the session is logged, the state file goes, the reason is given. */
class DaemonLinkLossTest {
    @TempDir Path home;

    @Test
    void a_device_lost_for_longer_than_the_grace_closes_the_daemon_and_logs_the_session() throws Exception {
        DaemonSettings settings = new DaemonSettings(new DeviceSpec.Sim(null), 0, 1);
        Daemon daemon = DaemonAssembly.open(new DaemonAssembly.Options(settings, TestDaemons.dirs(home), TestDaemons.files(home),
                null, Duration.ofSeconds(1), Duration.ofMillis(1500)));
        try {
            DaemonClient client = new DaemonClient(daemon.port(), daemon.token());
            assertEquals(201, client.post("/sessions", "{\"program\": \"general-warm-up\"}").status());
            SimTransport sim = (SimTransport) ((RunnerSessionHost) daemon.host()).hub().transport();
            Await.until(() -> sim.massager().running(), Duration.ofSeconds(20), "the motor to run");
            sim.massager().dropLink();
            assertTrue(daemon.awaitClosed(Duration.ofSeconds(20)), "the daemon did not give up on the lost device");
            assertNotNull(daemon.closeReason());
            assertTrue(daemon.closeReason().contains("unreachable"), daemon.closeReason());
            assertFalse(daemon.host().stopConfirmed(), "a stop to a device that is gone is not confirmed");
            assertTrue(daemon.closeOutcome().contains("NOT confirmed") && daemon.closeOutcome().contains("switch it off by hand"),
                    daemon.closeOutcome());
            assertFalse(daemon.closeOutcome().contains("the motor was stopped"), daemon.closeOutcome());
            assertFalse(Files.exists(TestDaemons.files(home).stateFile()));
            List<SessionRecord> sessions = new ArrayList<>();
            UsageLog.in(TestDaemons.dirs(home).data()).reader().read(sessions::add, w -> { });
            assertEquals(1, sessions.size());
            assertNotNull(sessions.get(0).outcome());
            assertTrue(sessions.get(0).interruptions() >= 1, "the lost link is counted as an interruption: " + sessions.get(0));
        } finally {
            daemon.close();
        }
    }
}
