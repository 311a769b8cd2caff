package dev.thrum.fhir;

import dev.thrum.engine.Outcome;
import dev.thrum.engine.StepReport;
import dev.thrum.usage.SessionRecord;
import dev.thrum.program.RegionCatalogue;
import dev.thrum.program.Region;
import dev.thrum.program.Side;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.hl7.fhir.r4.model.Reference;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One session as a FHIR Procedure: status from the outcome, the performed period, the program, each
 * treated region as a bodySite (SNOMED CT where {@link BodySites} knows a code, always the region's
 * name as text, the side in the text), the massager used, and notes.
 */
public final class ProcedureMapping {
    private final RegionCatalogue regions;

    public ProcedureMapping(RegionCatalogue regions) {
        this.regions = regions;
    }

    public Procedure of(SessionRecord r, String patientRef) {
        Procedure p = new Procedure();
        p.addIdentifier(ThrumIds.identifier(ThrumIds.SESSION, r.id()));
        boolean treated = treatedSeconds(r) > 0;
        p.setStatus(status(r.outcome(), treated));
        if (r.outcome() != null && r.outcome() != Outcome.COMPLETED)
            p.setStatusReason(new CodeableConcept().setText(outcomeText(r.outcome())));
        p.setCode(new CodeableConcept().setText(FhirText.of("Percussive massage"
                + (r.programName() != null ? ": " + r.programName() : r.programId() != null ? ": " + r.programId() : ""))));
        p.setSubject(new Reference(patientRef));
        Period period = new Period().setStartElement(instant(r.startedAt()));
        if (r.endedAt() != null) period.setEndElement(instant(r.endedAt()));
        p.setPerformed(period);
        if (r.outcome() != null) p.setOutcome(new CodeableConcept().setText(outcomeText(r.outcome())));
        bodySites(r).forEach((key, step) -> p.addBodySite(bodySite(step.regionId(), step.side())));
        if (r.device() != null && r.device().profileId() != null)
            p.addUsedCode(new CodeableConcept().setText(FhirText.of("Percussion massager (Thrum device profile " + r.device().profileId() + ")")));
        p.addNote().setText(FhirText.of(summary(r)));
        String note = FhirText.of(r.pain().note());
        if (note != null) p.addNote().setText(note);
        for (String w : r.warnings()) p.addNote().setText(FhirText.of("Thrum: " + w));
        return p;
    }

    /** A region (and side) as a CodeableConcept: SNOMED CT coding when known, text always. */
    public CodeableConcept bodySite(String regionId, Side side) {
        CodeableConcept c = new CodeableConcept();
        BodySites.of(regionId).ifPresent(code ->
                c.addCoding(new Coding(BodySites.SNOMED, code.code(), code.display())));
        String name = regions.find(regionId).map(Region::name).orElse(regionId);
        c.setText(FhirText.of(side == null || side == Side.NONE ? name : name + ", " + side.name().toLowerCase(Locale.ROOT) + " side"));
        return c;
    }

    /**
     * completed when the program ran to its end; stopped when it ended early after treating something;
     * not-done when it ended before any region was treated.
     */
    static ProcedureStatus status(Outcome outcome, boolean treated) {
        if (outcome == null) return ProcedureStatus.INPROGRESS;
        if (outcome == Outcome.COMPLETED) return ProcedureStatus.COMPLETED;
        return treated ? ProcedureStatus.STOPPED : ProcedureStatus.NOTDONE;
    }

    static String outcomeText(Outcome o) {
        return switch (o) {
            case COMPLETED -> "Completed";
            case STOPPED_BY_USER -> "Stopped by the person";
            case STOPPED_BY_LIMIT -> "Stopped by a time or safety limit";
            case LINK_LOST -> "Stopped: the massager could not be reached";
            case INTERRUPTED -> "Interrupted: Thrum itself stopped (crash or power loss)";
        };
    }

    /** Each treated region and side once, in the order first treated. */
    private static Map<String, StepReport> bodySites(SessionRecord r) {
        Map<String, StepReport> out = new LinkedHashMap<>();
        for (StepReport s : r.steps())
            if (!s.rest() && s.actualSeconds() > 0) out.putIfAbsent(s.regionId() + "/" + s.side(), s);
        return out;
    }

    private static double treatedSeconds(SessionRecord r) {
        return r.steps().stream().filter(s -> !s.rest()).mapToDouble(StepReport::actualSeconds).sum();
    }

    /** What a therapist reads first: minutes per region and how hard. */
    private String summary(SessionRecord r) {
        StringBuilder b = new StringBuilder("Thrum session ").append(r.id()).append(": ");
        b.append(String.format(Locale.ROOT, "%.1f min active, %.1f min paused", r.activeSeconds() / 60, r.pausedSeconds() / 60));
        if (r.interruptions() > 0) b.append(", ").append(r.interruptions()).append(" interruptions");
        b.append('.');
        for (StepReport s : r.steps()) {
            if (s.rest() || s.actualSeconds() <= 0) continue;
            b.append(String.format(Locale.ROOT, " %s %.1f min, mean %.0f%%, peak %.0f%%%s.",
                    bodySite(s.regionId(), s.side()).getText(), s.actualSeconds() / 60,
                    s.meanIntensity() * 100, s.peakIntensity() * 100, s.skipped() ? " (skipped early)" : ""));
        }
        return b.toString();
    }

    static DateTimeType instant(java.time.Instant t) {
        return new DateTimeType(Date.from(t), TemporalPrecisionEnum.MILLI, java.util.TimeZone.getTimeZone("UTC"));
    }
}
