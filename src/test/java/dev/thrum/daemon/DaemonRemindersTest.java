package dev.thrum.daemon;

import dev.thrum.testkit.Await;
import dev.thrum.testkit.FileText;
import dev.thrum.store.ClientStore;
import dev.thrum.notify.FakeNotificationServer;
import dev.thrum.notify.PrivateSessionBus;
import dev.thrum.program.Client;
import dev.thrum.program.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real daemon (a child JVM) sends plan reminders to a notification service on a private session
 * bus; with no such service it says so once and keeps running.
 */
class DaemonRemindersTest {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @TempDir Path home;

    /** Ana's plan: general-warm-up every day at the current minute, so the daemon's catch-up reminds at once. */
    private void planDueNow() {
        ZonedDateTime now = ZonedDateTime.now(ZONE);
        LocalTime at = now.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        Plan plan = new Plan(List.of("general-warm-up"), EnumSet.allOf(java.time.DayOfWeek.class), 0, at,
                now.toLocalDate().minusDays(1), null);
        new ClientStore(dev.thrum.store.ThrumDirs.from(Map.of("XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_DATA_HOME", home.resolve("data").toString()), home).clients()).save(Client.named("Ana").withPlan(plan));
    }

    private ChildDaemon daemon(String busAddress, Path log) throws Exception {
        return ChildDaemon.start(home, ChildDaemon.javaDaemon(List.of()),
                Map.of("DBUS_SESSION_BUS_ADDRESS", busAddress, "TZ", ZONE.getId()), log, "--reminder-check-ms", "100",
                "--reminder-snooze-ms", "1500");
    }

    @Test
    void theReminderWithTheProgramsNameArrivesAndSnoozeBringsItBack() throws Exception {
        planDueNow();
        try (PrivateSessionBus bus = PrivateSessionBus.start();
             FakeNotificationServer server = new FakeNotificationServer(bus.address());
             ChildDaemon d = daemon(bus.address(), home.resolve("daemon.log"))) {
            FakeNotificationServer.Call call = server.awaitCalls(1, Duration.ofSeconds(20)).get(0);
            assertEquals("Thrum", call.appName());
            assertTrue(call.summary().contains("General warm-up"), call.summary());
            assertTrue(call.body().contains("thrum run general-warm-up --client ana"), call.body());
            assertEquals(List.of("snooze", "Snooze 10 minutes"), call.actions());
            assertTrue(d.process.isAlive());
            server.press(call.id(), "snooze");
            FakeNotificationServer.Call again = server.awaitCalls(2, Duration.ofSeconds(20)).get(1);
            assertEquals(call.summary(), again.summary(), "the snoozed reminder comes back (the session is still not done)");
            assertTrue(again.id() != call.id());
        }
    }

    @Test
    void withoutANotificationServiceTheDaemonSaysSoOnceAndRunsOn() throws Exception {
        planDueNow();
        Path log = home.resolve("daemon.log");
        try (PrivateSessionBus bus = PrivateSessionBus.start(); ChildDaemon d = daemon(bus.address(), log)) {
            Await.until(() -> count(log, "reminders cannot be shown") > 0, Duration.ofSeconds(20),
                    () -> "a log line about the missing service: " + FileText.of(log));
            // the catch-up reminder was attempted too (the planned minute has passed): still one line.
            // Not a wait: for 2 s the daemon must keep answering while its reminders fail.
            long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < end) {
                DaemonClient.Response r = d.client().get("/session");
                assertEquals(200, r.status(), "the daemon answers");
            }
            assertTrue(d.process.isAlive());
            assertEquals(1, count(log, "reminders cannot be shown"), read(log));
            assertTrue(read(log).contains("org.freedesktop.Notifications"), read(log));
        }
    }

    private static String read(Path f) throws Exception {
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }

    private static int count(Path f, String what) throws Exception {
        String s = read(f);
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
