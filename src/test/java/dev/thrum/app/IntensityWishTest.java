package dev.thrum.app;

import dev.thrum.pressure.PressureBand;
import dev.thrum.program.PlannedStep;
import dev.thrum.program.RampCurve;
import dev.thrum.program.SessionPlan;
import dev.thrum.program.Side;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntensityWishTest {

    /** Calf (cap 0.5, pressure up to medium), a rest, thigh (cap 0.8, firm). */
    private static SessionPlan plan() {
        return new SessionPlan("p", "P", null, List.of(
                new PlannedStep(0, "calf", "Calf", Side.LEFT, Duration.ofSeconds(20), 0.3, 0.5, Duration.ofSeconds(5),
                        RampCurve.LINEAR, "calf", Duration.ofMinutes(2), false,
                        PressureBand.LIGHT, PressureBand.MEDIUM, Duration.ofSeconds(8)),
                new PlannedStep(1, "rest", "Rest", Side.NONE, Duration.ofSeconds(5), 0, 0, Duration.ZERO,
                        RampCurve.LINEAR, "rest", null, true),
                new PlannedStep(2, "thigh", "Thigh", Side.NONE, Duration.ofSeconds(20), 0.6, 0.8, Duration.ofSeconds(5),
                        RampCurve.LINEAR, "thigh", Duration.ofMinutes(2), false,
                        PressureBand.MEDIUM, PressureBand.FIRM, Duration.ofSeconds(5))),
                Duration.ofMinutes(30), List.of("a note"), List.of(), "ann");
    }

    @Test
    void the_wish_moves_targets_but_never_above_a_cap() {
        IntensityWish.Applied a = IntensityWish.apply(plan(), 0.7);
        assertEquals(0.5, a.plan().steps().get(0).target(), 1e-12);
        assertEquals(0.7, a.plan().steps().get(2).target(), 1e-12);
        assertTrue(a.clamped());
        assertEquals(List.of(0), a.clampedSteps());
        assertEquals(0.7, a.highestTarget(), 1e-12);
        assertTrue(a.plan().steps().get(1).rest());
        assertEquals(List.of("a note"), a.plan().notes());
        assertEquals("ann", a.plan().clientId());
    }

    @Test
    void a_low_wish_is_not_clamped() {
        IntensityWish.Applied a = IntensityWish.apply(plan(), 0.2);
        assertFalse(a.clamped());
        assertEquals(0.2, a.plan().steps().get(0).target(), 1e-12);
        assertEquals(0.2, a.plan().steps().get(2).target(), 1e-12);
    }

    /** The region's pressure limits are a cap too: a wish for intensity must not lift them. */
    @Test
    void the_wish_keeps_each_steps_pressure_band_and_maximum() {
        List<PlannedStep> before = plan().steps();
        List<PlannedStep> after = IntensityWish.apply(plan(), 0.6).plan().steps();
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).maxPressure(), after.get(i).maxPressure(), "step " + i);
            assertEquals(before.get(i).pressure(), after.get(i).pressure(), "step " + i);
            assertEquals(before.get(i).pressureRamp(), after.get(i).pressureRamp(), "step " + i);
        }
    }

    @Test
    void a_wish_outside_zero_to_one_is_refused() {
        for (double bad : new double[]{0, -0.1, 1.01, Double.NaN})
            assertThrows(IllegalArgumentException.class, () -> IntensityWish.apply(plan(), bad), String.valueOf(bad));
    }
}
