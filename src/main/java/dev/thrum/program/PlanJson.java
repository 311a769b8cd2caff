package dev.thrum.program;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The {@code "plan"} object of a client file, both directions (docs/plans.md). No I/O. */
public final class PlanJson {
    static final Set<String> KEYS = Set.of("programs", "days", "timesPerWeek", "at", "from", "until");

    private PlanJson() {}

    public static void write(Plan plan, ObjectNode into) {
        ArrayNode programs = into.putArray("programs");
        plan.programs().forEach(programs::add);
        if (plan.flexible()) {
            into.put("timesPerWeek", plan.timesPerWeek());
        } else {
            ArrayNode days = into.putArray("days");
            plan.days().forEach(d -> days.add(dayKey(d)));
        }
        if (plan.at() != null) into.put("at", plan.at().toString());
        into.put("from", plan.from().toString());
        if (plan.until() != null) into.put("until", plan.until().toString());
    }

    /**
     * Reads the plan at JSON pointer {@code at} ("/plan" in a client file, "" for an API body).
     * Problems are added to {@code problems}, each naming the field and the fix; null when any.
     */
    public static Plan read(JsonSource src, String at, JsonNode n, List<Problem> problems) {
        int before = problems.size();
        if (!n.isObject()) {
            problems.add(src.problem(null, at, "\"plan\" must be an object like {\"programs\":[\"neck-relief\"],"
                    + "\"days\":[\"mon\",\"wed\",\"fri\"],\"at\":\"18:00\",\"from\":\"2026-03-01\"}"));
            return null;
        }
        ProgramParser.unknownKeys(src, null, at, n, KEYS, problems);
        List<String> programs = new ArrayList<>();
        JsonNode ps = n.get("programs");
        if (ps == null || !ps.isArray() || ps.isEmpty()) {
            problems.add(src.problem(null, at + "/programs", "\"programs\" must be a non-empty list of program ids "
                    + "(see 'thrum programs list')"));
        } else {
            for (int i = 0; i < ps.size(); i++) {
                if (!ps.get(i).isTextual() || ps.get(i).asText().isBlank())
                    problems.add(src.problem(null, at + "/programs/" + i, "must be a program id (a string)"));
                else programs.add(ps.get(i).asText());
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        JsonNode ds = n.get("days");
        if (ds != null && !ds.isNull()) {
            if (!ds.isArray()) problems.add(src.problem(null, at + "/days", "\"days\" must be a list like [\"mon\",\"wed\",\"fri\"]"));
            else for (int i = 0; i < ds.size(); i++) {
                DayOfWeek d = day(ds.get(i).asText());
                if (d == null) problems.add(src.problem(null, at + "/days/" + i, "unknown weekday '" + ds.get(i).asText()
                        + "'; use mon, tue, wed, thu, fri, sat or sun"));
                else days.add(d);
            }
        }
        int times = 0;
        JsonNode t = n.get("timesPerWeek");
        if (t != null && !t.isNull()) {
            if (!t.isIntegralNumber() || t.asInt() < 1 || t.asInt() > 7)
                problems.add(src.problem(null, at + "/timesPerWeek", "\"timesPerWeek\" must be a whole number from 1 to 7, got " + t));
            else times = t.asInt();
        }
        boolean hasDays = ds != null && !ds.isNull(), hasTimes = t != null && !t.isNull();
        if (hasDays == hasTimes)
            problems.add(src.problem(null, at, hasDays
                    ? "give either \"days\" or \"timesPerWeek\", not both"
                    : "say when: \"days\" (for example [\"mon\",\"wed\",\"fri\"]) or \"timesPerWeek\" (1 to 7)"));
        else if (hasDays && days.isEmpty() && ds.isArray() && ds.isEmpty())
            problems.add(src.problem(null, at + "/days", "\"days\" must name at least one weekday"));
        LocalTime time = null;
        JsonNode a = n.get("at");
        if (a != null && !a.isNull()) {
            time = time(a.asText());
            if (time == null) problems.add(src.problem(null, at + "/at", "\"at\" must be a time of day HH:MM (24-hour), got '" + a.asText() + "'"));
        }
        LocalDate from = date(src, at + "/from", n.get("from"), problems);
        if (from == null && (n.get("from") == null || n.get("from").isNull()))
            problems.add(src.problem(null, at + "/from", "missing \"from\": the plan's first day, YYYY-MM-DD"));
        LocalDate until = date(src, at + "/until", n.get("until"), problems);
        if (from != null && until != null && until.isBefore(from))
            problems.add(src.problem(null, at + "/until", "\"until\" (" + until + ") is before \"from\" (" + from + ")"));
        if (problems.size() > before) return null;
        return new Plan(programs, days, times, time, from, until);
    }

    /** "mon", "Monday", "MO" (any case) to a weekday; null when it is none. */
    public static DayOfWeek day(String s) {
        String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (k.length() < 2) return null;
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (full.startsWith(k) && (k.length() >= 3 || k.equals(full.substring(0, 2)))) return d;
        }
        return null;
    }

    public static String dayKey(DayOfWeek d) {
        return d.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    /** "18:00" or "7:30" to a time; null when it is not one. */
    public static LocalTime time(String s) {
        if (s == null || !s.trim().matches("\\d{1,2}:\\d{2}")) return null;
        String[] hm = s.trim().split(":");
        int h = Integer.parseInt(hm[0]), m = Integer.parseInt(hm[1]);
        return h < 24 && m < 60 ? LocalTime.of(h, m) : null;
    }

    private static LocalDate date(JsonSource src, String at, JsonNode n, List<Problem> problems) {
        if (n == null || n.isNull()) return null;
        try {
            return LocalDate.parse(n.asText());
        } catch (DateTimeParseException e) {
            problems.add(src.problem(null, at, "must be a date YYYY-MM-DD, got '" + n.asText() + "'"));
            return null;
        }
    }
}
