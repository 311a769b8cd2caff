package dev.thrum.daemon;

import dev.thrum.testkit.Await;
import dev.thrum.app.DeviceSpec;
import dev.thrum.store.ClientStore;
import dev.thrum.program.Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** The API finds a client as every {@code --client} does: sessions by prefix, the log by id. */
class ClientIdentityApiTest {
    @TempDir Path home;

    @Test
    void sessionsAndTheLogFindTheSameClient() throws Exception {
        ClientStore store = new ClientStore(TestDaemons.dirs(home).clients());
        store.save(Client.named("Maria Lopez"));
        store.save(Client.named("Mark Ode"));
        DaemonSettings settings = new DaemonSettings(new DeviceSpec.Sim(null), 0, 1);
        try (Daemon daemon = TestDaemons.assembled(home, settings)) {
            DaemonClient client = new DaemonClient(daemon.port(), daemon.token());
            DaemonClient.Response started = client.post("/sessions", "{\"program\": \"general-warm-up\", \"client\": \"mari\"}");
            assertEquals(201, started.status(), started.body().toString());
            assertEquals(200, client.emergencyStop().status());
            Await.until(() -> !client.get("/session").body().path("running").asBoolean(), Duration.ofSeconds(20),
                    "the stopped session to end");

            assertEquals(1, client.get("/log?client=maria").body().path("sessions").size());
            assertEquals(1, client.get("/log?client=MARIA%20LOPEZ").body().path("sessions").size());
            assertEquals("maria-lopez", client.get("/log?client=maria-lopez").body().path("sessions").get(0).path("clientId").asText());
            DaemonClient.Response ambiguous = client.get("/log?client=ma");
            assertEquals(404, ambiguous.status());
            assertTrue(ambiguous.errorText().contains("Mark Ode (mark-ode)"), ambiguous.errorText());
            assertEquals(404, client.post("/sessions", "{\"program\": \"general-warm-up\", \"client\": \"ma\"}").status());
        }
    }
}
