package dev.thrum.plan;

import dev.thrum.usage.PainScores;
import dev.thrum.usage.SessionRecord;
import dev.thrum.notify.Notifier;
import dev.thrum.program.Client;
import dev.thrum.program.Plan;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

import static dev.thrum.plan.PlanFixtures.BERLIN;
import static dev.thrum.plan.PlanFixtures.berlin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reminder moments and the reminder service on an injected clock, across daylight-saving changes. */
class RemindersTest {

    @Test
    void monWedFriAt18FollowsBerlinAcrossSpringForward() {
        // Summer time starts on Sunday 2026-03-29: 18:00 is 17:00 UTC before and 16:00 UTC after.
        List<Instant> at = Reminders.between(List.of(PlanFixtures.monWedFri()), BERLIN,
                Instant.parse("2026-03-22T00:00:00Z"), Instant.parse("2026-04-04T00:00:00Z"))
                .stream().map(m -> m.at().toInstant()).toList();
        assertEquals(List.of(Instant.parse("2026-03-23T17:00:00Z"), Instant.parse("2026-03-25T17:00:00Z"),
                Instant.parse("2026-03-27T17:00:00Z"), Instant.parse("2026-03-30T16:00:00Z"),
                Instant.parse("2026-04-01T16:00:00Z"), Instant.parse("2026-04-03T16:00:00Z")), at);
    }

    @Test
    void monWedFriAt18FollowsBerlinAcrossFallBack() {
        // Summer time ends on Sunday 2026-10-25.
        List<Instant> at = Reminders.between(List.of(PlanFixtures.monWedFri()), BERLIN,
                Instant.parse("2026-10-22T00:00:00Z"), Instant.parse("2026-10-29T00:00:00Z"))
                .stream().map(m -> m.at().toInstant()).toList();
        assertEquals(List.of(Instant.parse("2026-10-23T16:00:00Z"), Instant.parse("2026-10-26T17:00:00Z"),
                Instant.parse("2026-10-28T17:00:00Z")), at);
    }

    @Test
    void aTimeInTheSpringForwardGapMovesForwardAndOneInTheOverlapIsTakenOnce() {
        Client night = Client.named("Bo").withPlan(new Plan(List.of("calm"), Set.of(java.time.DayOfWeek.SUNDAY), 0,
                LocalTime.of(2, 30), LocalDate.of(2026, 1, 1), null));
        assertEquals(List.of(Instant.parse("2026-03-29T01:30:00Z")), Reminders.between(List.of(night), BERLIN,
                Instant.parse("2026-03-28T00:00:00Z"), Instant.parse("2026-03-30T00:00:00Z"))
                .stream().map(m -> m.at().toInstant()).toList());
        assertEquals(List.of(Instant.parse("2026-10-25T00:30:00Z")), Reminders.between(List.of(night), BERLIN,
                Instant.parse("2026-10-24T00:00:00Z"), Instant.parse("2026-10-26T00:00:00Z"))
                .stream().map(m -> m.at().toInstant()).toList());
    }

    @Test
    void nextSkipsToThePlansNextDayAndEndsWithThePlan() {
        Client c = PlanFixtures.monWedFri();
        assertEquals(Instant.parse("2026-03-30T16:00:00Z"),
                Reminders.next(c, BERLIN, Instant.parse("2026-03-27T17:00:00Z")).at().toInstant());
        Client ended = c.withPlan(new Plan(c.plan().programs(), c.plan().days(), 0, c.plan().at(), c.plan().from(),
                LocalDate.of(2026, 3, 27)));
        assertEquals(null, Reminders.next(ended, BERLIN, Instant.parse("2026-03-27T17:00:00Z")));
    }

    @Test
    void aSessionDoneAt1730SuppressesThatDaysReminderAndTheNextDayStillReminds() {
        MutableClock clock = new MutableClock(berlin("2026-03-30T17:00"));
        List<SessionRecord> log = new CopyOnWriteArrayList<>();
        RecordingNotifier notifier = new RecordingNotifier();
        ReminderService service = new ReminderService(source(List.of(PlanFixtures.monWedFri()), log), notifier,
                clock, BERLIN, Duration.ofMinutes(10));
        assertEquals(List.of(), service.tick());
        log.add(PlanFixtures.session("Ana", "neck-relief", berlin("2026-03-30T17:30"), PainScores.NONE));
        clock.now = berlin("2026-03-30T18:00:30");
        assertEquals(List.of(), service.tick(), "Monday's session was done at 17:30");
        clock.now = berlin("2026-04-01T18:00:05"); // Wednesday, summer time
        List<ReminderService.Shown> shown = service.tick();
        assertEquals(1, shown.size());
        assertEquals(LocalDate.of(2026, 4, 1), shown.get(0).moment().date());
        assertEquals(Instant.parse("2026-04-01T16:00:00Z"), shown.get(0).moment().at().toInstant());
        assertEquals("Thrum: time for Neck Relief", notifier.summaries.get(0));
        assertTrue(notifier.bodies.get(0).contains("thrum run neck-relief --client ana"), notifier.bodies.get(0));
    }

