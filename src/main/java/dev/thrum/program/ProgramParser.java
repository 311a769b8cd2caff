package dev.thrum.program;

import dev.thrum.pressure.PressureBand;

import dev.thrum.text.EditDistance;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and validates a program file (JSON text; the caller does the file I/O). Every problem found
 * is reported at once, each naming the file, the step, the JSON path and the line and column; a
 * program with any problem is refused whole.
 */
public final class ProgramParser {
    /** More repeats than this is almost certainly a typo, and would blow the session ceiling anyway. */
    static final int MAX_REPEAT = 10;
    /** Used when a step gives no rampUp: 10 s, or half the step when the step is shorter than 20 s. */
    static final Duration DEFAULT_RAMP = Duration.ofSeconds(10);

    private static final Set<String> TOP_KEYS = Set.of("id", "name", "author", "description", "steps");
    private static final Set<String> TREAT_KEYS = Set.of("region", "side", "duration", "target", "rampUp", "curve", "cue", "pressure", "pressureRamp");
    private static final Set<String> REST_KEYS = Set.of("rest", "cue");
    private static final Set<String> REPEAT_KEYS = Set.of("repeat", "steps");

    private final RegionCatalogue catalogue;

    public ProgramParser(RegionCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** @throws ValidationException listing every problem, when anything is wrong */
    public Program parse(String sourceName, String text) {
        JsonSource src = JsonSource.parse(sourceName, text);
        List<Problem> problems = new ArrayList<>();
        Program program = read(src, problems);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        return program;
    }

    private Program read(JsonSource src, List<Problem> problems) {
        JsonNode root = src.root();
        if (!root.isObject()) {
            problems.add(src.problem(null, "", "a program must be a JSON object with id, name and steps"));
            return null;
        }
        unknownKeys(src, null, "", root, TOP_KEYS, problems);
        String id = requiredText(src, null, "/id", root.get("id"), problems);
        if (id != null && !id.matches("[a-z0-9]+(-[a-z0-9]+)*"))
            problems.add(src.problem(null, "/id", "id '" + id + "' must be lower-case letters and digits joined by '-', like \"sciatica-relief\""));
        String name = requiredText(src, null, "/name", root.get("name"), problems);
        String author = optionalText(src, null, "/author", root.get("author"), problems);
        String description = optionalText(src, null, "/description", root.get("description"), problems);
        JsonNode stepsNode = root.get("steps");
        List<ProgramItem> steps = new ArrayList<>();
        if (stepsNode == null || !stepsNode.isArray() || stepsNode.isEmpty()) {
            problems.add(src.problem(null, "/steps", "\"steps\" must be a non-empty list of steps"));
        } else {
            for (int i = 0; i < stepsNode.size(); i++) {
                ProgramItem item = readItem(src, "step " + (i + 1), "/steps/" + i, stepsNode.get(i), true, problems);
                if (item != null) steps.add(item);
            }
        }
        if (!problems.isEmpty()) return null;
        if (steps.stream().noneMatch(ProgramParser::runsTheMotor))
            problems.add(src.problem(null, "/steps", "the program never runs the motor: every step is a rest or has"
                    + " \"target\": 0, so a session would be logged as completed without any treatment;"
                    + " add a step with a region and a target above 0"));
        Program program = new Program(id, name, author, description, steps);
        Duration total = program.totalDuration();
        if (total.compareTo(HardLimits.SESSION_CEILING) > 0)
            problems.add(src.problem(null, "/steps", "the program runs " + DurationText.format(total)
                    + " (both sides and repeats counted), over the session ceiling of "
                    + DurationText.format(HardLimits.SESSION_CEILING) + "; shorten steps or split it into two programs"));
        return program;
    }

    private static boolean runsTheMotor(ProgramItem item) {
        if (item instanceof ProgramItem.Treat t) return t.target() > 0;
        if (item instanceof ProgramItem.Repeat r) return r.steps().stream().anyMatch(ProgramParser::runsTheMotor);
        return false;
    }

    private ProgramItem readItem(JsonSource src, String step, String at, JsonNode node, boolean topLevel, List<Problem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(src.problem(step, at, "a step must be an object with \"region\", \"rest\" or \"repeat\""));
            return null;
        }
        int kinds = (node.has("region") ? 1 : 0) + (node.has("rest") ? 1 : 0) + (node.has("repeat") ? 1 : 0);
        if (kinds != 1) {
            problems.add(src.problem(step, at, kinds == 0
                    ? "a step needs \"region\" (treat a region), \"rest\" (motor stopped) or \"repeat\" (a block of steps)"
                    : "a step has exactly one of \"region\", \"rest\" or \"repeat\"; split it into separate steps"));
            return null;
        }
        if (node.has("rest")) return readRest(src, step, at, node, problems);
        if (node.has("repeat")) {
            if (!topLevel) {
                problems.add(src.problem(step, at + "/repeat", "a repeat cannot sit inside another repeat; write the inner steps out"));
                return null;
            }
            return readRepeat(src, step, at, node, problems);
        }
        return readTreat(src, step, at, node, problems);
    }

