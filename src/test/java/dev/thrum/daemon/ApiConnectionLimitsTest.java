package dev.thrum.daemon;

import dev.thrum.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Duration;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slow and idle connections cannot pile up threads, and a real request is still served (issue 13,
 * item 21). Figures for 1,000 connections: {@link ApiConnectionsBenchmark}.
 */
class ApiConnectionLimitsTest {
    @TempDir Path home;
    Daemon daemon;
    DaemonClient client;

    @BeforeEach
    void start() throws Exception {
        daemon = TestDaemons.start(home, new FakeSessionHost(), (program, c, confirmed) -> TestPlans.twoSteps(program));
        client = new DaemonClient(daemon.port(), daemon.token());
    }

    @AfterEach
    void stop() { daemon.close(); }

    @Test
    void idle_and_half_sent_connections_leave_room_for_a_real_request_and_threads_stay_bounded() throws Exception {
        try (SlowClients some = SlowClients.open(daemon.port(), 200, 30)) {
            assertEquals(200, client.get("/session").status(), "a real request beside 230 slow connections");
            assertTrue(SlowClients.apiThreads() <= ApiServer.MAX_THREADS, SlowClients.apiThreads() + " threads");
        }
        try (SlowClients many = SlowClients.open(daemon.port(), 0, ApiServer.MAX_THREADS + 60)) {
            assertTrue(SlowClients.apiThreads() <= ApiServer.MAX_THREADS, SlowClients.apiThreads() + " threads");
            // the server gives up on a request whose headers do not arrive in time
            Await.value(many::closedByServer, closed -> closed >= many.size(), Duration.ofSeconds(ApiServer.MAX_REQUEST_SECONDS + 10),
                    "the server to drop all " + many.size() + " slow connections");
            assertEquals(many.size(), many.closedByServer(), "slow connections the server still holds");
            assertEquals(200, client.get("/session").status(), "a real request after the slow ones were dropped");
        }
    }
}
