package dev.thrum.transport.ble.fakebluez;

import org.freedesktop.dbus.annotations.DBusIgnore;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

import java.util.Map;

/** A fake BlueZ object: an object path with properties that tinyb reads. Public because dbus-java exports only public interfaces. */
public interface ExportedObject extends Properties {

    @DBusIgnore
    PropertyBag properties();

    @Override
    default Map<String, Variant<?>> GetAll(String iface) {
        return properties().getAll(iface);
    }

    @Override
    @SuppressWarnings("unchecked")
    default <A> A Get(String iface, String name) {
        Variant<?> v = properties().get(iface, name);
        if (v == null) {
            DBusExecutionException e = new DBusExecutionException("No such property " + name);
            e.setType("org.freedesktop.DBus.Error.InvalidArgs");
            throw e;
        }
        return (A) v;
    }

    @Override
    default <A> void Set(String iface, String name, A value) {
        Variant<?> v = value instanceof Variant<?> already ? already : new Variant<>(value);
        properties().change(iface, name, v);
    }
}
