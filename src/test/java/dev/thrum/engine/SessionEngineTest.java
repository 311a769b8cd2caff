package dev.thrum.engine;

import dev.thrum.profile.OutputRange;
import dev.thrum.program.RampCurve;
import dev.thrum.program.SessionPlan;
import dev.thrum.program.Side;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.thrum.engine.Harness.T0;
import static dev.thrum.engine.Harness.value;
import static org.junit.jupiter.api.Assertions.*;

/** Worked examples with times the test knows, on a fake clock. */
class SessionEngineTest {

    /** 1000 rpm is "just on", 2000 rpm is full: a fraction f maps to 1000 + floor(1000 f). */
    static final OutputRange RPM = new OutputRange.Continuous("rpm", 0, 1000, 2000);
    static final DeviceCommand STOP = new DeviceCommand.Stop();

    static DeviceCommand speed(int v) { return new DeviceCommand.SetSpeed(v); }

    static DeviceStatus battery(int percent) { return new DeviceStatus(null, null, null, percent, null, null); }

    static DeviceStatus running(boolean running) { return new DeviceStatus(running, null, null, null, null, null); }

    @Test
    void stepStartsLowRampsToTargetHoldsAndRampsDownThenStops() {
        Harness h = new Harness(Plans.plan().active("calves", 60, 0.5, 10).build(), RPM, 50);

        assertEquals(List.of(speed(1000)), h.start());
        h.runFor(5_000, 50);
        assertEquals(1250, h.engine.view().commandedValue(), "halfway up a linear 10 s ramp to 0.5");
        assertEquals(Phase.RAMP_UP, h.engine.view().phase());
        h.runFor(25_000, 50);
        assertEquals(1500, h.engine.view().commandedValue());
        assertEquals(Phase.HOLD, h.engine.view().phase());
        h.runFor(28_500, 50);
        assertEquals(Phase.RAMP_DOWN, h.engine.view().phase());
        assertEquals(1250, h.engine.view().commandedValue(), "halfway down the 3 s ramp-down");
        h.runToEnd(50, 2_000);

        assertEquals(STOP, h.lastSent().command());
        assertEquals(60_000, h.lastSent().at());
        assertEquals(Outcome.COMPLETED, h.engine.outcome());
        List<Integer> values = h.setSpeeds().stream().map(Harness::value).toList();
        assertEquals(1500, values.stream().mapToInt(Integer::intValue).max().orElseThrow());
        assertTrue(values.get(values.size() - 1) <= 1008, "the ramp-down reaches (one gap from) the lowest value: " + values);
        assertEquals(new EngineEvent.Finished(Instant.ofEpochMilli(T0 + 60_000), Outcome.COMPLETED),
                h.events.get(h.events.size() - 1));
    }

    @Test
    void restStopsTheMotorAndTheNextStepStartsLowAgain() {
        SessionPlan plan = Plans.plan().active("glutes", 20, 0.6, 5).rest(10).active("hamstrings", 20, 0.4, 5).build();
        Harness h = new Harness(plan, RPM, 50);
        h.start();
        h.runToEnd(50, 60_000);

        List<Harness.Sent> inRest = h.sent.stream().filter(s -> s.stepIndex() == 1).toList();
        assertEquals(List.of(new Harness.Sent(20_000, 1, STOP)), inRest, "one Stop at the start of the rest");
        Harness.Sent firstAfter = h.sent.stream().filter(s -> s.stepIndex() == 2).findFirst().orElseThrow();
        assertEquals(new Harness.Sent(30_000, 2, speed(1000)), firstAfter);
        assertTrue(h.samples.stream().filter(s -> s.view().rest() && s.view().state() == SessionState.RUNNING)
                .allMatch(s -> s.view().commandedValue() == null && s.view().phase() == Phase.REST));
        assertEquals(50_000, h.now());
    }

