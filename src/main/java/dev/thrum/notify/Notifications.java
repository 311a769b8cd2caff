package dev.thrum.notify;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusMemberName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

import java.util.List;
import java.util.Map;

/**
 * The part of the freedesktop Desktop Notifications interface Thrum uses
 * ({@code org.freedesktop.Notifications} at {@code /org/freedesktop/Notifications} on the session bus).
 */
@DBusInterfaceName("org.freedesktop.Notifications")
public interface Notifications extends DBusInterface {
    String BUS_NAME = "org.freedesktop.Notifications";
    String OBJECT_PATH = "/org/freedesktop/Notifications";

    @DBusMemberName("Notify")
    UInt32 sendNotification(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                  List<String> actions, Map<String, Variant<?>> hints, int expireTimeout);

    @DBusMemberName("GetCapabilities")
    List<String> getCapabilities();

    /** Sent by the server when the person clicks one of a notification's actions. */
    @DBusMemberName("ActionInvoked")
    class ActionInvoked extends DBusSignal {
        private final UInt32 id;
        private final String actionKey;

        public ActionInvoked(String path, UInt32 id, String actionKey) throws DBusException {
            super(path, id, actionKey);
            this.id = id;
            this.actionKey = actionKey;
        }

        public UInt32 getId() { return id; }

        public String getActionKey() { return actionKey; }
    }
}
