package dev.thrum.program;

import dev.thrum.pressure.PressureBand;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a therapist set for one person. All limits only ever lower what the catalogue allows.
 *
 * @param id                   file-name-safe slug of the name (see {@link #slug})
 * @param maxIntensity         cap on every region, 0..1
 * @param avoid                region ids never treated for this person
 * @param regionCaps           per-region caps 0..1
 * @param maxSession           session ceiling for this person, or null for the hard ceiling
 * @param weeklyTarget         sessions per week the therapist asks for (for adherence), 0 for none
 * @param conditions           conditions noted at set-up; each tightens the defaults
 * @param softer               remembered targets per region, from "softer" during earlier runs
 * @param conditionsConfirmed  the person confirmed the condition warnings (asked before the first run)
 * @param plan                 the treatment plan (programs, days, time), or null for none (docs/plans.md)
 */
public record Client(String id, String name, double maxIntensity, Set<String> avoid, Map<String, Double> regionCaps,
                     Duration maxSession, int weeklyTarget, String notes, Set<Condition> conditions,
                     Map<String, Double> softer, boolean conditionsConfirmed, Plan plan) {

    /** A client without a plan. */
    public Client(String id, String name, double maxIntensity, Set<String> avoid, Map<String, Double> regionCaps,
                  Duration maxSession, int weeklyTarget, String notes, Set<Condition> conditions,
                  Map<String, Double> softer, boolean conditionsConfirmed) {
        this(id, name, maxIntensity, avoid, regionCaps, maxSession, weeklyTarget, notes, conditions, softer, conditionsConfirmed, null);
    }

    public Client {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a client needs a name");
        if (id == null) id = slug(name);
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) throw new IllegalArgumentException("client id '" + id + "' must be lower-case words joined by '-'");
        checkIntensity("maximum intensity", maxIntensity);
        regionCaps.forEach((r, c) -> checkIntensity("cap for " + r, c));
        softer.forEach((r, c) -> checkIntensity("remembered target for " + r, c));
        if (maxSession != null && (maxSession.isNegative() || maxSession.isZero()))
            throw new IllegalArgumentException("maximum session length must be above zero");
        if (weeklyTarget < 0 || weeklyTarget > 21) throw new IllegalArgumentException("weekly target must be 0..21, got " + weeklyTarget);
        avoid = Collections.unmodifiableSortedSet(new TreeSet<>(avoid));
        regionCaps = Collections.unmodifiableSortedMap(new TreeMap<>(regionCaps));
        softer = Collections.unmodifiableSortedMap(new TreeMap<>(softer));
        conditions = Collections.unmodifiableSet(conditions.isEmpty() ? EnumSet.noneOf(Condition.class) : EnumSet.copyOf(conditions));
        notes = notes == null ? "" : notes;
    }

    /** A new client with only a name: no extra limits. */
    public static Client named(String name) {
        return new Client(null, name, 1.0, Set.of(), Map.of(), null, 0, "", Set.of(), Map.of(), false);
    }

    /** "Ann O'Neil" becomes "ann-o-neil". */
    public static String slug(String name) {
        String s = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "client" : s;
    }

    private static void checkIntensity(String what, double v) {
        if (!(v >= 0 && v <= HardLimits.MAX_INTENSITY)) throw new IllegalArgumentException(what + " must be from 0 to 1, got " + v);
    }

    /** The session ceiling for this person: the hard ceiling, their own maximum, and condition limits. */
    public Duration sessionCeiling() {
        Duration c = HardLimits.SESSION_CEILING;
        if (maxSession != null && maxSession.compareTo(c) < 0) c = maxSession;
        for (Condition cond : conditions) {
            Duration m = cond.rule().maxSession();
            if (m != null && m.compareTo(c) < 0) c = m;
        }
        return c;
    }

    /** True when a region is skipped for this person, by their own list or a condition. */
    public boolean avoids(String regionId) {
        return avoid.contains(regionId) || conditions.stream().anyMatch(c -> c.rule().avoid().contains(regionId));
    }

    /** min(client cap, client cap for the region, every condition's cap for the region). */
    public double capFor(String regionId) {
        double cap = Math.min(maxIntensity, regionCaps.getOrDefault(regionId, HardLimits.MAX_INTENSITY));
        for (Condition c : conditions) cap = Math.min(cap, c.rule().capFor(regionId));
        return cap;
    }

    /** The firmest pressure band this person's conditions allow (the region's own limit applies on top). */
    public PressureBand pressureFor(String regionId) {
        PressureBand band = PressureBand.FIRM;
        for (Condition c : conditions) band = band.atMost(c.rule().maxPressure());
        return band;
    }

    public boolean needsConfirmation() {
        return !conditionsConfirmed && conditions.stream().anyMatch(c -> c.rule().confirm());
    }

    public Client withSofter(String regionId, double target) {
        SortedMap<String, Double> s = new TreeMap<>(softer);
        s.merge(regionId, target, Math::min);
        return new Client(id, name, maxIntensity, avoid, regionCaps, maxSession, weeklyTarget, notes, conditions, s, conditionsConfirmed, plan);
    }

    public Client withConditionsConfirmed(boolean confirmed) {
        return new Client(id, name, maxIntensity, avoid, regionCaps, maxSession, weeklyTarget, notes, conditions, softer, confirmed, plan);
    }

    /** The same client with another plan (null removes it). */
    public Client withPlan(Plan newPlan) {
        return new Client(id, name, maxIntensity, avoid, regionCaps, maxSession, weeklyTarget, notes, conditions, softer,
                conditionsConfirmed, newPlan);
    }
}
