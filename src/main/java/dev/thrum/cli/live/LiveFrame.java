package dev.thrum.cli.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.text.PressureLine;
import dev.thrum.engine.SessionState;
import dev.thrum.engine.SessionView;
import dev.thrum.program.Side;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What the live view shows at one moment, whether the session runs in this process
 * ({@link #of(SessionView, String, String, String, UnaryOperator, String)}) or in the daemon
 * ({@link #ofJson}): one screen for both, so a run through the daemon looks the same as a local one.
 * Text fields are raw here; {@link LiveLayout} makes them terminal-safe.
 *
 * @param stepNumber     the step, counted from 1 as everywhere a person reads it
 * @param state          running, paused, finished (from {@link SessionState})
 * @param phaseText      what the motor does now: "ramping up", "holding", "rest", "PAUSED (user)"
 * @param countdown      whole seconds left of a get-ready countdown (motor still), or null
 * @param countdownKind  "start", "region" or "side", or null
 * @param placement      where to place the gun (the region's own cue), or null
 * @param motorText      the commanded intensity in words ("40% (1880 rpm)" or "stopped")
 * @param pressure       the pressure line ("light: hold this pressure (9 lbf)"), or null while no step runs
 */
public record LiveFrame(String program, String device, Integer battery, boolean linkDown,
                        int stepNumber, int stepCount, String region, String side, boolean rest,
                        String state, String phaseText, Integer countdown, String countdownKind,
                        double stepRemainingSeconds, double sessionElapsedSeconds, double sessionPlannedSeconds,
                        double overallProgress, String cue, String placement,
                        double commanded, double target, double cap, String motorText, String lastEvent,
                        String pressure) {

    public boolean paused() { return "PAUSED".equals(state); }

    /** From the engine's view of a session running in this process. */
    public static LiveFrame of(SessionView v, String program, String device, String unit,
                               UnaryOperator<String> placementOf, String lastEvent) {
        String motor = v.commandedValue() == null ? "stopped"
                : percent(v.commandedIntensity()) + " (" + v.commandedValue() + (unit == null ? "" : " " + unit) + ")";
        Integer countdown = v.countdown() == null ? null : (int) Math.ceil(v.countdown().toMillis() / 1000.0);
        return new LiveFrame(program, device, v.battery(), v.linkDown(), v.stepIndex() + 1, v.stepCount(),
                v.rest() ? "Rest" : v.regionName(), sideWord(v.side()), v.rest(), v.state().name(),
                phaseText(v.state().name(), v.phase().name(), v.pauseReason() == null ? null : v.pauseReason().name()),
                countdown, v.countdownKind() == null ? null : v.countdownKind().toString(),
                v.stepRemaining().toMillis() / 1000.0, v.activeTime().toMillis() / 1000.0,
                v.plannedDuration().toMillis() / 1000.0, v.overallProgress(), v.cue(),
                v.rest() || v.regionId() == null ? null : placementOf.apply(v.regionId()),
                v.commandedIntensity(), v.targetIntensity(), v.cap(), motor, lastEvent, null);
    }

    /** From the daemon's {@code GET /session} answer ({@code view}: the same fields, durations in seconds). */
    public static LiveFrame ofJson(JsonNode session, String program, String device, String unit,
                                   UnaryOperator<String> placementOf, String lastEvent) {
        JsonNode v = session.path("view");
        boolean rest = v.path("rest").asBoolean();
        String regionId = v.path("regionId").isTextual() ? v.path("regionId").asText() : null;
        Integer commandedValue = v.path("commandedValue").isNumber() ? v.path("commandedValue").asInt() : null;
        String motor = commandedValue == null ? "stopped"
                : percent(v.path("commandedIntensity").asDouble()) + " (" + commandedValue + (unit == null ? "" : " " + unit) + ")";
        JsonNode cd = session.path("countdown");
        return new LiveFrame(program, device, v.path("battery").isNumber() ? v.path("battery").asInt() : null,
                v.path("linkDown").asBoolean(), v.path("stepIndex").asInt() + 1, v.path("stepCount").asInt(),
                rest ? "Rest" : text(v, "regionName"), sideWord(text(v, "side")), rest, text(v, "state"),
                phaseText(text(v, "state"), text(v, "phase"), text(v, "pauseReason")),
                cd.isNumber() ? cd.asInt() : null, text(v, "countdownKind"),
                v.path("stepRemaining").asDouble(), v.path("activeTime").asDouble(), v.path("plannedDuration").asDouble(),
                v.path("overallProgress").asDouble(), text(v, "cue"),
                rest || regionId == null ? null : placementOf.apply(regionId),
                v.path("commandedIntensity").asDouble(), v.path("targetIntensity").asDouble(), v.path("cap").asDouble(),
                motor, lastEvent, pressureLine(session.path("pressure")));
    }

    /** The same frame with a pressure line (for a session running in this process, from its PressureView). */
    public LiveFrame withPressure(String line) {
        return new LiveFrame(program, device, battery, linkDown, stepNumber, stepCount, region, side, rest, state, phaseText,
                countdown, countdownKind, stepRemainingSeconds, sessionElapsedSeconds, sessionPlannedSeconds, overallProgress,
                cue, placement, commanded, target, cap, motorText, lastEvent, line);
    }

    /** "light: hold this pressure (9 lbf)" from the daemon's pressure object; null when there is none. */
    public static String pressureLine(JsonNode p) {
        if (!p.isObject() || !p.path("band").isTextual()) return null;
        return PressureLine.of(p.path("band").asText(), p.path("advice").asText(""), p.path("words").asText(""),
                p.path("shown").isTextual() ? p.path("shown").asText() : null, p.path("unit").isTextual());
    }


    private static String text(JsonNode n, String field) {
        JsonNode f = n.path(field);
        return f.isTextual() ? f.asText() : null;
    }

    static String phaseText(String state, String phase, String pauseReason) {
        if ("PAUSED".equals(state))
            return "PAUSED (" + (pauseReason == null ? "" : words(pauseReason)) + ")";
        if ("FINISHED".equals(state)) return "finished";
        if (phase == null) return "";
        return switch (phase) {
            case "GET_READY" -> "get ready";
            case "RAMP_UP" -> "ramping up";
            case "HOLD" -> "holding";
            case "RAMP_DOWN" -> "easing off";
            case "RESUMING" -> "ramping up again";
            case "WINDING_DOWN" -> "winding down";
            default -> words(phase);
        };
    }

    static String sideWord(Object side) {
        if (side == null) return null;
        String s = side.toString();
        return s.isEmpty() || s.equalsIgnoreCase(Side.NONE.name()) ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String words(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String percent(double f) {
        return Math.round(f * 100) + "%";
    }
}
