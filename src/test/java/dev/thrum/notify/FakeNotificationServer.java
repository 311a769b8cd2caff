package dev.thrum.notify;

import dev.thrum.testkit.Await;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A desktop notification service for tests: owns {@code org.freedesktop.Notifications} on a bus,
 * records every Notify call, and can press a notification's action (the ActionInvoked signal).
 */
public final class FakeNotificationServer implements Notifications, AutoCloseable {
    /** One Notify call as received. */
    public record Call(long id, String appName, String summary, String body, List<String> actions, int expireTimeout) {}

    private final DBusConnection connection;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(40);

    public FakeNotificationServer(String busAddress) throws Exception {
        connection = DBusConnectionBuilder.forAddress(busAddress).withShared(false).build();
        connection.exportObject(OBJECT_PATH, this);
        connection.requestBusName(BUS_NAME);
    }

    @Override
    public UInt32 sendNotification(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                         List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
        long id = ids.incrementAndGet();
        calls.add(new Call(id, appName, summary, body, List.copyOf(actions), expireTimeout));
        return new UInt32(id);
    }

    @Override
    public List<String> getCapabilities() {
        return List.of("actions", "body");
    }

    @Override
    public String getObjectPath() {
        return OBJECT_PATH;
    }

    public List<Call> calls() { return List.copyOf(calls); }

    /** Waits until {@code n} notifications arrived, or fails after {@code timeout}. */
    public List<Call> awaitCalls(int n, Duration timeout) throws InterruptedException {
        Await.until(() -> calls.size() >= n, timeout, () -> n + " notifications; got " + calls);
        return calls();
    }

    /** The person presses an action of notification {@code id}. */
    public void press(long id, String actionKey) throws Exception {
        connection.sendMessage(new ActionInvoked(OBJECT_PATH, new UInt32(id), actionKey));
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
