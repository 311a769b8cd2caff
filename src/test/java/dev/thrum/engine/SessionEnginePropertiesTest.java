package dev.thrum.engine;

import dev.thrum.profile.OutputRange;
import dev.thrum.program.PlannedStep;
import dev.thrum.program.RampCurve;
import dev.thrum.program.SessionPlan;
import dev.thrum.program.Side;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The engine's safety promises over random plans, device ranges, pacing gaps, tick rates and
 * scripts of controls and device events, on a fake clock.
 */
class SessionEnginePropertiesTest {

    enum Kind { PAUSE, RESUME, SKIP, PREVIOUS, SOFTER, HARDER, LINK_LOST, LINK_RESTORED, BATTERY, MOTOR_STOPPED, MOTOR_RUNNING }

    /** After {@code delayMs} of ticking, do {@code kind}. */
    record Action(long delayMs, Kind kind, int battery) {}

    static final Set<Kind> PAUSES_ONLY = Set.of(Kind.PAUSE, Kind.RESUME, Kind.LINK_LOST, Kind.LINK_RESTORED);

    // ------------------------------------------------------------------ properties

    @Property(tries = 200)
    void noCommandIsEverAboveTheCapOrOutsideTheRange(@ForAll("plans") SessionPlan plan, @ForAll("ranges") OutputRange range,
                                                      @ForAll @IntRange(min = 1, max = 300) int gap,
                                                      @ForAll @IntRange(min = 1, max = 700) int tick,
                                                      @ForAll("anyScript") List<Action> script) {
        Harness h = run(plan, range, gap, tick, script);
        for (Harness.Sent s : h.setSpeeds()) {
            PlannedStep step = plan.steps().get(s.stepIndex());
            int v = Harness.value(s);
            assertFalse(step.rest(), "no running command in a rest: " + s);
            assertTrue(range.accepts(v), v + " is not a value of " + range);
            assertTrue(v >= range.lowestRunning());
            assertTrue(v <= range.valueFor(step.cap()), v + " above the cap " + step.cap() + " of step " + s.stepIndex());
        }
        SessionReport r = h.engine.report();
        double sum = 0;
        for (StepReport s : r.steps()) {
            PlannedStep step = plan.steps().get(s.index());
            // A one-value range has no "lower" value: its single running value is 1.0 whatever the cap.
            double capFraction = step.rest() ? 0 : range.fractionOf(range.valueFor(step.cap()));
            assertTrue(s.peakIntensity() <= capFraction + 1e-9, "peak above cap in report: " + s);
            assertTrue(s.meanIntensity() <= s.peakIntensity() + 1e-9, "mean above peak: " + s);
            if (!s.rest()) sum += s.actualSeconds();
        }
        assertEquals(r.activeSeconds(), sum, 1e-6, "treatment steps' seconds add up to the active seconds (rests are not active)");
    }

    @Property(tries = 200)
    void everyStartResumeAndLinkReturnBeginsAtTheLowestRunningValue(
            @ForAll("plans") SessionPlan plan, @ForAll("ranges") OutputRange range,
            @ForAll @IntRange(min = 1, max = 300) int gap, @ForAll @IntRange(min = 1, max = 700) int tick,
            @ForAll("anyScript") List<Action> script) {
        Harness h = run(plan, range, gap, tick, script);
        boolean mustBeLow = true;
        boolean linkUp = true;
        for (EngineEvent e : h.events) {
            if (e instanceof EngineEvent.Started || e instanceof EngineEvent.Resumed) mustBeLow = true;
            if (e instanceof EngineEvent.LinkChanged l) {
                mustBeLow = true;
                linkUp = l.up();
            }
            if (e instanceof EngineEvent.Commanded c) {
                if (c.command() instanceof DeviceCommand.Stop) mustBeLow = true;
                if (c.command() instanceof DeviceCommand.SetSpeed s) {
                    assertTrue(linkUp, "SetSpeed while the link is down: " + c);
                    if (mustBeLow) assertEquals(range.lowestRunning(), s.value(), "first value after a start: " + c);
                    mustBeLow = false;
                }
            }
        }
    }

    @Property(tries = 200)
    void restsKeepTheMotorStoppedAndStopAlwaysStops(
            @ForAll("plans") SessionPlan plan, @ForAll("ranges") OutputRange range,
            @ForAll @IntRange(min = 1, max = 300) int gap, @ForAll @IntRange(min = 1, max = 700) int tick,
            @ForAll("anyScript") List<Action> script) {
        Harness h = run(plan, range, gap, tick, script);
        for (Harness.Sample s : h.samples) {
            if (s.view().state() == SessionState.RUNNING && s.view().rest())
                assertNull(s.view().commandedValue(), "motor commanded to run in a rest at " + s.at());
            if (s.view().state() == SessionState.PAUSED || s.view().state() == SessionState.FINISHED)
                assertNull(s.view().commandedValue(), "motor commanded to run while " + s.view().state());
        }
        boolean wasFinished = h.engine.finished();
        Outcome before = h.engine.outcome();
        assertTrue(h.control(Control.STOP).contains(new DeviceCommand.Stop()));
        assertTrue(h.engine.finished());
        assertEquals(wasFinished ? before : Outcome.STOPPED_BY_USER, h.engine.outcome());
    }

