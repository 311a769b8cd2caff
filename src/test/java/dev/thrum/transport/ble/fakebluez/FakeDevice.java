package dev.thrum.transport.ble.fakebluez;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.Variant;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fake BLE device on the fake BlueZ: org.bluez.Device1 plus, while connected, its GATT service
 * and characteristics. Tests see what was written, inject notifications and drop/restore the link.
 */
public final class FakeDevice {

    /** One frame the host wrote; {@code type} is "request" (with response) or "command" (without). */
    public record Write(byte[] data, String type) {}

    private final FakeDeviceSpec spec;
    private final String path;
    private final FakeBluez.Bus bus;
    private final DeviceObject object;
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final AtomicInteger connects = new AtomicInteger();
    private volatile DeviceEnd deviceEnd = DeviceEnd.silent();

    private boolean reachable = true;          // guarded by this
    private boolean connected;                 // guarded by this
    private volatile String refuseConnectWith; // a D-Bus error name, or null
    private GattObjects.Service service;       // guarded by this
    private volatile GattObjects.Characteristic tx;
    private volatile GattObjects.Characteristic rx;
    private volatile GattObjects.Characteristic battery;

    FakeDevice(FakeDeviceSpec spec, String adapterPath, FakeBluez.Bus bus) {
        this.spec = spec;
        this.path = adapterPath + "/dev_" + spec.address().replace(':', '_');
        this.bus = bus;
        PropertyBag props = new PropertyBag(path, bus)
                .init(BluezInterfaces.DEVICE, "Address", new Variant<>(spec.address()))
                .init(BluezInterfaces.DEVICE, "AddressType", new Variant<>("public"))
                .init(BluezInterfaces.DEVICE, "Name", new Variant<>(spec.name()))
                .init(BluezInterfaces.DEVICE, "Alias", new Variant<>(spec.name()))
                .init(BluezInterfaces.DEVICE, "Adapter", new Variant<>(new DBusPath(adapterPath)))
                .init(BluezInterfaces.DEVICE, "UUIDs", new Variant<>(spec.advertisedServices().toArray(new String[0])))
                .init(BluezInterfaces.DEVICE, "Paired", new Variant<>(false))
                .init(BluezInterfaces.DEVICE, "Trusted", new Variant<>(false))
                .init(BluezInterfaces.DEVICE, "Blocked", new Variant<>(false))
                .init(BluezInterfaces.DEVICE, "LegacyPairing", new Variant<>(false))
                .init(BluezInterfaces.DEVICE, "RSSI", new Variant<>(spec.rssi()))
                .init(BluezInterfaces.DEVICE, "Connected", new Variant<>(false))
                .init(BluezInterfaces.DEVICE, "ServicesResolved", new Variant<>(false));
        this.object = new DeviceObject(path, props, this);
    }

    public FakeDeviceSpec spec() { return spec; }

    public String address() { return spec.address(); }

    /** What the device does with frames from the host (default: nothing). */
    public void deviceEnd(DeviceEnd end) { this.deviceEnd = end; }

    public List<Write> writes() { return List.copyOf(writes); }

    public void clearWrites() { writes.clear(); }

    /** How many times the host connected (a reconnect counts). */
    public int connectCount() { return connects.get(); }

    public synchronized boolean connected() { return connected; }

    public boolean notifying() {
        GattObjects.Characteristic c = rx;
        return c != null && c.notifying();
    }

    /** Sends a notification on RX, as the device would; dropped unless the host enabled notifications. */
    public void notifyHost(byte[] value) {
        GattObjects.Characteristic c = rx;
        if (c != null && c.notifying()) c.notifyValue(value.clone());
    }

    /** A battery notification, when the spec has a battery characteristic and the host listens. */
    public void notifyBattery(byte[] value) {
        GattObjects.Characteristic c = battery;
        if (c != null && c.notifying()) c.notifyValue(value.clone());
    }

    /** For devices the host reads instead of listening to: sets RX's value without a notification. */
    public void setRxValue(byte[] value) {
        GattObjects.Characteristic c = rx;
        if (c != null) c.setValueQuietly(value.clone());
    }

    /** The device goes out of range: the link drops and connecting fails until {@link #restoreLink()}. */
    public void dropLink() {
        synchronized (this) { reachable = false; }
        disconnect();
    }

    public synchronized void restoreLink() { reachable = true; }

    /** Makes Connect fail with this D-Bus error name (for example org.freedesktop.DBus.Error.AccessDenied). */
    public void refuseConnect(String dbusError) { this.refuseConnectWith = dbusError; }

    DeviceObject object() { return object; }

    String path() { return path; }

    // ---- D-Bus side --------------------------------------------------------------------------

    void connect() {
        String refusal = refuseConnectWith;
        if (refusal != null) throw AdapterObject.error(refusal, "Connect refused by the fake: " + refusal);
        synchronized (this) {
            if (!reachable) throw AdapterObject.error("org.bluez.Error.Failed", "le-connection-abort-by-local");
            if (connected) return;
            connected = true;
            connects.incrementAndGet();
            object.properties().change(BluezInterfaces.DEVICE, "Connected", new Variant<>(true));
            String servicePath = path + "/service000a";
            service = new GattObjects.Service(servicePath, spec.service(), path, bus);
            tx = new GattObjects.Characteristic(servicePath + "/char000b", spec.tx(), servicePath, spec.txFlags(), bus,
                    this::written);
            rx = spec.rx() == null ? null : new GattObjects.Characteristic(servicePath + "/char000d", spec.rx(),
                    servicePath, spec.rxFlags(), bus, (v, t) -> {});
            battery = spec.battery() == null ? null : new GattObjects.Characteristic(servicePath + "/char000f",
                    spec.battery(), servicePath, List.of("read", "notify"), bus, (v, t) -> {});
            bus.add(service);
            bus.add(tx);
            if (rx != null) bus.add(rx);
            if (battery != null) bus.add(battery);
            object.properties().change(BluezInterfaces.DEVICE, "ServicesResolved", new Variant<>(true));
        }
    }

    void disconnect() {
        synchronized (this) {
            if (!connected) return;
            connected = false;
            object.properties().change(BluezInterfaces.DEVICE, "ServicesResolved", new Variant<>(false));
            bus.remove(battery);
            bus.remove(rx);
            bus.remove(tx);
            bus.remove(service);
            battery = null;
            rx = null;
            tx = null;
            service = null;
            object.properties().change(BluezInterfaces.DEVICE, "Connected", new Variant<>(false));
        }
    }

    private void written(byte[] value, String type) {
        writes.add(new Write(value.clone(), type));
        deviceEnd.received(value.clone(), this::notifyHost);
    }

    /** org.bluez.Device1 on the bus. */
    static final class DeviceObject implements BluezInterfaces.Device1, ExportedObject {
        private final String path;
        private final PropertyBag props;
        private final FakeDevice device;

        DeviceObject(String path, PropertyBag props, FakeDevice device) {
            this.path = path;
            this.props = props;
            this.device = device;
        }

        @Override
        public void Connect() { device.connect(); }

        @Override
        public void Disconnect() { device.disconnect(); }

        @Override
        public PropertyBag properties() { return props; }

        @Override
        public String getObjectPath() { return path; }
    }
}
