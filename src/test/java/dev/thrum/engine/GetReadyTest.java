package dev.thrum.engine;

import dev.thrum.profile.OutputRange;
import dev.thrum.program.RampCurve;
import dev.thrum.program.Side;
import dev.thrum.protocol.DeviceCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The get-ready countdowns: before the first start, before each new region, to change sides. */
class GetReadyTest {
    static final OutputRange RPM = new OutputRange.Continuous("rpm", 0, 1000, 2000);
    static final EngineSettings SETTINGS = EngineSettings.defaults()
            .withCountdowns(Duration.ofSeconds(5), Duration.ofSeconds(3));

    private static Harness twoSidesThenAnotherRegion() {
        return new Harness(Plans.plan()
                .active("glutes", Side.LEFT, 20, 0.5, 0.5, 5, RampCurve.LINEAR)
                .active("glutes", Side.RIGHT, 20, 0.5, 0.5, 5, RampCurve.LINEAR)
                .rest(10)
                .active("hamstrings", Side.LEFT, 20, 0.4, 0.4, 5, RampCurve.LINEAR)
                .build(), RPM, 50, SETTINGS);
    }

    @Test
    void theMotorIsStillDuringTheFirstCountdownThenRampsFromTheLowestValue() {
        Harness h = twoSidesThenAnotherRegion();
        assertEquals(List.of(new DeviceCommand.Stop()), h.start(), "commanded still while the person gets ready");
        SessionView v = h.engine.view();
        assertEquals(Phase.GET_READY, v.phase());
        assertEquals(ReadyKind.START, v.countdownKind());
        assertEquals(Duration.ofSeconds(5), v.countdown());
        assertEquals(Duration.ZERO, v.stepElapsed(), "the step's time waits for the countdown");

        h.runFor(4_950, 50);
        assertTrue(h.setSpeeds().isEmpty(), "no speed during the countdown: " + h.setSpeeds());
        h.runFor(100, 50);
        assertEquals(1000, Harness.value(h.setSpeeds().get(0)), "ramps up from the lowest running value");
        assertEquals(5_000, h.setSpeeds().get(0).at());
        assertNull(h.engine.view().countdown());

        List<EngineEvent> first = h.events.subList(0, 3);
        assertInstanceOf(EngineEvent.Started.class, first.get(0));
        assertInstanceOf(EngineEvent.StepStarted.class, first.get(1), "the step is announced when the countdown begins");
        assertEquals(new EngineEvent.GetReady(first.get(1).at(), 0, 5, ReadyKind.START), first.get(2));
    }

    @Test
    void aSideChangeGetsAShortPauseAndANewRegionAFullCountdown() {
        Harness h = twoSidesThenAnotherRegion();
        h.start();
        h.runToEnd(50, 200_000);
        List<EngineEvent.GetReady> ready = h.eventsOf(EngineEvent.GetReady.class);
        assertEquals(List.of(ReadyKind.START, ReadyKind.SIDE, ReadyKind.REGION), ready.stream().map(EngineEvent.GetReady::kind).toList());
        assertEquals(List.of(0, 1, 3), ready.stream().map(EngineEvent.GetReady::index).toList());
        assertEquals(List.of(5, 3, 5), ready.stream().map(EngineEvent.GetReady::seconds).toList());
        // every countdown ends in a ramp from the lowest value, and nothing runs during one
        for (EngineEvent.GetReady g : ready) {
            long from = g.at().toEpochMilli() - Harness.T0;
            long until = from + g.seconds() * 1000L;
            assertTrue(h.setSpeeds().stream().noneMatch(s -> s.at() >= from && s.at() < until), "speed during countdown at " + from);
            Harness.Sent next = h.setSpeeds().stream().filter(s -> s.at() >= until).findFirst().orElseThrow();
            assertEquals(1000, Harness.value(next), "after the countdown at " + from);
        }
        SessionReport r = h.engine.report();
        assertEquals(60, r.activeSeconds(), 0.001, "treatment only: no countdowns, no rest");
        assertEquals(13 + 10, r.pausedSeconds(), 0.001, "countdowns and the rest count as paused");
        assertEquals(3, r.regionsTreated());
    }

