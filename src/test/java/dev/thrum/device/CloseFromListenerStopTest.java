package dev.thrum.device;

import dev.thrum.protocol.DeviceCommand;
import dev.thrum.transport.Endpoint;
import dev.thrum.transport.LinkState;
import dev.thrum.transport.Transport;
import dev.thrum.transport.sim.FakeCodec;
import dev.thrum.transport.sim.FakeProfiles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A close from a listener writes its stop in place, with the stop policy every other stop uses: so a
 * stop that cannot be written is reported to the listener ({@link DeviceEvent.WriteFailed}), the person
 * gets told, and a transport that throws an unchecked exception does not break close().
 */
class CloseFromListenerStopTest {

    final ManualScheduler sched = new ManualScheduler();
    final List<DeviceEvent> events = new ArrayList<>();

    @Test
    void aStopThatCannotBeWrittenOnCloseFromAListenerIsReportedAsFailed() throws Exception {
        FakeTransport t = new FakeTransport(sched::nanoTime, false);
        DeviceSession[] holder = new DeviceSession[1];
        DeviceSession s = new DeviceSession(t, FakeCodec.full(), FakeProfiles.continuous(new dev.thrum.profile.DeviceProfile.Pacing(0, 0, 0, 0)), e -> {
            events.add(e);
            if (e instanceof DeviceEvent.CommandWritten w && w.command() instanceof DeviceCommand.SetSpeed) {
                t.failAlways(true);
                holder[0].close();
            }
        }, sched, sched.clock());
        holder[0] = s;
        s.start();
        s.setSpeed(60);
        sched.runDue();
        List<DeviceEvent.WriteFailed> failed = events.stream().filter(DeviceEvent.WriteFailed.class::isInstance)
                .map(DeviceEvent.WriteFailed.class::cast).toList();
        assertEquals(1, failed.size(), "events: " + events);
        assertInstanceOf(DeviceCommand.Stop.class, failed.get(0).command());
        assertTrue(failed.get(0).reason().contains("after 4 attempts"), failed.get(0).reason());
        assertEquals(4, t.journal.stream().filter("failed write"::equals).count());
        assertTrue(t.closed);
    }

    @Test
    void anUncheckedFailureOfTheTransportOnCloseFromAListenerStillClosesAndReports() throws Exception {
        ThrowingTransport t = new ThrowingTransport();
        DeviceSession[] holder = new DeviceSession[1];
        DeviceSession s = new DeviceSession(t, FakeCodec.full(), FakeProfiles.continuous(new dev.thrum.profile.DeviceProfile.Pacing(0, 0, 0, 0)), e -> {
            events.add(e);
            if (e instanceof DeviceEvent.StatusReceived) holder[0].close();
        }, sched, sched.clock());
        holder[0] = s;
        s.start();
        t.deliver(FakeCodec.full().encodeStatus(new dev.thrum.protocol.DeviceStatus(true, 120, 5, 80, null, null)));
        assertDoesNotThrow(sched::runDue);
        assertTrue(t.closed, "close() went through to the transport");
        assertEquals(4, t.attempts);
        assertTrue(events.stream().anyMatch(e -> e instanceof DeviceEvent.WriteFailed f && f.command() instanceof DeviceCommand.Stop),
                "events: " + events);
    }

    /** A transport whose writes throw an unchecked exception, as a buggy adapter or native library might. */
    private static final class ThrowingTransport implements Transport {
        private final List<Consumer<byte[]>> rx = new ArrayList<>();
        int attempts;
        boolean closed;

        void deliver(byte[] bytes) { rx.forEach(l -> l.accept(bytes)); }

        @Override public void connect() { }

        @Override
        public void write(Endpoint endpoint, byte[] data) {
            attempts++;
            throw new IllegalStateException("native write crashed");
        }

        @Override public void subscribe(Endpoint endpoint, Consumer<byte[]> listener) { if (endpoint == Endpoint.RX) rx.add(listener); }

        @Override public void onLinkState(Consumer<LinkState> listener) { }

        @Override public boolean isStream() { return false; }

        @Override public String describe() { return "throwing"; }

        @Override public void close() { closed = true; }
    }
}