    @Test
    void pauseStopsAndResumeClimbsBackFromTheLowestValue() {
        Harness h = new Harness(Plans.plan().active("quads", 60, 0.8, 4).build(), RPM, 50);
        h.start();
        h.runFor(20_000, 50);
        assertEquals(1800, h.engine.view().commandedValue());

        assertEquals(List.of(STOP), h.control(Control.PAUSE));
        assertEquals(SessionState.PAUSED, h.engine.view().state());
        int before = h.sent.size();
        h.runFor(10_000, 50);
        assertEquals(before, h.sent.size(), "nothing is sent while paused");

        assertEquals(List.of(speed(1000)), h.control(Control.RESUME), "resume starts at the lowest running value");
        h.runFor(2_500, 50);
        assertEquals(Phase.RESUMING, h.engine.view().phase());
        assertTrue(h.engine.view().commandedValue() <= 1400, "half of the 5 s resume ramp: at most half of 0.8");
        h.runFor(2_500, 50);
        assertEquals(1800, h.engine.view().commandedValue());
        List<Integer> afterResume = h.setSpeeds().stream().filter(s -> s.at() >= 30_000).map(Harness::value).toList();
        for (int i = 1; i < afterResume.size(); i++) assertTrue(afterResume.get(i) >= afterResume.get(i - 1));

        h.runToEnd(50, 60_000);
        SessionReport r = h.engine.report();
        assertEquals(10.0, r.pausedSeconds(), 1e-9);
        assertEquals(60.0, r.activeSeconds(), 1e-9);
        assertEquals(0, r.interruptions(), "a pause the user asked for is no interruption");
        assertEquals(70_000, h.now());
    }

    @Test
    void stopSendsStopInEveryState() {
        SessionPlan plan = Plans.plan().active("calves", 30, 0.5, 10).rest(10).active("feet", 30, 0.3, 5).build();
        // before start
        Harness h = new Harness(plan, RPM, 50);
        assertEquals(List.of(STOP), h.control(Control.STOP));
        assertEquals(Outcome.STOPPED_BY_USER, h.engine.outcome());
        assertThrows(IllegalStateException.class, h.engine::start);
        // during ramp, hold, paused, rest, link down
        for (String where : List.of("ramp", "hold", "paused", "rest", "linkDown")) {
            h = new Harness(plan, RPM, 50);
            h.start();
            h.runFor(where.equals("ramp") ? 3_000 : where.equals("rest") ? 35_000 : 15_000, 50);
            if (where.equals("paused")) h.control(Control.PAUSE);
            if (where.equals("linkDown")) h.linkLost();
            assertTrue(h.control(Control.STOP).contains(STOP), where);
            assertEquals(Outcome.STOPPED_BY_USER, h.engine.outcome(), where);
            assertTrue(h.engine.finished());
            // and again after the end
            assertEquals(List.of(STOP), h.control(Control.STOP), where + ", after the end");
            assertEquals(List.of(), h.tick(), "nothing more after the end");
        }
        // after completion
        h = new Harness(plan, RPM, 50);
        h.start();
        h.runToEnd(100, 100_000);
        assertEquals(List.of(STOP), h.control(Control.STOP));
        assertEquals(Outcome.COMPLETED, h.engine.outcome(), "a late stop does not rewrite the outcome");
    }

    @Test
    void skipEndsTheStepAndTheNextStartsLow() {
        SessionPlan plan = Plans.plan().active("a", 30, 0.5, 5).active("b", 30, 0.5, 5).active("c", 30, 0.5, 5).build();
        Harness h = new Harness(plan, RPM, 50);
        h.start();
        h.runFor(10_000, 50);
        assertEquals(1500, h.engine.view().commandedValue());

        assertEquals(List.of(speed(1000)), h.control(Control.SKIP));
        assertEquals(1, h.engine.view().stepIndex());
        var finished = h.eventsOf(EngineEvent.StepFinished.class);
        assertEquals(1, finished.size());
        assertTrue(finished.get(0).skipped());
        assertEquals(10.0, finished.get(0).activeSeconds(), 1e-9);

        h.runFor(5_000, 50);
        h.control(Control.SKIP);
        h.runFor(1_000, 50);
        h.control(Control.SKIP); // skipping the last step ends the session
        assertTrue(h.engine.finished());
        assertEquals(Outcome.COMPLETED, h.engine.outcome());
        assertEquals(STOP, h.lastSent().command());

        SessionReport r = h.engine.report();
        assertEquals(List.of(true, true, true), r.steps().stream().map(StepReport::skipped).toList());
        assertEquals(List.of(10.0, 5.0, 1.0), r.steps().stream().map(StepReport::actualSeconds).toList());
        assertEquals(16.0, r.activeSeconds(), 1e-9);
    }