    @Property(tries = 200)
    void runningValuesChangeAtMostOncePerGapWithinAStep(
            @ForAll("plans") SessionPlan plan, @ForAll("ranges") OutputRange range,
            @ForAll @IntRange(min = 1, max = 300) int gap, @ForAll @IntRange(min = 1, max = 700) int tick,
            @ForAll("anyScript") List<Action> script) {
        Harness h = run(plan, range, gap, tick, script);
        Long last = null;
        for (EngineEvent e : h.events) {
            if (e instanceof EngineEvent.StepStarted || e instanceof EngineEvent.LinkChanged) last = null;
            if (e instanceof EngineEvent.Commanded c) {
                long at = c.at().toEpochMilli();
                if (c.command() instanceof DeviceCommand.SetSpeed) {
                    if (last != null) assertTrue(at - last >= gap, "changes " + (at - last) + " ms apart, gap " + gap);
                    last = at;
                } else {
                    last = null;
                }
            }
        }
    }

    @Property(tries = 100)
    void withinARampCommandedValuesNeverDecrease(
            @ForAll("plans") SessionPlan plan, @ForAll("ranges") OutputRange range,
            @ForAll @IntRange(min = 1, max = 300) int gap, @ForAll @IntRange(min = 1, max = 700) int tick,
            @ForAll("pauseScript") List<Action> script) {
        Harness h = run(plan, range, gap, tick, script);
        Set<Phase> rising = Set.of(Phase.RAMP_UP, Phase.RESUMING);
        for (int i = 1; i < h.samples.size(); i++) {
            SessionView a = h.samples.get(i - 1).view();
            SessionView b = h.samples.get(i).view();
            if (a.stepIndex() == b.stepIndex() && rising.contains(a.phase()) && rising.contains(b.phase())
                    && a.commandedValue() != null && b.commandedValue() != null) {
                assertTrue(b.commandedValue() >= a.commandedValue(), "fell from " + a.commandedValue() + " to "
                        + b.commandedValue() + " in a ramp at " + h.samples.get(i).at() + " ms");
            }
        }
    }

    @Property(tries = 100)
    void totalTimeIsThePlanPlusPauses(
            @ForAll("plans") SessionPlan plan, @ForAll("ranges") OutputRange range,
            @ForAll @IntRange(min = 1, max = 300) int gap, @ForAll @IntRange(min = 1, max = 700) int tick,
            @ForAll("pauseScript") List<Action> script) {
        plan = new SessionPlan(plan.programId(), plan.programName(), null, plan.steps(), Duration.ofHours(1), List.of());
        Harness h = run(plan, range, gap, tick, script);
        h.linkRestored();
        h.control(Control.RESUME);
        h.runToEnd(tick, plan.plannedDuration().toMillis() + 10_000);

        SessionReport r = h.engine.report();
        assertEquals(Outcome.COMPLETED, r.outcome());
        long planned = plan.plannedDuration().toMillis();
        long pausedMs = Math.round(r.pausedSeconds() * 1000);
        long restMs = restMs(r);
        long total = r.endedAt().toEpochMilli() - r.startedAt().toEpochMilli();
        assertEquals(planned + pausedMs - restMs, total, "total = plan + pauses (rests are in both)");
        assertEquals(planned - restMs, Math.round(r.activeSeconds() * 1000), "active = the plan's treatment time");
        for (StepReport s : r.steps()) assertEquals(s.plannedSeconds(), s.actualSeconds(), 1e-9, "step " + s.index());
        long pausedByEvents = pausedFromEvents(h.events);
        assertEquals(pausedByEvents, pausedMs - restMs, "paused time is the Paused/Resumed events plus the rests");
    }

    @Property(tries = 200)
    void activeTimeNeverPassesTheCeilingAndEveryMillisecondIsAccounted(
            @ForAll("plans") SessionPlan plan, @ForAll("ranges") OutputRange range,
            @ForAll @IntRange(min = 1, max = 300) int gap, @ForAll @IntRange(min = 1, max = 700) int tick,
            @ForAll("anyScript") List<Action> script) {
        Harness h = run(plan, range, gap, tick, script);
        h.status(new DeviceStatus(null, null, null, 100, null, null));
        h.linkRestored();
        h.control(Control.RESUME);
        h.runToEnd(tick, plan.sessionCeiling().toMillis() + 10_000);

        SessionReport r = h.engine.report();
        long ceiling = plan.sessionCeiling().toMillis();
        long active = Math.round(r.activeSeconds() * 1000);
        assertTrue(active <= ceiling, "active " + active + " ms past the ceiling " + ceiling);
        // the ceiling times the running session, rests included (only pauses stop its clock)
        if (r.outcome() == Outcome.STOPPED_BY_LIMIT) assertEquals(ceiling, active + restMs(r));
        long total = r.endedAt().toEpochMilli() - r.startedAt().toEpochMilli();
        assertEquals(total, active + Math.round(r.pausedSeconds() * 1000), "active + paused = elapsed");
    }

