package dev.thrum.fhir;

import dev.thrum.usage.PainScores;
import dev.thrum.usage.SessionRecord;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pain scores as FHIR Observations: LOINC 72514-3 (the 0-10 numeric pain rating, as reported by the
 * person), an integer 0-10, the moment it was asked (start of the session for "before", its end for
 * "after"), partOf the session's Procedure.
 */
public final class PainMapping {
    public static final String LOINC = "http://loinc.org";
    public static final String PAIN_CODE = "72514-3";
    public static final String PAIN_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";
    static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";

    private final ProcedureMapping sites;

    public PainMapping(ProcedureMapping sites) {
        this.sites = sites;
    }

    /** The identifier value of a session's "before" or "after" score. */
    public static String idOf(String sessionId, boolean before) {
        return sessionId + (before ? "-before" : "-after");
    }

    /** Zero, one or two Observations. */
    public List<Observation> of(SessionRecord r, String patientRef, String procedureRef) {
        PainScores pain = r.pain();
        List<Observation> out = new ArrayList<>(2);
        if (pain.before() != null) out.add(one(r, pain, true, pain.before(), r.startedAt(), patientRef, procedureRef));
        if (pain.after() != null) {
            Instant at = r.endedAt() != null ? r.endedAt() : r.startedAt();
            out.add(one(r, pain, false, pain.after(), at, patientRef, procedureRef));
        }
        return out;
    }

    private Observation one(SessionRecord r, PainScores pain, boolean before, int score, Instant at,
                            String patientRef, String procedureRef) {
        Observation o = new Observation();
        o.addIdentifier(ThrumIds.identifier(ThrumIds.PAIN, idOf(r.id(), before)));
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(CATEGORY_SYSTEM, "survey", "Survey")));
        o.setCode(new CodeableConcept(new Coding(LOINC, PAIN_CODE, PAIN_DISPLAY))
                .setText(before ? "Pain before the massage (0-10)" : "Pain after the massage (0-10)"));
        o.setSubject(new Reference(patientRef));
        o.addPartOf(new Reference(procedureRef));
        o.setEffective(ProcedureMapping.instant(at));
        o.setValue(new IntegerType(score));
        // Observation.bodySite holds one site: set it when the person named exactly one region.
        if (pain.regions().size() == 1) o.setBodySite(sites.bodySite(pain.regions().get(0), null));
        if (pain.regions().size() > 1) {
            List<String> names = pain.regions().stream().map(id -> sites.bodySite(id, null).getText()).toList();
            o.addNote().setText(FhirText.of("Where it hurt: " + String.join("; ", names)));
        }
        return o;
    }
}
