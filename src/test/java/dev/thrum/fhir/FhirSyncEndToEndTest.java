package dev.thrum.fhir;

import dev.thrum.store.RegionCatalogueLoader;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sync against a real FHIR server (HAPI FHIR's server on Jetty, validating every resource against
 * the R4 base specification): 200 sessions for five clients with pain scores and plans, synced,
 * synced again, re-sent from a desk that has no record of the first sync, and synced through a
 * server that dies half-way, answers 503 for a while, or loses an answer after committing.
 */
class FhirSyncEndToEndTest {
    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));
    private static final int CLIENTS_WITH_PLANS = 4;

    @TempDir Path tmp;
    private FhirTestServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void syncsEverythingOnceAndASecondSyncSendsNothing() throws Exception {
        ClinicData clinic = new ClinicData(tmp).sessions(200, 1).clients();
        server = new FhirTestServer();

        SyncReport first = sync(clinic, clinic.data, 100, QUICK);
        assertTrue(first.complete(), () -> String.join("\n", first.lines("test")));
        assertEquals(200, first.sessionsSent());
        assertEquals(clinic.painObservations, first.observationsSent());
        assertEquals(CLIENTS_WITH_PLANS, first.plansSent());
        assertEquals(6, first.patientsSent(), "five clients with sessions and one with a record only");
        assertEquals(1, first.withoutClient());
        assertEquals(6, first.requests(), "one transaction per client: 40 sessions each fit one bundle");
        assertHoldsEverythingOnce(clinic);

        int before = server.requests();
        SyncReport second = sync(clinic, clinic.data, 100, QUICK);
        assertTrue(second.complete());
        assertEquals(0, second.sessionsSent());
        assertEquals(200, second.alreadySent());
        assertEquals(before, server.requests(), "nothing to send, nothing asked");
        assertHoldsEverythingOnce(clinic);
    }

    @Test
    void aSecondDeskSendingTheSameRecordsMakesNoDuplicates() throws Exception {
        ClinicData clinic = new ClinicData(tmp).sessions(200, 2).clients();
        server = new FhirTestServer();
        assertTrue(sync(clinic, clinic.data, 50, QUICK).complete());
        Path otherDesk = tmp.resolve("other-desk-data");
        SyncReport again = sync(clinic, otherDesk, 50, QUICK);
        assertTrue(again.complete(), () -> String.join("\n", again.lines("test")));
        assertEquals(200, again.sessionsSent(), "the other desk has no state, so it sends all");
        assertEquals(0, again.patientsSent(), "and every conditional create found the resource already there");
        assertHoldsEverythingOnce(clinic);
    }

    @Test
    void aServerKilledHalfWayLosesNothingAndDuplicatesNothing() throws Exception {
        ClinicData clinic = new ClinicData(tmp).sessions(200, 3).clients();
        server = new FhirTestServer().stopAfter(7);
        SyncReport cut = sync(clinic, clinic.data, 10, QUICK);
        assertFalse(cut.complete());
        assertFalse(server.running());
        assertTrue(cut.queued() > 0, "what was not confirmed stays queued");
        assertTrue(cut.sessionsSent() < 200);
        assertTrue(cut.lines("test").stream().anyMatch(l -> l.contains("queued:") && l.contains("unavailable")),
                () -> String.join("\n", cut.lines("test")));

        server.restart();
        SyncReport rest = sync(clinic, clinic.data, 10, QUICK);
        assertTrue(rest.complete(), () -> String.join("\n", rest.lines("test")));
        assertEquals(200, cut.sessionsSent() + rest.sessionsSent() + rest.alreadySent() - cut.sessionsSent(),
                "every session accounted for");
        assertHoldsEverythingOnce(clinic);
    }

    @Test
    void a503ForAWhileIsRetriedNeverTakenAsDone() throws Exception {
        ClinicData clinic = new ClinicData(tmp).sessions(200, 4).clients();
        server = new FhirTestServer().unavailableWhen(n -> n >= 3 && n <= 6);
        SyncReport r = sync(clinic, clinic.data, 20, new RetryPolicy(8, Duration.ofMillis(5), Duration.ofMillis(20)));
        assertTrue(r.complete(), () -> String.join("\n", r.lines("test")));
        assertEquals(4, r.retries());
        assertHoldsEverythingOnce(clinic);
    }

    @Test
    void a503ThatOutlastsTheRetriesLeavesTheRestQueued() throws Exception {
        ClinicData clinic = new ClinicData(tmp).sessions(200, 5).clients();
        server = new FhirTestServer().unavailableWhen(n -> n >= 3 && n <= 40);
        SyncReport r = sync(clinic, clinic.data, 20, QUICK);
        assertFalse(r.complete());
        assertEquals(200 - r.sessionsSent(), r.queued());
        server.unavailableWhen(n -> false);
        assertTrue(sync(clinic, clinic.data, 20, QUICK).complete());
        assertHoldsEverythingOnce(clinic);
    }

    @Test
    void anAnswerLostAfterTheServerCommittedDoesNotDuplicate() throws Exception {
        ClinicData clinic = new ClinicData(tmp).sessions(200, 6).clients();
        server = new FhirTestServer().loseAnswerWhen(n -> n == 2 || n == 5);
        SyncReport r = sync(clinic, clinic.data, 25, QUICK);
        assertTrue(r.complete(), () -> String.join("\n", r.lines("test")));
        assertEquals(2, r.retries());
        assertHoldsEverythingOnce(clinic);
    }

    @Test
    void aSessionTheServerRefusesIsReportedAndTheRestGoesThrough() throws Exception {
        ClinicData clinic = new ClinicData(tmp).sessions(200, 7).clients();
        server = new FhirTestServer();
        String bad = clinic.sessions.get(42).id();
        server.store.refuse(bad::equals);
        SyncReport r = sync(clinic, clinic.data, 100, QUICK);
        assertFalse(r.complete());
        assertEquals(1, r.failures().size());
        assertTrue(r.failures().get(0).what().contains(bad), r.failures().toString());
        assertTrue(r.failures().get(0).why().contains("422"), r.failures().toString());
        assertEquals(199, r.sessionsSent());
        assertEquals(199, server.store.all("Procedure").size());

        server.store.refuse(v -> false);
        SyncReport retry = sync(clinic, clinic.data, 100, QUICK);
        assertTrue(retry.complete());
        assertEquals(1, retry.sessionsSent(), "the refused session stayed queued");
        assertHoldsEverythingOnce(clinic);
    }

    private SyncReport sync(ClinicData clinic, Path dataDir, int bundleSize, RetryPolicy retry) throws Exception {
        URI base = server.base();
        SyncSource.Contents contents = new SyncSource(clinic.log(), clinic.config.resolve("clients")).read(null, w -> {});
        FhirHttp http = new FhirHttp(base, new ServerAuth.None(), Duration.ofSeconds(120));
        return new FhirSync(http, retry, bundleSize, new BundleBuilder(RegionCatalogueLoader.builtIn()),
                SyncState.load(dataDir, base)).run(contents);
    }

    /** Every record on the server exactly once, every reference pointing at a resource it holds. */
    private void assertHoldsEverythingOnce(ClinicData clinic) throws IOException {
        InMemoryFhirStore s = server.store;
        assertEquals(6, s.all("Patient").size());
        assertEquals(CLIENTS_WITH_PLANS, s.all("CarePlan").size());
        assertEquals(200, s.all("Procedure").size());
        assertEquals(clinic.painObservations, s.all("Observation").size());
        Set<String> sessionIds = new HashSet<>();
        for (Resource r : s.all("Procedure")) {
            Procedure p = (Procedure) r;
            assertTrue(sessionIds.add(p.getIdentifierFirstRep().getValue()), "duplicate " + p.getIdentifierFirstRep().getValue());
            assertTrue(s.get(p.getSubject().getReference()) instanceof Patient, p.getSubject().getReference());
        }
        assertEquals(clinic.sessions.stream().map(dev.thrum.usage.SessionRecord::id).collect(java.util.stream.Collectors.toSet()), sessionIds);
        for (Resource r : s.all("Observation")) {
            Observation o = (Observation) r;
            Resource proc = s.get(o.getPartOfFirstRep().getReference());
            assertTrue(proc instanceof Procedure, o.getPartOfFirstRep().getReference());
            assertEquals(((Procedure) proc).getSubject().getReference(), o.getSubject().getReference(),
                    "a pain score and its session belong to the same person");
        }
        for (Resource r : s.all("CarePlan")) assertNotNull(s.get(((CarePlan) r).getSubject().getReference()));
        Set<String> patients = new HashSet<>();
        for (Resource r : s.all("Patient")) assertTrue(patients.add(((Patient) r).getIdentifierFirstRep().getValue()));
        assertEquals(Set.of("ana-lima", "bo-chen", "chloe-dubois", "dev-patel", "eve-o-neil", "fay-new"), patients);
    }
}
