package dev.thrum.transport.ble;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.transport.Endpoint;
import dev.thrum.transport.LinkState;
import dev.thrum.transport.Transport;
import dev.thrum.transport.TransportException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * A massager reached over Bluetooth LE through BlueZ: the {@link Transport} port side. One
 * notification is one frame. The GATT work (finding, connecting, characteristics, notifications,
 * writing) is {@link GattConnection}'s; this class keeps the link state, its listeners and reconnecting.
 *
 * <p>Threads: tinyb delivers every callback on its single GLib thread, which must never block, so
 * callbacks only hand their data to {@code delivery}, a single thread that calls listeners in order.
 * Reconnecting runs on its own thread, waiting {@link BleTimeouts#reconnectBackoff()} between failed tries.
 */
public final class BleTransport implements Transport {

    private static final System.Logger LOG = System.getLogger(BleTransport.class.getName());

    private final String address;
    private final DeviceProfile profile;
    private final BleTimeouts timeouts;
    private final GattConnection gatt;

    private final ExecutorService delivery;
    private final ScheduledExecutorService reconnector;
    private final ReentrantLock setup = new ReentrantLock();
    private final Map<Endpoint, List<Consumer<byte[]>>> subscribers = new ConcurrentHashMap<>();
    private final List<Consumer<LinkState>> linkListeners = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    private GattLink link;                // guarded by lock; null while the link is down
    private LinkState state = LinkState.DOWN;
    private int failedTries;
    private boolean closed;

    private BleTransport(String address, DeviceProfile profile, BleTimeouts timeouts) {
        if (profile.ble() == null) {
            throw new IllegalArgumentException("Profile '" + profile.id() + "' (" + profile.origin()
                    + ") has no \"ble\" section, so it cannot be used over Bluetooth LE.");
        }
        this.address = BleAddress.normalise(address);
        this.profile = profile;
        this.timeouts = timeouts;
        String tag = this.address.replace(":", "");
        this.delivery = Executors.newSingleThreadExecutor(daemon("thrum-ble-events-" + tag));
        this.reconnector = Executors.newSingleThreadScheduledExecutor(daemon("thrum-ble-reconnect-" + tag));
        this.gatt = new GattConnection(this.address, profile, timeouts, new GattConnection.Callbacks() {
            @Override
            public void connectedChanged(boolean connected) { hand(() -> onConnectionChanged(connected)); }

            @Override
            public void value(long generation, Endpoint endpoint, byte[] value) {
                byte[] copy = value == null ? new byte[0] : value.clone();
                hand(() -> deliver(generation, endpoint, copy));
            }
        });
    }

    /** A transport to the device at {@code address} speaking {@code profile}, with default timeouts. */
    public static BleTransport to(String address, DeviceProfile profile) {
        return new BleTransport(address, profile, BleTimeouts.defaults());
    }

    public static BleTransport to(String address, DeviceProfile profile, BleTimeouts timeouts) {
        return new BleTransport(address, profile, timeouts);
    }

    /**
     * Scans for at most {@code scanTimeout} and returns a (not yet connected) transport to the first
     * device that matches one of the profiles, with that profile (see {@link #profile()}).
     */
    public static BleTransport toFirstMatching(List<DeviceProfile> profiles, Duration scanTimeout,
                                               BleTimeouts timeouts) throws TransportException {
        BleDeviceFound found = BleScanner.firstMatching(scanTimeout, profiles).orElseThrow(() -> new TransportException(
                "No Bluetooth device matching a known profile was found within " + TimedCall.seconds(scanTimeout)
                        + ". Is the massager switched on, charged and near? `thrum devices --ble` lists what is seen."));
        return new BleTransport(found.address(), found.profile().orElseThrow(), timeouts);
    }

    public String address() { return address; }

    public DeviceProfile profile() { return profile; }

    @Override
    public void connect() throws TransportException {
        setup.lock();
        try {
            synchronized (lock) {
                if (closed) throw new TransportException(describe() + " is closed");
                if (state == LinkState.UP) return;
            }
            try {
                markUp(gatt.open());
            } catch (TransportException | RuntimeException e) {
                gatt.disconnectAfterFailedSetup();
                throw e;
            }
        } finally {
            setup.unlock();
        }
    }

    @Override
    public void write(Endpoint endpoint, byte[] data) throws TransportException {
        GattLink current;
        synchronized (lock) {
            if (closed) throw new TransportException(describe() + " is closed");
            current = link;
        }
        if (current == null) {
            throw new TransportException("The Bluetooth link to " + address + " is down (waiting to reconnect); "
                    + "the frame was not sent.");
        }
        byte[] answer = gatt.write(current, endpoint, data);
        if (answer != null) hand(() -> deliver(current.generation(), Endpoint.RX, answer));
    }

    @Override
    public void subscribe(Endpoint endpoint, Consumer<byte[]> listener) {
        subscribers.computeIfAbsent(endpoint, e -> new CopyOnWriteArrayList<>()).add(listener);
    }

    @Override
    public void onLinkState(Consumer<LinkState> listener) {
        linkListeners.add(listener);
    }

    @Override
    public boolean isStream() { return false; }

    @Override
    public String describe() { return "ble:" + address; }

    /** Current link state, for diagnostics and tests. */
    public LinkState linkState() {
        synchronized (lock) { return state; }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) return;
            closed = true;
            link = null;
            state = LinkState.DOWN;
        }
        reconnector.shutdownNow();
        gatt.disconnect();
        delivery.shutdown(); // late tinyb callbacks are dropped, not delivered
    }

    private void markUp(GattLink fresh) {
        synchronized (lock) {
            if (closed) return;
            link = fresh;
            state = LinkState.UP;
            failedTries = 0;
        }
        hand(() -> announce(LinkState.UP));
        // A drop that happened while we were still setting up was ignored (we were DOWN): catch it now.
        if (!gatt.connected()) hand(() -> onConnectionChanged(false));
    }

    /** Callbacks from tinyb's GLib thread end here: hand over, never block. */
    private void hand(Runnable task) {
        try {
            delivery.execute(task);
        } catch (RejectedExecutionException e) {
            // closed: nobody is listening any more
        }
    }

    // ---- on the delivery thread --------------------------------------------------------------

    private void onConnectionChanged(boolean connected) {
        if (connected) return; // UP is announced once the characteristics are ready, not before
        synchronized (lock) {
            if (closed || state != LinkState.UP) return;
            state = LinkState.DOWN;
            link = null; // the old handles never fire again; a reconnect looks them up anew
        }
        LOG.log(WARNING, "Bluetooth link to {0} lost; reconnecting", address);
        announce(LinkState.DOWN);
        scheduleReconnect(Duration.ZERO);
    }

    private void deliver(long generation, Endpoint endpoint, byte[] frame) {
        synchronized (lock) {
            if (closed || generation != gatt.generation()) return;
        }
        for (Consumer<byte[]> listener : subscribers.getOrDefault(endpoint, List.of())) {
            try {
                listener.accept(frame);
            } catch (RuntimeException e) {
                LOG.log(WARNING, "A listener on " + describe() + " " + endpoint + " failed", e);
            }
        }
    }

    private void announce(LinkState s) {
        for (Consumer<LinkState> listener : linkListeners) {
            try {
                listener.accept(s);
            } catch (RuntimeException e) {
                LOG.log(WARNING, "A link-state listener on " + describe() + " failed", e);
            }
        }
    }

    // ---- reconnecting -----------------------------------------------------------------------

    private void scheduleReconnect(Duration delay) {
        try {
            reconnector.schedule(this::tryReconnect, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    private void tryReconnect() {
        synchronized (lock) {
            if (closed || state == LinkState.UP) return;
        }
        setup.lock();
        try {
            markUp(gatt.reopen());
            LOG.log(INFO, "Bluetooth link to {0} is back", address);
        } catch (TransportException | RuntimeException e) {
            int tries;
            synchronized (lock) { tries = failedTries++; }
            Duration wait = timeouts.reconnectBackoff().before(tries);
            LOG.log(DEBUG, "reconnect to {0} failed ({1}); next try in {2} ms", address, e.getMessage(), wait.toMillis());
            scheduleReconnect(wait);
        } finally {
            setup.unlock();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
