package dev.thrum.device;

import dev.thrum.transport.Endpoint;
import dev.thrum.transport.LinkState;
import dev.thrum.transport.Transport;
import dev.thrum.transport.TransportException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A transport for session tests: records every write with the time it was made, can fail writes,
 * and lets the test deliver bytes and link changes (on the test's own thread). An optional
 * {@code device} receives every written frame, for example a simulated massager.
 */
final class FakeTransport implements Transport {

    record Write(long nanos, byte[] bytes) {}

    private final LongSupplier nanoTime;
    private final boolean stream;
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final List<Consumer<byte[]>> rx = new CopyOnWriteArrayList<>();
    private final List<Consumer<byte[]>> battery = new CopyOnWriteArrayList<>();
    private final List<Consumer<LinkState>> link = new CopyOnWriteArrayList<>();
    final List<String> journal = new CopyOnWriteArrayList<>();
    private volatile int failNext;
    private volatile boolean failAlways;
    private volatile boolean up = true;
    private volatile Consumer<byte[]> device = b -> { };
    volatile boolean closed;

    FakeTransport(LongSupplier nanoTime, boolean stream) {
        this.nanoTime = nanoTime;
        this.stream = stream;
    }

    void attach(Consumer<byte[]> device) { this.device = device; }

    void failNextWrites(int n) { failNext = n; }

    void failAlways(boolean on) { failAlways = on; }

    List<Write> writes() { return new ArrayList<>(writes); }

    void deliver(byte[] bytes) { for (Consumer<byte[]> l : rx) l.accept(bytes.clone()); }

    void deliverBattery(byte[] bytes) { for (Consumer<byte[]> l : battery) l.accept(bytes.clone()); }

    void setLink(LinkState state) {
        up = state == LinkState.UP;
        for (Consumer<LinkState> l : link) l.accept(state);
    }

    @Override
    public void connect() throws TransportException {
        if (!up) throw new TransportException("fake: link down");
        journal.add("connect");
    }

    @Override
    public void write(Endpoint endpoint, byte[] data) throws TransportException {
        if (closed) throw new TransportException("fake: closed");
        if (failAlways || failNext > 0) {
            if (failNext > 0) failNext--;
            journal.add("failed write");
            throw new TransportException("fake: write failed");
        }
        if (!up) throw new TransportException("fake: link down");
        writes.add(new Write(nanoTime.getAsLong(), data.clone()));
        journal.add("write");
        device.accept(data.clone());
    }

    @Override
    public void subscribe(Endpoint endpoint, Consumer<byte[]> listener) {
        if (endpoint == Endpoint.RX) rx.add(listener);
        if (endpoint == Endpoint.BATTERY) battery.add(listener);
    }

    @Override
    public void onLinkState(Consumer<LinkState> listener) { link.add(listener); }

    @Override
    public boolean isStream() { return stream; }

    @Override
    public String describe() { return "fake"; }

    @Override
    public void close() {
        closed = true;
        journal.add("close");
    }
}
