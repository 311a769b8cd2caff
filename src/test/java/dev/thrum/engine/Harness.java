package dev.thrum.engine;

import dev.thrum.profile.OutputRange;
import dev.thrum.program.SessionPlan;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives a real engine on a fake clock and records everything it says: the commands each call
 * returned, every event, and a view after every call. Checks on each call that the returned commands
 * are exactly the ones the engine logged as Commanded events.
 */
final class Harness {

    static final long T0 = 1_700_000_000_000L;

    record Sent(long at, int stepIndex, DeviceCommand command) {}

    record Sample(long at, SessionView view) {}

    final FakeClock clock = new FakeClock(T0);
    final SessionPlan plan;
    final OutputRange range;
    final int gapMs;
    final SessionEngine engine;
    final List<EngineEvent> events = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();
    final List<Sample> samples = new ArrayList<>();

    Harness(SessionPlan plan, OutputRange range, int gapMs, EngineSettings settings) {
        this.plan = plan;
        this.range = range;
        this.gapMs = gapMs;
        this.engine = new SessionEngine(plan, range, gapMs, clock, settings);
    }

    Harness(SessionPlan plan, OutputRange range, int gapMs) {
        this(plan, range, gapMs, EngineSettings.defaults());
    }

    List<DeviceCommand> call(Supplier<List<DeviceCommand>> action) {
        List<DeviceCommand> out = action.get();
        List<EngineEvent> batch = engine.drainEvents();
        List<DeviceCommand> logged = new ArrayList<>();
        for (EngineEvent e : batch) {
            if (e instanceof EngineEvent.Commanded c) {
                logged.add(c.command());
                sent.add(new Sent(c.at().toEpochMilli() - T0, c.stepIndex(), c.command()));
            }
        }
        assertEquals(logged, out, "returned commands must match the Commanded events");
        events.addAll(batch);
        samples.add(new Sample(clock.millis() - T0, engine.view()));
        return out;
    }

    List<DeviceCommand> start() { return call(engine::start); }

    List<DeviceCommand> tick() { return call(engine::tick); }

    List<DeviceCommand> control(Control c) { return call(() -> engine.control(c)); }

    List<DeviceCommand> status(DeviceStatus s) { return call(() -> engine.onStatus(s)); }

    List<DeviceCommand> linkLost() { return call(engine::onLinkLost); }

    List<DeviceCommand> linkRestored() { return call(engine::onLinkRestored); }

    /** Ticks every {@code tickMs} for {@code ms} of fake time (or until finished). */
    void runFor(long ms, long tickMs) {
        long end = clock.millis() + ms;
        while (clock.millis() < end && !engine.finished()) {
            clock.advance(Math.min(tickMs, end - clock.millis()));
            tick();
        }
    }

    /** Ticks until the session ends; fails if it runs past {@code limitMs} of fake time. */
    void runToEnd(long tickMs, long limitMs) {
        long end = clock.millis() + limitMs;
        while (!engine.finished()) {
            assertTrue(clock.millis() < end, "session did not finish within " + limitMs + " ms");
            clock.advance(tickMs);
            tick();
        }
    }

    long now() { return clock.millis() - T0; }

    List<Sent> setSpeeds() {
        return sent.stream().filter(s -> s.command() instanceof DeviceCommand.SetSpeed).toList();
    }

    static int value(Sent s) { return ((DeviceCommand.SetSpeed) s.command()).value(); }

    <T extends EngineEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    Sent lastSent() { return sent.get(sent.size() - 1); }
}
