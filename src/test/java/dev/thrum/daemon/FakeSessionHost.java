package dev.thrum.daemon;

import dev.thrum.engine.Control;
import dev.thrum.engine.EngineEvent;
import dev.thrum.engine.SessionReport;
import dev.thrum.engine.SessionView;
import dev.thrum.program.SessionPlan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A session host without a device, for the HTTP side's tests: remembers what it was asked and
 * emits the events a test tells it to.
 */
final class FakeSessionHost implements SessionHost {
    final List<SessionPlan> started = new CopyOnWriteArrayList<>();
    final List<Control> controls = new CopyOnWriteArrayList<>();
    final List<Consumer<HostEvent>> listeners = new CopyOnWriteArrayList<>();
    volatile int emergencyStops;
    volatile boolean closed;
    volatile boolean running;
    volatile boolean link = true;

    @Override public String deviceDescription() { return "fake:device"; }

    @Override public boolean linkUp() { return link; }

    @Override public boolean sessionRunning() { return running; }

    @Override
    public synchronized void start(SessionPlan plan) {
        if (running) throw ApiException.conflict("a session is already running", "stop it first");
        started.add(plan);
        running = true;
        emit(new HostEvent.Engine(new EngineEvent.Started(Instant.now(), plan.programId(), plan.programName(),
                plan.clientName(), plan.steps().size(), plan.plannedDuration())));
    }

    @Override public Optional<SessionView> view() { return Optional.empty(); }

    @Override public Optional<SessionReport> lastReport() { return Optional.empty(); }

    @Override
    public void control(Control control) {
        if (!running) throw ApiException.conflict("no session is running", "start one with POST /sessions");
        controls.add(control);
        if (control == Control.STOP) running = false;
    }

    @Override
    public CompletableFuture<Void> emergencyStop() {
        emergencyStops++;
        running = false;
        return CompletableFuture.completedFuture(null);
    }

    @Override public void addListener(Consumer<HostEvent> listener) { listeners.add(listener); }

    void emit(HostEvent e) { listeners.forEach(l -> l.accept(e)); }

    @Override public void close() { closed = true; }

    @Override public boolean stopConfirmed() { return link; }
}
