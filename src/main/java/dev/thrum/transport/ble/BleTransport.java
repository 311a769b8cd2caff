package dev.thrum.transport.ble;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.DeviceProfile.BleSettings;
import dev.thrum.profile.DeviceProfile.ReadMode;
import dev.thrum.transport.Endpoint;
import dev.thrum.transport.LinkState;
import dev.thrum.transport.Transport;
import dev.thrum.transport.TransportException;
import tinyb.BluetoothAdapter;
import tinyb.BluetoothDevice;
import tinyb.BluetoothGattCharacteristic;
import tinyb.BluetoothGattService;
import tinyb.BluetoothManager;

import java.time.Duration;
import java.util.Arrays;
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
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * A massager reached over Bluetooth LE through BlueZ, using tinyb. One notification is one frame.
 *
 * <p>Threads: tinyb delivers every callback on its single GLib thread, which must never block, so
 * callbacks only hand their data to {@code delivery}, a single thread that calls listeners in order.
 * Reconnecting runs on its own thread. Every blocking tinyb call goes through {@link TimedCall}.
 */
public final class BleTransport implements Transport {

    private static final System.Logger LOG = System.getLogger(BleTransport.class.getName());
    private static final long POLL_MS = 5;

    private final String address;
    private final DeviceProfile profile;
    private final BleSettings ble;
    private final BleTimeouts timeouts;

    private final ExecutorService delivery;
    private final ScheduledExecutorService reconnector;
    private final ReentrantLock setup = new ReentrantLock();
    private final Map<Endpoint, List<Consumer<byte[]>>> subscribers = new ConcurrentHashMap<>();
    private final List<Consumer<LinkState>> linkListeners = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    private BluetoothDevice device;       // guarded by lock
    private GattLink link;                // guarded by lock; null while the link is down
    private LinkState state = LinkState.DOWN;
    private long generation;
    private int failedTries;
    private boolean closed;

    private BleTransport(String address, DeviceProfile profile, BleTimeouts timeouts) {
        if (profile.ble() == null) {
            throw new IllegalArgumentException("Profile '" + profile.id() + "' (" + profile.origin()
                    + ") has no \"ble\" section, so it cannot be used over Bluetooth LE.");
        }
        this.address = BleAddress.normalise(address);
        this.profile = profile;
        this.ble = profile.ble();
        this.timeouts = timeouts;
        String tag = this.address.replace(":", "");
        this.delivery = Executors.newSingleThreadExecutor(daemon("thrum-ble-events-" + tag));
        this.reconnector = Executors.newSingleThreadScheduledExecutor(daemon("thrum-ble-reconnect-" + tag));
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
                markUp(openLinkFindingAgainIfGone());
            } catch (TransportException | RuntimeException e) {
                disconnectAfterFailedSetup();
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
        BluetoothGattCharacteristic target = current.characteristic(endpoint);
        if (target == null) {
            throw new TransportException("Profile '" + profile.id() + "' has no characteristic for " + endpoint);
        }
        byte[] frame = data.clone();
        boolean ok = TimedCall.call("writing to " + address, timeouts.call(), () -> target.writeValue(frame));
        if (!ok) throw new TransportException("BlueZ refused the write to " + address + " (" + endpoint + ")");
        if (endpoint == Endpoint.TX && ble.rxMode() == ReadMode.READ && current.rx() != null) {
            // No notifications on this device: the answer to a write is read back.
            byte[] answer = TimedCall.call("reading from " + address, timeouts.call(), current.rx()::readValue);
            hand(() -> deliver(current.generation(), Endpoint.RX, answer));
        }
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
        BluetoothDevice dev;
        synchronized (lock) {
            if (closed) return;
            closed = true;
            link = null;
            state = LinkState.DOWN;
            dev = device;
        }
        reconnector.shutdownNow();
        Duration quick = timeouts.call();
        // No disable*Notifications() here: tinyb frees the callback while its GLib thread may still be
        // running it (a SIGSEGV in on_properties_changed_characteristic, seen when a device kept
        // notifying during close). The delivery executor is shut down below, so late callbacks are dropped.
        if (dev != null) quietly("disconnecting", dev::disconnect, quick);
        delivery.shutdown();
    }

    // ---- connecting ------------------------------------------------------------------------

