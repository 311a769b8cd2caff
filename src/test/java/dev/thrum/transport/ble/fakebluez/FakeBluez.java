package dev.thrum.transport.ble.fakebluez;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake BlueZ ({@code org.bluez}) on the private system bus, written with dbus-java: one adapter
 * (hci0), devices the tests add, and their GATT objects while connected. Real tinyb talks to it
 * exactly as it talks to BlueZ. One per JVM (tinyb's bus connection is a process-wide singleton);
 * {@link #reset()} between tests.
 */
public final class FakeBluez {

    public static final String ADAPTER_PATH = "/org/bluez/hci0";
    public static final String ADAPTER_ADDRESS = "00:1A:7D:DA:71:13";

    private static FakeBluez instance;

    private final String busAddress;
    private final DBusConnection connection;
    private final Map<String, ExportedObject> exported = new LinkedHashMap<>();
    private final Map<String, FakeDevice> devices = new LinkedHashMap<>();
    private final Bus bus = new Bus();
    private AdapterObject adapter;

    /** The fake on this JVM's private bus, started on first use. */
    public static synchronized FakeBluez instance() throws Exception {
        if (instance == null) instance = new FakeBluez(PrivateSystemBus.start());
        return instance;
    }

    private FakeBluez(String busAddress) throws DBusException {
        this.busAddress = busAddress;
        this.connection = DBusConnectionBuilder.forAddress(busAddress).withShared(false).build();
        connection.exportObject("/", new Root());
        addAdapter();
        connection.requestBusName("org.bluez");
    }

    public String busAddress() { return busAddress; }

    /** Back to one powered adapter and no devices. */
    public synchronized void reset() {
        for (FakeDevice d : List.copyOf(devices.values())) {
            d.disconnect();
            if (exported.containsKey(d.path())) bus.remove(d.object());
        }
        devices.clear();
        if (adapter == null) addAdapter();
        adapter.signalDiscoveringPromptly();
        // A scan the last test left on (tinyb skips its stop while its cached Discovering reads false):
        // ended here, so a device a test adds appears only when that test scans.
        if (adapter.discovering()) adapter.StopDiscovery();
        if (!adapter.powered()) powerOn();
    }

    /** A device in range: BlueZ learns of it when a scan starts. */
    public synchronized FakeDevice addDevice(FakeDeviceSpec spec) {
        FakeDevice device = new FakeDevice(spec, ADAPTER_PATH, bus);
        devices.put(spec.address(), device);
        if (adapter != null && Boolean.TRUE.equals(adapter.properties().get(BluezInterfaces.ADAPTER, "Discovering").getValue())) {
            bus.add(device.object());
        }
        return device;
    }

    /** A device BlueZ already knows (seen before), so no scan is needed to find it. */
    public synchronized FakeDevice addKnownDevice(FakeDeviceSpec spec) {
        FakeDevice device = addDevice(spec);
        if (!exported.containsKey(device.path())) bus.add(device.object());
        return device;
    }

    /**
     * Makes the adapter signal Discovering changes {@code delay} after answering Start/StopDiscovery,
     * as real BlueZ may, so tinyb's cached Discovering lags behind; until {@link #reset()}.
     */
    public synchronized void announceDiscoveringLate(Duration delay) {
        adapter.announceDiscoveringAfter(delay);
    }

    public synchronized void powerOff() {
        adapter.properties().change(BluezInterfaces.ADAPTER, "Powered", new Variant<>(false));
    }

    public synchronized void powerOn() {
        adapter.properties().change(BluezInterfaces.ADAPTER, "Powered", new Variant<>(true));
    }

    /** Like unplugging the USB dongle: the adapter and its devices disappear. */
    public synchronized void removeAdapter() {
        for (FakeDevice d : devices.values()) {
            d.disconnect();
            if (exported.containsKey(d.path())) bus.remove(d.object());
        }
        devices.clear();
        if (adapter != null) bus.remove(adapter);
        adapter = null;
    }

    private void addAdapter() {
        adapter = new AdapterObject(ADAPTER_PATH, ADAPTER_ADDRESS, true, bus, this::discoveryStarted);
        bus.add(adapter);
    }

    private synchronized void discoveryStarted() {
        for (FakeDevice d : devices.values()) {
            if (!exported.containsKey(d.path())) bus.add(d.object());
        }
    }

    /** Exports objects and sends the signals BlueZ sends; shared with the fake's objects. */
    final class Bus implements PropertyBag.Signals {

        void add(ExportedObject object) {
            String path = object.getObjectPath();
            try {
                connection.exportObject(path, object);
                synchronized (exported) { exported.put(path, object); }
                connection.sendMessage(new ObjectManager.InterfacesAdded("/", new DBusPath(path),
                        object.properties().snapshot()));
            } catch (DBusException e) {
                throw new IllegalStateException("fake BlueZ could not export " + path, e);
            }
        }

        void remove(ExportedObject object) {
            if (object == null) return;
            String path = object.getObjectPath();
            try {
                connection.sendMessage(new ObjectManager.InterfacesRemoved("/", new DBusPath(path),
                        object.properties().interfaces()));
            } catch (DBusException e) {
                throw new IllegalStateException("fake BlueZ could not announce removal of " + path, e);
            }
            connection.unExportObject(path);
            synchronized (exported) { exported.remove(path); }
        }

        @Override
        public void propertiesChanged(String path, String iface, Map<String, Variant<?>> changed) {
            try {
                connection.sendMessage(new Properties.PropertiesChanged(path, iface, changed, List.of()));
            } catch (DBusException e) {
                throw new IllegalStateException("fake BlueZ could not signal a change on " + path, e);
            }
        }
    }

    /** org.freedesktop.DBus.ObjectManager at /, which tinyb (GDBusObjectManagerClient) reads first. */
    private final class Root implements ObjectManager {
        @Override
        public Map<DBusPath, Map<String, Map<String, Variant<?>>>> GetManagedObjects() {
            Map<DBusPath, Map<String, Map<String, Variant<?>>>> all = new LinkedHashMap<>();
            synchronized (exported) {
                exported.forEach((path, object) -> all.put(new DBusPath(path), object.properties().snapshot()));
            }
            return all;
        }

        @Override
        public String getObjectPath() { return "/"; }
    }
}