    // ------------------------------------------------------------------ running a script

    static Harness run(SessionPlan plan, OutputRange range, int gap, int tick, List<Action> script) {
        Harness h = new Harness(plan, range, gap);
        h.start();
        for (Action a : script) {
            if (h.engine.finished()) break;
            h.runFor(a.delayMs(), tick);
            switch (a.kind()) {
                case PAUSE -> h.control(Control.PAUSE);
                case RESUME -> h.control(Control.RESUME);
                case SKIP -> h.control(Control.SKIP);
                case PREVIOUS -> h.control(Control.PREVIOUS);
                case SOFTER -> h.control(Control.SOFTER);
                case HARDER -> h.control(Control.HARDER);
                case LINK_LOST -> h.linkLost();
                case LINK_RESTORED -> h.linkRestored();
                case BATTERY -> h.status(new DeviceStatus(null, null, null, a.battery(), null, null));
                case MOTOR_STOPPED -> h.status(new DeviceStatus(false, null, null, null, null, null));
                case MOTOR_RUNNING -> h.status(new DeviceStatus(true, null, null, null, null, null));
            }
        }
        h.runFor(20_000, tick);
        return h;
    }

    static long restMs(SessionReport r) {
        return Math.round(r.steps().stream().filter(StepReport::rest).mapToDouble(StepReport::actualSeconds).sum() * 1000);
    }

    static long pausedFromEvents(List<EngineEvent> events) {
        long total = 0;
        Long since = null;
        for (EngineEvent e : events) {
            if (e instanceof EngineEvent.Paused p && since == null) since = p.at().toEpochMilli();
            if ((e instanceof EngineEvent.Resumed || e instanceof EngineEvent.Finished) && since != null) {
                total += e.at().toEpochMilli() - since;
                since = null;
            }
        }
        return total;
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<OutputRange> ranges() {
        Arbitrary<OutputRange> continuous = Combinators.combine(
                        Arbitraries.integers().between(1, 3000), Arbitraries.integers().between(0, 2000))
                .as((min, span) -> new OutputRange.Continuous("rpm", 0, min, min + span));
        Arbitrary<OutputRange> discrete = Arbitraries.integers().between(1, 100).set().ofMinSize(1).ofMaxSize(10)
                .map(levels -> new OutputRange.Discrete("level", 0, levels.stream().sorted().toList()));
        return Arbitraries.oneOf(continuous, discrete);
    }

    record StepShape(boolean rest, long durationMs, double cap, double targetShare, double rampShare,
                     RampCurve curve, String region, Side side) {}

    @Provide
    Arbitrary<SessionPlan> plans() {
        Arbitrary<StepShape> step = Combinators.combine(
                Arbitraries.integers().between(0, 4).map(n -> n == 0),
                Arbitraries.longs().between(1_000, 90_000),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.of(RampCurve.class),
                Arbitraries.of("calves", "glutes", "hamstrings"),
                Arbitraries.of(Side.class)).as(StepShape::new);
        Arbitrary<Duration> ceiling = Arbitraries.oneOf(
                Arbitraries.just(Duration.ofMinutes(30)),
                Arbitraries.longs().between(10_000, 300_000).map(Duration::ofMillis));
        return Combinators.combine(step.list().ofMinSize(1).ofMaxSize(5), ceiling).as((shapes, limit) -> {
            List<PlannedStep> steps = new ArrayList<>();
            for (StepShape s : shapes) {
                int i = steps.size();
                Duration d = Duration.ofMillis(s.durationMs());
                if (s.rest()) {
                    steps.add(new PlannedStep(i, "rest", "Rest", Side.NONE, d, 0, 0, Duration.ZERO,
                            RampCurve.LINEAR, "rest", null, true));
                } else {
                    steps.add(new PlannedStep(i, s.region(), s.region(), s.side(), d, s.cap() * s.targetShare(),
                            s.cap(), Duration.ofMillis((long) (s.durationMs() * s.rampShare())), s.curve(),
                            "cue", Duration.ofSeconds(60), false));
                }
            }
            return new SessionPlan("p", "Random", null, steps, limit, List.of());
        });
    }

    @Provide
    Arbitrary<List<Action>> anyScript() {
        Arbitrary<Action> action = Combinators.combine(
                Arbitraries.longs().between(0, 20_000),
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 100)).as(Action::new);
        return action.list().ofMaxSize(12);
    }

    /** Only pauses and link changes: the plan's own timeline is kept, so time and ramps can be checked. */
    @Provide
    Arbitrary<List<Action>> pauseScript() {
        Arbitrary<Action> action = Combinators.combine(
                Arbitraries.longs().between(0, 20_000),
                Arbitraries.of(PAUSES_ONLY.toArray(new Kind[0])),
                Arbitraries.just(100)).as(Action::new);
        return action.list().ofMaxSize(10);
    }
}
