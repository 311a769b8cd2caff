package dev.thrum.product;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Every --client resolves the same way, through the commands a person types. */
class ClientIdentityIT {
    @TempDir
    Path home;

    @Test
    void runLogAndReportFindTheSameClientAndRenamingKeepsTheHistory() throws Exception {
        ThrumProcess thrum = new ThrumProcess(home);
        assertEquals(0, thrum.run("clients", "add", "Maria Lopez").exit());
        assertEquals(0, thrum.run("clients", "add", "Mark Ode").exit());

        ThrumProcess.Result run = thrum.run("run", "general-warm-up", "--client", "maria", "--speedup", "200", "--plain");
        assertEquals(0, run.exit(), run.both());
        assertTrue(run.out().contains("for Maria Lopez"), run.out());
        assertTrue(Files.readString(thrum.data().resolve("usage-log.jsonl")).contains("\"clientId\":\"maria-lopez\""),
                "the record keeps the client's id");

        ThrumProcess.Result summary = thrum.run("log", "summary", "--client", "mari");
        assertEquals(0, summary.exit(), summary.both());
        assertTrue(summary.out().contains("Sessions 1"), summary.out());
        Path html = home.resolve("r.html");
        ThrumProcess.Result report = thrum.run("report", "--client", "maria", "--html", html.toString());
        assertEquals(0, report.exit(), report.both());
        assertTrue(Files.readString(html).contains("Maria Lopez"), "the report is Maria's");
        assertEquals(0, thrum.run("log", "list", "--client", "MARIA LOPEZ").exit());
        assertEquals(0, thrum.run("log", "list", "--client", "maria-lopez").exit());
        assertEquals(0, thrum.run("clients", "show", "mari").exit());

        ThrumProcess.Result unknown = thrum.run("log", "summary", "--client", "nobody");
        assertEquals(1, unknown.exit(), unknown.both());
        assertTrue(unknown.err().contains("no client 'nobody'") && unknown.err().contains("Maria Lopez (maria-lopez)"), unknown.err());
        ThrumProcess.Result ambiguous = thrum.run("report", "--client", "ma", "--html", html.toString());
        assertEquals(1, ambiguous.exit());
        assertTrue(ambiguous.err().contains("ambiguous") && ambiguous.err().contains("Mark Ode (mark-ode)"), ambiguous.err());
        assertEquals(1, thrum.run("run", "general-warm-up", "--client", "nobody", "--speedup", "200", "--plain").exit());

        // renamed by hand (or through the API): the id stays, and so does the history
        Path file = thrum.config().resolve("clients/maria-lopez.json");
        Files.writeString(file, Files.readString(file).replace("\"Maria Lopez\"", "\"Maria Lopez-Ruiz\""));
        ThrumProcess.Result renamed = thrum.run("log", "list", "--client", "Maria Lopez-Ruiz");
        assertEquals(0, renamed.exit(), renamed.both());
        assertTrue(renamed.out().contains("general-warm-up") || renamed.out().contains("General warm-up"), renamed.out());
    }
}
