package dev.thrum.engine.pressure;

import dev.thrum.pressure.ForceScale;
import dev.thrum.pressure.PressureBand;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Light, right, then too hard on a light-only region, as a scripted person would press (1 reading a second). */
class PressureGuideTest {

    private final ForceScale newtons = ForceScale.withDefaultBands(ForceScale.Unit.NEWTONS, 200); // light 10-50, medium 50-100

    @Test
    void adviceFollowsThePressAndTooMuchForTooLongAsksForThePause() {
        PressureGuide guide = new PressureGuide(newtons, PressureSettings.DEFAULTS);
        guide.beginStep(PressureBand.MEDIUM, PressureBand.LIGHT, 0); // the region allows light only
        assertEquals(PressureBand.LIGHT, guide.band(), "the step's band is lowered to the region's maximum");
        StringBuilder said = new StringBuilder();
        OverPressureWatch.Verdict last = OverPressureWatch.Verdict.NONE;
        int acts = 0, warns = 0;
        for (int s = 0; s <= 40; s++) {
            long now = s * 1000L;
            int force = s < 10 ? 0 : s < 20 ? 30 : 120;   // not touching, right, too hard
            guide.onReading(now, force);
            PressureGuide.Update u = guide.evaluate(now, now);
            if (u.adviceChanged()) said.append(u.advice()).append(' ');
            if (u.verdict() == OverPressureWatch.Verdict.WARN) warns++;
            if (u.verdict() == OverPressureWatch.Verdict.ACT) { acts++; last = u.verdict(); }
        }
        assertEquals("HARDER HOLD LIGHTER ", said.toString(), "light band 10-50 N: 0 N is below it, 30 N in it, 120 N above");
        assertEquals(1, warns);
        assertEquals(1, acts);
        assertEquals(OverPressureWatch.Verdict.ACT, last);
        PressureStats stats = guide.stepStats();
        assertEquals(10.0, stats.secondsBelow(), 1e-9);
        assertEquals(10.0, stats.secondsIn(), 1e-9);
        assertEquals(20.0, stats.secondsAbove(), 1e-9);
        assertEquals(1, stats.tooMuchEpisodes());
        assertEquals(120.0, stats.peakNewtons(), 1e-9);
    }

    @Test
    void tooLightIsToldToPressHarderAfterTheDwell() {
        PressureGuide guide = new PressureGuide(newtons, PressureSettings.DEFAULTS);
        guide.beginStep(PressureBand.MEDIUM, PressureBand.FIRM, 0); // 50-100 N
        guide.onReading(0, 10);
        assertEquals(PressureAdvice.NO_READING, guide.evaluate(0, 0).advice(), "no change of advice before the dwell");
        guide.onReading(1000, 10);
        guide.evaluate(1000, 1000);
        guide.onReading(2000, 10);
        assertEquals(PressureAdvice.HARDER, guide.evaluate(2000, 2000).advice());
        guide.onReading(3000, 60);
        assertEquals(PressureAdvice.HOLD, guide.evaluate(3000, 3000).advice(), "in the band: hold, at once");
        assertEquals(PressureAdvice.NO_READING, guide.evaluate(6500, 6500).advice(), "3.5 s without a reading is not 'in band'");
    }

    @Test
    void aDeviceWithoutForceGetsTheBandInWordsOnly() {
        PressureGuide guide = new PressureGuide(null, PressureSettings.DEFAULTS);
        guide.beginStep(PressureBand.FIRM, PressureBand.MEDIUM, 20_000);
        guide.onReading(0, 500);
        assertEquals(PressureBand.MEDIUM, guide.band());
        PressureGuide.Update u = guide.evaluate(10_000, 10_000);
        assertEquals(PressureAdvice.NO_READING, u.advice());
        assertEquals(OverPressureWatch.Verdict.NONE, u.verdict());
        assertNull(guide.bandAt(10_000));
    }
}