    @Test
    void previousRunsTheEarlierStepAgainAndTheReportAddsBothVisits() {
        SessionPlan plan = Plans.plan().active("a", 30, 0.5, 5).active("b", 30, 0.5, 5).build();
        Harness h = new Harness(plan, RPM, 50);
        h.start();
        h.runFor(35_000, 50);
        assertEquals(1, h.engine.view().stepIndex());
        h.control(Control.PREVIOUS);
        assertEquals(0, h.engine.view().stepIndex());
        assertEquals(Duration.ZERO, h.engine.view().stepElapsed());
        h.runToEnd(50, 100_000);
        assertEquals(95_000, h.now());
        SessionReport r = h.engine.report();
        assertEquals(60.0, r.steps().get(0).actualSeconds(), 1e-9);
        assertEquals(35.0, r.steps().get(1).actualSeconds(), 1e-9);
        assertFalse(r.steps().get(0).skipped());
        assertEquals(Outcome.COMPLETED, r.outcome());
    }

    @Test
    void softerAndHarderMoveOneStepAndHarderNeverPassesTheCap() {
        SessionPlan plan = Plans.plan().client("Ann")
                .active("piriformis", Side.LEFT, 60, 0.5, 0.6, 2, RampCurve.LINEAR).build();
        Harness h = new Harness(plan, RPM, 50);
        h.start();
        h.runFor(10_000, 50);
        assertEquals(1500, h.engine.view().commandedValue());

        h.control(Control.HARDER);
        assertEquals(1550, h.engine.view().commandedValue());
        h.runFor(100, 50);
        h.control(Control.HARDER);
        h.runFor(100, 50);
        h.control(Control.HARDER);
        h.runFor(100, 50);
        assertEquals(1600, h.engine.view().commandedValue(), "0.6 is the cap");
        assertEquals(0.6, h.engine.view().targetIntensity(), 1e-9);
        h.control(Control.SOFTER);
        h.runFor(100, 50);
        assertEquals(1550, h.engine.view().commandedValue());

        var adjusted = h.eventsOf(EngineEvent.Adjusted.class);
        assertEquals(4, adjusted.size());
        assertEquals(List.of(false, true, true, false), adjusted.stream().map(EngineEvent.Adjusted::limited).toList());
        EngineEvent.Adjusted softer = adjusted.get(3);
        assertEquals(EngineEvent.Direction.SOFTER, softer.direction());
        assertEquals("piriformis", softer.regionId());
        assertEquals(Side.LEFT, softer.side());
        assertEquals("Ann", softer.clientName());
        assertEquals(0.55, softer.newTarget(), 1e-9);

        h.runToEnd(50, 60_000);
        StepReport step = h.engine.report().steps().get(0);
        assertEquals(3, step.harder());
        assertEquals(1, step.softer());
        assertEquals(0.6, step.peakIntensity(), 1e-9);
        assertTrue(h.setSpeeds().stream().allMatch(s -> value(s) <= 1600));
    }

    @Test
    void softerBottomsOutAtTheLowestRunningValueWithoutStopping() {
        Harness h = new Harness(Plans.plan().active("feet", 30, 0.05, 1).build(), RPM, 50);
        h.start();
        h.runFor(5_000, 50);
        h.control(Control.SOFTER);
        h.runFor(100, 50);
        h.control(Control.SOFTER);
        h.runFor(100, 50);
        assertEquals(1000, h.engine.view().commandedValue());
        assertEquals(List.of(true, true), h.eventsOf(EngineEvent.Adjusted.class).stream()
                .map(EngineEvent.Adjusted::limited).toList());
    }