    @Test
    void skipCountdownStartsTheRampAtOnce() {
        Harness h = twoSidesThenAnotherRegion();
        h.start();
        h.clock.advance(1_000);
        List<DeviceCommand> out = h.control(Control.SKIP_COUNTDOWN);
        assertEquals(List.of(new DeviceCommand.SetSpeed(1000)), out);
        assertEquals(Phase.RAMP_UP, h.engine.view().phase());
        assertTrue(h.control(Control.SKIP_COUNTDOWN).isEmpty(), "nothing to skip any more");
    }

    @Test
    void stopDuringACountdownStops() {
        Harness h = twoSidesThenAnotherRegion();
        h.start();
        assertEquals(List.of(new DeviceCommand.Stop()), h.control(Control.STOP));
        assertEquals(Outcome.STOPPED_BY_USER, h.engine.outcome());
    }

    @Test
    void aPauseDuringACountdownEndsItAndResumeRampsFromLow() {
        Harness h = twoSidesThenAnotherRegion();
        h.start();
        h.clock.advance(2_000);
        h.control(Control.PAUSE);
        assertNull(h.engine.view().countdown());
        h.clock.advance(2_000);
        assertEquals(List.of(new DeviceCommand.SetSpeed(1000)), h.control(Control.RESUME));
    }

    @Test
    void skippingAStepInPassingIsNotARegionTreated() {
        Harness h = new Harness(Plans.plan().active("glutes", 60, 0.5, 5).active("calves", 60, 0.5, 5).build(), RPM, 50);
        h.start();
        h.runFor(2_000, 50);
        h.control(Control.SKIP);
        h.runToEnd(50, 100_000);
        assertEquals(1, h.engine.report().regionsTreated(), "2 s of 60 is a skip in passing");
    }

    @Test
    void restsAreReportedAsPausedNotActive() {
        Harness h = new Harness(Plans.plan().active("glutes", 20, 0.5, 5).rest(10).active("calves", 20, 0.5, 5).build(), RPM, 50);
        h.start();
        h.runToEnd(50, 100_000);
        SessionReport r = h.engine.report();
        assertEquals(40, r.activeSeconds(), 0.001);
        assertEquals(10, r.pausedSeconds(), 0.001);
        assertEquals(10, r.steps().get(1).actualSeconds(), 0.001, "the rest's own seconds stay on its step");
    }

    @Test
    void aStepExactlyAsLongAsItsRegionLimitDoesNotTripIt() {
        Harness h = new Harness(Plans.plan()
                .activeMs("hip-flexors", Side.LEFT, 60_000, 0.2, 0.25, 20_000, RampCurve.EASE_IN, Duration.ofSeconds(60))
                .activeMs("hip-flexors", Side.RIGHT, 60_000, 0.2, 0.25, 20_000, RampCurve.EASE_IN, Duration.ofSeconds(60))
                .build(), RPM, 50, SETTINGS);
        h.start();
        h.runToEnd(50, 200_000);
        assertEquals(List.of(), h.eventsOf(EngineEvent.Warning.class));
    }

    @Test
    void aRegionLimitStillTripsWhenTheNextStepGoesOnThere() {
        Harness h = new Harness(Plans.plan()
                .activeMs("hip-flexors", Side.LEFT, 60_000, 0.2, 0.25, 20_000, RampCurve.EASE_IN, Duration.ofSeconds(60))
                .activeMs("hip-flexors", Side.LEFT, 30_000, 0.2, 0.25, 20_000, RampCurve.EASE_IN, Duration.ofSeconds(60))
                .build(), RPM, 50);
        h.start();
        h.runToEnd(50, 200_000);
        assertEquals(List.of(WarningCode.REGION_TIME_LIMIT),
                h.eventsOf(EngineEvent.Warning.class).stream().map(EngineEvent.Warning::code).toList());
    }
}