    private BluetoothDevice findDevice() throws TransportException {
        BluetoothAdapter adapter = BluezAccess.poweredAdapter(timeouts.call());
        try {
            BluetoothManager manager = BluezAccess.manager(timeouts.call());
            BluetoothDevice known = ObjectLookup.device(manager, address, adapter, Duration.ZERO);
            if (known != null) return known;
            // BlueZ has not seen it yet: scan until it shows up (Discovery keeps the scan really on).
            try (Discovery scan = Discovery.start(adapter, "a scan for " + address, timeouts.call())) {
                BluetoothDevice found = ObjectLookup.device(manager, address, adapter, timeouts.find(), scan::keepOn);
                if (found == null) {
                    throw new TransportException("No Bluetooth device " + address + " was found within "
                            + TimedCall.seconds(timeouts.find()) + ". Is it switched on, charged and near, and not "
                            + "connected to a phone? `thrum devices --ble` lists what is seen.");
                }
                return found;
            }
        } finally {
            adapter.close();
        }
    }

    private GattLink openLinkFindingAgainIfGone() throws TransportException {
        try {
            return openLink(adopt(findDevice()));
        } catch (TransportException e) {
            if (!isGone(e)) throw e;
            // BlueZ dropped its record of the device (it forgets devices it has not seen for a
            // while) between our lookup and the connect: look it up again, scanning if needed.
            LOG.log(DEBUG, "{0} vanished from BlueZ during connect; looking it up again", address);
            pause(200);
            return openLink(adopt(findDevice()));
        }
    }

    /** A half-set-up connection would keep the device busy (a phone could not connect): drop it. */
    private void disconnectAfterFailedSetup() {
        BluetoothDevice dev;
        synchronized (lock) { dev = device; }
        if (dev != null && dev.getConnected()) quietly("disconnecting after a failed setup", dev::disconnect, timeouts.call());
    }

    private BluetoothDevice adopt(BluetoothDevice dev) {
        BluetoothDevice previous;
        synchronized (lock) {
            previous = device;
            device = dev;
        }
        if (previous != null && previous != dev) previous.disableConnectedNotifications();
        dev.enableConnectedNotifications(this::onConnectedFromGlib);
        return dev;
    }

    /** True when BlueZ no longer has the device object we hold. */
    private static boolean isGone(TransportException e) {
        String msg = String.valueOf(e.getMessage());
        return msg.contains("UnknownObject") || msg.contains("UnknownMethod") || msg.contains("DoesNotExist");
    }

