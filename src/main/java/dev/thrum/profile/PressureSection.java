package dev.thrum.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.pressure.ForceRange;
import dev.thrum.pressure.ForceScale;
import dev.thrum.pressure.PressureBand;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a profile's optional {@code "pressure"} section: what its status field {@code force} means.
 * <pre>
 * "pressure": {"unit": "lbf", "stall": 60, "bands": {"light": [0, 15], "medium": [15, 30], "firm": [30, 45]}}
 * </pre>
 * {@code unit} is {@code N} or {@code lbf}; {@code stall} is the top of the useful range in that unit;
 * {@code bands} is optional (defaults: shares of the stall force, see {@link ForceScale}); any band it
 * names replaces the default one, and the bands must not overlap out of order.
 */
final class PressureSection {

    private PressureSection() {}

    static ForceScale read(ProfileChecks c, JsonNode root, boolean hasForceField) {
        JsonNode n = c.object(root, "$", "pressure", false);
        if (n == null) return null;
        c.onlyKeys(n, "$.pressure", List.of("unit", "stall", "bands"));
        if (!hasForceField) {
            c.at("$.pressure", "\"pressure\" describes the status field \"force\", but no status frame has one;"
                    + " add a \"force\" field to a status frame or remove \"pressure\"");
        }
        String unitText = c.string(n, "$.pressure", "unit", true);
        ForceScale.Unit unit = null;
        if (unitText != null) {
            unit = ForceScale.Unit.fromSymbol(unitText).orElse(null);
            if (unit == null) c.at("$.pressure.unit", "unknown force unit '" + unitText + "'; use N or lbf");
        }
        Double stall = positive(c, n.get("stall"), "$.pressure.stall", "stall");
        if (n.get("stall") == null) c.at("$.pressure", "missing \"stall\" (the top of the device's useful force range, in its unit)");
        if (unit == null || stall == null) return null;
        ForceScale defaults = ForceScale.withDefaultBands(unit, stall);
        Map<PressureBand, ForceRange> bands = new EnumMap<>(defaults.bands());
        JsonNode b = c.object(n, "$.pressure", "bands", false);
        if (b != null) {
            c.onlyKeys(b, "$.pressure.bands", Arrays.stream(PressureBand.values()).map(PressureBand::id).toList());
            for (PressureBand band : PressureBand.values()) {
                JsonNode range = b.get(band.id());
                if (range == null) continue;
                ForceRange r = range(c, range, "$.pressure.bands." + band.id(), unit);
                if (r != null) bands.put(band, r);
            }
            ForceRange light = bands.get(PressureBand.LIGHT), medium = bands.get(PressureBand.MEDIUM), firm = bands.get(PressureBand.FIRM);
            if (light.low() > medium.low() || medium.low() > firm.low() || light.high() > medium.high() || medium.high() > firm.high()) {
                c.at("$.pressure.bands", "the bands must go from gentle to firm: light below medium below firm");
            }
        }
        return new ForceScale(unit, unit.newtons(), stall * unit.newtons(), bands);
    }

    private static ForceRange range(ProfileChecks c, JsonNode n, String path, ForceScale.Unit unit) {
        if (!n.isArray() || n.size() != 2 || !n.get(0).isNumber() || !n.get(1).isNumber()) {
            c.at(path, "a band is a list of two numbers [low, high] in the profile's force unit, like [15, 30]");
            return null;
        }
        double low = n.get(0).doubleValue(), high = n.get(1).doubleValue();
        if (!(low >= 0) || !(high > low) || !Double.isFinite(high)) {
            c.at(path, "the band [" + n.get(0) + ", " + n.get(1) + "] must have 0 <= low < high");
            return null;
        }
        return new ForceRange(low * unit.newtons(), high * unit.newtons());
    }

    private static Double positive(ProfileChecks c, JsonNode n, String path, String what) {
        if (n == null) return null;
        if (!n.isNumber() || !(n.doubleValue() > 0) || !Double.isFinite(n.doubleValue()) || n.doubleValue() > 10_000) {
            c.at(path, "\"" + what + "\" must be a number above 0 (and at most 10000), not " + n);
            return null;
        }
        return n.doubleValue();
    }
}
