package dev.thrum.app;

import dev.thrum.store.ThrumDirs;
import dev.thrum.program.Client;
import dev.thrum.program.RegionCatalogue;
import dev.thrum.program.SessionPlan;
import dev.thrum.program.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The use cases on real files in a temporary home: what every edge gets from preparing a session. */
class SessionServiceTest {
    @TempDir
    Path home;
    ThrumDirs dirs;
    SessionService service;

    /** Answers the questions as told and remembers what it was asked. */
    static final class Answers implements SessionService.Dialogue {
        final boolean yes;
        final List<String> warnings = new ArrayList<>();
        final List<String> asked = new ArrayList<>();

        Answers(boolean yes) { this.yes = yes; }

        @Override public void warn(String message) { warnings.add(message); }

        @Override
        public boolean confirmConditions(Client client, List<String> confirmations) {
            asked.addAll(confirmations);
            return yes;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        dirs = ThrumDirs.from(Map.of(), home);
        service = new SessionService(dirs, home);
        Files.createDirectories(dirs.clients());
        Files.writeString(dirs.clients().resolve("bea-jones.json"),
                "{\"id\": \"bea-jones\", \"name\": \"Bea Jones\", \"conditions\": [\"osteoporosis\"]}");
    }

    private Optional<SessionService.Prepared> prepare(String program, String client, SessionService.ProgramRefs refs,
                                                      Answers answers) {
        RegionCatalogue regions = service.regions();
        return service.prepare(regions, new SessionService.Request(program, client, refs), answers);
    }

    @Test
    void a_built_in_program_without_a_client_is_planned_without_questions() {
        Answers answers = new Answers(false);
        SessionPlan plan = prepare("general-warm-up", null, SessionService.ProgramRefs.ID_ONLY, answers).orElseThrow().plan();
        assertEquals("general-warm-up", plan.programId());
        assertFalse(plan.steps().isEmpty());
        assertTrue(answers.asked.isEmpty());
        plan.steps().forEach(s -> assertTrue(s.target() <= s.cap() + 1e-12, s.toString()));
    }

    @Test
    void conditions_are_asked_once_and_a_no_leaves_the_client_unconfirmed() {
        Answers no = new Answers(false);
        assertTrue(prepare("general-warm-up", "bea", SessionService.ProgramRefs.ID_ONLY, no).isEmpty());
        assertTrue(no.asked.stream().anyMatch(c -> c.contains("osteoporosis")), no.asked.toString());
        assertTrue(service.clients().get("bea-jones").needsConfirmation(), "a no must not be saved as a yes");

        Answers yes = new Answers(true);
        SessionPlan plan = prepare("general-warm-up", "bea", SessionService.ProgramRefs.ID_ONLY, yes).orElseThrow().plan();
        assertFalse(yes.asked.isEmpty());
        assertTrue(plan.confirmations().isEmpty(), "planned again with the confirmed client: " + plan.confirmations());
        assertEquals("bea-jones", plan.clientId());
        assertFalse(service.clients().get("bea-jones").needsConfirmation());

        Answers again = new Answers(false);
        assertTrue(prepare("general-warm-up", "bea", SessionService.ProgramRefs.ID_ONLY, again).isPresent());
        assertTrue(again.asked.isEmpty(), "asked only before the first session");
    }

    @Test
    void a_preview_lists_what_to_confirm_and_saves_nothing() {
        SessionPlan plan = service.preview(service.regions(),
                new SessionService.Request("general-warm-up", "bea-jones", SessionService.ProgramRefs.ID_ONLY));
        assertFalse(plan.confirmations().isEmpty());
        assertTrue(service.clients().get("bea-jones").needsConfirmation());
    }

    @Test
    void an_unknown_program_names_the_known_ones_for_a_did_you_mean() {
        SessionService.UnknownName e = assertThrows(SessionService.UnknownName.class,
                () -> prepare("general-warmup", null, SessionService.ProgramRefs.ID_OR_FILE, new Answers(true)));
        assertTrue(e.known().contains("general-warm-up"), e.known().toString());
        SessionService.UnknownName byId = assertThrows(SessionService.UnknownName.class,
                () -> prepare("nothing-like-it", null, SessionService.ProgramRefs.ID_ONLY, new Answers(true)));
        assertEquals("no program 'nothing-like-it'", byId.getMessage());
    }

    @Test
    void an_unknown_client_is_not_an_unknown_program() {
        NoSuchElementException e = assertThrows(NoSuchElementException.class,
                () -> prepare("general-warm-up", "nobody", SessionService.ProgramRefs.ID_ONLY, new Answers(true)));
        assertFalse(e instanceof SessionService.UnknownName, e.toString());
    }