    @Test
    void discreteRangeMovesOneLevelPerPress() {
        OutputRange levels = new OutputRange.Discrete("level", 0, List.of(1, 2, 3, 4, 5));
        SessionPlan plan = Plans.plan().active("calves", Side.RIGHT, 60, 0.6, 0.8, 2, RampCurve.LINEAR).build();
        Harness h = new Harness(plan, levels, 50);
        h.start();
        h.runFor(10_000, 50);
        assertEquals(3, h.engine.view().commandedValue(), "0.6 rounds down to the level for 0.5");
        h.control(Control.HARDER);
        h.runFor(100, 50);
        assertEquals(4, h.engine.view().commandedValue());
        h.control(Control.HARDER);
        h.runFor(100, 50);
        assertEquals(4, h.engine.view().commandedValue(), "level 5 would pass the 0.8 cap");
        h.control(Control.SOFTER);
        h.runFor(100, 50);
        assertEquals(3, h.engine.view().commandedValue());
    }

    @Test
    void discreteLevelsChangeWhenTheCurveCrossesThem() {
        OutputRange levels = new OutputRange.Discrete("level", 0, List.of(10, 20, 30, 40, 50));
        SessionPlan plan = Plans.plan().active("calves", Side.NONE, 20, 1.0, 1.0, 8, RampCurve.LINEAR).build();
        Harness h = new Harness(plan, levels, 50);
        h.start();
        h.runFor(12_000, 10);
        List<Harness.Sent> sets = h.setSpeeds();
        assertEquals(List.of(10, 20, 30, 40, 50), sets.stream().map(Harness::value).toList());
        for (int k = 1; k < 5; k++) {
            long crossing = 2_000L * k; // level k of 4 is reached at k/4 of the 8 s ramp
            long at = sets.get(k).at();
            assertTrue(at >= crossing && at <= crossing + 10, "level " + k + " at " + at + " ms, crossing at " + crossing);
        }
    }

    @Test
    void batteryWarnsOnceThenRampsDownAndPausesBelowTheFloor() {
        Harness h = new Harness(Plans.plan().active("glutes", 120, 0.6, 5).build(), RPM, 50);
        h.start();
        h.runFor(10_000, 50);
        h.status(battery(25));
        h.status(battery(20));
        h.status(battery(15));
        assertEquals(List.of(WarningCode.BATTERY_LOW),
                h.eventsOf(EngineEvent.Warning.class).stream().map(EngineEvent.Warning::code).toList());

        h.status(battery(8));
        assertEquals(Phase.WINDING_DOWN, h.engine.view().phase());
        long windDownStart = h.now();
        h.runFor(3_000, 50);
        assertEquals(SessionState.PAUSED, h.engine.view().state());
        assertEquals(PauseReason.BATTERY_LOW, h.engine.view().pauseReason());
        assertEquals(STOP, h.lastSent().command());
        List<Integer> down = h.setSpeeds().stream().filter(s -> s.at() >= windDownStart).map(Harness::value).toList();
        assertFalse(down.isEmpty());
        for (int i = 1; i < down.size(); i++) assertTrue(down.get(i) <= down.get(i - 1), "ramping down: " + down);
        assertTrue(down.get(down.size() - 1) <= 1010, "near the lowest value when the pause comes: " + down);

        assertEquals(List.of(), h.control(Control.RESUME), "no resume on a flat battery");
        assertEquals(WarningCode.RESUME_REFUSED, h.eventsOf(EngineEvent.Warning.class).get(2).code());
        assertEquals(2, h.engine.report().warnings().size(), "a refused resume is not logged as a warning");
        h.status(battery(60));
        assertEquals(List.of(speed(1000)), h.control(Control.RESUME));
        assertEquals(1, h.engine.report().interruptions());
    }

    @Test
    void aFlatBatteryBeforeStartKeepsTheMotorOff() {
        Harness h = new Harness(Plans.plan().active("glutes", 60, 0.6, 5).build(), RPM, 50);
        h.status(battery(5));
        assertEquals(List.of(STOP), h.start(), "a Stop to be sure, no SetSpeed");
        assertEquals(PauseReason.BATTERY_LOW, h.engine.view().pauseReason());
        assertEquals(List.of(WarningCode.BATTERY_LOW, WarningCode.BATTERY_CRITICAL),
                h.eventsOf(EngineEvent.Warning.class).stream().map(EngineEvent.Warning::code).toList());
        assertEquals(2, h.engine.report().warnings().size());
    }

