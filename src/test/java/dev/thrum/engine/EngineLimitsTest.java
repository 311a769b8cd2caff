package dev.thrum.engine;

import dev.thrum.program.PlannedStep;
import dev.thrum.program.RampCurve;
import dev.thrum.program.SessionPlan;
import dev.thrum.program.Side;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's limits on their own: battery floor, session ceiling, region time, plan time. */
class EngineLimitsTest {

    private static final EngineSettings SETTINGS = EngineSettings.defaults(); // warn at 20 %, floor 10 %, wind-down 3 s

    @Test
    void theLowBatteryWarningComesOncePerDipAndTheFloorIsBelowTenPercent() {
        BatteryWatch battery = new BatteryWatch(SETTINGS);
        assertNull(battery.percent());
        assertFalse(battery.belowFloor(), "no report yet: nothing known, nothing refused");
        assertNull(battery.onReading(21));
        assertEquals("Massager battery at 20 %; charge it soon.", battery.onReading(20));
        assertNull(battery.onReading(15), "the same dip warns once");
        assertFalse(battery.belowFloor());
        assertNull(battery.onReading(10));
        assertFalse(battery.belowFloor(), "the floor itself may still run");
        assertNull(battery.onReading(9));
        assertTrue(battery.belowFloor());
        assertNull(battery.onReading(21), "charged above the warning level");
        assertNotNull(battery.onReading(19), "a new dip warns again");
        assertEquals(19, battery.percent());
    }

    @Test
    void theCeilingMattersOnlyWhenTheProgramWouldRunPastIt() {
        SessionCeiling ceiling = new SessionCeiling(Duration.ofMinutes(10), Duration.ofSeconds(3));
        assertFalse(ceiling.exceededBy(0, 600_000), "a program exactly as long as the ceiling completes");
        assertTrue(ceiling.exceededBy(1, 600_000));
        assertEquals(597_000, ceiling.windDownStartMs(), "the wind-down ends exactly at the ceiling");
        assertEquals(3_000, ceiling.windDownMs(597_000));
        assertEquals(1_000, ceiling.windDownMs(599_000), "begun late: only what is left");
        assertEquals(0, ceiling.windDownMs(601_000), "past it: finish now");
        assertEquals("Session ceiling of 10 min reached: ramping down and finishing.", ceiling.warnOnce());
        assertNull(ceiling.warnOnce(), "once per session");
        assertFalse(new SessionCeiling(null, Duration.ofSeconds(3)).exceededBy(Long.MAX_VALUE / 2, 1), "no ceiling");
    }

    @Test
    void regionTimeRunsOnAcrossStepsOnTheSameRegionAndSideAndWarnsOnce() {
        SessionPlan plan = Plans.plan()
                .activeMs("calf", Side.LEFT, 60_000, 0.5, 0.5, 0, RampCurve.LINEAR, Duration.ofSeconds(90))
                .activeMs("calf", Side.LEFT, 60_000, 0.5, 0.5, 0, RampCurve.LINEAR, Duration.ofSeconds(90))
                .activeMs("calf", Side.RIGHT, 60_000, 0.5, 0.5, 0, RampCurve.LINEAR, Duration.ofSeconds(90))
                .build();
        RegionTimeLimit limit = new RegionTimeLimit(plan.steps());
        PlannedStep first = plan.steps().get(0), second = plan.steps().get(1), other = plan.steps().get(2);
        limit.enter(first);
        limit.ran(60_000);
        assertTrue(limit.pending(first));
        assertEquals(30_000, limit.msLeft(first));
        assertNull(limit.check(0, 60_000), "the step ends within the limit");
        limit.enter(second);
        assertEquals(30_000, limit.msLeft(second), "same region and side: the time runs on");
        limit.ran(30_000);
        assertEquals("Time limit for calf (left) reached (1 min 30 s continuous); move on to the next region.",
                limit.check(1, 30_000));
        assertFalse(limit.pending(second));
        assertNull(limit.check(1, 40_000), "once per stretch");
        limit.enter(other);
        assertEquals(90_000, limit.msLeft(other), "the other side starts afresh");
    }

    @Test
    void aStepAsLongAsItsLimitIsWithinItUnlessTheNextStepGoesOnThere() {
        SessionPlan plan = Plans.plan()
                .activeMs("calf", Side.LEFT, 90_000, 0.5, 0.5, 0, RampCurve.LINEAR, Duration.ofSeconds(90))
                .activeMs("calf", Side.LEFT, 10_000, 0.5, 0.5, 0, RampCurve.LINEAR, Duration.ofSeconds(90))
                .activeMs("calf", Side.LEFT, 90_000, 0.5, 0.5, 0, RampCurve.LINEAR, Duration.ofSeconds(90))
                .rest(10)
                .build();
        RegionTimeLimit limit = new RegionTimeLimit(plan.steps());
        limit.enter(plan.steps().get(0));
        limit.ran(90_000);
        assertNotNull(limit.check(0, 90_000), "the next step goes on on the same calf");

        RegionTimeLimit last = new RegionTimeLimit(plan.steps());
        last.enter(plan.steps().get(2));
        last.ran(90_000);
        assertNull(last.check(2, 90_000), "the step ends exactly at the limit and a rest follows");
    }

    @Test
    void planTimeCountsStepsAsPlanned() {
        SessionPlan plan = Plans.plan().active("calf", 60, 0.5, 0).rest(20).active("glute", 20, 0.5, 0).build();
        assertEquals(100_000, PlanTime.remainingMs(plan, 0, 0));
        assertEquals(30_000, PlanTime.remainingMs(plan, 1, 10_000));
        assertEquals(0, PlanTime.remainingMs(plan, 2, 25_000), "overrun: nothing left, never negative");
        assertEquals(0.7, PlanTime.progress(plan, 1, 10_000), 1e-9);
        assertEquals(0.6, PlanTime.progress(plan, 0, 90_000), 1e-9, "a step run long counts as planned");
    }

    @Test
    void windDownAndResumeRampFallAndRiseEvenly() {
        WindDown down = new WindDown(10_000, 0.8, 4_000, PauseReason.PRESSURE);
        assertEquals(0.8, down.level(10_000), 1e-9);
        assertEquals(0.4, down.level(12_000), 1e-9);
        assertEquals(0, down.level(20_000), 1e-9);
        assertEquals(14_000, down.endsAtActiveMs());
        assertFalse(down.finishes());
        assertTrue(new WindDown(0, 1, 0, null).finishes());

        ResumeRamp up = new ResumeRamp(SETTINGS); // 5 s
        assertNull(up.level(0.6, 1_000), "no resume yet");
        up.start(1_000);
        assertEquals(0, up.level(0.6, 1_000), 1e-9);
        assertEquals(0.3, up.level(0.6, 3_500), 1e-9);
        assertNull(up.level(0.6, 6_000), "ramp over");
        up.start(7_000);
        up.clear();
        assertNull(up.level(0.6, 7_000));
    }
}
