package dev.thrum.fhir;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A client's plan as a FHIR CarePlan: one activity per program, with how many times a week as a
 * Timing. Each revision of a plan is its own CarePlan (identifier: client id plus a digest of the
 * plan), because Thrum only ever creates resources on the clinic's server and never overwrites them.
 */
public final class CarePlanMapping {
    private CarePlanMapping() {}

    /** The identifier value of one revision of a client's plan. */
    public static String idOf(String clientId, TreatmentPlan plan) {
        return clientId + "-" + digest(plan);
    }

    public static CarePlan of(String clientId, TreatmentPlan plan, String patientRef) {
        CarePlan c = new CarePlan();
        c.addIdentifier(ThrumIds.identifier(ThrumIds.CARE_PLAN, idOf(clientId, plan)));
        c.setStatus(CarePlan.CarePlanStatus.ACTIVE);
        c.setIntent(CarePlan.CarePlanIntent.PLAN);
        c.setTitle("Percussive massage plan");
        if (plan.note() != null) c.setDescription(FhirText.of(plan.note()));
        c.setSubject(new Reference(patientRef));
        if (plan.start() != null || plan.end() != null) {
            Period p = new Period();
            if (plan.start() != null) p.setStartElement(new org.hl7.fhir.r4.model.DateTimeType(plan.start().toString()));
            if (plan.end() != null) p.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(plan.end().toString()));
            c.setPeriod(p);
        }
        for (TreatmentPlan.Item item : plan.items()) {
            CarePlan.CarePlanActivityDetailComponent d = c.addActivity().getDetail();
            d.setKind(CarePlan.CarePlanActivityKind.SERVICEREQUEST);
            d.setCode(new CodeableConcept().setText(FhirText.of("Percussive massage: "
                    + (item.programName() != null ? item.programName() : item.programId()))));
            d.setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED);
            d.setDescription(FhirText.of("Thrum program " + item.programId()
                    + (item.perWeek() > 0 ? ", " + item.perWeek() + " times a week" : ", as needed")));
            if (item.perWeek() > 0) {
                Timing t = new Timing();
                t.getRepeat().setFrequency(item.perWeek()).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.WK);
                d.setScheduled(t);
            }
        }
        return c;
    }

    /** First 12 hex digits of SHA-256 over the plan's content: a changed plan is a new revision. */
    static String digest(TreatmentPlan plan) {
        StringBuilder b = new StringBuilder().append(plan.start()).append('|').append(plan.end()).append('|').append(plan.note());
        for (TreatmentPlan.Item i : plan.items()) b.append('|').append(i.programId()).append(':').append(i.programName()).append(':').append(i.perWeek());
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
