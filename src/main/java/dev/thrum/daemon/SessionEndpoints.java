package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thrum.app.DeviceSpec;
import dev.thrum.app.IntensityWish;
import dev.thrum.engine.Control;
import dev.thrum.usage.PainScores;
import dev.thrum.program.SessionPlan;

import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Devices, sessions, session controls, the emergency stop and the event stream. */
final class SessionEndpoints {
    /** The longest an emergency stop request waits for the stop frame before answering 503. */
    static final long STOP_WAIT_MS = 6000;
    private static final Set<String> START_KEYS = Set.of("program", "client", "device", "intensity", "confirmed",
            "painBefore", "painAfter", "painRegions", "note");

    private final SessionHost host;
    private final SessionRequestPlanner planner;
    private final DeviceSpec configured;
    private final String configuredText;
    private final EventHub events;

    SessionEndpoints(SessionHost host, SessionRequestPlanner planner, DeviceSpec configured, String configuredText, EventHub events) {
        this.host = host;
        this.planner = planner;
        this.configured = configured;
        this.configuredText = configuredText;
        this.events = events;
    }

    void register(Router r) {
        r.add("GET", "/devices", q -> ApiResponse.ok(devices()));
        r.add("POST", "/sessions", this::startSession);
        r.add("GET", "/session", q -> ApiResponse.ok(session()));
        r.add("POST", "/session/{action}", this::control);
        r.add("POST", "/stop", q -> emergencyStop());
        r.add("GET", "/events", q -> {
            events.serve(q.exchange(), "hello", hello());
            return ApiResponse.HANDLED;
        });
    }

    ObjectNode devices() {
        ObjectNode d = Json.MAPPER.createObjectNode()
                .put("device", configuredText)
                .put("describe", host.deviceDescription())
                .put("link", host.linkUp() ? "up" : "down")
                .put("sessionRunning", host.sessionRunning());
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.putArray("devices").add(d);
        return out;
    }

    ObjectNode session() {
        ObjectNode out = Json.MAPPER.createObjectNode();
        var view = host.view();
        out.put("running", view.isPresent());
        out.put("link", host.linkUp() ? "up" : "down");
        view.ifPresent(v -> out.set("view", Json.MAPPER.valueToTree(v)));
        host.pressure().ifPresent(p -> out.set("pressure", PressureJson.of(p)));
        // whole seconds left of a get-ready countdown (motor still, about to start), or null
        var countdown = view.map(v -> v.countdown()).orElse(null);
        if (countdown == null) out.putNull("countdown");
        else out.put("countdown", (int) Math.ceil(countdown.toMillis() / 1000.0));
        host.lastReport().ifPresent(r -> out.set("lastReport", Json.MAPPER.valueToTree(r)));
        // the usage-log id of that report, so a pain score given after it names its session
        host.lastSessionId().ifPresent(id -> out.put("lastSession", id));
        return out;
    }

    private ObjectNode hello() {
        ObjectNode out = session();
        out.put("device", configuredText);
        return out;
    }