    @Test
    void theViewShowsWhatTheDeviceReports() {
        Harness h = new Harness(Plans.plan().active("glutes", 60, 0.6, 5).build(), RPM, 50);
        h.start();
        assertNull(h.engine.view().reportedValue());
        h.status(new DeviceStatus(true, 1234, null, 77, null, null));
        assertEquals(1234, h.engine.view().reportedValue());
        assertEquals(77, h.engine.view().battery());
        assertEquals("glutes", h.engine.view().regionId());
        assertEquals("work glutes", h.engine.view().cue());
    }

    @Test
    void deviceStoppingOnItsOwnPausesAfterTheSpinUpGrace() {
        Harness h = new Harness(Plans.plan().active("glutes", 60, 0.6, 5).build(), RPM, 50);
        h.start();
        h.runFor(1_000, 50);
        assertEquals(List.of(), h.status(running(false)), "still spinning up");
        assertEquals(SessionState.RUNNING, h.engine.view().state());
        h.runFor(3_000, 50);
        assertEquals(List.of(STOP), h.status(running(false)));
        assertEquals(PauseReason.DEVICE_STOPPED, h.engine.view().pauseReason());
        assertEquals(WarningCode.DEVICE_STOPPED, h.eventsOf(EngineEvent.Warning.class).get(0).code());
        assertEquals(1, h.engine.report().interruptions());

        h.runFor(3_000, 50);
        assertEquals(List.of(STOP), h.status(running(true)), "a motor that runs while paused is told to stop again");
    }

    @Test
    void linkLossPausesSendsNothingAndTheReturnRampsFromLow() {
        Harness h = new Harness(Plans.plan().active("glutes", 60, 0.6, 5).build(), RPM, 50);
        h.start();
        h.runFor(10_000, 50);
        assertEquals(List.of(), h.linkLost());
        assertEquals(PauseReason.LINK_LOST, h.engine.view().pauseReason());
        int before = h.sent.size();
        h.runFor(5_000, 50);
        assertEquals(List.of(), h.control(Control.RESUME), "cannot resume without a link");
        assertEquals(before, h.sent.size());

        assertEquals(List.of(speed(1000)), h.linkRestored());
        assertEquals(SessionState.RUNNING, h.engine.view().state());
        h.runFor(5_000, 50);
        assertEquals(1600, h.engine.view().commandedValue());
        assertEquals(1, h.engine.report().interruptions());
        assertEquals(5.0, h.engine.report().pausedSeconds(), 1e-9);

        h.linkLost();
        h.runFor(60_000, 50);
        assertEquals(List.of(STOP), h.call(h.engine::close));
        assertEquals(Outcome.LINK_LOST, h.engine.outcome());
        assertEquals(2, h.engine.report().interruptions());
    }

    @Test
    void linkReturnDuringAUserPauseStaysPausedAndStops() {
        Harness h = new Harness(Plans.plan().active("glutes", 60, 0.6, 5).build(), RPM, 50);
        h.start();
        h.runFor(10_000, 50);
        h.control(Control.PAUSE);
        h.linkLost();
        h.runFor(2_000, 50);
        assertEquals(List.of(STOP), h.linkRestored());
        assertEquals(PauseReason.USER, h.engine.view().pauseReason());
        assertEquals(0, h.engine.report().interruptions());
        assertEquals(List.of(STOP), h.call(h.engine::close));
        assertEquals(Outcome.INTERRUPTED, h.engine.outcome());
    }

