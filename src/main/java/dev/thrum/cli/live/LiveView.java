package dev.thrum.cli.live;

import dev.thrum.app.RunnerEvent;
import dev.thrum.app.SessionRunner;
import dev.thrum.engine.Control;
import dev.thrum.engine.SessionState;
import dev.thrum.engine.SessionView;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The live view on a terminal: region and side, the cue, target versus actual intensity, the step
 * countdown and overall progress, redrawn in place; single keys control the session.
 */
public final class LiveView implements Consumer<RunnerEvent>, AutoCloseable {
    static final String KEYS = "space pause/resume   n next   b back   - softer   + harder   q stop   (Ctrl-C stops too)";
    private static final int LINES = 7;

    private final SessionRunner runner;
    private final PrintWriter out;
    private final PlainView lines;
    private final ScheduledExecutorService redraw = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "thrum-view");
        t.setDaemon(true);
        return t;
    });
    private TerminalKeys keys;
    private volatile String lastEvent = "";
    private boolean drawn;

    public LiveView(SessionRunner runner, PrintWriter out, PrintWriter err) {
        this.runner = runner;
        this.out = out;
        this.lines = new PlainView(out, err);
    }

    public void start() {
        keys = TerminalKeys.start(this::onKey);
        redraw.scheduleAtFixedRate(this::draw, 0, 200, TimeUnit.MILLISECONDS);
    }

    /** Maps a key to a control; unknown keys do nothing. */
    static Control controlFor(int key, SessionView view) {
        switch (key) {
            case ' ':
            case 'p':
                return view != null && view.state() == SessionState.PAUSED ? Control.RESUME : Control.PAUSE;
            case 'n': return Control.SKIP;
            case 'b': return Control.PREVIOUS;
            case '-': return Control.SOFTER;
            case '+':
            case '=': return Control.HARDER;
            case 'q':
            case 's':
            case 27: return Control.STOP;
            default: return null;
        }
    }

    private void onKey(int key) {
        Control c = controlFor(key, runner.view());
        if (c == Control.STOP) runner.emergencyStop();
        else if (c != null) runner.control(c);
    }

    @Override
    public void accept(RunnerEvent event) {
        String line = lines.describe(event);
        if (line != null) lastEvent = line;
    }

    private synchronized void draw() {
        SessionView v = runner.view();
        if (v == null) return;
        StringBuilder b = new StringBuilder();
        if (drawn) b.append("\033[").append(LINES).append('F'); // back to the top of our block
        for (String line : render(v, runner.plan().programName(), runner.device().address(),
                runner.device().profile().output().unit(), lastEvent)) {
            b.append("\033[2K").append(line).append('\n');
        }
        out.print(b);
        out.flush();
        drawn = true;
    }

    static String[] render(SessionView v, String program, String device, String unit, String lastEvent) {
        String state = switch (v.state()) {
            case PAUSED -> "PAUSED (" + v.pauseReason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
            case FINISHED -> "finished";
            default -> v.phase().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
        String region = v.rest() ? "Rest" : v.regionName() + PlainView.side(v.side());
        String battery = v.battery() == null ? "" : "   battery " + v.battery() + "%";
        // The lowest running value is 0 % of the range, so show the device's own value beside it.
        String now = v.commandedValue() == null ? "stopped"
                : PlainView.percent(v.commandedIntensity()) + " (" + v.commandedValue() + (unit == null ? "" : " " + unit) + ")";
        return new String[] {
                "Thrum - " + program + "   [" + device + (v.linkDown() ? ", LINK DOWN: sending stop" : "") + "]" + battery,
                String.format(Locale.ROOT, "Step %d/%d  %s   %s   %s left", v.stepIndex() + 1, v.stepCount(), region,
                        state, Bars.clock(v.stepRemaining().toMillis() / 1000.0)),
                "  " + (v.cue() == null ? "" : v.cue()),
                "  intensity " + Bars.bar(v.commandedIntensity(), v.targetIntensity(), 30) + "  target "
                        + PlainView.percent(v.targetIntensity()) + ", now " + now + ", cap " + PlainView.percent(v.cap()),
                "  session   " + Bars.bar(v.overallProgress(), -1, 30) + "  "
                        + Bars.clock(v.activeTime().toMillis() / 1000.0) + " of " + Bars.clock(v.plannedDuration().toSeconds()),
                "  " + KEYS,
                "  " + lastEvent,
        };
    }

    @Override
    public void close() {
        redraw.shutdownNow();
        draw();
        if (keys != null) keys.close();
    }
}
