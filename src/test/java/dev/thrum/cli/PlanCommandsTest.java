package dev.thrum.cli;

import dev.thrum.engine.Outcome;
import dev.thrum.engine.StepReport;
import dev.thrum.store.ClientStore;
import dev.thrum.store.ThrumDirs;
import dev.thrum.usage.PainScores;
import dev.thrum.usage.SessionRecord;
import dev.thrum.usage.UsageLog;
import dev.thrum.program.Client;
import dev.thrum.program.Side;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** thrum plan, thrum today, thrum run without a program and with pain scores, on real files. */
class PlanCommandsTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir Path home;

    private ThrumDirs dirs() { return new ThrumDirs(home.resolve("config"), home.resolve("data")); }

    private static Instant berlin(String t) { return LocalDateTime.parse(t).atZone(BERLIN).toInstant(); }

    private CliRun plan(Instant now, String... args) {
        return CliRun.of(new PlanCommand(dirs(), Clock.fixed(now, BERLIN), BERLIN), args);
    }

    private CliRun today(Instant now, String... args) {
        return CliRun.of(new TodayCommand(dirs(), Clock.fixed(now, BERLIN), BERLIN), args);
    }

    private ClientStore store() { return new ClientStore(dirs().clients()); }

    @Test
    void badPlanOptionsAreAllNamedWithTheirFixAndNothingIsSaved() {
        store().save(Client.named("Ana"));
        CliRun r = plan(berlin("2026-03-25T12:00"), "set", "--client", "ana", "--program", "nope",
                "--days", "mon,funday", "--at", "25:00", "--until", "2020-01-01");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--days: unknown weekday 'funday'; use mon, tue"), r.err());
        assertTrue(r.err().contains("--at: \"at\" must be a time of day HH:MM"), r.err());
        assertTrue(r.err().contains("--until: \"until\" (2020-01-01) is before \"from\" (2026-03-25)"), r.err());
        assertTrue(r.err().contains("nothing was saved"), r.err());
        assertNull(store().get("ana").plan());
        CliRun unknown = plan(berlin("2026-03-25T12:00"), "set", "--client", "ana", "--program", "nope", "--days", "mon");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("--program: no program 'nope'; known programs: desk-worker-back-shoulders"), unknown.err());
        CliRun both = plan(berlin("2026-03-25T12:00"), "set", "--client", "ana", "--program", "general-warm-up",
                "--days", "mon", "--times-per-week", "3");
        assertTrue(both.err().contains("not both"), both.err());
    }

    @Test
    void setShowClearAndTheRecordKeepsTheRestOfTheClient() throws Exception {
        store().save(Client.named("Ana").withConditionsConfirmed(true));
        CliRun set = plan(berlin("2026-03-25T12:00"), "set", "--client", "Ana", "--program", "general-warm-up",
                "--days", "mon,wed,fri", "--at", "18:00");
        assertEquals(0, set.exit(), set.err());
        assertTrue(set.out().contains("Mon, Wed, Fri at 18:00 (Europe/Berlin)"), set.out());
        assertTrue(set.out().contains("next reminder: Wed 2026-03-25 18:00"), set.out());
        String file = Files.readString(dirs().clients().resolve("ana.json"));
        assertTrue(file.contains("\"plan\""), file);
        assertTrue(file.contains("\"days\" : [ \"mon\", \"wed\", \"fri\" ]"), file);
        assertTrue(store().get("ana").conditionsConfirmed());
        CliRun show = plan(berlin("2026-03-27T19:00"), "show", "--client", "ana");
        assertTrue(show.out().contains("next reminder: Mon 2026-03-30 18:00"), show.out());
        assertEquals(0, plan(berlin("2026-03-27T19:00"), "clear", "--client", "ana").exit());
        assertNull(store().get("ana").plan());
        assertTrue(plan(berlin("2026-03-27T19:00"), "show", "--client", "ana").out().contains("has no plan"));
    }

    @Test
    void todaySaysWhatIsDueAndWhatIsDoneAndAgreesWithTheReminderRule() throws Exception {
        store().save(Client.named("Ana"));
        assertEquals(0, plan(berlin("2026-03-20T12:00"), "set", "--client", "ana", "--program", "general-warm-up,legs-after-run",
                "--days", "mon,wed,fri", "--at", "18:00").exit());
        UsageLog.in(dirs().data()).append(completed("Ana", "general-warm-up", berlin("2026-03-25T17:30")));
        CliRun wed = today(berlin("2026-03-25T17:45"));
        assertTrue(wed.out().contains("Today, Wednesday 2026-03-25 (Europe/Berlin)"), wed.out());
        assertTrue(wed.out().matches("(?s).*\\[general-warm-up].*at 18:00\\s+done at 17:30.*"), wed.out());
        assertTrue(wed.out().matches("(?s).*\\[legs-after-run].*at 18:00\\s+due.*"), wed.out());
        assertTrue(today(berlin("2026-03-26T10:00")).out().contains("nothing planned today"));
    }

    @Test
    void todayAgreesAcrossTheSpringForwardChange() throws Exception {
        store().save(Client.named("Ana"));
        plan(berlin("2026-03-20T12:00"), "set", "--client", "ana", "--program", "general-warm-up", "--days", "mon,wed,fri", "--at", "18:00");
        UsageLog log = UsageLog.in(dirs().data());
        log.append(completed("Ana", "general-warm-up", berlin("2026-03-29T23:30"))); // Sunday night: not Monday's
        assertTrue(today(berlin("2026-03-30T17:00")).out().matches("(?s).*at 18:00\\s+due.*"));
        log.append(completed("Ana", "general-warm-up", Instant.parse("2026-03-30T15:30:00Z"))); // 17:30 summer time
        CliRun mon = today(berlin("2026-03-30T17:45"));
        assertTrue(mon.out().contains("Today, Monday 2026-03-30"), mon.out());
        assertTrue(mon.out().matches("(?s).*at 18:00\\s+done at 17:30.*"), mon.out());
    }

    @Test
    void logShowPrintsTheScoresAndTheNoteSafely() throws Exception {
        UsageLog.in(dirs().data()).append(completed("Ana", "general-warm-up", berlin("2026-03-30T17:30"))
                .withPain(new PainScores(6, 2, List.of("calves"), "ok\u001b[2J")));
        StringWriter out = new StringWriter();
        CommandLine cl = ThrumCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("log", "show", "s-", "--data-dir", dirs().data().toString()));
        assertTrue(out.toString().contains("Pain      before 6, after 2 (0-10); where: calves"), out.toString());
        assertTrue(out.toString().contains("Note      ok^[[2J"), out.toString());
    }

    @Test
    void icsWritesAFileThatParses() throws Exception {
        store().save(Client.named("Ana"));
        plan(berlin("2026-03-20T12:00"), "set", "--client", "ana", "--program", "general-warm-up", "--days", "tue", "--at", "07:15");
        Path f = home.resolve("ana.ics");
        CliRun r = plan(berlin("2026-03-20T12:00"), "ics", "--client", "ana", "-o", f.toString());
        assertEquals(0, r.exit(), r.err());
        var cal = new CalendarBuilder().build(Files.newBufferedReader(f));
        assertEquals(1, cal.getComponents("VEVENT").size());
        assertTrue(cal.getComponents("VEVENT").get(0).toString().contains("General warm-up (Ana)"));
        store().save(store().get("ana").withPlan(null));
        CliRun none = plan(berlin("2026-03-20T12:00"), "ics", "--client", "ana");
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("has no plan"), none.err());
    }

    @Test
    void runWithoutAProgramOffersWhatIsDueAndExits2WhenNotOnATerminal() {
        store().save(Client.named("Ana").withPlan(new dev.thrum.program.Plan(List.of("general-warm-up"),
                Set.copyOf(java.util.EnumSet.allOf(java.time.DayOfWeek.class)), 0, null, java.time.LocalDate.now().minusDays(2), null)));
        StringWriter out = new StringWriter(), err = new StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new RunCommand(dirs()));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(2, cl.execute("--plain"));
        assertTrue(out.toString().contains("Due today:"), out.toString());
        assertTrue(out.toString().contains("1. Ana: General warm-up [general-warm-up]"), out.toString());
        assertTrue(err.toString().contains("thrum run general-warm-up --client ana"), err.toString());
    }

    @Test
    void painOptionsGoIntoTheSessionRecord() throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new RunCommand(dirs()));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(0, cl.execute("general-warm-up", "--speedup", "400", "--plain", "--pain-before", "6",
                "--pain-where", "calves,hamstrings", "--pain-after", "3", "--note", "legs lighter"), err.toString());
        List<SessionRecord> rs = new java.util.ArrayList<>();
        UsageLog.in(dirs().data()).reader().read(rs::add, w -> { });
        assertEquals(new PainScores(6, 3, List.of("calves", "hamstrings"), "legs lighter"), rs.get(0).pain());
        picocli.CommandLine bad = new picocli.CommandLine(new RunCommand(dirs()));
        StringWriter berr = new StringWriter();
        bad.setErr(new PrintWriter(berr, true));
        assertEquals(2, bad.execute("general-warm-up", "--plain", "--pain-before", "11"));
        assertTrue(berr.toString().contains("pain before must be 0 to 10, got 11"), berr.toString());
        assertEquals(2, bad.execute("general-warm-up", "--plain", "--pain-where", "elbow-ish"));
        assertTrue(berr.toString().contains("--pain-where: unknown region elbow-ish"), berr.toString());
    }

    @Test
    void thePromptsAreSkippedWithEnterAndAskAgainOnNonsense() {
        StringWriter shown = new StringWriter();
        PainPrompts p = PainPrompts.reading(new BufferedReader(new StringReader("eleven\n7\nneck,knee\nneck\n\n\n")),
                new PrintWriter(shown, true), Set.of("neck", "calves"));
        PainScores before = p.before(PainScores.NONE);
        assertEquals(new PainScores(7, null, List.of("neck"), null), before);
        assertTrue(shown.toString().contains("a whole number from 0 to 10"), shown.toString());
        assertTrue(shown.toString().contains("unknown region knee"), shown.toString());
        PainScores after = p.after(before);
        assertEquals(before, after, "Enter skipped both after-questions");
        PainPrompts eof = PainPrompts.reading(new BufferedReader(new StringReader("")), new PrintWriter(new StringWriter()), Set.of());
        assertEquals(PainScores.NONE, eof.before(PainScores.NONE));
        assertFalse(eof.after(PainScores.NONE).after() != null);
    }

    static SessionRecord completed(String client, String program, Instant start) {
        StepReport s = new StepReport(0, "calves", Side.LEFT, false, 60, 60, 0.5, 0.4, 0, 0, false);
        return new SessionRecord("s-" + start.getEpochSecond(), client, program, program, null, start, start.plusSeconds(60),
                60, 0, Outcome.COMPLETED, 0, List.of(), List.of(s));
    }
}
