package dev.thrum.notify;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Desktop notifications through {@code org.freedesktop.Notifications} on the session D-Bus, with a
 * snooze action. Talks D-Bus from Java (dbus-java), no helper programs. When there is no session bus
 * or no notification service on it, that is logged once and {@link #show} returns -1; it tries again
 * at the next reminder, so a desktop that starts its notification service later still gets them.
 */
public final class DesktopNotifier implements Notifier {
    private static final System.Logger LOG = System.getLogger("thrum.reminders");
    static final String APP_NAME = "Thrum";
    /** Ask the server to keep a reminder until the person acts on it (0 = never expire). */
    private static final int NEVER_EXPIRE = 0;

    private final String busAddress;
    private final List<LongConsumer> snoozeListeners = new CopyOnWriteArrayList<>();
    private DBusConnection connection;
    private Notifications service;
    private boolean saidUnavailable;

    /** @param busAddress a D-Bus address, or null for the session bus ($DBUS_SESSION_BUS_ADDRESS) */
    public DesktopNotifier(String busAddress) {
        this.busAddress = busAddress;
    }

    /** Connects and checks that a notification service answers; says once why not. */
    public synchronized boolean available() {
        try {
            connect();
            if (service.getCapabilities() == null) throw new IllegalStateException("no answer to GetCapabilities");
            saidUnavailable = false;
            return true;
        } catch (DBusException | RuntimeException e) {
            unavailable(e);
            return false;
        }
    }

    @Override
    public synchronized long show(String summary, String body) {
        try {
            connect();
            UInt32 id = service.sendNotification(APP_NAME, new UInt32(0), "", summary, body,
                    List.of(SNOOZE, "Snooze 10 minutes"), Map.of("category", new Variant<>("x-thrum.reminder")), NEVER_EXPIRE);
            if (id == null) throw new IllegalStateException("no answer to Notify");
            saidUnavailable = false;
            return id.longValue();
        } catch (DBusException | RuntimeException e) {
            unavailable(e);
            return -1;
        }
    }

    @Override
    public void onSnooze(LongConsumer listener) {
        snoozeListeners.add(listener);
    }

    private void connect() throws DBusException {
        if (service != null && connection != null && connection.isConnected()) return;
        closeConnection();
        DBusConnection c = busAddress == null ? DBusConnectionBuilder.forSessionBus().withShared(false).build()
                : DBusConnectionBuilder.forAddress(busAddress).withShared(false).build();
        try {
            c.addSigHandler(Notifications.ActionInvoked.class, signal -> {
                if (SNOOZE.equals(signal.getActionKey())) snoozeListeners.forEach(l -> l.accept(signal.getId().longValue()));
            });
            service = c.getRemoteObject(Notifications.BUS_NAME, Notifications.OBJECT_PATH, Notifications.class);
            connection = c;
        } catch (DBusException | RuntimeException e) {
            c.disconnect();
            throw e;
        }
    }

    private void unavailable(Exception e) {
        closeConnection();
        if (saidUnavailable) return;
        saidUnavailable = true;
        LOG.log(System.Logger.Level.WARNING, "reminders cannot be shown: no desktop notification service ("
                + Notifications.BUS_NAME + ") on the session bus (" + firstLine(e) + "); the daemon goes on without them");
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private void closeConnection() {
        if (connection != null) connection.disconnect();
        connection = null;
        service = null;
    }

    @Override
    public synchronized void close() {
        closeConnection();
    }
}