    @Test
    void aShortStoppedSessionDoesNotCountButHalfThePlannedTimeDoes() {
        Client ana = PlanFixtures.monWedFri();
        LocalDate monday = LocalDate.of(2026, 3, 30);
        assertEquals(PlanProgress.Status.DUE, PlanProgress.day(ana, BERLIN, monday, monday,
                List.of(PlanFixtures.stopped("Ana", "neck-relief", berlin("2026-03-30T17:00"), 60))).get(0).status());
        assertEquals(PlanProgress.Status.DONE, PlanProgress.day(ana, BERLIN, monday, monday,
                List.of(PlanFixtures.stopped("ana", "neck-relief", berlin("2026-03-30T17:00"), 300))).get(0).status());
        assertEquals(PlanProgress.Status.MISSED, PlanProgress.day(ana, BERLIN, monday, monday.plusDays(1), List.of()).get(0).status());
        assertEquals(List.of(), PlanProgress.day(ana, BERLIN, monday.plusDays(1), monday, List.of()), "Tuesday is not planned");
    }

    @Test
    void snoozeShowsItAgainAfterTenMinutesOnlyWhenStillDue() {
        MutableClock clock = new MutableClock(berlin("2026-03-30T18:00:01"));
        List<SessionRecord> log = new CopyOnWriteArrayList<>();
        RecordingNotifier notifier = new RecordingNotifier();
        ReminderService service = new ReminderService(source(List.of(PlanFixtures.monWedFri()), log), notifier,
                clock, BERLIN, Duration.ofMinutes(10));
        List<ReminderService.Shown> first = service.tick();
        assertEquals(1, first.size(), "the daemon started a second after 18:00 and catches up");
        notifier.snooze(first.get(0).id());
        clock.now = berlin("2026-03-30T18:09:00");
        assertEquals(List.of(), service.tick());
        clock.now = berlin("2026-03-30T18:10:02");
        assertEquals(1, service.tick().size(), "snoozed ten minutes");
        notifier.snooze(notifier.lastId);
        log.add(PlanFixtures.session("Ana", "neck-relief", berlin("2026-03-30T18:12"), PainScores.NONE));
        clock.now = berlin("2026-03-30T18:21:00");
        assertEquals(List.of(), service.tick(), "done in the meantime: the snooze ends quietly");
        assertEquals(2, notifier.summaries.size());
    }

    @Test
    void aDaemonStartedLongAfterThePlannedTimeDoesNotRemind() {
        MutableClock clock = new MutableClock(berlin("2026-03-30T19:00"));
        RecordingNotifier notifier = new RecordingNotifier();
        ReminderService service = new ReminderService(source(List.of(PlanFixtures.monWedFri()), List.of()), notifier,
                clock, BERLIN, Duration.ofMinutes(10));
        assertEquals(List.of(), service.tick());
    }

    static ReminderService.Source source(List<Client> clients, List<SessionRecord> log) {
        return new ReminderService.Source() {
            public List<Client> clients() { return clients; }
            public List<SessionRecord> sessions() { return List.copyOf(log); }
            public String programName(String id) { return id.equals("neck-relief") ? "Neck Relief" : id; }
        };
    }

    static final class MutableClock extends Clock {
        volatile Instant now;
        MutableClock(Instant now) { this.now = now; }
        public ZoneId getZone() { return ZoneOffset.UTC; }
        public Clock withZone(ZoneId zone) { return this; }
        public Instant instant() { return now; }
    }

    static final class RecordingNotifier implements Notifier {
        final List<String> summaries = new ArrayList<>(), bodies = new ArrayList<>();
        final List<LongConsumer> listeners = new ArrayList<>();
        long lastId;

        public long show(String summary, String body) {
            summaries.add(summary);
            bodies.add(body);
            return ++lastId;
        }

        void snooze(long id) { listeners.forEach(l -> l.accept(id)); }

        public void onSnooze(LongConsumer listener) { listeners.add(listener); }

        public void close() {}
    }
}
