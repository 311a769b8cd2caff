package dev.thrum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thrum.cli.live.LiveView;
import dev.thrum.daemon.DaemonClient;
import dev.thrum.daemon.DaemonEvents;
import dev.thrum.engine.SessionReport;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * {@code thrum run} while a daemon runs: the daemon owns the massager, so the session is started
 * through its API and followed over its event stream. On a terminal it shows the same live view as
 * a local run ({@link RemoteSource}), with the same keys sent to the daemon's session controls;
 * otherwise one line per event. Ctrl-C stops the motor through the daemon's emergency stop and
 * says what came of it. If the daemon goes away mid-session, the person is told that the motor's
 * state is unknown.
 */
final class RunThroughDaemon {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunThroughDaemon() {}

    static int run(DaemonClient daemon, String program, String client, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        return run(daemon, program, client, dev.thrum.usage.PainScores.NONE, false, id -> null, out, err);
    }

    /** The answers to the after-questions, for the session that just ended, when there are new ones. */
    static void sendOutcome(DaemonClient daemon, dev.thrum.usage.PainScores answered, dev.thrum.usage.PainScores known, PrintWriter err) {
        ObjectNode body = JSON.createObjectNode();
        if (answered.after() != null && !answered.after().equals(known.after())) body.put("painAfter", answered.after());
        if (answered.note() != null && !answered.note().equals(known.note())) body.put("note", answered.note());
        if (body.isEmpty()) return;
        try {
            DaemonClient.Response r = daemon.post("/session/outcome", JSON.writeValueAsString(body));
            if (!r.ok()) err.println("warning: the daemon did not record the pain score: " + r.errorText());
        } catch (IOException e) {
            err.println("warning: could not send the pain score to the daemon: " + e.getMessage());
        }
    }

