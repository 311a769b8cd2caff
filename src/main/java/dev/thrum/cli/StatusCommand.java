package dev.thrum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.daemon.DaemonClient;
import dev.thrum.daemon.DaemonFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code thrum status}: is a daemon running, is the massager connected, what is the session doing. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows the daemon, the device link and the current session.",
                "Exits 0 when a daemon answers, 1 when none runs."})
public final class StatusCommand implements Callable<Integer> {
    private final Supplier<DaemonFiles> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print the daemon's answers as JSON.")
    boolean json;

    public StatusCommand() { this.files = DaemonFiles::fromEnvironment; }

    /** For tests: find the daemon through these files instead of the environment's. */
    public StatusCommand(DaemonFiles files) { this.files = () -> files; }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<DaemonClient> daemon = DaemonClient.find(files.get());
        if (daemon.isEmpty()) {
            out.println("Daemon: not running (start it with 'thrum daemon' or 'systemctl --user start thrum').");
            return 1;
        }
        try {
            DaemonClient.Response devices = daemon.get().get("/devices");
            DaemonClient.Response session = daemon.get().get("/session");
            if (!devices.ok() || !session.ok()) {
                err.println("thrum status: " + (devices.ok() ? session : devices).errorText());
                return 1;
            }
            if (json) {
                var both = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                both.put("port", daemon.get().port());
                both.set("devices", devices.body().path("devices"));
                both.set("session", session.body());
                out.println(both.toPrettyString());
                return 0;
            }
            out.println("Daemon: running on http://127.0.0.1:" + daemon.get().port());
            for (JsonNode d : devices.body().path("devices"))
                out.println("Device: " + d.path("describe").asText() + ", link " + d.path("link").asText());
            printSession(session.body(), out);
            return 0;
        } catch (IOException e) {
            err.println("thrum status: " + e.getMessage());
            return 1;
        }
    }

    static void printSession(JsonNode s, PrintWriter out) {
        if (!s.path("running").asBoolean()) {
            out.println("Session: none running");
            JsonNode last = s.path("lastReport");
            if (!last.isMissingNode())
                out.println(String.format(Locale.ROOT, "Last session: %s, %s, %.0f s active",
                        last.path("programName").asText(), last.path("outcome").asText().toLowerCase(Locale.ROOT),
                        last.path("activeSeconds").asDouble()));
            return;
        }
        JsonNode v = s.path("view");
        String side = v.path("side").asText("NONE");
        out.println(String.format(Locale.ROOT, "Session: %s%s", v.path("state").asText().toLowerCase(Locale.ROOT),
                v.path("pauseReason").isTextual() ? " (" + v.path("pauseReason").asText().toLowerCase(Locale.ROOT) + ")" : ""));
        out.println(String.format(Locale.ROOT, "Step %d of %d: %s%s, %s, %.0f s left",
                v.path("stepIndex").asInt() + 1, v.path("stepCount").asInt(), v.path("regionName").asText(),
                side.equals("NONE") ? "" : " (" + side.toLowerCase(Locale.ROOT) + ")",
                v.path("phase").asText().toLowerCase(Locale.ROOT).replace('_', ' '), v.path("stepRemaining").asDouble()));
        out.println(String.format(Locale.ROOT, "Intensity: %.0f%% (target %.0f%%, cap %.0f%%)",
                100 * v.path("commandedIntensity").asDouble(), 100 * v.path("targetIntensity").asDouble(),
                100 * v.path("cap").asDouble()));
        String pressure = dev.thrum.cli.live.LiveFrame.pressureLine(s.path("pressure"));
        if (pressure != null && !v.path("rest").asBoolean())
            out.println("Pressure: " + dev.thrum.text.TerminalText.safe(pressure));
        out.println(String.format(Locale.ROOT, "Progress: %.0f%%, active %.0f s, paused %.0f s%s",
                100 * v.path("overallProgress").asDouble(), v.path("activeTime").asDouble(), v.path("pausedTime").asDouble(),
                v.path("battery").isNumber() ? ", battery " + v.path("battery").asInt() + "%" : ""));
    }
}
