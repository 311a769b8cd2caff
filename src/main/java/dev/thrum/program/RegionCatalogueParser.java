package dev.thrum.program;

import dev.thrum.pressure.PressureBand;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the region catalogue ({@code {"regions": [...]}}) and applies a user's override file on top.
 * An override may add regions and tighten existing ones (lower cap, shorter time, block); it may
 * never loosen a region or lift a hard ceiling. Any problem refuses the whole file.
 */
public final class RegionCatalogueParser {
    private static final Set<String> TOP_KEYS = Set.of("regions");
    private static final Set<String> REGION_KEYS = Set.of("id", "name", "sides", "cap", "maxContinuous", "cue", "blocked", "maxPressure");

    private RegionCatalogueParser() {}

    /** The built-in catalogue: every region must be complete. */
    public static RegionCatalogue parse(String sourceName, String text) {
        return apply(null, sourceName, text);
    }

    /** {@code base} tightened and extended by the override file {@code text}. */
    public static RegionCatalogue override(RegionCatalogue base, String sourceName, String text) {
        return apply(base, sourceName, text);
    }

    private static RegionCatalogue apply(RegionCatalogue base, String sourceName, String text) {
        JsonSource src = JsonSource.parse(sourceName, text);
        List<Problem> problems = new ArrayList<>();
        JsonNode root = src.root();
        JsonNode list = root.get("regions");
        if (!root.isObject() || list == null || !list.isArray()) {
            throw new ValidationException(src.problem(null, "", "a region catalogue is an object {\"regions\": [ ... ]}"));
        }
        ProgramParser.unknownKeys(src, null, "", root, TOP_KEYS, problems);
        Map<String, Region> regions = new LinkedHashMap<>();
        if (base != null) base.all().forEach(r -> regions.put(r.id(), r));
        for (int i = 0; i < list.size(); i++) {
            String at = "/regions/" + i;
            String label = "region " + (i + 1);
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                problems.add(src.problem(label, at, "each region is an object with at least \"id\""));
                continue;
            }
            ProgramParser.unknownKeys(src, label, at, node, REGION_KEYS, problems);
            JsonNode idNode = node.get("id");
            if (idNode == null || !idNode.isTextual()) {
                problems.add(src.problem(label, at + "/id", "missing \"id\""));
                continue;
            }
            String id = idNode.asText();
            Region old = base == null ? null : regions.get(id);
            Region merged = merge(src, label, at, node, old, problems);
            if (merged == null) continue;
            if (base == null && regions.containsKey(id)) {
                problems.add(src.problem(label, at + "/id", "region '" + id + "' is listed twice"));
                continue;
            }
            regions.put(id, merged);
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
        try {
            return new RegionCatalogue(regions.values());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(Problem.of(sourceName, e.getMessage()));
        }
    }

    private static Region merge(JsonSource src, String label, String at, JsonNode node, Region old, List<Problem> problems) {
        int before = problems.size();
        String id = node.get("id").asText();
        String name = text(node, "name", old == null ? null : old.name());
        String cue = text(node, "cue", old == null ? "" : old.cue());
        Boolean sides = flag(node, "sides", old == null ? null : old.hasSides());
        Boolean blocked = flag(node, "blocked", old == null ? Boolean.FALSE : old.blocked());
        Double cap = null;
        if (node.has("cap")) {
            JsonNode c = node.get("cap");
            if (c.isNumber() && c.asDouble() >= 0 && c.asDouble() <= HardLimits.MAX_INTENSITY) cap = c.asDouble();
            else problems.add(src.problem(label, at + "/cap", "\"cap\" must be a number from 0 to 1, got " + c));
        } else if (old != null) cap = old.cap();
        Duration max = null;
        if (node.has("maxContinuous")) {
            JsonNode m = node.get("maxContinuous");
            try {
                max = m.isIntegralNumber() ? Duration.ofSeconds(m.asLong()) : DurationText.parse(m.asText());
            } catch (IllegalArgumentException e) {
                problems.add(src.problem(label, at + "/maxContinuous", e.getMessage()));
            }
            if (max != null && (max.isZero() || max.isNegative() || max.compareTo(HardLimits.MAX_CONTINUOUS) > 0)) {
                problems.add(src.problem(label, at + "/maxContinuous", "\"maxContinuous\" must be above 0 and at most "
                        + DurationText.format(HardLimits.MAX_CONTINUOUS) + " (a hard ceiling), got " + m));
                max = null;
            }
        } else if (old != null) max = old.maxContinuous();
        PressureBand maxPressure = old == null ? PressureBand.FIRM : old.maxPressure();
        if (node.has("maxPressure")) {
            JsonNode p = node.get("maxPressure");
            maxPressure = p.isTextual() ? PressureBand.fromId(p.asText()).orElse(null) : null;
            if (maxPressure == null)
                problems.add(src.problem(label, at + "/maxPressure", "\"maxPressure\" must be \"light\", \"medium\" or \"firm\", got " + p));
            else if (old != null && maxPressure.compareTo(old.maxPressure()) > 0)
                problems.add(src.problem(label, at + "/maxPressure", "an override may only lower the pressure; '" + id
                        + "' allows " + old.maxPressure().id() + " at most"));
        }

        if (name == null) problems.add(src.problem(label, at, "missing \"name\" for new region '" + id + "'"));
        if (sides == null) problems.add(src.problem(label, at + "/sides", "\"sides\" must be true or false"
                + (node.has("sides") ? ", got " + node.get("sides") : "")));
        if (blocked == null) problems.add(src.problem(label, at + "/blocked", "\"blocked\" must be true or false (without quotes), got " + node.get("blocked")));
        if (cap == null && !node.has("cap")) problems.add(src.problem(label, at, "missing \"cap\" for new region '" + id + "'"));
        if (max == null && !node.has("maxContinuous")) problems.add(src.problem(label, at, "missing \"maxContinuous\" for new region '" + id + "'"));
        if (old != null) {
            // an override may only make things safer
            if (cap != null && cap > old.cap())
                problems.add(src.problem(label, at + "/cap", "an override may only lower a cap; '" + id + "' has cap " + old.cap()));
            if (max != null && max.compareTo(old.maxContinuous()) > 0)
                problems.add(src.problem(label, at + "/maxContinuous", "an override may only shorten the time; '" + id
                        + "' allows " + DurationText.format(old.maxContinuous())));
            if (Boolean.FALSE.equals(blocked) && old.blocked())
                problems.add(src.problem(label, at + "/blocked", "region '" + id + "' is blocked and an override cannot unblock it"));
            if (sides != null && sides != old.hasSides())
                problems.add(src.problem(label, at + "/sides", "an override cannot change whether '" + id + "' has sides"));
        }
        if (problems.size() > before) return null;
        try {
            return new Region(id, name, sides, cap, max, cue, blocked, maxPressure);
        } catch (IllegalArgumentException e) {
            problems.add(src.problem(label, at, e.getMessage()));
            return null;
        }
    }

    /**
     * {@code true}/{@code false} at {@code key}; the fallback when the key is absent; null (a problem)
     * when it holds anything else. Written out rather than as a nested conditional, whose mix of
     * Boolean and boolean unboxed a null and threw.
     */
    private static Boolean flag(JsonNode node, String key, Boolean fallback) {
        JsonNode n = node.get(key);
        if (n == null) return fallback;
        return n.isBoolean() ? Boolean.valueOf(n.booleanValue()) : null;
    }

    private static String text(JsonNode node, String key, String fallback) {
        JsonNode n = node.get(key);
        return n != null && n.isTextual() ? n.asText() : fallback;
    }
}
