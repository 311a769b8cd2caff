package dev.thrum.engine.pressure;

import dev.thrum.pressure.ForceRange;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The advice's promises over random reading scripts, bands and timings. */
class PressureAdvisorPropertiesTest {

    /** After {@code delayMs}, maybe a reading of {@code newtons} (null: the device said nothing). */
    record Step(long delayMs, Double newtons) {}

    @Property(tries = 500)
    void neverHarderAtOrAboveTheBandsLowEnd(@ForAll("scripts") List<Step> script, @ForAll("bands") ForceRange band) {
        PressureAdvisor advisor = new PressureAdvisor(PressureSettings.DEFAULTS);
        long now = 0;
        ForceReading latest = null;
        for (Step s : script) {
            now += s.delayMs();
            if (s.newtons() != null) latest = new ForceReading(now, s.newtons());
            PressureAdvice advice = advisor.advise(now, latest, band);
            if (advice == PressureAdvice.HARDER) {
                assertTrue(latest.newtons() < band.low(), "harder while reading " + latest + " in or above " + band);
            }
            if (advice == PressureAdvice.LIGHTER) {
                assertTrue(latest.newtons() > band.high(), "lighter while reading " + latest + " in or below " + band);
            }
        }
    }

    @Property(tries = 500)
    void staleReadingsNeverCountAsInTheBand(@ForAll("scripts") List<Step> script, @ForAll("bands") ForceRange band) {
        PressureSettings settings = PressureSettings.DEFAULTS;
        PressureAdvisor advisor = new PressureAdvisor(settings);
        PressureTally tally = new PressureTally(settings);
        long now = 0;
        long freshInMs = 0;
        long lastMs = 0;
        boolean lastFreshIn = false;
        ForceReading latest = null;
        for (Step s : script) {
            now += s.delayMs();
            if (lastFreshIn) freshInMs += now - lastMs;
            lastMs = now;
            if (s.newtons() != null) latest = new ForceReading(now, s.newtons());
            boolean fresh = latest != null && now - latest.atMs() <= settings.staleMs();
            PressureAdvice advice = advisor.advise(now, latest, band);
            tally.observe(now, latest, band);
            if (!fresh) assertEquals(PressureAdvice.NO_READING, advice, "stale reading gave " + advice);
            lastFreshIn = fresh && band.contains(latest.newtons());
        }
        PressureStats stats = tally.stats(0);
        assertEquals(freshInMs / 1000.0, stats.secondsIn(), 1e-9, "in-band seconds counted only from fresh readings");
    }

    @Property(tries = 300)
    void advisesNoFasterThanTheDwellIntoHarderOrLighter(@ForAll("scripts") List<Step> script, @ForAll("bands") ForceRange band) {
        PressureSettings settings = PressureSettings.DEFAULTS;
        PressureAdvisor advisor = new PressureAdvisor(settings);
        long now = 0;
        ForceReading latest = null;
        PressureAdvice previous = PressureAdvice.NO_READING;
        long wantedSince = -1;
        for (Step s : script) {
            now += s.delayMs();
            if (s.newtons() != null) latest = new ForceReading(now, s.newtons());
            PressureAdvice advice = advisor.advise(now, latest, band);
            if (advice != previous && (advice == PressureAdvice.HARDER || advice == PressureAdvice.LIGHTER)) {
                // the reading has been past the band by the margin for the dwell, on every call in between
                assertTrue(wantedSince >= 0 && now - wantedSince >= settings.dwellMs(),
                        "switched to " + advice + " after " + (wantedSince < 0 ? "no" : now - wantedSince) + " ms");
            }
            boolean pastByMargin = latest != null && now - latest.atMs() <= settings.staleMs()
                    && (latest.newtons() > band.high() + settings.marginFor(band)
                    || latest.newtons() < band.low() - settings.marginFor(band));
            if (!pastByMargin) wantedSince = -1;
            else if (wantedSince < 0) wantedSince = now;
            previous = advice;
        }
    }

    @Provide
    Arbitrary<ForceRange> bands() {
        return Combinators.combine(Arbitraries.doubles().between(0, 150), Arbitraries.doubles().between(0, 120))
                .as((low, width) -> new ForceRange(low, low + width));
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Double> force = Arbitraries.oneOf(
                Arbitraries.doubles().between(0, 300),
                Arbitraries.just(null));
        Arbitrary<Long> delay = Arbitraries.oneOf(Arbitraries.longs().between(0, 400), Arbitraries.longs().between(400, 6000));
        return Combinators.combine(delay, force).as(Step::new).list().ofMinSize(1).ofMaxSize(120);
    }
}
