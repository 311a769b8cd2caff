package dev.thrum.transport.ble.fakebluez;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.Variant;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** The GATT objects BlueZ creates while a device is connected. */
final class GattObjects {

    private GattObjects() {}

    static final class Service implements BluezInterfaces.GattService1, ExportedObject {
        private final String path;
        private final PropertyBag props;

        Service(String path, String uuid, String devicePath, PropertyBag.Signals signals) {
            this.path = path;
            this.props = new PropertyBag(path, signals)
                    .init(BluezInterfaces.SERVICE, "UUID", new Variant<>(uuid))
                    .init(BluezInterfaces.SERVICE, "Device", new Variant<>(new DBusPath(devicePath)))
                    .init(BluezInterfaces.SERVICE, "Primary", new Variant<>(true))
                    .init(BluezInterfaces.SERVICE, "Includes", new Variant<>(new DBusPath[0], "ao"));
        }

        @Override
        public PropertyBag properties() { return props; }

        @Override
        public String getObjectPath() { return path; }
    }

    static final class Characteristic implements BluezInterfaces.GattCharacteristic1, ExportedObject {
        private final String path;
        private final PropertyBag props;
        private final List<String> flags;
        private final BiConsumer<byte[], String> onWrite;

        Characteristic(String path, String uuid, String servicePath, List<String> flags, PropertyBag.Signals signals,
                       BiConsumer<byte[], String> onWrite) {
            this.path = path;
            this.flags = flags;
            this.onWrite = onWrite;
            this.props = new PropertyBag(path, signals)
                    .init(BluezInterfaces.CHARACTERISTIC, "UUID", new Variant<>(uuid))
                    .init(BluezInterfaces.CHARACTERISTIC, "Service", new Variant<>(new DBusPath(servicePath)))
                    .init(BluezInterfaces.CHARACTERISTIC, "Value", new Variant<>(new byte[0]))
                    .init(BluezInterfaces.CHARACTERISTIC, "Notifying", new Variant<>(false))
                    .init(BluezInterfaces.CHARACTERISTIC, "Flags", new Variant<>(flags.toArray(new String[0])));
        }

        boolean notifying() {
            return Boolean.TRUE.equals(props.get(BluezInterfaces.CHARACTERISTIC, "Notifying").getValue());
        }

        /** A notification: BlueZ sends it as a change of Value. */
        void notifyValue(byte[] value) {
            props.change(BluezInterfaces.CHARACTERISTIC, "Value", new Variant<>(value));
        }

        void setValueQuietly(byte[] value) {
            props.init(BluezInterfaces.CHARACTERISTIC, "Value", new Variant<>(value));
        }

        @Override
        public byte[] ReadValue(Map<String, Variant<?>> options) {
            return (byte[]) props.get(BluezInterfaces.CHARACTERISTIC, "Value").getValue();
        }

        @Override
        public void WriteValue(byte[] value, Map<String, Variant<?>> options) {
            Variant<?> requested = options == null ? null : options.get("type");
            // BlueZ's rule when no type is given: a request if "write" is offered, else a command.
            String type = requested != null ? String.valueOf(requested.getValue())
                    : flags.contains("write") ? "request" : "command";
            if (!flags.contains(type.equals("request") ? "write" : "write-without-response")) {
                throw AdapterObject.error("org.bluez.Error.NotSupported", "Operation is not supported");
            }
            onWrite.accept(value, type);
        }

        @Override
        public void StartNotify() {
            if (!flags.contains("notify") && !flags.contains("indicate")) {
                throw AdapterObject.error("org.bluez.Error.NotSupported", "Operation is not supported");
            }
            props.change(BluezInterfaces.CHARACTERISTIC, "Notifying", new Variant<>(true));
        }

        @Override
        public void StopNotify() {
            props.change(BluezInterfaces.CHARACTERISTIC, "Notifying", new Variant<>(false));
        }

        @Override
        public PropertyBag properties() { return props; }

        @Override
        public String getObjectPath() { return path; }
    }
}
