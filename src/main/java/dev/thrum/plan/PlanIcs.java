package dev.thrum.plan;

import dev.thrum.program.Client;
import dev.thrum.program.Plan;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.transform.recurrence.Frequency;

import java.io.IOException;
import java.io.StringWriter;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * A client's plan as an iCalendar file (RFC 5545) that calendar apps import: one weekly recurring
 * event per program (RRULE with the plan's weekdays, UNTIL its last day), in the user's time zone with
 * that zone's VTIMEZONE included, so the time stays 18:00 across daylight-saving changes. Plans
 * without a time of day become all-day events. "N times a week" plans have no fixed days to show.
 */
public final class PlanIcs {
    static {
        // ical4j may fetch newer zone definitions over the network; Thrum works offline.
        System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
    }

    private PlanIcs() {}

    /**
     * @param programName  display name of a program id
     * @param programLength how long a program takes (the event's length), for timed plans
     * @param stamp        the file's creation time (DTSTAMP)
     * @throws IllegalArgumentException for a plan without fixed weekdays, or none at all
     */
    public static String write(Client client, ZoneId zone, Function<String, String> programName,
                               Function<String, Duration> programLength, Instant stamp) {
        Plan plan = client.plan();
        if (plan == null) throw new IllegalArgumentException(client.name() + " has no plan; set one with: thrum plan set --client " + client.id());
        if (plan.flexible())
            throw new IllegalArgumentException("a plan of " + plan.timesPerWeek() + " times a week has no fixed days to put in a "
                    + "calendar; give weekdays instead (thrum plan set --client " + client.id() + " --days mon,wed,fri ...)");
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        TimeZone tz = registry.getTimeZone(zone.getId());
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//Thrum//Treatment plans//EN"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        if (plan.at() != null) {
            if (tz == null) throw new IllegalArgumentException("no calendar definition for the time zone " + zone.getId());
            cal.add(tz.getVTimeZone());
        }
        List<WeekDay> days = plan.days().stream().map(PlanIcs::weekDay).toList();
        LocalDate first = plan.from();
        while (!plan.days().contains(first.getDayOfWeek())) first = first.plusDays(1);
        for (String program : plan.programs()) {
            VEvent event;
            String summary = programName.apply(program) + " (" + client.name() + ")";
            if (plan.at() != null) {
                ZonedDateTime start = ZonedDateTime.of(first, plan.at(), tz.toZoneId());
                event = new VEvent(start, programLength.apply(program), summary);
                Recur.Builder<ZonedDateTime> recur = new Recur.Builder<ZonedDateTime>().frequency(Frequency.WEEKLY).dayList(days);
                // UNTIL of a zoned DTSTART must be in UTC (RFC 5545 3.3.10): the end of the plan's last day.
                if (plan.until() != null)
                    recur.until(plan.until().plusDays(1).atStartOfDay(zone).minusSeconds(1).withZoneSameInstant(java.time.ZoneOffset.UTC));
                event.add(new RRule<>(recur.build()));
            } else {
                event = new VEvent(first, first.plusDays(1), summary);
                Recur.Builder<LocalDate> recur = new Recur.Builder<LocalDate>().frequency(Frequency.WEEKLY).dayList(days);
                if (plan.until() != null) recur.until(plan.until());
                event.add(new RRule<>(recur.build()));
            }
            event.add(new Uid("thrum-plan-" + client.id() + "-" + program + "@thrum"));
            event.replace(new DtStamp(stamp));
            event.add(new Description("Start with: thrum run " + program + " --client " + client.id()));
            cal.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter().output(cal, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static WeekDay weekDay(DayOfWeek d) {
        return WeekDay.getWeekDay(d);
    }
}
