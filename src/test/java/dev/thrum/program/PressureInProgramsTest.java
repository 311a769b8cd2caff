package dev.thrum.program;

import dev.thrum.pressure.PressureBand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Pressure in steps, regions and conditions: the planner takes the gentlest, the parser refuses what a region forbids. */
class PressureInProgramsTest {

    private final ProgramParser parser = new ProgramParser(ShippedCatalogue.SHIPPED);
    private final Planner planner = new Planner(ShippedCatalogue.SHIPPED);

    private static String program(String step) {
        return "{\"id\": \"t\", \"name\": \"T\",\n\"steps\": [\n" + step + "\n]}";
    }

    @Test
    void aStepsPressureAndItsRampReachThePlan() {
        Program p = parser.parse("my.json", program(
                "{\"region\": \"calves\", \"side\": \"left\", \"duration\": \"60s\", \"target\": 0.5, \"rampUp\": \"10s\", \"pressure\": \"firm\", \"pressureRamp\": \"40s\"}"));
        PlannedStep s = planner.plan(p).steps().get(0);
        assertEquals(PressureBand.FIRM, s.pressure());
        assertEquals(PressureBand.FIRM, s.maxPressure());
        assertEquals(Duration.ofSeconds(40), s.pressureRamp());
    }

    @Test
    void withoutAPressureAStepBuildsToMediumOverItsRampUpWithinTheRegionsLimit() {
        Program p = parser.parse("my.json", program("{\"region\": \"lower-back\", \"duration\": \"60s\", \"target\": 0.2, \"rampUp\": \"15s\"}"));
        PlannedStep s = planner.plan(p).steps().get(0);
        assertEquals(PressureBand.LIGHT, s.pressure(), "the lower back allows light only");
        assertEquals(PressureBand.LIGHT, s.maxPressure());
        assertEquals(Duration.ofSeconds(15), s.pressureRamp());
        PlannedStep calves = planner.plan(parser.parse("my.json", program("{\"region\": \"calves\", \"duration\": \"60s\", \"target\": 0.5}"))).steps().get(0);
        assertEquals(PressureBand.MEDIUM, calves.pressure());
    }

    @Test
    void askingForMoreThanTheRegionAllowsIsRefusedAtTheStep() {
        ValidationException e = assertThrows(ValidationException.class, () -> parser.parse("my.json", program(
                "{\"region\": \"hip-flexors\", \"duration\": \"30s\", \"target\": 0.2, \"pressure\": \"firm\"}")));
        Problem p = e.problems().get(0);
        assertTrue(p.toString().contains("my.json"), p.toString());
        assertTrue(p.toString().contains("$.steps[0].pressure, line 3"), p.toString());
        assertTrue(p.toString().contains("allows light pressure at most"), p.toString());
    }

    @Test
    void badPressureValuesAreNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> parser.parse("my.json", program(
                "{\"region\": \"calves\", \"duration\": \"30s\", \"target\": 0.2, \"pressure\": \"hard\", \"pressureRamp\": \"2m\"}")));
        String all = e.getMessage();
        assertTrue(all.contains("\"pressure\" must be \"light\", \"medium\" or \"firm\", got \"hard\""), all);
        assertTrue(all.contains("the pressure ramp (2m) is longer than the step (30s)"), all);
    }

    @Test
    void aConditionLowersThePressureEverywhere() {
        Client c = new Client(null, "Ann", 1.0, Set.of(), Map.of(), null, 0, "", Set.of(Condition.OSTEOPOROSIS), Map.of(), true);
        Program p = parser.parse("my.json", program(
                "{\"region\": \"calves\", \"duration\": \"60s\", \"target\": 0.5, \"pressure\": \"firm\"}"));
        SessionPlan plan = planner.plan(p, c);
        PlannedStep s = plan.steps().get(0);
        assertEquals(PressureBand.LIGHT, s.pressure());
        assertEquals(PressureBand.LIGHT, s.maxPressure());
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("pressure firm lowered to light for Ann")), plan.notes().toString());
    }

    @Test
    void aRegionOverrideMayOnlyLowerThePressure() {
        ValidationException e = assertThrows(ValidationException.class, () -> RegionCatalogueParser.override(ShippedCatalogue.SHIPPED,
                "user.json", "{\"regions\": [{\"id\": \"lower-back\", \"maxPressure\": \"firm\"}]}"));
        assertTrue(e.getMessage().contains("an override may only lower the pressure; 'lower-back' allows light at most"), e.getMessage());
    }
}
