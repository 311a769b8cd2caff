package dev.thrum.daemon;

import dev.thrum.app.DeviceSpec;
import dev.thrum.store.ClientStore;
import dev.thrum.fhir.FhirTestServer;
import dev.thrum.program.Client;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole daemon on the simulator with {@code "syncAfterSession": true}: a client's session is
 * started and stopped over the API, and its Procedure arrives on the in-test FHIR server by itself.
 */
class DaemonFhirSyncTest {
    @TempDir Path home;

    @Test
    void aSessionThatEndsIsSentToTheClinicsServer() throws Exception {
        try (FhirTestServer fhir = new FhirTestServer()) {
            var dirs = TestDaemons.dirs(home);
            new ClientStore(dirs.clients()).save(Client.named("Ana"));
            Path config = dirs.config().resolve("fhir.json");
            Files.writeString(config, "{\"server\": \"" + fhir.base() + "\", \"syncAfterSession\": true}");
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
            DaemonSettings settings = new DaemonSettings(new DeviceSpec.Sim(null), 0, 4);
            try (Daemon daemon = DaemonAssembly.open(new DaemonAssembly.Options(settings, dirs, TestDaemons.files(home),
                    null, Duration.ofSeconds(1), Duration.ofSeconds(60)))) {
                DaemonClient client = new DaemonClient(daemon.port(), daemon.token());
                DaemonClient.Response started = client.post("/sessions",
                        "{\"program\": \"general-warm-up\", \"device\": \"sim:theragun-gen4\", \"client\": \"ana\", \"confirmed\": true}");
                assertEquals(201, started.status(), started.body().toString());
                assertEquals(200, client.post("/session/stop", "").status());
                assertTrue(fhir.store.await("Procedure", 1, Duration.ofSeconds(120)), "the session reached the FHIR server");
                Procedure p = (Procedure) fhir.store.all("Procedure").get(0);
                assertEquals("urn:thrum:session", p.getIdentifierFirstRep().getSystem());
                assertTrue(p.getCode().getText().startsWith("Percussive massage: "), p.getCode().getText());
                assertEquals(1, fhir.store.all("Patient").size());
            }
        }
    }
}
