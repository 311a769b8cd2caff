package dev.thrum.fhir;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sync's parts on their own: state file, config, retry policy, answers, input readers. */
class SyncPiecesTest {
    @TempDir Path tmp;

    @Test
    void stateSurvivesARestartAndIgnoresALineTornByACrash() throws Exception {
        URI server = URI.create("https://fhir.clinic.example/fhir");
        SyncState s = SyncState.load(tmp, server);
        s.add(List.of(SyncState.session("a"), SyncState.session("b")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file())));
        Files.writeString(s.file(), "session c", java.nio.file.StandardOpenOption.APPEND); // no newline: torn
        SyncState again = SyncState.load(tmp, server);
        assertTrue(again.has(SyncState.session("a")) && again.has(SyncState.session("b")));
        assertFalse(again.has(SyncState.session("c")), "a torn line is not a confirmation");
        again.add(List.of(SyncState.session("d")));
        SyncState third = SyncState.load(tmp, server);
        assertTrue(third.has(SyncState.session("d")), "the torn line did not swallow the next one");
        assertFalse(SyncState.load(tmp, URI.create("https://other.example/fhir")).has(SyncState.session("a")),
                "each server has its own state");
    }

    @Test
    void configNeedsOwnerOnlyPermissionsAndSaysWhatIsWrong() throws Exception {
        Path f = tmp.resolve("fhir.json");
        Files.writeString(f, "{\"server\": \"https://fhir.clinic.example/fhir\", \"auth\": {\"bearer\": \"s3cret\"}, \"bundleSize\": 50}");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> FhirConfig.load(f));
        assertTrue(open.getMessage().contains("chmod 600"), open.getMessage());
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        FhirConfig c = FhirConfig.load(f);
        assertEquals("Bearer s3cret", c.auth().header());
        assertFalse(c.auth().toString().contains("s3cret"), "a secret never lands in a log line");
        assertEquals(50, c.bundleSize());

        Files.writeString(f, "{\"server\": \"ftp://x\"}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FhirConfig.load(f)).getMessage().contains("not an http(s) URL"));
        Files.writeString(f, "{\"auth\": {\"basic\": {\"user\": \"desk\"}}}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FhirConfig.load(f)).getMessage().contains("\"auth\" must be"));
        Files.writeString(f, "{\"auth\": {\"basic\": {\"user\": \"desk\", \"password\": \"pw\"}}}");
        assertEquals("Basic ZGVzazpwdw==", FhirConfig.load(f).auth().header());
        Files.writeString(f, "{\"bundleSize\": 0}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FhirConfig.load(f)).getMessage().contains("bundleSize"));
        Files.writeString(f, "{\"server\": ");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FhirConfig.load(f)).getMessage().contains("line 1"));
        assertNull(FhirConfig.load(tmp.resolve("missing.json")).server());
    }

    @Test
    void backoffDoublesUpToTheCapAndHonoursRetryAfter() {
        RetryPolicy p = new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(30));
        assertEquals(Duration.ofMillis(500), p.delay(1, null));
        assertEquals(Duration.ofSeconds(1), p.delay(2, null));
        assertEquals(Duration.ofSeconds(16), p.delay(6, null));
        assertEquals(Duration.ofSeconds(30), p.delay(7, null));
        assertEquals(Duration.ofSeconds(30), p.delay(60, null));
        assertEquals(Duration.ofSeconds(2), p.delay(1, Duration.ofSeconds(2)));
        assertEquals(Duration.ofSeconds(30), p.delay(1, Duration.ofHours(1)), "a Retry-After beyond the cap is capped");
    }

    @Test
    void answersAreClassifiedSo503IsNeverDone() {
        assertInstanceOf(ServerAnswer.Later.class, FhirHttp.classify(503, "", "5"));
        assertEquals(Duration.ofSeconds(5), ((ServerAnswer.Later) FhirHttp.classify(503, "", "5")).retryAfter());
        assertInstanceOf(ServerAnswer.Later.class, FhirHttp.classify(429, "", null));
        assertInstanceOf(ServerAnswer.Later.class, FhirHttp.classify(502, "<html>proxy</html>", null));
        assertInstanceOf(ServerAnswer.Unauthorized.class, FhirHttp.classify(401, "", null));
        ServerAnswer.Refused r = (ServerAnswer.Refused) FhirHttp.classify(422,
                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"invalid\",\"diagnostics\":\"Procedure.status: minimum required = 1\"}]}", null);
        assertTrue(r.why().contains("Procedure.status: minimum required"), r.why());
        assertInstanceOf(ServerAnswer.Refused.class, FhirHttp.classify(200, "not json", null), "a 200 that is no Bundle is not done");
        assertInstanceOf(ServerAnswer.Refused.class, FhirHttp.classify(200,
                "{\"resourceType\":\"Bundle\",\"type\":\"transaction-response\",\"entry\":[{\"response\":{\"status\":\"400 Bad Request\"}}]}", null));
        ServerAnswer.Done d = (ServerAnswer.Done) FhirHttp.classify(200,
                "{\"resourceType\":\"Bundle\",\"type\":\"transaction-response\",\"entry\":[{\"response\":{\"status\":\"201 Created\"}},{\"response\":{\"status\":\"200 OK\"}}]}", null);
        assertTrue(d.created(0));
        assertFalse(d.created(1));
    }

    @Test
    void aBrokenClientFileIsAWarningAndItsSessionsStillGo() throws Exception {
        ClinicData clinic = new ClinicData(tmp).sessions(10, 31).clients();
        Files.writeString(clinic.config.resolve("clients").resolve("ana-lima.json"), "{\"name\": \"Ana Lima\", \"plan\": {\"programs\": []}}");
        java.util.List<String> warnings = new java.util.ArrayList<>();
        SyncSource.Contents c = new SyncSource(clinic.log(), clinic.config.resolve("clients")).read(null, warnings::add);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("ana-lima.json") && w.contains("plan is not sent") && !w.contains("\n")), warnings.toString());
        ClientRecords ana = c.clients().stream().filter(r -> r.client().id().equals("ana-lima")).findFirst().orElseThrow();
        assertNull(ana.plan());
        assertEquals(2, ana.sessions().size(), "every fifth of the ten sessions is Ana's");
        assertEquals(1, c.sessionsWithoutClient());
    }
}