    @Test
    void sessionCeilingRampsDownAndFinishesAtTheCeiling() {
        SessionPlan plan = Plans.plan().active("a", 60, 0.5, 5).active("b", 60, 0.5, 5).active("c", 60, 0.5, 5)
                .ceiling(Duration.ofSeconds(100)).build();
        Harness h = new Harness(plan, RPM, 50);
        h.start();
        h.runToEnd(50, 200_000);
        assertEquals(Outcome.STOPPED_BY_LIMIT, h.engine.outcome());
        assertEquals(100.0, h.engine.report().activeSeconds(), 1e-9);
        EngineEvent.Warning w = h.eventsOf(EngineEvent.Warning.class).get(0);
        assertEquals(WarningCode.SESSION_CEILING, w.code());
        assertEquals(Instant.ofEpochMilli(T0 + 97_000), w.at());
        List<Integer> down = h.setSpeeds().stream().filter(s -> s.at() >= 97_000).map(Harness::value).toList();
        for (int i = 1; i < down.size(); i++) assertTrue(down.get(i) <= down.get(i - 1));
        assertEquals(new Harness.Sent(100_000, 1, STOP), h.lastSent());
        assertEquals(0.0, h.engine.report().steps().get(2).actualSeconds());
    }

    @Test
    void aProgramThatFitsTheCeilingExactlyCompletes() {
        SessionPlan plan = Plans.plan().active("a", 60, 0.5, 5).active("b", 60, 0.5, 5)
                .ceiling(Duration.ofSeconds(120)).build();
        Harness h = new Harness(plan, RPM, 50);
        h.start();
        h.runToEnd(50, 200_000);
        assertEquals(Outcome.COMPLETED, h.engine.outcome());
        assertTrue(h.eventsOf(EngineEvent.Warning.class).isEmpty());
    }

    @Test
    void goingBackPastTheCeilingIsStoppedAtTheCeiling() {
        SessionPlan plan = Plans.plan().active("a", 60, 0.5, 5).active("b", 60, 0.5, 5)
                .ceiling(Duration.ofSeconds(120)).build();
        Harness h = new Harness(plan, RPM, 50);
        h.start();
        h.runFor(70_000, 50);
        h.control(Control.PREVIOUS);
        h.runFor(30_000, 50);
        h.control(Control.PAUSE);
        h.runFor(30_000, 50);
        h.control(Control.RESUME);
        h.runToEnd(50, 200_000);
        assertEquals(Outcome.STOPPED_BY_LIMIT, h.engine.outcome());
        assertEquals(120.0, h.engine.report().activeSeconds(), 1e-9);
        assertEquals(1, h.eventsOf(EngineEvent.Warning.class).size(), "warned once");
    }

    @Test
    void regionTimeLimitWarnsWhenTheSameRegionAndSideRunsOn() {
        SessionPlan same = Plans.plan()
                .active("piriformis", Side.LEFT, 90, 0.5, 0.5, 5, RampCurve.LINEAR)
                .active("piriformis", Side.LEFT, 90, 0.5, 0.5, 5, RampCurve.LINEAR).build();
        Harness h = new Harness(same, RPM, 50);
        h.start();
        h.runToEnd(50, 200_000);
        List<EngineEvent.Warning> warnings = h.eventsOf(EngineEvent.Warning.class);
        assertEquals(1, warnings.size());
        assertEquals(WarningCode.REGION_TIME_LIMIT, warnings.get(0).code());
        assertEquals(Instant.ofEpochMilli(T0 + 120_000), warnings.get(0).at());
        assertTrue(h.engine.report().warnings().get(0).contains("piriformis (left)"));

        SessionPlan sides = Plans.plan()
                .active("piriformis", Side.LEFT, 90, 0.5, 0.5, 5, RampCurve.LINEAR)
                .active("piriformis", Side.RIGHT, 90, 0.5, 0.5, 5, RampCurve.LINEAR).build();
        Harness other = new Harness(sides, RPM, 50);
        other.start();
        other.runToEnd(50, 200_000);
        assertTrue(other.eventsOf(EngineEvent.Warning.class).isEmpty(), "each side has its own limit");
    }

