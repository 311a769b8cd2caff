package dev.thrum.engine;

import dev.thrum.engine.pressure.PressureAdvice;
import dev.thrum.engine.pressure.PressureSettings;
import dev.thrum.pressure.ForceScale;
import dev.thrum.pressure.PressureBand;
import dev.thrum.profile.OutputRange;
import dev.thrum.program.PlannedStep;
import dev.thrum.program.RampCurve;
import dev.thrum.program.SessionPlan;
import dev.thrum.program.Side;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Pressure guidance through the real engine on a fake clock: the force a device reports (one status a
 * second) turns into advice events, a warning, and a ramp-down and pause when it stays too high.
 */
class PressureInEngineTest {

    static final long T0 = Harness.T0;
    static final OutputRange RANGE = new OutputRange.Continuous("percent", 0, 1, 100);
    /** Newtons, stall 200: light 10-50, medium 50-100, firm 100-150. */
    static final ForceScale SCALE = ForceScale.withDefaultBands(ForceScale.Unit.NEWTONS, 200);

    static SessionPlan lowerBack(long seconds) {
        PlannedStep step = new PlannedStep(0, "lower-back", "Lower back", Side.LEFT, Duration.ofSeconds(seconds), 0.3, 0.3,
                Duration.ofSeconds(5), RampCurve.LINEAR, "beside the spine", Duration.ofMinutes(2), false,
                PressureBand.LIGHT, PressureBand.LIGHT, Duration.ZERO);
        return new SessionPlan("p", "P", null, List.of(step), Duration.ofMinutes(30), List.of(), List.of());
    }

    record Run(SessionEngine engine, FakeClock clock, List<EngineEvent> events, List<DeviceCommand> sent) {}

    static Run run(SessionPlan plan, int[] forcePerSecond) {
        FakeClock clock = new FakeClock(T0);
        SessionEngine engine = new SessionEngine(plan, RANGE, SCALE, 20, clock, EngineSettings.defaults(), PressureSettings.DEFAULTS);
        List<EngineEvent> events = new ArrayList<>();
        List<DeviceCommand> sent = new ArrayList<>(engine.start());
        events.addAll(engine.drainEvents());
        for (int s = 0; s < forcePerSecond.length && !engine.finished(); s++) {
            for (int t = 0; t < 10; t++) {
                clock.advance(100);
                sent.addAll(engine.tick());
                events.addAll(engine.drainEvents());
            }
            sent.addAll(engine.onStatus(new DeviceStatus(true, null, forcePerSecond[s], null, null, null)));
            events.addAll(engine.drainEvents());
        }
        settle(engine, clock, events, sent);
        return new Run(engine, clock, events, sent);
    }

    /**
     * Ticks on without new statuses until any pressure wind-down has had its full length to end. The engine
     * may act on the last reading after the script ends, so the wait restarts from each pressure pause; it is
     * bounded because a paused engine cannot act again, and capped so an engine that keeps acting fails
     * the property instead of hanging the test.
     */
    private static void settle(SessionEngine engine, FakeClock clock, List<EngineEvent> events, List<DeviceCommand> sent) {
        long windDownAndMargin = EngineSettings.defaults().windDown().toMillis() + 500;
        long until = clock.millis() + windDownAndMargin;
        long cap = clock.millis() + 10 * windDownAndMargin;
        while (clock.millis() < until && !engine.finished()) {
            clock.advance(100);
            sent.addAll(engine.tick());
            List<EngineEvent> drained = engine.drainEvents();
            events.addAll(drained);
            if (drained.stream().anyMatch(PressureInEngineTest::isPressurePause)) {
                until = Math.min(cap, clock.millis() + windDownAndMargin);
            }
        }
    }

    static boolean isPressurePause(EngineEvent e) {
        return e instanceof EngineEvent.Warning w && w.code() == WarningCode.PRESSURE_PAUSE;
    }

