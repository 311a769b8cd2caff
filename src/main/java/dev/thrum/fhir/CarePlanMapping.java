package dev.thrum.fhir;

import dev.thrum.program.Plan;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A client's plan (docs/plans.md) as a FHIR CarePlan: one activity per program, scheduled as a
 * Timing (on fixed weekdays, or N times a week), at the planned time of day. Each revision of a plan
 * is its own CarePlan (identifier: client id plus a digest of the plan), because Thrum only ever
 * creates resources on the clinic's server and never overwrites them.
 */
public final class CarePlanMapping {
    private CarePlanMapping() {}

    /** The identifier value of one revision of a client's plan. */
    public static String idOf(String clientId, Plan plan) {
        return clientId + "-" + digest(plan);
    }

    public static CarePlan of(String clientId, Plan plan, String patientRef) {
        CarePlan c = new CarePlan();
        c.addIdentifier(ThrumIds.identifier(ThrumIds.CARE_PLAN, idOf(clientId, plan)));
        c.setStatus(CarePlan.CarePlanStatus.ACTIVE);
        c.setIntent(CarePlan.CarePlanIntent.PLAN);
        c.setTitle("Percussive massage plan");
        c.setDescription(describe(plan));
        c.setSubject(new Reference(patientRef));
        Period p = new Period().setStartElement(new DateTimeType(plan.from().toString()));
        if (plan.until() != null) p.setEndElement(new DateTimeType(plan.until().toString()));
        c.setPeriod(p);
        for (String program : plan.programs()) {
            CarePlan.CarePlanActivityDetailComponent d = c.addActivity().getDetail();
            d.setKind(CarePlan.CarePlanActivityKind.SERVICEREQUEST);
            d.setCode(new CodeableConcept().setText(FhirText.of("Percussive massage: Thrum program " + program)));
            d.setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED);
            d.setScheduled(timing(plan));
        }
        return c;
    }

    private static Timing timing(Plan plan) {
        Timing t = new Timing();
        Timing.TimingRepeatComponent r = t.getRepeat();
        if (plan.flexible()) {
            r.setFrequency(plan.timesPerWeek()).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.WK);
        } else {
            r.setFrequency(1).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.D);
            for (DayOfWeek d : plan.days())
                r.addDayOfWeek(Timing.DayOfWeek.fromCode(d.name().substring(0, 3).toLowerCase(Locale.ROOT)));
        }
        if (plan.at() != null) r.addTimeOfDay(plan.at().withSecond(0).withNano(0) + ":00");
        return t;
    }

    private static String describe(Plan plan) {
        String when = plan.flexible() ? plan.timesPerWeek() + " times a week"
                : "on " + String.join(", ", plan.days().stream().map(d -> d.name().charAt(0) + d.name().substring(1).toLowerCase(Locale.ROOT)).toList());
        return "Thrum plan: " + String.join(", ", plan.programs()) + ", " + when + (plan.at() != null ? " at " + plan.at() : "");
    }

    /** First 12 hex digits of SHA-256 over the plan's content: a changed plan is a new revision. */
    static String digest(Plan plan) {
        String text = plan.programs() + "|" + plan.days() + "|" + plan.timesPerWeek() + "|" + plan.at() + "|" + plan.from() + "|" + plan.until();
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
