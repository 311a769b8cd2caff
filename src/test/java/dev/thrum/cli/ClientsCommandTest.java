package dev.thrum.cli;

import dev.thrum.store.ClientStore;
import dev.thrum.store.ThrumDirs;
import dev.thrum.program.Client;
import dev.thrum.program.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientsCommandTest {

    @TempDir
    Path tmp;

    private ThrumDirs dirs() {
        return new ThrumDirs(tmp.resolve("config"), tmp.resolve("data"));
    }

    private CliRun run(String... args) {
        return CliRun.of(new ClientsCommand(dirs()), args);
    }

    private Client stored(String id) {
        return new ClientStore(dirs().clients()).get(id);
    }

    @Test
    void addSetsEveryField() {
        CliRun add = run("add", "Ann Smith", "--max-intensity", "0.6", "--avoid", "hip-flexors", "--avoid", "feet",
                "--cap", "lower-back=0.2", "--max-session", "20m", "--weekly-target", "5", "--notes", "L5 disc",
                "--condition", "herniated-disc", "--condition", "blood-thinners");
        assertEquals(0, add.exit(), add.err());
        assertTrue(add.out().contains("herniated-disc:"), "condition reasons are shown: " + add.out());
        Client c = stored("ann-smith");
        assertEquals(0.6, c.maxIntensity());
        assertEquals(Set.of("hip-flexors", "feet"), c.avoid());
        assertEquals(Map.of("lower-back", 0.2), c.regionCaps());
        assertEquals(Duration.ofMinutes(20), c.maxSession());
        assertEquals(5, c.weeklyTarget());
        assertEquals("L5 disc", c.notes());
        assertEquals(Set.of(Condition.HERNIATED_DISC, Condition.BLOOD_THINNERS), c.conditions());
    }

    @Test
    void addRefusesDuplicatesUnknownRegionsConditionsAndBadNumbers() {
        assertEquals(0, run("add", "Bob").exit());
        CliRun dup = run("add", "bob");
        assertEquals(1, dup.exit());
        assertTrue(dup.err().contains("exists"), dup.err());
        CliRun region = run("add", "Cy", "--avoid", "hamstring");
        assertEquals(2, region.exit());
        assertTrue(region.err().contains("did you mean 'hamstrings'"), region.err());
        CliRun condition = run("add", "Cy", "--condition", "flu");
        assertEquals(2, condition.exit());
        assertTrue(condition.err().contains("unknown condition 'flu'"), condition.err());
        CliRun number = run("add", "Cy", "--max-intensity", "1.5");
        assertEquals(2, number.exit());
        assertTrue(number.err().contains("from 0 to 1"), number.err());
        assertTrue(new ClientStore(dirs().clients()).find("cy").isEmpty(), "nothing saved after a refusal");
    }

    @Test
    void editChangesAndRemovesFieldsAndResetsConfirmationOnNewConditions() {
        run("add", "Ann", "--avoid", "feet", "--cap", "calves=0.3", "--condition", "herniated-disc");
        assertEquals(0, run("edit", "ann", "--confirmed").exit());
        assertTrue(stored("ann").conditionsConfirmed());
        new ClientStore(dirs().clients()).rememberSofter("ann", "calves", 0.25);
        CliRun edit = run("edit", "ann", "--no-avoid", "feet", "--no-cap", "calves", "--avoid", "adductors",
                "--condition", "pregnancy", "--forget-softer", "all", "--max-session", "none", "--weekly-target", "3");
        assertEquals(0, edit.exit(), edit.err());
        Client c = stored("ann");
        assertEquals(Set.of("adductors"), c.avoid());
        assertEquals(Map.of(), c.regionCaps());
        assertEquals(Map.of(), c.softer());
        assertEquals(3, c.weeklyTarget());
        assertEquals(null, c.maxSession());
        assertEquals(Set.of(Condition.HERNIATED_DISC, Condition.PREGNANCY), c.conditions());
        assertFalse(c.conditionsConfirmed(), "a new condition must be confirmed again");
        assertEquals(0, run("edit", "ann", "--no-condition", "pregnancy").exit());
        assertEquals(Set.of(Condition.HERNIATED_DISC), stored("ann").conditions());
    }

    @Test
    void listShowAndRemove() {
        run("add", "Ann", "--condition", "pacemaker", "--weekly-target", "5");
        run("add", "Bob");
        CliRun list = run("list");
        assertEquals(0, list.exit());
        assertTrue(list.out().contains("ann") && list.out().contains("pacemaker") && list.out().contains("5/week"), list.out());
        assertTrue(list.out().contains("bob"), list.out());
        CliRun show = run("show", "Ann");
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().lines().anyMatch(l -> l.startsWith("upper-back") && l.contains("avoided")), show.out());
        assertTrue(show.out().contains("not yet confirmed"), show.out());
        CliRun unasked = run("remove", "ann");
        assertEquals(1, unasked.exit(), "removing asks first; without a terminal it needs --yes");
        assertTrue(unasked.err().contains("not removed") && unasked.err().contains("--yes"), unasked.err());
        assertTrue(run("list").out().contains("ann"), "still there");
        assertEquals(0, run("remove", "ann", "--yes").exit());
        assertEquals(1, run("remove", "ann", "--yes").exit());
        assertFalse(run("list").out().contains("ann"));
    }

    @Test
    void limitsOnBlockedRegionsAndOverHardCeilingsAreRefusedWithTheLimit() {
        CliRun cap = run("add", "Ann", "--cap", "neck=0.2");
        assertEquals(2, cap.exit());
        assertTrue(cap.err().contains("--cap neck") && cap.err().contains("blocked"), cap.err());
        CliRun avoid = run("add", "Ann", "--avoid", "neck");
        assertEquals(2, avoid.exit());
        assertTrue(avoid.err().contains("--avoid neck") && avoid.err().contains("blocked"), avoid.err());
        CliRun session = run("add", "Ann", "--max-session", "45m");
        assertEquals(2, session.exit());
        assertTrue(session.err().contains("45m") && session.err().contains("30m") && session.err().contains("ceiling"), session.err());
        assertFalse(run("list").out().contains("ann"), "nothing was saved");
        assertEquals(0, run("add", "Ann", "--max-session", "30m").exit());
    }
}
