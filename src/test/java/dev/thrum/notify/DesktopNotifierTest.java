package dev.thrum.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notifier against a notification service written for the test, on a private session bus. */
class DesktopNotifierTest {

    @Test
    void showsWithASnoozeActionAndHearsThePressOfIt() throws Exception {
        try (PrivateSessionBus bus = PrivateSessionBus.start();
             FakeNotificationServer server = new FakeNotificationServer(bus.address());
             DesktopNotifier notifier = new DesktopNotifier(bus.address())) {
            CompletableFuture<Long> snoozed = new CompletableFuture<>();
            notifier.onSnooze(snoozed::complete);
            assertTrue(notifier.available());
            long id = notifier.show("Thrum: time for Neck", "Ana &amp; you");
            FakeNotificationServer.Call call = server.awaitCalls(1, Duration.ofSeconds(10)).get(0);
            assertEquals(id, call.id());
            assertEquals("Ana &amp; you", call.body());
            assertEquals(List.of(Notifier.SNOOZE, "Snooze 10 minutes"), call.actions());
            server.press(id, "default"); // another action is not a snooze
            server.press(id, Notifier.SNOOZE);
            assertEquals(id, snoozed.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void withoutAServiceShowReturnsMinusOneAndDoesNotThrow() throws Exception {
        try (PrivateSessionBus bus = PrivateSessionBus.start(); DesktopNotifier notifier = new DesktopNotifier(bus.address())) {
            assertFalse(notifier.available());
            assertEquals(-1, notifier.show("a", "b"));
        }
    }
}
