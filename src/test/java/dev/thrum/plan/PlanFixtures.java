package dev.thrum.plan;

import dev.thrum.engine.Outcome;
import dev.thrum.engine.StepReport;
import dev.thrum.usage.PainScores;
import dev.thrum.usage.SessionRecord;
import dev.thrum.program.Client;
import dev.thrum.program.Plan;
import dev.thrum.program.Side;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/** Plans and sessions for the plan tests. */
final class PlanFixtures {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private PlanFixtures() {}

    /** Ana, "neck-relief on Mon, Wed, Fri at 18:00" from 2026-03-01. */
    static Client monWedFri() {
        return Client.named("Ana").withPlan(new Plan(List.of("neck-relief"),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), 0, LocalTime.of(18, 0),
                LocalDate.of(2026, 3, 1), null));
    }

    static Instant berlin(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
    }

    /** A completed 10-minute session of {@code program} for {@code client}, started at {@code start}. */
    static SessionRecord session(String client, String program, Instant start, PainScores pain) {
        StepReport step = new StepReport(0, "neck", Side.NONE, false, 600, 600, 0.5, 0.4, 0, 0, false);
        return new SessionRecord("s-" + start.toEpochMilli(), client, program, program, null, start, start.plusSeconds(600),
                600, 0, Outcome.COMPLETED, 0, List.of(), List.of(step), pain);
    }

    /** A session stopped after {@code activeSeconds} of a planned 600. */
    static SessionRecord stopped(String client, String program, Instant start, double activeSeconds) {
        StepReport step = new StepReport(0, "neck", Side.NONE, false, 600, activeSeconds, 0.5, 0.4, 0, 0, false);
        return new SessionRecord("s-" + start.toEpochMilli(), client, program, program, null, start,
                start.plusSeconds((long) activeSeconds), activeSeconds, 0, Outcome.STOPPED_BY_USER, 0, List.of(), List.of(step));
    }
}
