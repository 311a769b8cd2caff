package dev.thrum.transport.ble.fakebluez;

import org.freedesktop.dbus.types.Variant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The D-Bus properties of one fake object, per interface, plus GetAll/Get/Set for its
 * org.freedesktop.DBus.Properties. Changes go out as PropertiesChanged through {@code signals}.
 */
public final class PropertyBag {

    private final String path;
    private final Signals signals;
    private final Map<String, Map<String, Variant<?>>> byInterface = new LinkedHashMap<>();

    PropertyBag(String path, Signals signals) {
        this.path = path;
        this.signals = signals;
    }

    /** Sets a property without a signal (before the object is announced). */
    synchronized PropertyBag init(String iface, String name, Variant<?> value) {
        byInterface.computeIfAbsent(iface, i -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    /** Sets a property and announces the change, like BlueZ does. */
    void change(String iface, String name, Variant<?> value) {
        synchronized (this) {
            byInterface.computeIfAbsent(iface, i -> new LinkedHashMap<>()).put(name, value);
        }
        signals.propertiesChanged(path, iface, Map.of(name, value));
    }

    synchronized Variant<?> get(String iface, String name) {
        return byInterface.getOrDefault(iface, Map.of()).get(name);
    }

    synchronized Map<String, Variant<?>> getAll(String iface) {
        return new LinkedHashMap<>(byInterface.getOrDefault(iface, Map.of()));
    }

    synchronized Map<String, Map<String, Variant<?>>> snapshot() {
        Map<String, Map<String, Variant<?>>> copy = new LinkedHashMap<>();
        byInterface.forEach((k, v) -> copy.put(k, new LinkedHashMap<>(v)));
        return copy;
    }

    synchronized List<String> interfaces() {
        return List.copyOf(byInterface.keySet());
    }

    /** Sends signals on the fake's bus connection. */
    interface Signals {
        void propertiesChanged(String path, String iface, Map<String, Variant<?>> changed);
    }
}
