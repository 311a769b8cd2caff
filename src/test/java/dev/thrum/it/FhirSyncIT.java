package dev.thrum.it;

import dev.thrum.store.ClientStore;
import dev.thrum.fhir.FhirTestServer;
import dev.thrum.program.Client;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged product end to end: {@code ./thrum run} on the simulator writes a session with pain
 * scores, {@code ./thrum sync fhir} sends it to a validating HAPI FHIR server (the FHIR jars come
 * from target/lib, without the libraries the product leaves out), a second sync sends nothing, and
 * {@code --bundle} writes the file.
 */
class FhirSyncIT {
    private static final Duration DEADLINE = Duration.ofSeconds(180);

    @Test
    void aSessionRunByTheProductReachesTheFhirServerOnce(@TempDir Path home) throws Exception {
        Thrum thrum = Thrum.inNewHome(home);
        new ClientStore(thrum.configDir().resolve("clients")).save(Client.named("Ana"));
        thrum.run(DEADLINE, "run", "general-warm-up", "--client", "ana", "--speedup", "200", "--yes",
                "--pain-before", "6", "--pain-after", "2", "--pain-where", "calves", "--note", "easier").assertExit(0);
        try (FhirTestServer fhir = new FhirTestServer()) {
            ThrumProcess.Result first = thrum.run(DEADLINE, "sync", "fhir", "--server", fhir.base().toString()).assertExit(0);
            assertTrue(first.out().contains("sent:    1 sessions (Procedure), 2 pain scores (Observation)"), first.toString());
            assertEquals(1, fhir.store.all("Procedure").size());
            Procedure p = (Procedure) fhir.store.all("Procedure").get(0);
            assertTrue(p.getNote().stream().anyMatch(n -> n.getText().equals("easier")), "the person's note");
            assertEquals(2, fhir.store.all("Observation").size());
            assertTrue(fhir.store.all("Observation").stream().map(o -> ((Observation) o).getValueIntegerType().getValue())
                    .toList().containsAll(java.util.List.of(6, 2)));

            ThrumProcess.Result second = thrum.run(DEADLINE, "sync", "fhir", "--server", fhir.base().toString()).assertExit(0);
            assertTrue(second.out().contains("skipped: 1 sessions sent before"), second.toString());
            assertEquals(1, fhir.store.all("Procedure").size());
        }
        Path bundle = home.resolve("ana-bundle.json");
        thrum.run(DEADLINE, "sync", "fhir", "--bundle", bundle.toString(), "--client", "Ana").assertExit(0);
        assertTrue(Files.readString(bundle).contains("\"resourceType\": \"Bundle\""));
    }
}
