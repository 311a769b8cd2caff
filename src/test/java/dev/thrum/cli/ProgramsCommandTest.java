package dev.thrum.cli;

import dev.thrum.store.ClientStore;
import dev.thrum.store.ThrumDirs;
import dev.thrum.program.Client;
import dev.thrum.program.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgramsCommandTest {

    @TempDir
    Path tmp;

    private ThrumDirs dirs() {
        return new ThrumDirs(tmp.resolve("config"), tmp.resolve("data"));
    }

    @Test
    void listShowsBuiltInsAndUserProgramsAndReportsBadFiles() throws Exception {
        Files.createDirectories(dirs().programs());
        Files.writeString(dirs().programs().resolve("mine.json"),
                "{\"id\": \"mine\", \"name\": \"Mine\", \"steps\": [{\"region\": \"calves\", \"duration\": 30, \"target\": 0.3}]}");
        Files.writeString(dirs().programs().resolve("broken.json"), "{\"id\": ");
        CliRun run = CliRun.of(new ProgramsCommand(dirs()), "list");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("sciatica-relief"), run.out());
        assertTrue(run.out().contains("mine") && run.out().contains("1m"), run.out());
        assertTrue(run.err().contains("broken.json"), run.err());
    }

    @Test
    void showPrintsStepsTimesAndClientCaps() {
        new ClientStore(dirs().clients()).save(new Client(null, "Ann", 1.0, Set.of("hip-flexors"), Map.of(), null, 0, "",
                EnumSet.of(Condition.HERNIATED_DISC), Map.of(), false));
        CliRun plain = CliRun.of(new ProgramsCommand(dirs()), "show", "sciatica-relief");
        assertEquals(0, plain.exit(), plain.err());
        assertTrue(plain.out().contains("Hip flexors"), plain.out());
        assertTrue(plain.out().contains("Total 18m"), plain.out());
        CliRun ann = CliRun.of(new ProgramsCommand(dirs()), "show", "sciatica-relief", "--client", "Ann");
        assertEquals(0, ann.exit(), ann.err());
        assertFalse(ann.out().lines().anyMatch(l -> !l.startsWith("note:") && l.contains("Hip flexors")), ann.out());
        assertTrue(ann.out().contains("Skipping Hip flexors"), ann.out());
        assertTrue(ann.out().contains("0.20   0.20"), "lower back capped at 0.20 for a herniated disc:\n" + ann.out());
        assertTrue(ann.out().contains("needs confirming before the first run: herniated-disc"), ann.out());
    }

    @Test
    void showUnknownProgramOrClientFails() {
        CliRun run = CliRun.of(new ProgramsCommand(dirs()), "show", "nope");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("known programs: sciatica-relief"), run.err());
        CliRun client = CliRun.of(new ProgramsCommand(dirs()), "show", "sciatica-relief", "--client", "zed");
        assertEquals(1, client.exit());
        assertTrue(client.err().contains("no client 'zed'"), client.err());
    }

    @Test
    void checkExitsOneWithErrorsForBadFilesAndZeroForGoodOnes() throws Exception {
        Path good = tmp.resolve("good.json");
        Files.writeString(good, "{\"id\": \"g\", \"name\": \"G\", \"steps\": [{\"region\": \"calves\", \"duration\": \"90s\", \"target\": 0.3}]}");
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"id\": \"b\", \"name\": \"B\",\n \"steps\": [{\"region\": \"calfs\", \"duration\": \"90s\", \"target\": 0.3}]}");
        CliRun ok = CliRun.of(new ProgramsCommand(dirs()), "check", good.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("ok " + good), ok.out());
        CliRun both = CliRun.of(new ProgramsCommand(dirs()), "check", good.toString(), bad.toString(), tmp.resolve("missing.json").toString());
        assertEquals(1, both.exit());
        assertTrue(both.err().contains(bad + ": step 1 ($.steps[0].region, line 2, column 23): unknown region 'calfs'; did you mean 'calves'"), both.err());
        assertTrue(both.err().contains("missing.json: no such file"), both.err());
        assertTrue(both.err().contains("2 of 3"), both.err());
    }

    @Test
    void checkWithoutFilesIsAUsageError() {
        assertEquals(2, CliRun.of(new ProgramsCommand(dirs()), "check").exit());
    }

    @Test
    void regionsListsBlockedOnes() {
        CliRun run = CliRun.of(new ProgramsCommand(dirs()), "regions");
        assertEquals(0, run.exit());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("neck") && l.contains("BLOCKED")), run.out());
    }
}
