package dev.thrum.fhir;

import dev.thrum.store.ThrumDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daemon's "sync after each session" switch, against the in-test FHIR server. */
class AfterSessionSyncTest {
    @TempDir Path tmp;
    private FhirTestServer server;
    private final List<String> info = new ArrayList<>(), warnings = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
    }

    private void config(ClinicData clinic, String json) throws Exception {
        Path f = clinic.config.resolve("fhir.json");
        Files.writeString(f, json);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    }

    private Optional<AfterSessionSync> forDaemon(ClinicData clinic) {
        return AfterSessionSync.forDaemon(new ThrumDirs(clinic.config, clinic.data), info::add, warnings::add);
    }

    @Test
    void sendsWhatIsQueuedWhenASessionEnds() throws Exception {
        ClinicData clinic = new ClinicData(tmp).sessions(20, 21).clients();
        server = new FhirTestServer();
        config(clinic, "{\"server\": \"" + server.base() + "\", \"syncAfterSession\": true}");
        try (AfterSessionSync sync = forDaemon(clinic).orElseThrow()) {
            assertEquals(0, sync.sessionEnded().get(180, TimeUnit.SECONDS), warnings.toString());
            assertEquals(20, server.store.all("Procedure").size());
            assertTrue(info.stream().anyMatch(l -> l.contains("sent:    20 sessions")), info.toString());
            clinic.sessions(5, 22);
            assertEquals(0, sync.sessionEnded().get(180, TimeUnit.SECONDS));
            assertEquals(25, server.store.all("Procedure").size(), "the next session's sync sends only the new ones");
        }
    }

    @Test
    void aServerThatIsDownIsAWarningAndTheRecordsStayQueued() throws Exception {
        ClinicData clinic = new ClinicData(tmp).sessions(5, 23).clients();
        server = new FhirTestServer().unavailableWhen(n -> true);
        config(clinic, "{\"server\": \"" + server.base() + "\", \"syncAfterSession\": true}");
        try (AfterSessionSync sync = forDaemon(clinic).orElseThrow()) {
            assertEquals(1, sync.sessionEnded().get(300, TimeUnit.SECONDS));
            assertTrue(warnings.stream().anyMatch(l -> l.contains("queued:  5 sessions")), warnings.toString());
        }
    }

    @Test
    void offUnlessSwitchedOnAndABrokenFileNeverStopsTheDaemon() throws Exception {
        ClinicData clinic = new ClinicData(tmp).sessions(1, 24);
        assertTrue(forDaemon(clinic).isEmpty(), "no fhir.json");
        config(clinic, "{\"server\": \"https://x.example/fhir\"}");
        assertTrue(forDaemon(clinic).isEmpty(), "not switched on");
        config(clinic, "{\"syncAfterSession\": true}");
        assertTrue(forDaemon(clinic).isEmpty());
        assertTrue(warnings.get(0).contains("names no \"server\""), warnings.toString());
        config(clinic, "{\"syncAfterSession\": tru");
        assertTrue(forDaemon(clinic).isEmpty());
        assertTrue(warnings.get(1).contains("not valid JSON"), warnings.toString());
    }
}