    /**
     * With pain scores given on the command line (they go into the session request); {@code live}
     * shows the live view (a terminal), {@code placementOf} gives a region's placement advice.
     */
    static int run(DaemonClient daemon, String program, String client, dev.thrum.usage.PainScores pain, boolean live,
                   UnaryOperator<String> placementOf, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("program", program);
        if (client != null) body.put("client", client);
        if (pain.before() != null) body.put("painBefore", pain.before());
        if (pain.after() != null) body.put("painAfter", pain.after());
        if (!pain.regions().isEmpty()) pain.regions().forEach(body.putArray("painRegions")::add);
        if (pain.note() != null) body.put("note", pain.note());
        out.println("A thrum daemon is running (port " + daemon.port() + "): the session runs there.");
        out.flush();
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<JsonNode> report = new AtomicReference<>();
        AtomicReference<String> ctrlC = new AtomicReference<>();
        RemoteSource source = new RemoteSource(daemon, placementOf);
        AtomicReference<LiveView> view = new AtomicReference<>();
        try (DaemonEvents events = daemon.events(e -> {
            if (e.name().equals("started")) source.programName(e.data().path("programName").asText(null));
            String line = describe(e.name(), e.data());
            LiveView v = view.get();
            if (v != null) {
                v.event(line, e.name().equals("getReady") && !e.data().path("kind").asText().equals("start"));
            } else if (line != null) {
                out.println(line);
                out.flush();
            }
            if (e.name().equals("sessionEnded")) {
                report.set(e.data().path("report"));
                ended.countDown();
            } else if (e.name().equals(DaemonEvents.END)) {
                ended.countDown();
            }
        })) {
            DaemonClient.Response started;
            try {
                started = daemon.post("/sessions", JSON.writeValueAsString(body));
            } catch (IOException e) {
                // it may have started the session before it went: the motor's state is unknown
                return lostDaemon(daemon, err, e);
            }
            if (!started.ok()) {
                err.println("thrum: the daemon did not start the session: " + started.errorText());
                return started.status() == 400 || started.status() == 404 ? 2 : 1;
            }
            started.body().path("notes").forEach(n -> out.println("note: " + n.asText()));
            out.flush();
            Runnable stopThroughDaemon = () -> ctrlC.compareAndSet(null, emergencyStop(daemon));
            if (live) view.set(LiveView.open(source, stopThroughDaemon));
            Thread onSignal = new Thread(() -> {
                // without the live view, Ctrl-C (and SIGTERM) arrive here as the JVM ends
                if (ended.getCount() == 0) return;
                stopThroughDaemon.run();
                out.println(ctrlC.get());
                out.flush();
            }, "thrum-stop-through-daemon");
            Runtime.getRuntime().addShutdownHook(onSignal);
            try {
                ended.await();
            } finally {
                LiveView v = view.get();
                if (v != null) v.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(onSignal);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is already running
                }
            }
        }
        if (ctrlC.get() != null) out.println(ctrlC.get());
        JsonNode r = report.get();
        if (r == null) return lostDaemon(daemon, err, null);
        out.println(summary(r));
        out.flush();
        String how = r.path("outcome").asText("").toLowerCase(Locale.ROOT);
        return how.equals("completed") || how.startsWith("stopped") ? 0 : 1;
    }

    private static int lostDaemon(DaemonClient daemon, PrintWriter err, IOException cause) {
        err.println("thrum: lost the daemon (port " + daemon.port() + ") during the session"
                + (cause == null ? "" : " (" + cause.getMessage() + ")") + ": it is no longer answering, so Thrum cannot"
                + " tell whether the motor stopped. Switch the massager off by hand, then check 'thrum status'.");
        err.flush();
        return 1;
    }

    /** Ctrl-C's answer: the daemon's emergency stop, and what came of it. */
    private static String emergencyStop(DaemonClient daemon) {
        try {
            DaemonClient.Response r = daemon.emergencyStop();
            if (r.ok())
                return String.format(Locale.ROOT, "Ctrl-C: the daemon stopped the motor (stop frame written in %.0f ms);"
                        + " the session is logged.", r.body().path("millis").asDouble());
            return "Ctrl-C: the daemon could not confirm the stop (" + r.errorText()
                    + "); the motor may still run: switch the massager off by hand.";
        } catch (IOException e) {
            return "Ctrl-C: the daemon did not answer (" + e.getMessage()
                    + "); the motor may still run: switch the massager off by hand.";
        }
    }

    static String summary(JsonNode r) {
        Set<String> treated = new HashSet<>();
        for (JsonNode s : r.path("steps")) {
            if (SessionReport.treated(s.path("rest").asBoolean(), s.path("plannedSeconds").asDouble(),
                    s.path("actualSeconds").asDouble()))
                treated.add(s.path("regionId").asText() + "/" + s.path("side").asText());
        }
        return String.format(Locale.ROOT, "session: %s, %.0f s active, %.0f s paused, %d regions treated",
                r.path("outcome").asText("").toLowerCase(Locale.ROOT).replace('_', ' '),
                r.path("activeSeconds").asDouble(), r.path("pausedSeconds").asDouble(), treated.size());
    }

    /** One plain line for the events a person following the session wants to see; null for the rest. */
    static String describe(String name, JsonNode d) {
        switch (name) {
            case "started":
                return "start " + d.path("programName").asText() + ": " + d.path("stepCount").asInt() + " steps";
            case "stepStarted":
                return d.path("rest").asBoolean()
                        ? "step " + (d.path("index").asInt() + 1) + ": rest " + Math.round(d.path("duration").asDouble()) + " s"
                        : "step " + (d.path("index").asInt() + 1) + ": " + d.path("regionName").asText()
                        + side(d.path("side").asText()) + ", " + Math.round(d.path("duration").asDouble())
                        + " s, up to " + Math.round(d.path("target").asDouble() * 100) + "%";
            case "getReady":
                return "get ready: the motor starts in " + d.path("seconds").asInt() + " s";
            case "paused":
                return "paused (" + d.path("reason").asText().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
            case "resumed":
                return "resumed, ramping up from low";
            case "adjusted":
                return d.path("direction").asText().toLowerCase(Locale.ROOT) + ": target now "
                        + Math.round(d.path("newTarget").asDouble() * 100) + "%";
            case "warning":
                return "warning: " + d.path("message").asText();
            case "problem":
                return "problem: " + d.path("message").asText();
            case "linkDown":
                return "device: link lost";
            case "linkUp":
                return "device: link restored";
            case "emergencyStop":
                return "emergency stop: motor stopped";
            case "sessionEnded":
                return "finished: " + d.path("report").path("outcome").asText().toLowerCase(Locale.ROOT).replace('_', ' ');
            default:
                return null;
        }
    }

    private static String side(String side) {
        return side.isEmpty() || side.equalsIgnoreCase("NONE") ? "" : " (" + side.toLowerCase(Locale.ROOT) + ")";
    }
}