    private ProgramItem readRepeat(JsonSource src, String step, String at, JsonNode node, List<Problem> problems) {
        unknownKeys(src, step, at, node, REPEAT_KEYS, problems);
        JsonNode times = node.get("repeat");
        int n = 0;
        if (!times.canConvertToInt() || !times.isIntegralNumber() || times.asInt() < 1 || times.asInt() > MAX_REPEAT) {
            problems.add(src.problem(step, at + "/repeat", "\"repeat\" must be a whole number from 1 to " + MAX_REPEAT + ", got " + times));
        } else {
            n = times.asInt();
        }
        JsonNode inner = node.get("steps");
        List<ProgramItem> items = new ArrayList<>();
        if (inner == null || !inner.isArray() || inner.isEmpty()) {
            problems.add(src.problem(step, at + "/steps", "a repeat needs a non-empty \"steps\" list"));
            return null;
        }
        for (int j = 0; j < inner.size(); j++) {
            ProgramItem item = readItem(src, step + "." + (j + 1), at + "/steps/" + j, inner.get(j), false, problems);
            if (item != null) items.add(item);
        }
        return n == 0 ? null : new ProgramItem.Repeat(n, items);
    }

    private ProgramItem readRest(JsonSource src, String step, String at, JsonNode node, List<Problem> problems) {
        unknownKeys(src, step, at, node, REST_KEYS, problems);
        Duration d = duration(src, step, at + "/rest", node.get("rest"), problems);
        String cue = optionalText(src, step, at + "/cue", node.get("cue"), problems);
        if (d != null && d.isZero()) {
            problems.add(src.problem(step, at + "/rest", "a rest must last at least 1 second"));
            return null;
        }
        return d == null ? null : new ProgramItem.Rest(d, cue == null ? "Rest: motor stopped" : cue);
    }

