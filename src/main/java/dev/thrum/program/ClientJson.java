package dev.thrum.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The client file format (one JSON object per client), both directions. No I/O: text in, text out. */
public final class ClientJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> KEYS = Set.of("id", "name", "maxIntensity", "avoid", "regionCaps", "maxSession",
            "weeklyTarget", "notes", "conditions", "softer", "conditionsConfirmed", "plan");

    private ClientJson() {}

    public static String write(Client c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", c.id());
        o.put("name", c.name());
        o.put("maxIntensity", c.maxIntensity());
        ArrayNode avoid = o.putArray("avoid");
        c.avoid().forEach(avoid::add);
        ObjectNode caps = o.putObject("regionCaps");
        c.regionCaps().forEach(caps::put);
        if (c.maxSession() != null) o.put("maxSession", DurationText.format(c.maxSession()));
        o.put("weeklyTarget", c.weeklyTarget());
        o.put("notes", c.notes());
        ArrayNode conditions = o.putArray("conditions");
        c.conditions().forEach(k -> conditions.add(k.key()));
        ObjectNode softer = o.putObject("softer");
        c.softer().forEach(softer::put);
        o.put("conditionsConfirmed", c.conditionsConfirmed());
        if (c.plan() != null) PlanJson.write(c.plan(), o.putObject("plan"));
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param catalogue the regions a limit may name: a limit on a region Thrum does not know would
     *                  never be applied, so it is refused here, with the nearest known ids
     * @throws ValidationException naming the file and the field
     */
    public static Client read(String sourceName, String text, RegionCatalogue catalogue) {
        JsonSource src = JsonSource.parse(sourceName, text);
        JsonNode root = src.root();
        List<Problem> problems = new ArrayList<>();
        if (!root.isObject()) throw new ValidationException(src.problem(null, "", "a client file is one JSON object"));
        ProgramParser.unknownKeys(src, null, "", root, KEYS, problems);
        JsonNode nameNode = root.get("name");
        String name = nameNode != null && nameNode.isTextual() ? nameNode.asText() : "";
        if (name.isBlank()) problems.add(src.problem(null, "/name", nameNode == null ? "missing \"name\""
                : "\"name\" must be a non-empty text, got " + nameNode));
        String id = null;
        JsonNode idNode = root.get("id");
        if (idNode != null && !idNode.isNull()) {
            if (idNode.isTextual() && idNode.asText().matches("[a-z0-9]+(-[a-z0-9]+)*")) id = idNode.asText();
            else problems.add(src.problem(null, "/id", "\"id\" must be lower-case words joined by '-', like \"ann-smith\", got " + idNode));
        }
        double max = fraction(src, "/maxIntensity", root.get("maxIntensity"), 1.0, problems);
        Set<String> avoid = new LinkedHashSet<>();
        JsonNode a = root.get("avoid");
        if (a != null && !a.isArray()) problems.add(src.problem(null, "/avoid", "\"avoid\" must be a list of region ids"));
        else if (a != null) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode n = a.get(i);
                if (!n.isTextual()) problems.add(src.problem(null, "/avoid/" + i, "each entry of \"avoid\" must be a region id, got " + n));
                else if (knownRegion(src, "/avoid/" + i, n.asText(), catalogue, problems)) avoid.add(n.asText());
            }
        }
        Map<String, Double> caps = fractions(src, "/regionCaps", root.get("regionCaps"), catalogue, problems);
        Map<String, Double> softer = fractions(src, "/softer", root.get("softer"), catalogue, problems);
        Duration maxSession = null;
        JsonNode ms = root.get("maxSession");
        if (ms != null && !ms.isNull()) {
            try {
                maxSession = ms.isIntegralNumber() ? Duration.ofSeconds(ms.asLong()) : ms.isTextual() ? DurationText.parse(ms.asText()) : null;
                if (maxSession == null || maxSession.isZero() || maxSession.isNegative()) {
                    problems.add(src.problem(null, "/maxSession", "\"maxSession\" must be a duration above 0, like \"20m\", got " + ms));
                    maxSession = null;
                }
            } catch (IllegalArgumentException e) {
                problems.add(src.problem(null, "/maxSession", e.getMessage()));
            }
        }
        int weekly = 0;
        JsonNode w = root.get("weeklyTarget");
        if (w != null && !w.isNull()) {
            if (w.isIntegralNumber() && w.canConvertToInt() && w.intValue() >= 0 && w.intValue() <= 21) weekly = w.intValue();
            else problems.add(src.problem(null, "/weeklyTarget", "\"weeklyTarget\" must be a whole number of sessions per week from 0 to 21, got " + w));
        }
        Set<Condition> conditions = EnumSet.noneOf(Condition.class);
        JsonNode cs = root.get("conditions");
        if (cs != null && cs.isArray()) {
            for (int i = 0; i < cs.size(); i++) {
                String key = cs.get(i).asText();
                int at = i;
                Condition.fromKey(key).ifPresentOrElse(conditions::add, () -> problems.add(src.problem(null, "/conditions/" + at,
                        "unknown condition '" + key + "'; known: " + String.join(", ", conditionKeys()))));
            }
        } else if (cs != null) {
            problems.add(src.problem(null, "/conditions", "\"conditions\" must be a list"));
        }
        JsonNode cc = root.get("conditionsConfirmed");
        if (cc != null && !cc.isNull() && !cc.isBoolean())
            problems.add(src.problem(null, "/conditionsConfirmed", "\"conditionsConfirmed\" must be true or false, got " + cc));
        boolean confirmed = cc != null && cc.isBoolean() && cc.booleanValue();
        JsonNode p = root.get("plan");
        Plan plan = p == null || p.isNull() ? null : PlanJson.read(src, "/plan", p, problems);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        try {
            return new Client(id, name, max, avoid, caps, maxSession, weekly, root.path("notes").asText(""), conditions, softer,
                    confirmed, plan);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(Problem.of(sourceName, e.getMessage()));
        }
    }

    public static List<String> conditionKeys() {
        return java.util.Arrays.stream(Condition.values()).map(Condition::key).toList();
    }

    private static double fraction(JsonSource src, String at, JsonNode n, double fallback, List<Problem> problems) {
        if (n == null || n.isNull()) return fallback;
        if (!n.isNumber() || !(n.asDouble() >= 0 && n.asDouble() <= 1)) {
            problems.add(src.problem(null, at, "must be a number from 0 to 1, got " + n));
            return fallback;
        }
        return n.asDouble();
    }

    private static boolean knownRegion(JsonSource src, String at, String id, RegionCatalogue catalogue, List<Problem> problems) {
        if (catalogue.find(id).isPresent()) return true;
        problems.add(src.problem(null, at, catalogue.unknownMessage(id) + "; a limit on an unknown region would never be applied"));
        return false;
    }

    private static Map<String, Double> fractions(JsonSource src, String at, JsonNode n, RegionCatalogue catalogue, List<Problem> problems) {
        Map<String, Double> out = new TreeMap<>();
        if (n == null || n.isNull()) return out;
        if (!n.isObject()) {
            problems.add(src.problem(null, at, "must be an object of region id to a number from 0 to 1"));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (knownRegion(src, at + "/" + key, key, catalogue, problems))
                out.put(key, fraction(src, at + "/" + key, e.getValue(), 0, problems));
        }
        return out;
    }
}
