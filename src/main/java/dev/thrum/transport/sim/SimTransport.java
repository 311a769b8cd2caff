package dev.thrum.transport.sim;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.Codecs;
import dev.thrum.transport.Endpoint;
import dev.thrum.transport.LinkState;
import dev.thrum.transport.Transport;
import dev.thrum.transport.TransportException;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The {@code sim} transport: a {@link SimulatedMassager} in the same process, reached in frame mode
 * ({@link #isStream()} is false). Writes to {@link Endpoint#TX} go to the simulator; its frames come
 * back to {@link Endpoint#RX} subscribers. Everything the simulator does, and every callback, runs
 * on this transport's own thread, never on the caller's.
 *
 * <p>The simulator's {@link SimulatedMassager#dropLink()} makes this transport report
 * {@link LinkState#DOWN} and fail writes; {@link SimulatedMassager#restoreLink()} makes it report
 * {@link LinkState#UP} again, as a real adapter does after it reconnects.
 */
public final class SimTransport implements Transport {

    /** How often the simulator is given time to move its motor and send streamed or delayed status. */
    public static final long TICK_MS = 10;

    private static final System.Logger LOG = System.getLogger(SimTransport.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final SimulatedMassager massager;
    private final ScheduledExecutorService thread;
    private final List<Consumer<byte[]>> rxListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<LinkState>> linkListeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger failWrites = new AtomicInteger();
    private final boolean stream;
    private volatile boolean connected;
    private volatile boolean closed;

    /** A transport around a fresh simulator of this profile, whose time comes from {@code clock}. */
    public SimTransport(DeviceProfile profile, Codec codec, Clock clock) {
        this(profile, codec, clock, SimulatedMassager.Input.FRAMES);
    }

    /**
     * @param input {@link SimulatedMassager.Input#STREAM} makes this a byte-stream transport, as a
     *              serial line is: writes may be any piece of a frame, or noise (the conformance check
     *              sends split and noisy frames); replies still come one frame per callback
     */
    public SimTransport(DeviceProfile profile, Codec codec, Clock clock, SimulatedMassager.Input input) {
        this.stream = input == SimulatedMassager.Input.STREAM;
        String name = "sim-" + profile.id() + "-" + THREADS.incrementAndGet();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        this.massager = new SimulatedMassager(profile, codec, clock, input,
                frame -> post(() -> deliver(frame)));
        massager.onLinkChange(up -> post(() -> linkChanged(up)));
        thread.scheduleWithFixedDelay(() -> {
            if (connected) massager.tick();
        }, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** {@code --device sim:PROFILE}: a simulator of this profile speaking through the profile's own codec. */
    public static SimTransport of(DeviceProfile profile, Clock clock) {
        return new SimTransport(profile, Codecs.forProfile(profile), clock);
    }

    /** The simulator behind this transport, for its state, its record and its fault controls. */
    public SimulatedMassager massager() { return massager; }

    @Override
    public void connect() throws TransportException {
        if (closed) throw new TransportException(describe() + " is closed; make a new one");
        if (!massager.linkUp())
            throw new TransportException(describe() + ": the simulated link is down (restoreLink() brings it back)");
        connected = true;
        post(() -> notifyLink(LinkState.UP));
    }

    @Override
    public void write(Endpoint endpoint, byte[] data) throws TransportException {
        if (endpoint != Endpoint.TX) throw new TransportException(describe() + " only accepts writes to TX, not " + endpoint);
        if (!connected) throw new TransportException(describe() + " is not connected");
        if (!massager.linkUp()) throw new TransportException(describe() + ": link lost");
        if (failWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0)
            throw new TransportException(describe() + ": write failed (injected fault)");
        byte[] copy = data.clone();
        post(() -> massager.onBytesFromHost(copy));
    }

    @Override
    public void subscribe(Endpoint endpoint, Consumer<byte[]> listener) {
        if (endpoint == Endpoint.RX) rxListeners.add(listener);
        // the simulator has no separate battery endpoint: battery comes in its status frames
    }

    @Override
    public void onLinkState(Consumer<LinkState> listener) { linkListeners.add(listener); }

    @Override
    public boolean isStream() { return stream; }

    @Override
    public String describe() { return "sim:" + massager.profile().id(); }

    /** Makes the next {@code n} writes throw a {@link TransportException} without reaching the simulator. */
    public void failNextWrites(int n) { failWrites.set(n); }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        connected = false;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(1, TimeUnit.SECONDS)) thread.shutdownNow();
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(byte[] frame) {
        if (!connected) return;
        for (Consumer<byte[]> l : rxListeners) {
            try {
                l.accept(frame.clone());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "an RX listener of " + describe() + " failed", e);
            }
        }
    }

    private void linkChanged(boolean up) {
        if (!connected) return;
        notifyLink(up ? LinkState.UP : LinkState.DOWN);
    }

    private void notifyLink(LinkState state) {
        for (Consumer<LinkState> l : linkListeners) {
            try {
                l.accept(state);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a link listener of " + describe() + " failed", e);
            }
        }
    }

    private void post(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            // closed: nothing more is delivered
        }
    }
}