    private static void pause(long ms) throws TransportException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("Interrupted");
        }
    }

    /** Connects (if needed), waits for services, looks the characteristics up and enables notifications. */
    private GattLink openLink(BluetoothDevice dev) throws TransportException {
        if (!dev.getConnected()) {
            boolean ok = TimedCall.call("connecting to " + address, timeouts.connect(), dev::connect);
            if (!ok) throw new TransportException("BlueZ could not connect to " + address + ". Is it in range?");
        }
        waitFor(dev::getServicesResolved, timeouts.services(), "waiting for the services of " + address);
        BluetoothManager manager = BluezAccess.manager(timeouts.call());
        BluetoothGattService service = ObjectLookup.service(manager, ble.service(), dev, timeouts.call());
        if (service == null) throw missing("service", ble.service());
        BluetoothGattCharacteristic tx = characteristic(manager, service, ble.txUuid(), "tx");
        BluetoothGattCharacteristic rx = ble.rxUuid() == null ? null : characteristic(manager, service, ble.rxUuid(), "rx");
        BluetoothGattCharacteristic battery = optionalBattery(dev);
        List<String> flags = Arrays.asList(tx.getFlags());
        var problem = WriteModeCheck.problem(ble.txWrite(), flags);
        if (problem.isPresent()) {
            throw new TransportException("Characteristic " + ble.txUuid() + " on " + address + " does not fit profile '"
                    + profile.id() + "': " + problem.get() + ". Fix \"ble.tx.write\" in " + profile.origin() + ".");
        }
        if (WriteModeCheck.effective(flags) != ble.txWrite()) {
            LOG.log(INFO, "{0}: characteristic offers both write kinds; BlueZ will write with response", address);
        }
        long gen;
        synchronized (lock) { gen = ++generation; }
        if (rx != null && ble.rxMode() != ReadMode.READ) {
            TimedCall.run("enabling notifications on " + address, timeouts.call(),
                    () -> rx.enableValueNotifications(value -> onValueFromGlib(gen, Endpoint.RX, value)));
        }
        if (battery != null && Arrays.asList(battery.getFlags()).contains("notify")) {
            quietly("enabling battery notifications",
                    () -> battery.enableValueNotifications(value -> onValueFromGlib(gen, Endpoint.BATTERY, value)),
                    timeouts.call());
        }
        return new GattLink(gen, tx, rx, battery);
    }

    private BluetoothGattCharacteristic characteristic(BluetoothManager manager, BluetoothGattService service,
                                                       String uuid, String role) throws TransportException {
        BluetoothGattCharacteristic c = ObjectLookup.characteristic(manager, uuid, service, timeouts.call());
        if (c == null) throw missing(role + " characteristic", uuid);
        return c;
    }

    /** The battery level lives in its own service (0x180f) on most devices; it is optional. */
    private BluetoothGattCharacteristic optionalBattery(BluetoothDevice dev) {
        if (ble.batteryUuid() == null) return null;
        try {
            return TimedCall.call("looking up the battery characteristic", timeouts.call(), () -> {
                for (BluetoothGattService s : dev.getServices()) {
                    for (BluetoothGattCharacteristic c : s.getCharacteristics()) {
                        if (ble.batteryUuid().equalsIgnoreCase(c.getUUID())) return c;
                    }
                }
                return null;
            });
        } catch (TransportException e) {
            LOG.log(DEBUG, "{0}: no battery characteristic: {1}", address, e.getMessage());
            return null;
        }
    }

    private TransportException missing(String what, String uuid) {
        return new TransportException("Device " + address + " has no GATT " + what + " " + uuid + ", which profile '"
                + profile.id() + "' expects. Is this the right profile for the device? (" + profile.origin() + ")");
    }

    private void waitFor(BooleanSupplier condition, Duration timeout, String what) throws TransportException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() >= deadline) {
                throw new TransportException("Timed out after " + TimedCall.seconds(timeout) + " " + what
                        + ". Move the device closer and try again.");
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("Interrupted while " + what);
            }
        }
    }

    private void markUp(GattLink fresh) {
        BluetoothDevice dev;
        synchronized (lock) {
            if (closed) return;
            link = fresh;
            state = LinkState.UP;
            failedTries = 0;
            dev = device;
        }
        hand(() -> announce(LinkState.UP));
        // A drop that happened while we were still setting up was ignored (we were DOWN): catch it now.
        if (!dev.getConnected()) hand(() -> onConnectionChanged(false));
    }

    // ---- callbacks from tinyb's GLib thread: hand over, never block --------------------------

    private void onConnectedFromGlib(Boolean connected) {
        hand(() -> onConnectionChanged(Boolean.TRUE.equals(connected)));
    }

    private void onValueFromGlib(long gen, Endpoint endpoint, byte[] value) {
        byte[] copy = value == null ? new byte[0] : value.clone();
        hand(() -> deliver(gen, endpoint, copy));
    }

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

    private void deliver(long gen, Endpoint endpoint, byte[] frame) {
        synchronized (lock) {
            if (closed || gen != generation) return;
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
        BluetoothDevice dev;
        synchronized (lock) {
            if (closed || state == LinkState.UP) return;
            dev = device;
        }
        setup.lock();
        try {
            try {
                markUp(openLink(dev));
            } catch (TransportException e) {
                if (!isGone(e)) throw e;
                markUp(openLink(adopt(findDevice()))); // BlueZ forgot it while it was away
            }
            LOG.log(INFO, "Bluetooth link to {0} is back", address);
        } catch (TransportException | RuntimeException e) {
            int tries;
            synchronized (lock) { tries = failedTries++; }
            Duration wait = timeouts.backoff(tries);
            LOG.log(DEBUG, "reconnect to {0} failed ({1}); next try in {2} ms", address, e.getMessage(), wait.toMillis());
            scheduleReconnect(wait);
        } finally {
            setup.unlock();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void quietly(String what, TimedCall.Action action, Duration timeout) {
        try {
            TimedCall.run(what + " (" + address + ")", timeout, action);
        } catch (TransportException e) {
            LOG.log(DEBUG, "{0}", e.getMessage());
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
