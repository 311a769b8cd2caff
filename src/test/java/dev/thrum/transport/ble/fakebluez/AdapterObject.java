package dev.thrum.transport.ble.fakebluez;

import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** org.bluez.Adapter1 at /org/bluez/hci0. Starting discovery makes the in-range devices appear. */
final class AdapterObject implements BluezInterfaces.Adapter1, ExportedObject {

    /** Sends the late Discovering signals (see {@link #announceDiscoveringAfter}). */
    private static final ScheduledExecutorService LATE_SIGNALS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-bluez-late-signals");
        t.setDaemon(true);
        return t;
    });

    private final String path;
    private final PropertyBag props;
    private final PropertyBag.Signals signals;
    private final Runnable onDiscoveryStarted;
    private volatile Duration discoveringSignalDelay = Duration.ZERO;
    private final List<ScheduledFuture<?>> lateSignals = new CopyOnWriteArrayList<>();

    AdapterObject(String path, String address, boolean powered, PropertyBag.Signals signals, Runnable onDiscoveryStarted) {
        this.path = path;
        this.signals = signals;
        this.onDiscoveryStarted = onDiscoveryStarted;
        this.props = new PropertyBag(path, signals)
                .init(BluezInterfaces.ADAPTER, "Address", new Variant<>(address))
                .init(BluezInterfaces.ADAPTER, "Name", new Variant<>("thrum-fake"))
                .init(BluezInterfaces.ADAPTER, "Alias", new Variant<>("thrum-fake"))
                .init(BluezInterfaces.ADAPTER, "Class", new Variant<>(new UInt32(0)))
                .init(BluezInterfaces.ADAPTER, "Powered", new Variant<>(powered))
                .init(BluezInterfaces.ADAPTER, "Discoverable", new Variant<>(false))
                .init(BluezInterfaces.ADAPTER, "Pairable", new Variant<>(false))
                .init(BluezInterfaces.ADAPTER, "DiscoverableTimeout", new Variant<>(new UInt32(180)))
                .init(BluezInterfaces.ADAPTER, "PairableTimeout", new Variant<>(new UInt32(0)))
                .init(BluezInterfaces.ADAPTER, "Discovering", new Variant<>(false))
                .init(BluezInterfaces.ADAPTER, "UUIDs", new Variant<>(new String[0]))
                .init(BluezInterfaces.ADAPTER, "Modalias", new Variant<>("usb:v1D6Bp0246d0537"));
    }

    boolean discovering() {
        return Boolean.TRUE.equals(props.get(BluezInterfaces.ADAPTER, "Discovering").getValue());
    }

    /** Waits until the late signals already scheduled are sent, and signals before the reply again. */
    void signalDiscoveringPromptly() {
        discoveringSignalDelay = Duration.ZERO;
        for (ScheduledFuture<?> signal : lateSignals) {
            try {
                signal.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                throw new IllegalStateException("fake BlueZ could not send a late Discovering signal", e.getCause());
            }
        }
        lateSignals.clear();
    }

    boolean powered() {
        return Boolean.TRUE.equals(props.get(BluezInterfaces.ADAPTER, "Powered").getValue());
    }

    @Override
    public void StartDiscovery() {
        if (!powered()) throw error("org.bluez.Error.NotReady", "Resource Not Ready");
        setDiscovering(true);
        onDiscoveryStarted.run();
    }

    @Override
    public void StopDiscovery() {
        setDiscovering(false);
    }

    /**
     * From now on, Discovering changes take effect at once but are signalled {@code delay} later, after
     * the method's reply, as real BlueZ may do (it replies when the kernel completes the command and
     * signals Discovering on the kernel's separate "discovering" event); meanwhile tinyb's cached
     * Discovering is stale. {@code Duration.ZERO} (the default) signals before the reply.
     */
    void announceDiscoveringAfter(Duration delay) {
        discoveringSignalDelay = delay;
    }

    private void setDiscovering(boolean on) {
        Variant<Boolean> value = new Variant<>(on);
        Duration delay = discoveringSignalDelay;
        if (delay.isZero()) {
            props.change(BluezInterfaces.ADAPTER, "Discovering", value);
            return;
        }
        props.init(BluezInterfaces.ADAPTER, "Discovering", value);
        lateSignals.add(LATE_SIGNALS.schedule(
                () -> signals.propertiesChanged(path, BluezInterfaces.ADAPTER, Map.of("Discovering", value)),
                delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public void SetDiscoveryFilter(Map<String, Variant<?>> filter) {
        // accepted and ignored: every fake device is "in range"
    }

    @Override
    public PropertyBag properties() { return props; }

    @Override
    public String getObjectPath() { return path; }

    static DBusExecutionException error(String type, String message) {
        DBusExecutionException e = new DBusExecutionException(message);
        e.setType(type);
        return e;
    }
}
