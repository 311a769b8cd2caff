package dev.thrum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.cli.live.LiveFrame;
import dev.thrum.cli.live.LiveView;
import dev.thrum.daemon.DaemonClient;
import dev.thrum.engine.Control;

import java.io.IOException;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The live view's source for a session in the daemon: each frame is the daemon's
 * {@code GET /session}, each key one of its session controls ({@code q} its emergency stop).
 */
final class RemoteSource implements LiveView.Source {
    private final DaemonClient daemon;
    private final UnaryOperator<String> placementOf;
    private final String device;
    private volatile String programName = "";
    private volatile String problem;

    RemoteSource(DaemonClient daemon, UnaryOperator<String> placementOf) {
        this.daemon = daemon;
        this.placementOf = placementOf;
        this.device = describeDevice(daemon);
    }

    void programName(String name) {
        if (name != null) programName = name;
    }

    @Override
    public LiveFrame frame(String lastEvent) {
        try {
            DaemonClient.Response r = daemon.get("/session");
            if (!r.ok() || !r.body().path("view").isObject()) return null;
            problem = null;
            return LiveFrame.ofJson(r.body(), programName, device, null, placementOf, lastEvent);
        } catch (IOException e) {
            problem = "the daemon does not answer: " + e.getMessage();
            return null;
        }
    }

    @Override
    public void control(Control control) {
        try {
            if (control == Control.STOP) daemon.emergencyStop();
            else daemon.post("/session/" + control.name().toLowerCase(Locale.ROOT).replace('_', '-'), "");
        } catch (IOException e) {
            problem = "the daemon does not answer: " + e.getMessage();
        }
    }

    private static String describeDevice(DaemonClient daemon) {
        try {
            JsonNode d = daemon.get("/devices").body().path("devices").path(0);
            return d.path("describe").asText("daemon");
        } catch (IOException e) {
            return "daemon";
        }
    }
}
