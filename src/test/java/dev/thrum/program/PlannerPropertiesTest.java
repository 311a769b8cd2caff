package dev.thrum.program;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever the program and the client, the plan never exceeds any limit. */
class PlannerPropertiesTest {

    private static final RegionCatalogue CATALOGUE = ShippedCatalogue.SHIPPED;
    private static final List<Region> USABLE = CATALOGUE.all().stream().filter(r -> !r.blocked()).toList();
    private static final List<String> IDS = USABLE.stream().map(Region::id).toList();
    private static final double EPS = 1e-12;

    @Property(tries = 500)
    void capsNeverAboveAnyLimitAndAvoidedRegionsNeverPlanned(@ForAll("programs") Program program,
                                                             @ForAll("clients") Optional<Client> maybeClient) {
        Client client = maybeClient.orElse(null);
        SessionPlan plan = new Planner(CATALOGUE).plan(program, client);

        // the treated steps, in order, that the plan must contain
        List<ProgramItem.Treat> expected = new ArrayList<>();
        for (ProgramItem item : program.unrolled()) {
            if (item instanceof ProgramItem.Treat t && (client == null || !client.avoids(t.regionId()))) {
                Region r = CATALOGUE.get(t.regionId());
                double limit = Math.min(Math.min(t.target(), r.cap()), client == null ? 1.0 : client.capFor(r.id()));
                if (limit <= 0) continue;
                int sides = r.hasSides() && t.side() == SideChoice.BOTH ? 2 : 1;
                for (int i = 0; i < sides; i++) expected.add(t);
            }
        }
        List<PlannedStep> treated = plan.steps().stream().filter(s -> !s.rest()).toList();
        assertEquals(expected.size(), treated.size());

        for (int i = 0; i < treated.size(); i++) {
            PlannedStep s = treated.get(i);
            ProgramItem.Treat t = expected.get(i);
            Region r = CATALOGUE.get(s.regionId());
            assertEquals(t.regionId(), s.regionId());
            assertFalse(r.blocked());
            assertTrue(s.cap() <= t.target() + EPS, "cap above step target");
            assertTrue(s.cap() <= r.cap() + EPS, "cap above region cap");
            assertTrue(s.cap() <= HardLimits.MAX_INTENSITY);
            assertTrue(s.target() <= s.cap() + EPS, "target above cap");
            assertTrue(s.cap() > 0, "a step that cannot run is skipped");
            assertTrue(s.target() >= 0);
            assertTrue(s.duration().compareTo(r.maxContinuous()) <= 0);
            assertTrue(s.rampUp().compareTo(s.duration()) <= 0);
            if (client != null) {
                assertFalse(client.avoids(s.regionId()), "avoided region planned");
                assertTrue(s.cap() <= client.maxIntensity() + EPS, "cap above client cap");
                assertTrue(s.cap() <= client.regionCaps().getOrDefault(s.regionId(), 1.0) + EPS, "cap above client region cap");
                for (Condition c : client.conditions())
                    assertTrue(s.cap() <= c.rule().capFor(s.regionId()) + EPS, "cap above " + c.key());
                assertTrue(s.target() <= client.softer().getOrDefault(s.regionId(), 1.0) + EPS, "remembered softer ignored");
            }
        }
        for (PlannedStep s : plan.steps()) {
            if (s.rest()) assertEquals(0.0, s.cap());
        }
        assertTrue(plan.sessionCeiling().compareTo(HardLimits.SESSION_CEILING) <= 0);
        if (client != null && client.maxSession() != null)
            assertTrue(plan.sessionCeiling().compareTo(client.maxSession()) <= 0);
        if (!plan.steps().isEmpty()) {
            assertFalse(plan.steps().get(0).rest(), "no leading rest");
            assertFalse(plan.steps().get(plan.steps().size() - 1).rest(), "no trailing rest");
        }
    }

    @Provide
    Arbitrary<Program> programs() {
        Arbitrary<ProgramItem> treat = Arbitraries.of(USABLE).flatMap(r -> Combinators.combine(
                Arbitraries.integers().between(1, (int) r.maxContinuous().toSeconds()),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.of(SideChoice.LEFT, SideChoice.RIGHT, SideChoice.BOTH),
                Arbitraries.of(RampCurve.values()),
                Arbitraries.doubles().between(0, 1)
        ).as((secs, target, side, curve, rampShare) -> new ProgramItem.Treat(r.id(), r.hasSides() ? side : SideChoice.NONE,
                Duration.ofSeconds(secs), target, Duration.ofSeconds((long) (secs * rampShare)), curve, "")));
        Arbitrary<ProgramItem> rest = Arbitraries.integers().between(1, 60).map(s -> new ProgramItem.Rest(Duration.ofSeconds(s), ""));
        Arbitrary<ProgramItem> simple = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, treat), net.jqwik.api.Tuple.of(1, rest));
        Arbitrary<ProgramItem> repeat = Combinators.combine(Arbitraries.integers().between(1, 3), simple.list().ofMinSize(1).ofMaxSize(3))
                .as(ProgramItem.Repeat::new);
        Arbitrary<ProgramItem> any = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, simple), net.jqwik.api.Tuple.of(1, repeat));
        return any.list().ofMinSize(1).ofMaxSize(12).map(items -> new Program("p", "P", "", "", items));
    }

    @Provide
    Arbitrary<Optional<Client>> clients() {
        Arbitrary<Map<String, Double>> caps = Arbitraries.maps(Arbitraries.of(IDS), Arbitraries.doubles().between(0, 1)).ofMaxSize(5);
        Arbitrary<Set<String>> avoid = Arbitraries.of(IDS).set().ofMaxSize(4);
        Arbitrary<Set<Condition>> conditions = Arbitraries.of(Condition.class).set().ofMaxSize(3);
        Arbitrary<Duration> maxSession = Arbitraries.integers().between(1, 120).map(Duration::ofMinutes).injectNull(0.3);
        Arbitrary<Client> client = Combinators.combine(Arbitraries.doubles().between(0, 1), avoid, caps, maxSession, conditions, caps)
                .as((max, av, cp, ms, cond, soft) -> new Client(null, "Kim", max, av, cp, ms, 3, "", cond, soft, false));
        return client.optional(0.8);
    }
}