    private ProgramItem readTreat(JsonSource src, String step, String at, JsonNode node, List<Problem> problems) {
        int before = problems.size();
        unknownKeys(src, step, at, node, TREAT_KEYS, problems);
        Region region = region(src, step, at + "/region", node.get("region"), problems);
        SideChoice side = side(src, step, at + "/side", node.get("side"), region, problems);

        Duration duration = null;
        if (node.get("duration") == null) problems.add(src.problem(step, at, "missing \"duration\" (seconds, or a string like \"90s\" or \"2m\")"));
        else duration = duration(src, step, at + "/duration", node.get("duration"), problems);
        if (duration != null && duration.isZero()) {
            problems.add(src.problem(step, at + "/duration", "a step must last at least 1 second"));
            duration = null;
        }
        if (duration != null && region != null && duration.compareTo(region.maxContinuous()) > 0)
            problems.add(src.problem(step, at + "/duration", DurationText.format(duration) + " is over the "
                    + DurationText.format(region.maxContinuous()) + " limit of continuous time on " + region.id()
                    + (region.hasSides() ? " (per side)" : "") + "; shorten it, or split it into two steps with a rest between"));

        double target = intensity(src, step, at + "/target", node.get("target"), problems);

        Duration ramp = null;
        if (node.get("rampUp") != null) {
            ramp = duration(src, step, at + "/rampUp", node.get("rampUp"), problems);
            if (ramp != null && duration != null && ramp.compareTo(duration) > 0)
                problems.add(src.problem(step, at + "/rampUp", "the ramp-up (" + DurationText.format(ramp)
                        + ") is longer than the step (" + DurationText.format(duration) + "); shorten the ramp or lengthen the step"));
        } else if (duration != null) {
            ramp = duration.dividedBy(2).compareTo(DEFAULT_RAMP) < 0 ? duration.dividedBy(2) : DEFAULT_RAMP;
        }
        RampCurve curve = curve(src, step, at + "/curve", node.get("curve"), problems);
        String cue = optionalText(src, step, at + "/cue", node.get("cue"), problems);
        PressureBand pressure = pressure(src, step, at + "/pressure", node.get("pressure"), region, problems);
        Duration pressureRamp = null;
        if (node.get("pressureRamp") != null) {
            pressureRamp = duration(src, step, at + "/pressureRamp", node.get("pressureRamp"), problems);
            if (pressureRamp != null && duration != null && pressureRamp.compareTo(duration) > 0)
                problems.add(src.problem(step, at + "/pressureRamp", "the pressure ramp (" + DurationText.format(pressureRamp)
                        + ") is longer than the step (" + DurationText.format(duration) + "); shorten it or lengthen the step"));
        }
        if (problems.size() > before || region == null || duration == null || ramp == null) return null;
        return new ProgramItem.Treat(region.id(), side, duration, target, ramp, curve, cue == null ? region.cue() : cue,
                pressure, pressureRamp);
    }

    private Region region(JsonSource src, String step, String at, JsonNode node, List<Problem> problems) {
        String id = requiredText(src, step, at, node, problems);
        if (id == null) return null;
        Region region = catalogue.find(id).orElse(null);
        if (region == null) {
            problems.add(src.problem(step, at, catalogue.unknownMessage(id)));
            return null;
        }
        if (region.blocked()) {
            problems.add(src.problem(step, at, "region '" + id + "' (" + region.name()
                    + ") is blocked: Thrum never runs the gun there (see docs/safety.md); remove this step"));
            return null;
        }
        return region;
    }

    private SideChoice side(JsonSource src, String step, String at, JsonNode node, Region region, List<Problem> problems) {
        if (node == null) return region == null || region.hasSides() ? SideChoice.BOTH : SideChoice.NONE;
        String text = node.isTextual() ? node.asText().toLowerCase(Locale.ROOT) : "";
        SideChoice side = switch (text) {
            case "left" -> SideChoice.LEFT;
            case "right" -> SideChoice.RIGHT;
            case "both" -> SideChoice.BOTH;
            default -> null;
        };
        if (side == null) {
            problems.add(src.problem(step, at, "\"side\" must be \"left\", \"right\" or \"both\", got " + node));
            return null;
        }
        if (region != null && !region.hasSides()) {
            problems.add(src.problem(step, at, "region '" + region.id() + "' has no sides; remove \"side\""));
            return null;
        }
        return side;
    }

    private double intensity(JsonSource src, String step, String at, JsonNode node, List<Problem> problems) {
        if (node == null) {
            problems.add(src.problem(step, at, "missing \"target\": the intensity to ramp up to, from 0 to 1 (0.4 is gentle)"));
            return 0;
        }
        if (!node.isNumber() || !(node.asDouble() >= 0 && node.asDouble() <= 1)) {
            problems.add(src.problem(step, at, "\"target\" must be a number from 0 to 1 (a share of the device's range), got " + node));
            return 0;
        }
        return node.asDouble();
    }

