package dev.thrum.cli.live;

import dev.thrum.app.RunnerEvent;
import dev.thrum.app.SessionRunner;
import dev.thrum.engine.Control;
import dev.thrum.engine.EngineEvent;
import dev.thrum.engine.ReadyKind;
import dev.thrum.engine.SessionView;
import dev.thrum.engine.pressure.PressureAdvice;
import dev.thrum.engine.pressure.PressureView;
import dev.thrum.text.PressureLine;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The live view's source for a session running in this process. */
public final class LocalSource implements LiveView.Source, Consumer<RunnerEvent> {
    private final SessionRunner runner;
    private final UnaryOperator<String> placementOf;
    private final PlainView lines = new PlainView(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
    private volatile LiveView view;

    public LocalSource(SessionRunner runner, UnaryOperator<String> placementOf) {
        this.runner = runner;
        this.placementOf = placementOf;
    }

    /** Events go to this view once it is open. */
    public void attach(LiveView view) { this.view = view; }

    @Override
    public LiveFrame frame(String lastEvent) {
        SessionView v = runner.view();
        if (v == null) return null;
        LiveFrame f = LiveFrame.of(v, runner.plan().programName(), runner.device().address(),
                runner.device().profile().output().unit(), placementOf, lastEvent);
        PressureView p = runner.pressure();
        if (p == null) return f;
        return f.withPressure(PressureLine.of(p.band().id(), p.advice().id(),
                p.advice() == PressureAdvice.NO_READING ? "" : p.advice().words(),
                p.scale() == null || p.newtons() == null ? null : p.scale().show(p.newtons()), p.scale() != null));
    }

    @Override
    public void control(Control control) {
        if (control == Control.STOP) runner.emergencyStop();
        else runner.control(control);
    }

    @Override
    public void accept(RunnerEvent event) {
        LiveView v = view;
        String line = lines.describe(event);
        boolean bell = event instanceof RunnerEvent.Engine e && e.event() instanceof EngineEvent.GetReady g
                && g.kind() != ReadyKind.START;
        if (v != null && (line != null || bell)) v.event(line, bell);
    }
}
