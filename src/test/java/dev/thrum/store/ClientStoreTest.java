package dev.thrum.store;

import dev.thrum.program.Client;
import dev.thrum.program.Condition;
import dev.thrum.program.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientStoreTest {

    @TempDir
    Path tmp;

    private Client ann() {
        return new Client(null, "Ann Smith", 0.6, Set.of("hip-flexors"), Map.of("lower-back", 0.2), Duration.ofMinutes(20), 5,
                "left L5 disc", EnumSet.of(Condition.HERNIATED_DISC, Condition.BLOOD_THINNERS), Map.of("piriformis", 0.3), false);
    }

    @Test
    void roundTripOnRealFilesWithOwnerOnlyPermissions() throws Exception {
        Path dir = tmp.resolve("config/thrum/clients");
        ClientStore store = new ClientStore(dir);
        store.save(ann());
        Path file = dir.resolve("ann-smith.json");
        assertTrue(Files.isRegularFile(file));
        assertEquals(ann(), new ClientStore(dir).get("ann-smith"));
        assertEquals(ann(), store.get("Ann Smith"), "found by name");
        assertEquals(ann(), store.get("ann"), "found by the start of a unique id");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "no temporary files left behind");
        }
    }

    @Test
    void saveReplacesAndKeepsPermissions() throws Exception {
        ClientStore store = new ClientStore(tmp);
        store.save(ann());
        store.save(ann().withConditionsConfirmed(true));
        assertTrue(store.get("ann-smith").conditionsConfirmed());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("ann-smith.json"))));
        assertEquals(1, store.list().size());
    }

    @Test
    void rememberSofterIsStoredAndKeepsTheLowerValue() {
        ClientStore store = new ClientStore(tmp);
        store.save(ann());
        store.rememberSofter("ann-smith", "calves", 0.4);
        store.rememberSofter("ann-smith", "calves", 0.45);
        store.rememberSofter("ann-smith", "piriformis", 0.25);
        Client c = new ClientStore(tmp).get("ann-smith");
        assertEquals(0.4, c.softer().get("calves"));
        assertEquals(0.25, c.softer().get("piriformis"));
    }

    @Test
    void confirmConditionsStopsAsking() {
        ClientStore store = new ClientStore(tmp);
        store.save(ann());
        assertTrue(store.get("ann-smith").needsConfirmation());
        store.confirmConditions("ann-smith");
        assertFalse(store.get("ann-smith").needsConfirmation());
    }

    @Test
    void removeAndUnknownClients() {
        ClientStore store = new ClientStore(tmp);
        store.save(ann());
        store.save(Client.named("Bob"));
        assertTrue(store.remove("ann-smith"));
        assertFalse(store.remove("ann-smith"));
        assertEquals(List.of("bob"), store.list().stream().map(Client::id).toList());
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> store.get("zed"));
        assertTrue(e.getMessage().contains("bob"), e.getMessage());
    }

    @Test
    void aBadFileIsReportedAndTheOthersStillLoad() throws Exception {
        ClientStore store = new ClientStore(tmp);
        store.save(Client.named("Bob"));
        Files.writeString(tmp.resolve("cy.json"), "{\"name\": \"Cy\", \"maxIntensity\": 3}");
        Files.writeString(tmp.resolve("dee.json"), "{\"id\": \"someone-else\", \"name\": \"Dee\"}");
        assertEquals(List.of("bob"), store.list().stream().map(Client::id).toList());
        List<ValidationException> problems = store.problems();
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).getMessage().contains("cy.json ($.maxIntensity, line 1, column 32)"), problems.get(0).getMessage());
        assertTrue(problems.get(1).getMessage().contains("rename the file"), problems.get(1).getMessage());
    }

    @Test
    void emptyOrMissingDirectoryHasNoClients() {
        assertEquals(List.of(), new ClientStore(tmp.resolve("nope")).list());
    }
}
