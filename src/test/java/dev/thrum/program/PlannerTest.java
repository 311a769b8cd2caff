package dev.thrum.program;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlannerTest {

    private final RegionCatalogue catalogue = ShippedCatalogue.SHIPPED;
    private final ProgramParser parser = new ProgramParser(catalogue);
    private final Planner planner = new Planner(catalogue);

    private Program program(String steps) {
        return parser.parse("t.json", "{\"id\": \"t\", \"name\": \"T\", \"steps\": [" + steps + "]}");
    }

    private static Client client(double max, Set<String> avoid, Map<String, Double> caps, Set<Condition> conditions) {
        return new Client(null, "Ann", max, avoid, caps, null, 5, "", conditions, Map.of(), false);
    }

    @Test
    void bothSidesExpandLeftThenRightAndRepeatsUnroll() {
        SessionPlan plan = planner.plan(program("""
                {"repeat": 2, "steps": [{"region": "calves", "duration": 60, "target": 0.4}, {"rest": 30}]},
                {"region": "upper-back", "duration": 45, "target": 0.3},
                {"region": "hamstrings", "side": "right", "duration": 45, "target": 0.3}"""));
        assertEquals(List.of("calves LEFT", "calves RIGHT", "rest NONE", "calves LEFT", "calves RIGHT", "rest NONE",
                        "upper-back NONE", "hamstrings RIGHT"),
                plan.steps().stream().map(s -> s.regionId() + " " + s.side()).toList());
        for (int i = 0; i < plan.steps().size(); i++) assertEquals(i, plan.steps().get(i).index());
        assertEquals(Duration.ofSeconds(4 * 60 + 2 * 30 + 45 + 45), plan.plannedDuration());
        assertEquals(HardLimits.SESSION_CEILING, plan.sessionCeiling());
        PlannedStep rest = plan.steps().get(2);
        assertTrue(rest.rest());
        assertEquals(0.0, rest.cap());
    }

    @Test
    void targetIsClampedToRegionCapWithANote() {
        SessionPlan plan = planner.plan(program("{\"region\": \"lower-back\", \"side\": \"left\", \"duration\": 60, \"target\": 0.9}"));
        PlannedStep s = plan.steps().get(0);
        assertEquals(catalogue.get("lower-back").cap(), s.cap());
        assertEquals(s.cap(), s.target());
        assertEquals(catalogue.get("lower-back").maxContinuous(), s.maxContinuous());
        assertTrue(plan.notes().get(0).contains("lowered"), plan.notes().toString());
    }

    @Test
    void capIsTheSmallestOfStepRegionClientAndClientRegionCap() {
        Program p = program("{\"region\": \"calves\", \"side\": \"left\", \"duration\": 60, \"target\": 0.55}");
        assertEquals(0.55, planner.plan(p).steps().get(0).cap(), 1e-9, "step target below region cap 0.6");
        assertEquals(0.5, planner.plan(p, client(0.5, Set.of(), Map.of(), Set.of())).steps().get(0).cap(), 1e-9);
        assertEquals(0.2, planner.plan(p, client(0.5, Set.of(), Map.of("calves", 0.2), Set.of())).steps().get(0).cap(), 1e-9);
    }

    @Test
    void avoidedRegionsAreSkippedWithANoteAndDanglingRestsGo() {
        SessionPlan plan = planner.plan(program("""
                {"region": "hip-flexors", "duration": 30, "target": 0.2}, {"rest": 10},
                {"region": "calves", "duration": 30, "target": 0.3}, {"rest": 10},
                {"region": "feet", "duration": 30, "target": 0.3}, {"rest": 10},
                {"region": "forearms", "duration": 30, "target": 0.3}, {"rest": 10},
                {"region": "hip-flexors", "duration": 30, "target": 0.2}"""),
                client(1, Set.of("hip-flexors", "feet"), Map.of(), Set.of()));
        assertEquals(List.of("calves", "calves", "rest", "forearms", "forearms"),
                plan.steps().stream().map(PlannedStep::regionId).toList());
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("Skipping Hip flexors") && n.contains("Ann avoids it")), plan.notes().toString());
        assertTrue(plan.notes().stream().anyMatch(n -> n.startsWith("Skipping Feet")), plan.notes().toString());
    }

    @Test
    void herniatedDiscLowersLowerBackAndQlAndAsksForConfirmation() {
        Program p = program("""
                {"region": "lower-back", "side": "left", "duration": 60, "target": 0.3},
                {"region": "quadratus-lumborum", "side": "left", "duration": 60, "target": 0.4},
                {"region": "calves", "side": "left", "duration": 60, "target": 0.5}""");
        SessionPlan plain = planner.plan(p);
        SessionPlan disc = planner.plan(p, client(1, Set.of(), Map.of(), EnumSet.of(Condition.HERNIATED_DISC)));
        assertTrue(disc.steps().get(0).cap() < plain.steps().get(0).cap());
        assertTrue(disc.steps().get(1).cap() < plain.steps().get(1).cap());
        assertEquals(plain.steps().get(2).cap(), disc.steps().get(2).cap(), "other regions unchanged");
        assertEquals(1, disc.confirmations().size());
        assertTrue(disc.confirmations().get(0).startsWith("herniated-disc"));
        assertEquals(List.of(), plain.confirmations());
        Client confirmed = client(1, Set.of(), Map.of(), EnumSet.of(Condition.HERNIATED_DISC)).withConditionsConfirmed(true);
        assertEquals(List.of(), planner.plan(p, confirmed).confirmations());
    }

    @Test
    void conditionsTightenEverywhereAvoidAndShortenSessions() {
        Program p = program("""
                {"region": "calves", "side": "left", "duration": 60, "target": 0.6},
                {"region": "upper-back", "duration": 60, "target": 0.5},
                {"region": "feet", "side": "left", "duration": 30, "target": 0.3}""");
        SessionPlan thinners = planner.plan(p, client(1, Set.of(), Map.of(), EnumSet.of(Condition.BLOOD_THINNERS)));
        thinners.steps().forEach(s -> assertTrue(s.cap() <= 0.4, s.toString()));
        SessionPlan pacemaker = planner.plan(p, client(1, Set.of(), Map.of(), EnumSet.of(Condition.PACEMAKER)));
        assertFalse(pacemaker.steps().stream().anyMatch(s -> s.regionId().equals("upper-back")));
        assertTrue(pacemaker.notes().stream().anyMatch(n -> n.contains("(pacemaker)")), pacemaker.notes().toString());
        SessionPlan neuropathy = planner.plan(p, client(1, Set.of(), Map.of(), EnumSet.of(Condition.DIABETIC_NEUROPATHY)));
        assertFalse(neuropathy.steps().stream().anyMatch(s -> s.regionId().equals("feet")));
        assertEquals(Duration.ofMinutes(15),
                planner.plan(p, client(1, Set.of(), Map.of(), EnumSet.of(Condition.EPILEPSY))).sessionCeiling());
    }

    @Test
    void sessionCeilingIsTheSmallerOfHardCeilingAndClientMaximum() {
        Program p = program("{\"region\": \"calves\", \"duration\": 120, \"target\": 0.3}");
        Client shortSessions = new Client(null, "Bo", 1, Set.of(), Map.of(), Duration.ofMinutes(3), 0, "", Set.of(), Map.of(), false);
        SessionPlan plan = planner.plan(p, shortSessions);
        assertEquals(Duration.ofMinutes(3), plan.sessionCeiling());
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("ceiling")), plan.notes().toString());
        Client generous = new Client(null, "Cy", 1, Set.of(), Map.of(), Duration.ofHours(2), 0, "", Set.of(), Map.of(), false);
        assertEquals(HardLimits.SESSION_CEILING, planner.plan(p, generous).sessionCeiling());
    }

    @Test
    void rememberedSofterTargetStartsLowerButKeepsTheCap() {
        Program p = program("{\"region\": \"calves\", \"side\": \"left\", \"duration\": 60, \"target\": 0.5}");
        Client c = client(1, Set.of(), Map.of(), Set.of()).withSofter("calves", 0.35);
        PlannedStep s = planner.plan(p, c).steps().get(0);
        assertEquals(0.35, s.target(), 1e-9);
        assertEquals(0.5, s.cap(), 1e-9);
        assertEquals(0.3, c.withSofter("calves", 0.3).softer().get("calves"));
        assertEquals(0.35, c.withSofter("calves", 0.45).softer().get("calves"), "keeps the lower value");
    }

    @Test
    void stepsWhoseCapIsZeroAreSkippedBecauseZeroMeansStopped() {
        Program p = program("{\"region\": \"calves\", \"duration\": 60, \"target\": 0.5}, {\"rest\": 10},"
                + "{\"region\": \"feet\", \"duration\": 30, \"target\": 0.3}, {\"region\": \"forearms\", \"duration\": 30, \"target\": 0}");
        SessionPlan plan = planner.plan(p, client(1, Set.of(), Map.of("calves", 0.0), Set.of()));
        assertEquals(List.of("feet", "feet"), plan.steps().stream().map(PlannedStep::regionId).toList());
        assertTrue(plan.notes().contains("Skipping Calves: its cap is 0 for Ann."), plan.notes().toString());
        assertTrue(plan.notes().contains("Skipping Forearms: the step's target is 0."), plan.notes().toString());
    }
}