    /** "light", "medium" or "firm", never above what the region allows; null when not given. */
    private static PressureBand pressure(JsonSource src, String step, String at, JsonNode node, Region region, List<Problem> problems) {
        if (node == null) return null;
        PressureBand band = node.isTextual() ? PressureBand.fromId(node.asText()).orElse(null) : null;
        if (band == null) {
            problems.add(src.problem(step, at, "\"pressure\" must be \"light\", \"medium\" or \"firm\", got " + node));
            return null;
        }
        if (region != null && band.compareTo(region.maxPressure()) > 0) {
            problems.add(src.problem(step, at, region.name() + " allows " + region.maxPressure().id()
                    + " pressure at most (see docs/pressure.md); ask for \"" + region.maxPressure().id() + "\""));
            return null;
        }
        return band;
    }

    private RampCurve curve(JsonSource src, String step, String at, JsonNode node, List<Problem> problems) {
        if (node == null) return RampCurve.LINEAR;
        String text = node.isTextual() ? node.asText() : "";
        for (RampCurve c : RampCurve.values()) {
            if (curveKey(c).equals(text)) return c;
        }
        problems.add(src.problem(step, at, "\"curve\" must be \"linear\", \"ease-in\" or \"s-curve\", got " + node));
        return RampCurve.LINEAR;
    }

    /** The file spelling of a curve: linear, ease-in, s-curve. */
    public static String curveKey(RampCurve c) {
        return c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Duration duration(JsonSource src, String step, String at, JsonNode node, List<Problem> problems) {
        if (node == null) {
            problems.add(src.problem(step, at, "missing duration (seconds, or a string like \"90s\" or \"2m\")"));
            return null;
        }
        if (node.isIntegralNumber() && node.asLong() >= 0 && node.asLong() <= 86_400) return Duration.ofSeconds(node.asLong());
        if (node.isTextual()) {
            try {
                return DurationText.parse(node.asText());
            } catch (IllegalArgumentException e) {
                problems.add(src.problem(step, at, e.getMessage()));
                return null;
            }
        }
        problems.add(src.problem(step, at, node + " is not a duration; write whole seconds (90) or a string like \"90s\", \"2m\" or \"1m30s\""));
        return null;
    }

    private static String requiredText(JsonSource src, String step, String at, JsonNode node, List<Problem> problems) {
        String key = at.substring(at.lastIndexOf('/') + 1);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            problems.add(src.problem(step, at, node == null ? "missing \"" + key + "\"" : "\"" + key + "\" must be a non-empty string, got " + node));
            return null;
        }
        return node.asText().trim();
    }

    private static String optionalText(JsonSource src, String step, String at, JsonNode node, List<Problem> problems) {
        if (node == null || node.isNull()) return null;
        if (!node.isTextual()) {
            String key = at.substring(at.lastIndexOf('/') + 1);
            problems.add(src.problem(step, at, "\"" + key + "\" must be a string, got " + node));
            return null;
        }
        return node.asText();
    }

    static void unknownKeys(JsonSource src, String step, String at, JsonNode node, Set<String> allowed, List<Problem> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (allowed.contains(key)) continue;
            String near = allowed.stream().min((a, b) -> EditDistance.between(key, a) - EditDistance.between(key, b)).orElse("");
            String hint = EditDistance.between(key.toLowerCase(Locale.ROOT), near.toLowerCase(Locale.ROOT)) <= 3
                    ? "; did you mean \"" + near + "\"?" : "";
            problems.add(src.problem(step, at + "/" + key, "unknown key \"" + key + "\"" + hint
                    + " (allowed here: " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
        }
    }
}
