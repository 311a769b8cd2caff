package dev.thrum.cli.live;

import dev.thrum.app.RunnerEvent;
import dev.thrum.device.DeviceEvent;
import dev.thrum.engine.EngineEvent;
import dev.thrum.program.Side;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/** One plain line per event, for pipes, logs and scripts (no terminal). */
public final class PlainView implements Consumer<RunnerEvent> {
    private final PrintWriter out;
    private final PrintWriter err;
    private Instant start;

    public PlainView(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public synchronized void accept(RunnerEvent event) {
        String line = describe(event);
        if (line == null) return;
        (event instanceof RunnerEvent.Problem ? err : out).println(line);
        (event instanceof RunnerEvent.Problem ? err : out).flush();
    }

    String describe(RunnerEvent event) {
        if (event instanceof RunnerEvent.Engine e) return engine(e.event());
        if (event instanceof RunnerEvent.Device d) return device(d.event());
        if (event instanceof RunnerEvent.Problem p) return "problem: " + p.message();
        return null; // Ended: the command prints the summary itself
    }

    private String engine(EngineEvent e) {
        if (e instanceof EngineEvent.Started s) {
            start = s.at();
            return stamp(e) + "start " + s.programName() + (s.clientName() == null ? "" : " for " + s.clientName())
                    + ": " + s.stepCount() + " steps, " + Bars.clock(s.plannedDuration().toSeconds());
        }
        if (e instanceof EngineEvent.StepStarted s) {
            if (s.rest()) return stamp(e) + "step " + (s.index() + 1) + ": rest " + Bars.clock(s.duration().toSeconds())
                    + (s.cue() == null ? "" : " - " + s.cue());
            return stamp(e) + "step " + (s.index() + 1) + ": " + s.regionName() + side(s.side()) + ", "
                    + Bars.clock(s.duration().toSeconds()) + ", up to " + percent(s.target())
                    + (s.cue() == null ? "" : " - " + s.cue());
        }
        if (e instanceof EngineEvent.StepFinished s)
            return stamp(e) + "step " + (s.index() + 1) + (s.skipped() ? " skipped" : " done")
                    + String.format(Locale.ROOT, " (%.0f s)", s.activeSeconds());
        if (e instanceof EngineEvent.GetReady g)
            return stamp(e) + "get ready: the motor starts in " + g.seconds() + " s" + switch (g.kind()) {
                case SIDE -> " (move the gun to the other side)";
                case REGION -> " (move the gun to the next region)";
                case START -> " (place the gun)";
            };
        if (e instanceof EngineEvent.Paused p) return stamp(e) + "paused (" + p.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
        if (e instanceof EngineEvent.Resumed) return stamp(e) + "resumed, ramping up from low";
        if (e instanceof EngineEvent.Adjusted a)
            return stamp(e) + a.direction().name().toLowerCase(Locale.ROOT) + ": target now " + percent(a.newTarget())
                    + (a.limited() ? " (at the limit)" : "");
        if (e instanceof EngineEvent.Warning w) return stamp(e) + "warning: " + w.message();
        if (e instanceof EngineEvent.LinkChanged l) return stamp(e) + (l.up() ? "link back" : "link lost");
        if (e instanceof EngineEvent.Finished f)
            return stamp(e) + "finished: " + f.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return null; // Commanded: too chatty for a line each
    }

    private String device(DeviceEvent e) {
        if (e instanceof DeviceEvent.LinkLost l) return "device: link lost (" + l.reason() + ")";
        if (e instanceof DeviceEvent.LinkRestored) return "device: link restored";
        if (e instanceof DeviceEvent.WriteFailed f) return "device: write failed: " + f.reason();
        return null;
    }

    private String stamp(EngineEvent e) {
        if (start == null) return "[0:00] ";
        return "[" + Bars.clock(Duration.between(start, e.at()).toMillis() / 1000.0) + "] ";
    }

    static String side(Side side) {
        return side == null || side == Side.NONE ? "" : " (" + side.name().toLowerCase(Locale.ROOT) + ")";
    }

    static String percent(double f) {
        return Math.round(f * 100) + "%";
    }
}
