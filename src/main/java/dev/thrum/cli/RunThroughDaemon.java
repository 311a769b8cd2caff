package dev.thrum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thrum.daemon.DaemonClient;
import dev.thrum.daemon.DaemonEvents;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code thrum run} while a daemon runs: the daemon owns the massager, so the session is started
 * through its API and followed over its event stream, one line per event. Ctrl-C stops the motor
 * through the daemon's emergency stop.
 */
final class RunThroughDaemon {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunThroughDaemon() {}

    static int run(DaemonClient daemon, String program, String client, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        return run(daemon, program, client, dev.thrum.log.PainScores.NONE, out, err);
    }

    /** The answers to the after-questions, for the session that just ended, when there are new ones. */
    static void sendOutcome(DaemonClient daemon, dev.thrum.log.PainScores answered, dev.thrum.log.PainScores known, PrintWriter err) {
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

    /** With pain scores given on the command line (they go into the session request). */
    static int run(DaemonClient daemon, String program, String client, dev.thrum.log.PainScores pain, PrintWriter out,
                   PrintWriter err) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("program", program);
        if (client != null) body.put("client", client);
        if (pain.before() != null) body.put("painBefore", pain.before());
        if (pain.after() != null) body.put("painAfter", pain.after());
        if (!pain.regions().isEmpty()) pain.regions().forEach(body.putArray("painRegions")::add);
        if (pain.note() != null) body.put("note", pain.note());
        out.println("A thrum daemon is running (port " + daemon.port() + "): the session runs there.");
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<String> outcome = new AtomicReference<>();
        try (DaemonEvents events = daemon.events(e -> {
            String line = describe(e.name(), e.data());
            if (line != null) {
                out.println(line);
                out.flush();
            }
            if (e.name().equals("sessionEnded") || e.name().equals(DaemonEvents.END)) {
                if (e.name().equals("sessionEnded")) outcome.set(e.data().path("report").path("outcome").asText(""));
                ended.countDown();
            }
        })) {
            DaemonClient.Response started = daemon.post("/sessions", JSON.writeValueAsString(body));
            if (!started.ok()) {
                err.println("thrum: the daemon did not start the session: " + started.errorText());
                return started.status() == 400 || started.status() == 404 ? 2 : 1;
            }
            started.body().path("notes").forEach(n -> out.println("note: " + n.asText()));
            Thread onSignal = new Thread(() -> {
                try {
                    daemon.emergencyStop();
                } catch (IOException e) {
                    // the daemon is gone; it stops the motor itself when it ends
                }
            }, "thrum-stop-through-daemon");
            Runtime.getRuntime().addShutdownHook(onSignal);
            ended.await();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
        String how = outcome.get() == null ? "" : outcome.get().toLowerCase(Locale.ROOT);
        return how.equals("completed") || how.startsWith("stopped") ? 0 : 1;
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
            case "paused":
                return "paused (" + d.path("reason").asText().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
            case "resumed":
                return "resumed, ramping up from low";
            case "warning":
                return "warning: " + d.path("message").asText();
            case "problem":
                return "problem: " + d.path("message").asText();
            case "linkDown":
                return "device: link lost";
            case "linkUp":
                return "device: link restored";
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
