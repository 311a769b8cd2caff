package dev.thrum.engine;

import dev.thrum.profile.OutputRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IntensityStepperTest {

    @Test
    void continuousMovesByTheStepWithinZeroAndTheCap() {
        IntensityStepper s = new IntensityStepper(new OutputRange.Continuous("rpm", 0, 1000, 2000), 0.05);
        assertEquals(0.55, s.harder(0.5, 0.7), 1e-12);
        assertEquals(0.7, s.harder(0.68, 0.7), 1e-12);
        assertEquals(0.45, s.softer(0.5), 1e-12);
        assertEquals(0.0, s.softer(0.02), 1e-12);
    }

    @Test
    void discreteMovesOneLevelFromTheLevelTheTargetMapsTo() {
        // five levels: fractions 0, 0.25, 0.5, 0.75, 1
        IntensityStepper s = new IntensityStepper(new OutputRange.Discrete("level", 0, List.of(1, 2, 3, 4, 5)), 0.05);
        assertEquals(0.75, s.harder(0.6, 1.0), 1e-12);
        assertEquals(0.7, s.harder(0.6, 0.7), 1e-12, "the next level is above the cap: stop at the cap");
        assertEquals(0.25, s.softer(0.6), 1e-12);
        assertEquals(0.0, s.softer(0.1), 1e-12);
        assertEquals(1.0, s.harder(1.0, 1.0), 1e-12);
    }
}