    private ApiResponse startSession(ApiRequest q) {
        ObjectNode body = q.body();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!START_KEYS.contains(key))
                throw ApiException.badRequest("unknown field '" + key + "' in the session request",
                        "a session request takes program, client, device, intensity (0..1, never above the caps),"
                                + " painBefore, painAfter (0..10), painRegions, note;"
                                + " there is no raw speed or device value");
        }
        String programId = text(body, "program", true);
        PainScores pain = PainInput.read("POST /sessions", body);
        String clientId = text(body, "client", false);
        String device = text(body, "device", false);
        if (device != null) {
            DeviceSpec asked;
            try {
                asked = DeviceSpec.parse(device);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage(), "leave device out to use the daemon's device");
            }
            // "sim" and "sim:theragun-gen4" name the same device once the default profile is resolved
            if (!asked.equals(configured) && !device.equals(host.deviceDescription()))
                throw ApiException.conflict("this daemon drives " + configuredText + ", not " + device,
                        "leave device out, or restart the daemon with --device " + device);
        }
        JsonNode confirmed = body.get("confirmed");
        if (confirmed != null && !confirmed.isBoolean())
            throw ApiException.badRequest("'confirmed' must be true or false", null);
        SessionPlan plan = planner.plan(programId, clientId, confirmed != null && confirmed.asBoolean());
        IntensityWish.Applied applied = null;
        JsonNode intensity = body.get("intensity");
        if (intensity != null && !intensity.isNull()) {
            if (!intensity.isNumber())
                throw ApiException.badRequest("intensity must be a number from 0 to 1", "for example \"intensity\": 0.4");
            try {
                applied = IntensityWish.apply(plan, intensity.asDouble());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage(),
                        "intensity is a fraction of the device range; caps lower it further; to stop use POST /session/stop");
            }
            plan = applied.plan();
        }
        host.start(plan, pain);
        ObjectNode out = session();
        ArrayNode notes = out.putArray("notes");
        plan.notes().forEach(notes::add);
        if (applied != null) {
            ObjectNode i = out.putObject("intensity");
            i.put("requested", applied.requested()).put("clamped", applied.clamped()).put("highestTarget", applied.highestTarget());
            ArrayNode steps = i.putArray("clampedSteps");
            applied.clampedSteps().forEach(steps::add);
            if (applied.clamped())
                i.put("message", "the requested intensity is above the effective cap of some steps; those steps run at their cap");
        }
        return new ApiResponse.JsonBody(201, out);
    }

    private ApiResponse control(ApiRequest q) {
        String action = q.path("action");
        if (action.equals("outcome")) return outcome(q);
        Control control;
        try {
            control = Control.valueOf(action.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no session action '" + action + "'",
                    "use pause, resume, skip, previous, softer, harder, skip-countdown or stop");
        }
        host.control(control);
        return ApiResponse.ok(session());
    }

    /** POST /session/outcome: pain scores or a note for the last session (or the one named by "session"). */
    private ApiResponse outcome(ApiRequest q) {
        ObjectNode body = q.body();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("session") && !PainInput.KEYS.contains(key))
                throw ApiException.badRequest("POST /session/outcome: unknown field '" + key + "'",
                        "an outcome takes session (optional: the last one), painBefore, painAfter (0..10), painRegions, note");
        }
        PainScores pain = PainInput.read("POST /session/outcome", body);
        if (pain.isEmpty()) throw ApiException.badRequest("POST /session/outcome: nothing to record",
                "send painAfter (0..10) and/or a note, for example {\"painAfter\": 3}");
        String id = text(body, "session", false);
        if (id == null) id = host.lastSessionId().orElseThrow(() -> ApiException.conflict(
                "POST /session/outcome: no session has ended since the daemon started", "name the session: {\"session\": ID, ...}"));
        host.recordOutcome(id, pain);
        ObjectNode out = Json.MAPPER.createObjectNode().put("session", id).put("recorded", true);
        return new ApiResponse.JsonBody(201, out);
    }

    private ApiResponse emergencyStop() {
        long t0 = System.nanoTime();
        try {
            host.emergencyStop().get(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ApiException(503, "the stop frame could not be written: " + e.getCause().getMessage(),
                    "switch the massager off by hand; check its connection");
        } catch (TimeoutException e) {
            throw new ApiException(503, "the stop frame was not written within " + STOP_WAIT_MS + " ms",
                    "switch the massager off by hand; check its connection");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted while stopping", "switch the massager off by hand");
        }
        double millis = (System.nanoTime() - t0) / 1e6;
        // written is not confirmed when the device is not answering: it may never have got the frame
        boolean confirmed = host.linkUp();
        ObjectNode body = Json.MAPPER.createObjectNode().put("stopped", true).put("millis", millis).put("confirmed", confirmed);
        if (!confirmed)
            body.put("hint", "the massager is not answering, so the stop is not confirmed: it may still be running;"
                    + " switch it off by hand");
        return ApiResponse.ok(body);
    }

    private static String text(ObjectNode body, String key, boolean required) {
        JsonNode n = body.get(key);
        if (n == null || n.isNull()) {
            if (required) throw ApiException.badRequest("missing '" + key + "'", "for example {\"program\": \"sciatica-relief\"}; list programs with GET /programs");
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) throw ApiException.badRequest("'" + key + "' must be non-empty text", null);
        return n.asText();
    }
}
