package dev.thrum.transport.ble.fakebluez;

import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

import java.util.Map;

/** org.bluez.Adapter1 at /org/bluez/hci0. Starting discovery makes the in-range devices appear. */
final class AdapterObject implements BluezInterfaces.Adapter1, ExportedObject {

    private final String path;
    private final PropertyBag props;
    private final Runnable onDiscoveryStarted;

    AdapterObject(String path, String address, boolean powered, PropertyBag.Signals signals, Runnable onDiscoveryStarted) {
        this.path = path;
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

    boolean powered() {
        return Boolean.TRUE.equals(props.get(BluezInterfaces.ADAPTER, "Powered").getValue());
    }

    @Override
    public void StartDiscovery() {
        if (!powered()) throw error("org.bluez.Error.NotReady", "Resource Not Ready");
        props.change(BluezInterfaces.ADAPTER, "Discovering", new Variant<>(true));
        onDiscoveryStarted.run();
    }

    @Override
    public void StopDiscovery() {
        props.change(BluezInterfaces.ADAPTER, "Discovering", new Variant<>(false));
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
