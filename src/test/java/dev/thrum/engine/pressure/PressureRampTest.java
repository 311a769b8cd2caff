package dev.thrum.engine.pressure;

import dev.thrum.pressure.ForceRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PressureRampTest {

    private final ForceRange light = new ForceRange(10, 40);
    private final ForceRange firm = new ForceRange(80, 130);

    @Test
    void startsAtTheLightBandAndReachesTheStepsBandAtTheEndOfTheRamp() {
        PressureRamp ramp = new PressureRamp(light, firm, 20_000);
        assertEquals(light, ramp.bandAt(0));
        assertEquals(new ForceRange(45, 85), ramp.bandAt(10_000));
        assertEquals(firm, ramp.bandAt(20_000));
        assertEquals(firm, ramp.bandAt(99_000));
    }

    @Test
    void aStepThatWantsLessThanTheStartBandNeverAsksForMore() {
        ForceRange veryLight = new ForceRange(0, 20);
        PressureRamp ramp = new PressureRamp(light, veryLight, 20_000);
        for (long t = 0; t <= 20_000; t += 1000) {
            assertTrue(ramp.bandAt(t).high() <= veryLight.high() + 1e-9, "band at " + t + " above the step's band");
        }
    }
}