    @Test
    void a_program_file_is_read_from_the_command_line_but_never_through_the_api() throws Exception {
        Path file = home.resolve("mine.json");
        Files.writeString(file, "{\"id\": \"mine\", \"name\": \"Mine\", \"steps\": [{\"region\": \"calves\", \"duration\": \"60s\","
                + " \"target\": 0.4, \"rampUp\": \"5s\"}]}");
        assertEquals("mine", prepare(file.toString(), null, SessionService.ProgramRefs.ID_OR_FILE, new Answers(true))
                .orElseThrow().plan().programId());
        assertThrows(SessionService.UnknownName.class,
                () -> prepare(file.toString(), null, SessionService.ProgramRefs.ID_ONLY, new Answers(true)));
    }

    @Test
    void a_bad_program_file_in_the_library_is_a_warning_and_the_rest_still_runs() throws Exception {
        Files.createDirectories(dirs.programs());
        Files.writeString(dirs.programs().resolve("broken.json"), "{\"id\": ");
        Answers answers = new Answers(true);
        assertTrue(prepare("general-warm-up", null, SessionService.ProgramRefs.ID_OR_FILE, answers).isPresent());
        assertEquals(1, answers.warnings.size(), answers.warnings.toString());
        assertTrue(answers.warnings.get(0).startsWith("skipped a bad program file: "), answers.warnings.get(0));
    }

    @Test
    void a_program_into_a_blocked_region_cannot_be_planned() throws Exception {
        Path file = home.resolve("neck.json");
        Files.writeString(file, "{\"id\": \"neck\", \"name\": \"Neck\", \"steps\": [{\"region\": \"front-of-neck\", \"duration\": \"60s\","
                + " \"target\": 0.4, \"rampUp\": \"5s\"}]}");
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> prepare(file.toString(), null, SessionService.ProgramRefs.ID_OR_FILE, new Answers(true)));
        assertTrue(e instanceof SessionService.CannotPlan || e instanceof ValidationException, e.toString());
    }

    @Test
    void an_unreadable_journal_is_reported_and_does_not_stop_the_session() throws Exception {
        // a journal whose lock file cannot be opened (a directory stands in its place)
        Path journals = service.usageLog().journalDir();
        Files.createDirectories(journals.resolve("s1.lock"));
        Files.writeString(journals.resolve("s1.json"), "{}");
        SessionService.Recovery r = service.recoverInterrupted();
        assertNotNull(r.failure());
        assertTrue(r.failure().startsWith("could not check for interrupted sessions in " + dirs.data()), r.failure());
        assertTrue(r.recovered().isEmpty());
    }

    @Test
    void a_journal_that_cannot_be_recovered_is_a_problem_not_a_failure() throws Exception {
        Path journals = service.usageLog().journalDir();
        Files.createDirectories(journals);
        Files.writeString(journals.resolve("s2.json"), "not a journal");
        SessionService.Recovery r = service.recoverInterrupted();
        assertNull(r.failure());
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).contains("cannot be recovered"), r.problems().get(0));
    }

    @Test
    void nothing_to_recover_in_a_fresh_home() {
        SessionService.Recovery r = service.recoverInterrupted();
        assertNull(r.failure());
        assertTrue(r.recovered().isEmpty());
        assertTrue(r.problems().isEmpty());
    }

    @Test
    void speedup_picks_a_scaled_clock_and_one_is_real_time() {
        assertEquals(Clock.systemUTC(), service.clock(1));
        ScaledClock fast = assertInstanceOf(ScaledClock.class, service.clock(50));
        assertEquals(50, fast.speedup(), 1e-9);
    }

    @Test
    void a_device_that_cannot_be_reached_is_told_in_the_adapters_words() {
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> service.connect(service.profiles(), new DeviceSpec.Sim("no-such-profile"), Clock.systemUTC()));
        assertTrue(e.getMessage().contains("no device profile 'no-such-profile'"), e.getMessage());
    }

    @Test
    void the_simulator_connects_and_a_runner_is_made_for_a_prepared_session() throws Exception {
        SessionService.Prepared prepared = prepare("general-warm-up", null, SessionService.ProgramRefs.ID_ONLY, new Answers(true))
                .orElseThrow();
        try (DeviceHub hub = service.connect(service.profiles(), new DeviceSpec.Sim(null), Clock.systemUTC())) {
            assertTrue(hub.linkUp());
            SessionRunner runner = service.runner(hub, prepared, Clock.systemUTC(), java.time.Duration.ofSeconds(5),
                    dev.thrum.usage.PainScores.NONE);
            assertEquals(prepared.plan(), runner.plan());
            assertTrue(runner.device() == hub, "the runner drives the connected device");
        }
    }

    @Test
    void an_outcome_for_a_session_not_in_the_log_is_refused() {
        assertThrows(NoSuchElementException.class,
                () -> service.recordOutcome("2026-01-01T00-00-00Z-abcd", dev.thrum.usage.PainScores.NONE, java.time.Instant.EPOCH));
    }
}
