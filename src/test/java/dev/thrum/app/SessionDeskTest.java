package dev.thrum.app;

import dev.thrum.engine.Control;
import dev.thrum.store.ThrumDirs;
import dev.thrum.usage.PainScores;
import dev.thrum.program.SessionPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daemon's use case on the simulator: one device, one session at a time, stop in any state. */
class SessionDeskTest {
    @TempDir
    Path home;
    SessionService service;
    SessionDesk desk;
    SessionPlan plan;

    @BeforeEach
    void setUp() throws Exception {
        service = new SessionService(ThrumDirs.from(Map.of(), home), home);
        plan = service.prepare(service.regions(), new SessionService.Request("general-warm-up", null,
                SessionService.ProgramRefs.ID_ONLY), new SessionServiceTest.Answers(true)).orElseThrow().plan();
        Clock clock = service.clock(20);
        desk = new SessionDesk(service.connect(service.profiles(), new DeviceSpec.Sim(null), clock), service, clock,
                Duration.ofSeconds(30));
    }

    @AfterEach
    void tearDown() { desk.close(); }

    @Test
    void one_session_at_a_time_and_controls_only_while_one_runs() throws Exception {
        assertThrows(SessionDesk.NothingRunning.class, () -> desk.control(Control.PAUSE));
        List<RunnerEvent> events = new CopyOnWriteArrayList<>();
        desk.addListener(events::add);
        desk.start(plan, PainScores.NONE);
        assertTrue(desk.sessionRunning());
        assertTrue(desk.view().isPresent(), "start returns once the first view is out");
        SessionDesk.Refused busy = assertThrows(SessionDesk.Refused.class, () -> desk.start(plan, PainScores.NONE));
        assertEquals(SessionDesk.Refusal.BUSY, busy.reason());
        assertEquals("general-warm-up", busy.detail());

        desk.control(Control.STOP);
        assertFalse(desk.sessionRunning(), "a stop answers once the session has ended");
        assertTrue(desk.lastReport().isPresent());
        assertTrue(desk.lastSessionId().isPresent(), "the ended session was logged");
        assertTrue(events.stream().anyMatch(e -> e instanceof RunnerEvent.Ended), events.toString());
    }

    @Test
    void the_emergency_stop_works_without_a_session_and_closing_refuses_new_ones() throws Exception {
        desk.emergencyStop().get(5, TimeUnit.SECONDS);
        desk.close();
        assertTrue(desk.stopConfirmed(), "stop written while the simulator answered");
        SessionDesk.Refused closing = assertThrows(SessionDesk.Refused.class, () -> desk.start(plan, PainScores.NONE));
        assertEquals(SessionDesk.Refusal.CLOSING, closing.reason());
    }
}