    /**
     * A scripted run whose every duration is known. Settings without ramp-down or resume ramp make
     * the commanded values simple: the lowest value for one 50 ms gap, then the target.
     */
    @Test
    void reportFiguresMatchAScriptedRun() {
        OutputRange pct = new OutputRange.Continuous("pct", 0, 100, 200);
        EngineSettings plain = new EngineSettings(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(3),
                Duration.ofSeconds(3), 20, 10, 0.05);
        SessionPlan plan = Plans.plan().client("Ben").active("calves", 10, 0.5, 0).rest(5)
                .active("feet", Side.NONE, 10, 0.3, 0.4, 0, RampCurve.LINEAR).build();
        Harness h = new Harness(plan, pct, 50, plain);
        h.start();
        h.runFor(4_000, 50);
        h.control(Control.PAUSE);
        h.runFor(3_000, 50);
        h.control(Control.RESUME);
        h.runFor(13_000, 50);            // to 20 s: step 0 ends at 13 s, rest to 18 s, feet from 18 s
        h.control(Control.HARDER);       // 0.3 -> 0.35 at 20 s
        h.runFor(2_000, 50);
        h.control(Control.SOFTER);       // back to 0.3 at 22 s

        SessionReport running = h.engine.report();
        assertNull(running.endedAt());
        assertNull(running.outcome());
        assertEquals(14.0, running.activeSeconds(), 1e-9, "the 5 s rest is not active");

        h.runToEnd(50, 60_000);
        assertEquals(28_000, h.now());
        SessionReport r = h.engine.report();
        assertEquals("test-program", r.programId());
        assertEquals("Ben", r.clientName());
        assertEquals(Instant.ofEpochMilli(T0), r.startedAt());
        assertEquals(Instant.ofEpochMilli(T0 + 28_000), r.endedAt());
        assertEquals(Outcome.COMPLETED, r.outcome());
        assertEquals(20.0, r.activeSeconds(), 1e-9);
        assertEquals(8.0, r.pausedSeconds(), 1e-9, "the 3 s pause and the 5 s rest");
        assertEquals(0, r.interruptions());
        assertEquals(List.of(), r.warnings());

        StepReport calves = r.steps().get(0);
        assertEquals(10.0, calves.plannedSeconds(), 1e-9);
        assertEquals(10.0, calves.actualSeconds(), 1e-9);
        assertEquals(0.5, calves.peakIntensity(), 1e-9);
        assertEquals((3.95 * 0.5 + 5.95 * 0.5) / 10, calves.meanIntensity(), 1e-9);

        StepReport rest = r.steps().get(1);
        assertTrue(rest.rest());
        assertEquals(5.0, rest.actualSeconds(), 1e-9);
        assertEquals(0.0, rest.peakIntensity());
        assertEquals(0.0, rest.meanIntensity());

        StepReport feet = r.steps().get(2);
        assertEquals(10.0, feet.actualSeconds(), 1e-9);
        assertEquals(0.35, feet.peakIntensity(), 1e-9);
        assertEquals((1.95 * 0.3 + 2.0 * 0.35 + 6.0 * 0.3) / 10, feet.meanIntensity(), 1e-9);
        assertEquals(1, feet.softer());
        assertEquals(1, feet.harder());
        assertFalse(feet.skipped());
    }

    /** About 20 minutes of program, ticked every pacing gap: runs in well under a second of real time. */
    @Test
    void twentyMinuteProgramRunsOnTheFakeClock() {
        SessionPlan plan = twentyMinutes();
        assertEquals(Duration.ofMinutes(20), plan.plannedDuration());
        Harness h = new Harness(plan, RPM, 50);
        h.start();
        h.runToEnd(50, 21 * 60_000);
        assertEquals(20 * 60_000, h.now());
        SessionReport r = h.engine.report();
        assertEquals(Outcome.COMPLETED, r.outcome());
        for (StepReport s : r.steps()) assertEquals(s.plannedSeconds(), s.actualSeconds(), 1e-9);
        assertEquals(plan.steps().size(), h.eventsOf(EngineEvent.StepStarted.class).size());
        assertEquals(1.0, h.engine.view().overallProgress());
    }

    static SessionPlan twentyMinutes() {
        Plans p = Plans.plan();
        String[] regions = {"gluteus-maximus", "piriformis", "hamstrings", "quadratus-lumborum"};
        for (String region : regions) {
            p.active(region, Side.LEFT, 120, 0.5, 0.6, 20, RampCurve.S_CURVE).rest(30)
             .active(region, Side.RIGHT, 120, 0.5, 0.6, 20, RampCurve.EASE_IN).rest(30);
        }
        return p.build();
    }
}