    @Test
    void tooLightThenRightThenTooHardOnTheLowerBack() {
        int[] force = new int[60];
        for (int s = 0; s < 60; s++) force[s] = s < 15 ? 2 : s < 30 ? 30 : 120; // light band is 10-50 N
        Run r = run(lowerBack(90), force);
        List<String> said = r.events.stream().filter(e -> e instanceof EngineEvent.PressureAdvised)
                .map(e -> ((EngineEvent.PressureAdvised) e).advice().name()).toList();
        assertEquals(List.of("HARDER", "HOLD", "LIGHTER"), said, "2 N is below light, 30 N in it, 120 N far above it");
        List<EngineEvent.Warning> warnings = r.events.stream().filter(e -> e instanceof EngineEvent.Warning)
                .map(e -> (EngineEvent.Warning) e).toList();
        assertEquals(List.of(WarningCode.PRESSURE_HIGH, WarningCode.PRESSURE_PAUSE), warnings.stream().map(EngineEvent.Warning::code).toList());
        assertTrue(warnings.get(0).message().contains("Ease off: too much pressure on"), warnings.get(0).message());
        EngineEvent.Paused paused = r.events.stream().filter(e -> e instanceof EngineEvent.Paused).map(e -> (EngineEvent.Paused) e)
                .findFirst().orElseThrow(() -> new AssertionError("never paused: " + r.events));
        assertEquals(PauseReason.PRESSURE, paused.reason());
        assertEquals(SessionState.PAUSED, r.engine.view().state());
        assertEquals(new DeviceCommand.Stop(), r.sent.get(r.sent.size() - 1), "paused for pressure: the motor is stopped");

        StepReport step = r.engine.report().steps().get(0);
        assertEquals("light", step.pressure().band());
        assertEquals(15, step.pressure().stats().secondsBelow(), 1.0, "15 s at 2 N, within one status interval");
        assertEquals(15, step.pressure().stats().secondsIn(), 1.0, "15 s at 30 N, within one status interval");
        assertEquals(1, step.pressure().stats().tooMuchEpisodes());
        assertEquals(120, step.pressure().stats().peakNewtons(), 1e-9);
    }

    @Test
    void afterThePressurePauseTheMotorRampsFromTheLowestValueAgain() {
        int[] force = new int[30];
        java.util.Arrays.fill(force, 120);
        Run r = run(lowerBack(90), force);
        assertEquals(SessionState.PAUSED, r.engine.view().state());
        List<DeviceCommand> after = new ArrayList<>(r.engine.control(Control.RESUME));
        for (int i = 0; i < 5; i++) { r.clock.advance(100); after.addAll(r.engine.tick()); }
        DeviceCommand first = after.stream().filter(c -> c instanceof DeviceCommand.SetSpeed).findFirst().orElseThrow();
        assertEquals(new DeviceCommand.SetSpeed(RANGE.lowestRunning()), first);
    }

    /** Whatever the person does, a too-much episode past the limit ends with the motor at the lowest value or stopped. */
    @Property(tries = 60)
    void anEpisodePastTheLimitEndsLowOrStopped(@ForAll("forces") List<Integer> forces) {
        int[] f = forces.stream().mapToInt(Integer::intValue).toArray();
        Run r = run(lowerBack(100), f);
        boolean acted = r.events.stream().anyMatch(PressureInEngineTest::isPressurePause);
        int overRun = 0, longest = 0;
        for (int x : f) { overRun = x > 50 ? overRun + 1 : 0; longest = Math.max(longest, overRun); }
        if (longest >= 9) assertTrue(acted, "9 s above the maximum must pause: " + forces);
        if (acted) {
            assertTrue(r.events.stream().anyMatch(e -> e instanceof EngineEvent.Paused p && p.reason() == PauseReason.PRESSURE)
                    || r.engine.finished(), "acted but neither paused nor finished");
            DeviceCommand last = r.sent.get(r.sent.size() - 1);
            assertTrue(last instanceof DeviceCommand.Stop || last.equals(new DeviceCommand.SetSpeed(RANGE.lowestRunning()))
                    || r.engine.view().state() == SessionState.RUNNING, "last command " + last);
        }
        for (EngineEvent e : r.events) {
            if (e instanceof EngineEvent.PressureAdvised a && a.advice() == PressureAdvice.HARDER) {
                assertTrue(a.newtons() != null && a.newtons() < a.wanted().low(), "harder at " + a.newtons() + " for " + a.wanted());
            }
            if (e instanceof EngineEvent.PressureAdvised a && a.advice() == PressureAdvice.HOLD) {
                assertNotNull(a.newtons(), "hold without a fresh reading");
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> forces() {
        return Arbitraries.integers().between(0, 160).list().ofMinSize(5).ofMaxSize(60);
    }
}
