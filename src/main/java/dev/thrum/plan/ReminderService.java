package dev.thrum.plan;

import dev.thrum.usage.SessionRecord;
import dev.thrum.notify.Notifier;
import dev.thrum.program.Client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's reminders: at each planned moment (see {@link Reminders}) it checks the usage log and
 * shows a notification only when that day's session is still due; a snooze shows it again later
 * (again only if still due). {@link #tick} does one round on the injected clock, so the whole
 * behaviour is tested without waiting; the daemon calls it from one thread every few seconds.
 */
public final class ReminderService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("thrum.reminders");
    public static final Duration DEFAULT_SNOOZE = Duration.ofMinutes(10);

    /** Where the service reads plans, sessions and program names (fresh on every look: files change). */
    public interface Source {
        List<Client> clients();

        List<SessionRecord> sessions();

        /** A program's display name, or its id when unknown. */
        String programName(String programId);
    }

    /** A reminder that was shown. */
    public record Shown(long id, Reminders.Moment moment, List<String> programIds, String summary, String body) {}

    private final Source source;
    private final Notifier notifier;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration snooze;
    private final Map<Long, Reminders.Moment> showing = new HashMap<>();
    private final Map<Reminders.Moment, Instant> snoozed = new HashMap<>();
    private final List<Shown> history = new ArrayList<>();
    private Instant lastLook;
    private ScheduledExecutorService timer;

    public ReminderService(Source source, Notifier notifier, Clock clock, ZoneId zone, Duration snooze) {
        this.source = source;
        this.notifier = notifier;
        this.clock = clock;
        this.zone = zone;
        this.snooze = snooze;
        notifier.onSnooze(this::snoozed);
    }

    /** Looks every {@code every} on a daemon thread until {@link #close}. */
    public synchronized void start(Duration every) {
        if (timer != null) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "thrum-reminders");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "reminders: " + e.getMessage(), e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One round: reminds for every planned moment since the last round (on the first round, the last
     * {@link Reminders#CATCH_UP}), and for every snooze that ran out.
     *
     * @return the reminders shown in this round
     */
    public synchronized List<Shown> tick() {
        Instant now = clock.instant();
        Instant from = lastLook != null ? lastLook : now.minus(Reminders.CATCH_UP);
        lastLook = now;
        List<Reminders.Moment> moments = new ArrayList<>();
        List<Client> clients = source.clients();
        if (now.isAfter(from)) moments.addAll(Reminders.between(clients, zone, from, now));
        snoozed.entrySet().removeIf(e -> {
            if (e.getValue().isAfter(now)) return false;
            moments.add(e.getKey());
            return true;
        });
        List<Shown> out = new ArrayList<>();
        if (moments.isEmpty()) return out;
        List<SessionRecord> sessions = source.sessions();
        LocalDate today = now.atZone(zone).toLocalDate();
        for (Reminders.Moment m : moments) {
            List<String> due = PlanProgress.day(m.client(), zone, m.date(), today, sessions).stream()
                    .filter(i -> i.status() == PlanProgress.Status.DUE).map(PlanProgress.Item::programId).toList();
            if (due.isEmpty()) continue; // done already (or the week's target met): no reminder
            String summary = "Thrum: time for " + String.join(", ", due.stream().map(source::programName).toList());
            String body = NotificationText.body(m, due);
            long id = notifier.show(NotificationText.plain(summary), NotificationText.markupSafe(body));
            if (id < 0) continue;
            showing.put(id, m);
            Shown s = new Shown(id, m, due, summary, body);
            history.add(s);
            out.add(s);
            LOG.log(System.Logger.Level.INFO, "reminder for " + m.client().id() + ": " + String.join(", ", due));
        }
        return out;
    }

    private synchronized void snoozed(long notificationId) {
        Reminders.Moment m = showing.remove(notificationId);
        if (m != null) snoozed.put(m, clock.instant().plus(snooze));
    }

    /** Every reminder shown so far (for tests and the log). */
    public synchronized List<Shown> shown() {
        return List.copyOf(history);
    }

    @Override
    public synchronized void close() {
        if (timer != null) timer.shutdownNow();
        notifier.close();
    }
}
