package dev.thrum.program;

import dev.thrum.pressure.PressureBand;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a program into the steps the engine runs for one person: repeats unrolled, sides expanded
 * (left then right), every target clamped to the effective cap, avoided regions skipped with a note.
 * <p>
 * Effective cap = min(step target, region cap, client cap, client cap for the region, condition caps);
 * the device maximum is 1.0. Target = min(cap, remembered softer target).
 */
public final class Planner {
    /** Name used for rest steps in a plan. */
    public static final String REST_ID = "rest";
    /** A step that names no pressure builds up to medium, within the region's and the person's limits. */
    static final PressureBand DEFAULT_PRESSURE = PressureBand.MEDIUM;

    private final RegionCatalogue catalogue;

    public Planner(RegionCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * A client record whose limits name a region the catalogue does not know would have that limit
     * silently dropped; the record is refused instead (the client files are checked when read, this
     * holds for any other way a Client is made).
     */
    private void checkClientRegions(Client client) {
        List<String> wrong = new ArrayList<>();
        client.avoid().stream().filter(id -> catalogue.find(id).isEmpty()).forEach(id -> wrong.add("avoid: " + catalogue.unknownMessage(id)));
        client.regionCaps().keySet().stream().filter(id -> catalogue.find(id).isEmpty()).forEach(id -> wrong.add("regionCaps: " + catalogue.unknownMessage(id)));
        client.softer().keySet().stream().filter(id -> catalogue.find(id).isEmpty()).forEach(id -> wrong.add("softer: " + catalogue.unknownMessage(id)));
        if (!wrong.isEmpty())
            throw new IllegalArgumentException("client '" + client.id() + "' has a limit Thrum cannot apply (" + String.join("; ", wrong)
                    + "); fix the client (thrum clients, or its file) before running a session for them");
    }

    /** Plan without a client: catalogue caps and the hard ceilings only. */
    public SessionPlan plan(Program program) {
        return plan(program, null);
    }

    /**
     * @param client null for no client
     * @throws IllegalArgumentException if the program names a blocked or unknown region (a validated program never does)
     */
    public SessionPlan plan(Program program, Client client) {
        if (client != null) checkClientRegions(client);
        List<PlannedStep> steps = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        for (ProgramItem item : program.unrolled()) {
            if (item instanceof ProgramItem.Rest r) {
                addRest(steps, r.duration(), r.cue());
            } else if (item instanceof ProgramItem.Treat t) {
                Region region = catalogue.get(t.regionId());
                if (region.blocked())
                    throw new IllegalArgumentException("program " + program.id() + " names the blocked region " + region.id());
                if (client != null && client.avoids(region.id())) {
                    notes.add("Skipping " + region.name() + ": " + client.name() + " avoids it" + avoidReason(client, region.id()) + ".");
                    continue;
                }
                double cap = effectiveCap(t, region, client);
                if (cap <= 0) {
                    // intensity 0 is "motor stopped": a step that cannot run is skipped, not run as a silent pause
                    notes.add("Skipping " + region.name() + ": " + (t.target() <= 0 ? "the step's target is 0"
                            : "its cap is 0" + (client == null ? "" : " for " + client.name())) + ".");
                    continue;
                }
                for (Side side : sides(t.side(), region)) {
                    steps.add(treat(steps.size(), t, region, side, client, notes));
                }
            }
        }
        trimRests(steps);
        List<PlannedStep> indexed = new ArrayList<>();
        for (PlannedStep s : steps) indexed.add(reindex(s, indexed.size()));

        Duration ceiling = client == null ? HardLimits.SESSION_CEILING : client.sessionCeiling();
        Duration total = indexed.stream().map(PlannedStep::duration).reduce(Duration.ZERO, Duration::plus);
        if (total.compareTo(ceiling) > 0)
            notes.add("The program runs " + DurationText.format(total) + " but the session ceiling is "
                    + DurationText.format(ceiling) + "; the session will ramp down and finish at the ceiling.");
        List<String> confirmations = new ArrayList<>();
        if (client != null && client.needsConfirmation()) {
            for (Condition c : client.conditions()) {
                if (c.rule().confirm()) confirmations.add(c.key() + ": " + c.rule().reason());
            }
        }
        return new SessionPlan(program.id(), program.name(), client == null ? null : client.name(),
                indexed, ceiling, List.copyOf(notes), confirmations, client == null ? null : client.id());
    }

    private PlannedStep treat(int index, ProgramItem.Treat t, Region region, Side side, Client client, Set<String> notes) {
        double cap = effectiveCap(t, region, client);
        if (cap < t.target())
            notes.add(String.format(Locale.ROOT, "%s: target %.2f lowered to the cap %.2f%s.", region.name(), t.target(), cap,
                    client == null ? " of the region" : " for " + client.name()));
        double target = cap;
        if (client != null && client.softer().containsKey(region.id()) && client.softer().get(region.id()) < target) {
            target = client.softer().get(region.id());
            notes.add(String.format(Locale.ROOT, "%s: starting softer at %.2f, as remembered from an earlier session.", region.name(), target));
        }
        PressureBand maxPressure = client == null ? region.maxPressure() : region.maxPressure().atMost(client.pressureFor(region.id()));
        PressureBand asked = t.pressure() == null ? DEFAULT_PRESSURE : t.pressure();
        PressureBand pressure = asked.atMost(maxPressure);
        if (t.pressure() != null && pressure != asked)
            notes.add(region.name() + ": pressure " + asked.id() + " lowered to " + pressure.id()
                    + (client == null ? " for the region." : " for " + client.name() + "."));
        return new PlannedStep(index, region.id(), region.name(), side, t.duration(), target, cap, t.rampUp(),
                t.curve(), t.cue(), region.maxContinuous(), false, pressure, maxPressure,
                t.pressureRamp() == null ? t.rampUp() : t.pressureRamp());
    }

    /** min(step target, region cap, client caps and condition caps, device maximum 1.0). */
    private static double effectiveCap(ProgramItem.Treat t, Region region, Client client) {
        double limit = Math.min(region.cap(), HardLimits.MAX_INTENSITY);
        if (client != null) limit = Math.min(limit, client.capFor(region.id()));
        return Math.min(t.target(), limit);
    }

    private static String avoidReason(Client client, String regionId) {
        if (client.avoid().contains(regionId)) return "";
        return client.conditions().stream().filter(c -> c.rule().avoid().contains(regionId)).findFirst()
                .map(c -> " (" + c.key() + ")").orElse("");
    }

    private static List<Side> sides(SideChoice choice, Region region) {
        if (!region.hasSides()) return List.of(Side.NONE);
        return switch (choice) {
            case LEFT -> List.of(Side.LEFT);
            case RIGHT -> List.of(Side.RIGHT);
            case BOTH, NONE -> List.of(Side.LEFT, Side.RIGHT);
        };
    }

    private static void addRest(List<PlannedStep> steps, Duration d, String cue) {
        steps.add(new PlannedStep(steps.size(), REST_ID, "Rest", Side.NONE, d, 0, 0, Duration.ZERO, RampCurve.LINEAR,
                cue, d, true, PressureBand.LIGHT, PressureBand.LIGHT, Duration.ZERO));
    }

    // after skipping avoided regions, rests can end up first, last or back to back: drop those
    private static void trimRests(List<PlannedStep> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            boolean rest = steps.get(i).rest();
            boolean dangling = i == 0 || i == steps.size() - 1 || steps.get(i - 1).rest();
            if (rest && dangling) steps.remove(i);
        }
        while (!steps.isEmpty() && steps.get(0).rest()) steps.remove(0);
    }

    private static PlannedStep reindex(PlannedStep s, int index) {
        return new PlannedStep(index, s.regionId(), s.regionName(), s.side(), s.duration(), s.target(), s.cap(),
                s.rampUp(), s.curve(), s.cue(), s.maxContinuous(), s.rest(), s.pressure(), s.maxPressure(), s.pressureRamp());
    }
}
