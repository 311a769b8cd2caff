package dev.thrum.fhir;

import dev.thrum.cli.ThrumCommand;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code thrum sync fhir} as a user runs it, against the in-test FHIR server. */
class SyncFhirCommandTest {
    @TempDir Path tmp;
    private FhirTestServer server;

    record Run(int exit, String out, String err) {}

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
    }

    private static Run thrum(String... args) {
        CommandLine cl = ThrumCommand.commandLine(args);
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run sync(ClinicData clinic, String... more) {
        String[] base = {"sync", "fhir", "--data-dir", clinic.data.toString(), "--config-dir", clinic.config.toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return thrum(all);
    }

    @Test
    void syncsWithTheServerAndTheTokenFromTheConfigFile() throws Exception {
        ClinicData clinic = new ClinicData(tmp).sessions(30, 11).clients();
        server = new FhirTestServer().requireAuthorization("Bearer s3cret");
        Path config = clinic.config.resolve("fhir.json");
        Files.writeString(config, "{\"server\": \"" + server.base() + "\", \"auth\": {\"bearer\": \"s3cret\"}}");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));

        Run first = sync(clinic);
        assertEquals(0, first.exit(), first.out() + first.err());
        assertTrue(first.out().contains("FHIR sync to " + server.base() + ": done"), first.out());
        assertTrue(first.out().contains("sent:    30 sessions (Procedure)"), first.out());
        assertTrue(first.out().contains("1 sessions without a client"), first.out());
        assertFalse(first.err().contains("\u001b"), "nothing from a file reaches the terminal unescaped");

        Run second = sync(clinic);
        assertEquals(0, second.exit());
        assertTrue(second.out().contains("sent:    0 sessions") && second.out().contains("skipped: 30 sessions sent before"), second.out());
        assertEquals(30, server.store.all("Procedure").size());
    }

    @Test
    void aWrongTokenStopsAtOnceAndKeepsEverythingQueued() throws Exception {
        ClinicData clinic = new ClinicData(tmp).sessions(30, 12).clients();
        server = new FhirTestServer().requireAuthorization("Bearer right");
        Path config = clinic.config.resolve("fhir.json");
        Files.writeString(config, "{\"auth\": {\"bearer\": \"wrong\"}}");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Run r = sync(clinic, "--server", server.base().toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("HTTP 401") && r.out().contains("queued:  30 sessions"), r.out());
        assertEquals(1, server.requests(), "no point retrying credentials that were refused");
    }

    @Test
    void refusesAConfigFileOthersCanRead() throws Exception {
        ClinicData clinic = new ClinicData(tmp).sessions(3, 13);
        Path config = clinic.config.resolve("fhir.json");
        Files.writeString(config, "{\"server\": \"https://x.example/fhir\", \"auth\": {\"bearer\": \"t\"}}");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        Run r = sync(clinic);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("chmod 600 " + config), r.err());
    }

    @Test
    void withoutAServerItSaysWhereToSetOne() throws Exception {
        ClinicData clinic = new ClinicData(tmp).sessions(3, 14);
        Run r = sync(clinic);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--server URL") && r.err().contains("fhir.json"), r.err());
        Run bad = sync(clinic, "--server", "fhir.clinic.example");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("--server: 'fhir.clinic.example' is not an http(s) URL"), bad.err());
    }

    @Test
    void exportsAClientAsOneBundleThatAServerLoadsAsItIs() throws Exception {
        ClinicData clinic = new ClinicData(tmp).sessions(40, 15).clients();
        Path file = tmp.resolve("ana.json");
        Run r = sync(clinic, "--bundle", file.toString(), "--client", "ana lima");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("FHIR Bundle written to " + file), r.out());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Bundle b = FhirJson.read(Bundle.class, Files.readString(file));
        long procedures = b.getEntry().stream().filter(e -> e.getResource() instanceof Procedure).count();
        assertEquals(8, procedures, "every fifth session is Ana's");

        server = new FhirTestServer();
        FhirHttp http = new FhirHttp(server.base(), new ServerAuth.None(), Duration.ofSeconds(120));
        assertInstanceOf(ServerAnswer.Done.class, http.post(Files.readString(file)));
        assertInstanceOf(ServerAnswer.Done.class, http.post(Files.readString(file)), "loading it twice is harmless");
        assertEquals(8, server.store.all("Procedure").size());
        assertEquals(1, server.store.all("Patient").size());
        assertEquals(1, server.store.all("CarePlan").size());
    }

    @Test
    void anUnknownClientIsNamedNotQuietlySkipped() throws Exception {
        ClinicData clinic = new ClinicData(tmp).sessions(10, 16).clients();
        Run r = sync(clinic, "--bundle", tmp.resolve("x.json").toString(), "--client", "Zoe");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no client 'Zoe'") && r.err().contains("ana-lima, bo-chen"), r.err());
        assertFalse(Files.exists(tmp.resolve("x.json")));
    }

    @Test
    void theServerReallyValidates() throws Exception {
        server = new FhirTestServer();
        Procedure noStatus = new Procedure();
        noStatus.addIdentifier(ThrumIds.identifier(ThrumIds.SESSION, "x"));
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        b.addEntry().setFullUrl("urn:uuid:0b3d2a57-6a43-4a3a-9a59-3c4d0f4d8a11").setResource(noStatus)
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Procedure");
        ServerAnswer a = new FhirHttp(server.base(), new ServerAuth.None(), Duration.ofSeconds(120)).post(FhirJson.write(b, false));
        ServerAnswer.Refused refused = assertInstanceOf(ServerAnswer.Refused.class, a);
        assertEquals(422, refused.status(), refused.why());
        assertTrue(refused.why().contains("Procedure.status") || refused.why().contains("Procedure.subject"), refused.why());
        assertTrue(server.store.all("Procedure").isEmpty());
    }
}
