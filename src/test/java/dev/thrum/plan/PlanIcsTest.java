package dev.thrum.plan;

import dev.thrum.program.Client;
import dev.thrum.program.Plan;
import dev.thrum.program.PlanCalendar;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The .ics export parses back (with ical4j) to the occurrences of Thrum's own plan. */
class PlanIcsTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant STAMP = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void the90DaysFromTheStartAcrossSummerTimeMatchThePlan() throws Exception {
        Client ana = Client.named("Ana").withPlan(new Plan(List.of("neck-relief", "sciatica"),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), 0, LocalTime.of(18, 0),
                LocalDate.of(2026, 3, 4), LocalDate.of(2026, 5, 20)));
        String ics = PlanIcs.write(ana, BERLIN, id -> id, id -> Duration.ofMinutes(12), STAMP);
        assertTrue(ics.contains("RRULE:FREQ=WEEKLY"), ics);
        assertTrue(ics.contains("BEGIN:VTIMEZONE") && ics.contains("TZID:Europe/Berlin"), ics);
        LocalDate first = LocalDate.of(2026, 3, 1), last = first.plusDays(89);
        assertEquals(planned(ana, first, last), parsedBack(ics, first, last));
    }

    @Test
    void anOpenEndedPlanAlsoMatchesAcrossTheAutumnChange() throws Exception {
        Client bo = Client.named("Bo").withPlan(new Plan(List.of("calves"), Set.of(DayOfWeek.TUESDAY, DayOfWeek.SUNDAY), 0,
                LocalTime.of(7, 30), LocalDate.of(2026, 9, 1), null));
        String ics = PlanIcs.write(bo, BERLIN, id -> "Calves", id -> Duration.ofMinutes(10), STAMP);
        LocalDate first = LocalDate.of(2026, 9, 15), last = first.plusDays(89);
        Set<Instant> planned = planned(bo, first, last);
        assertEquals(26, planned.size());
        assertEquals(planned, parsedBack(ics, first, last));
    }

    @Test
    void aPlanWithoutFixedDaysIsRefusedWithAHint() {
        Client cy = Client.named("Cy").withPlan(new Plan(List.of("calves"), Set.of(), 3, LocalTime.of(8, 0),
                LocalDate.of(2026, 9, 1), null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlanIcs.write(cy, BERLIN, id -> id, id -> Duration.ofMinutes(10), STAMP));
        assertTrue(e.getMessage().contains("--days"), e.getMessage());
    }

    private static Set<Instant> planned(Client c, LocalDate first, LocalDate last) {
        Set<Instant> out = new TreeSet<>();
        for (PlanCalendar.Occurrence o : PlanCalendar.occurrences(c.plan(), BERLIN, first, last)) out.add(o.at().toInstant());
        return out;
    }

    private static Set<Instant> parsedBack(String ics, LocalDate first, LocalDate last) throws Exception {
        Calendar cal = new CalendarBuilder().build(new StringReader(ics));
        assertFalse(cal.getComponents("VTIMEZONE").isEmpty());
        assertTrue(cal.<VTimeZone>getComponents("VTIMEZONE").get(0).toString().contains("Europe/Berlin"));
        Period<ZonedDateTime> window = new Period<>(first.atStartOfDay(BERLIN), last.plusDays(1).atStartOfDay(BERLIN));
        Set<Instant> out = new TreeSet<>();
        for (VEvent e : cal.<VEvent>getComponents("VEVENT")) {
            for (Period<Temporal> p : e.<Temporal>calculateRecurrenceSet(window)) out.add(Instant.from(p.getStart()));
        }
        return out;
    }
}
