package dev.thrum.fhir;

import dev.thrum.engine.Outcome;
import dev.thrum.engine.StepReport;
import dev.thrum.store.RegionCatalogueLoader;
import dev.thrum.usage.DeviceInfo;
import dev.thrum.usage.PainScores;
import dev.thrum.usage.SessionRecord;
import dev.thrum.program.Plan;
import dev.thrum.program.Side;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FHIR resources Thrum builds, field by field. */
class FhirMappingTest {
    private static final Instant START = Instant.parse("2026-03-02T08:00:00.250Z");
    private final ProcedureMapping procedures = new ProcedureMapping(RegionCatalogueLoader.builtIn());
    private final PainMapping pain = new PainMapping(procedures);

    private static SessionRecord session(Outcome outcome, double seconds, List<String> warnings) {
        return new SessionRecord("20260302-080000-1a2b", "Ana Lima", "sciatica", "Sciatica, gentle",
                new DeviceInfo("theragun-gen4", "AA:BB:CC:DD:EE:FF"), START, START.plusSeconds(600), seconds, 40, outcome, 0, warnings,
                List.of(new StepReport(0, "gluteus-maximus", Side.LEFT, false, 120, seconds, 0.6, 0.45, 0, 0, false),
                        new StepReport(1, "rest", Side.NONE, true, 20, 20, 0, 0, 0, 0, false),
                        new StepReport(2, "upper-back", Side.NONE, false, 120, seconds, 0.5, 0.4, 0, 0, false),
                        new StepReport(3, "gluteus-maximus", Side.LEFT, false, 120, seconds, 0.6, 0.45, 0, 0, false),
                        new StepReport(4, "elbow-pit", Side.RIGHT, false, 120, seconds, 0.6, 0.45, 0, 0, false)));
    }

    @Test
    void aSessionIsAProcedureWithItsRegionsAsBodySites() {
        Procedure p = procedures.of(session(Outcome.COMPLETED, 90, List.of("link lost for 4 s at step 3"))
                .withPain(new PainScores(6, 2, List.of(), "better \u001b[2J")), "urn:uuid:p");
        assertEquals(ThrumIds.SESSION, p.getIdentifierFirstRep().getSystem());
        assertEquals("20260302-080000-1a2b", p.getIdentifierFirstRep().getValue());
        assertEquals(Procedure.ProcedureStatus.COMPLETED, p.getStatus());
        assertEquals("Percussive massage: Sciatica, gentle", p.getCode().getText());
        assertEquals("urn:uuid:p", p.getSubject().getReference());
        assertEquals(START, p.getPerformedPeriod().getStart().toInstant());
        assertEquals(START.plusSeconds(600), p.getPerformedPeriod().getEnd().toInstant());
        List<CodeableConcept> sites = p.getBodySite();
        assertEquals(3, sites.size(), "the left glute once, the upper back, the unknown region");
        assertEquals(BodySites.SNOMED, sites.get(0).getCodingFirstRep().getSystem());
        assertEquals("206007", sites.get(0).getCodingFirstRep().getCode());
        assertEquals("Gluteus maximus (buttock), left side", sites.get(0).getText());
        assertFalse(sites.get(1).hasCoding(), "upper back has no agreed SNOMED code: text only");
        assertEquals("Upper back (between and over the shoulder blades)", sites.get(1).getText());
        assertEquals("elbow-pit, right side", sites.get(2).getText(), "a region the catalogue does not know keeps its id");
        assertTrue(p.getUsedCodeFirstRep().getText().contains("theragun-gen4"));
        assertTrue(p.getNote().get(0).getText().startsWith("Thrum session 20260302-080000-1a2b: 1.5 min active, 0.7 min paused."));
        assertEquals("better \ufffd[2J", p.getNote().get(1).getText(), "a control character cannot travel in FHIR text");
        assertEquals("Thrum: link lost for 4 s at step 3", p.getNote().get(2).getText());
        assertFalse(FhirJson.write(p, false).contains("AA:BB:CC"), "the device address stays home");
    }

    @Test
    void statusFollowsTheOutcome() {
        assertEquals(Procedure.ProcedureStatus.STOPPED, procedures.of(session(Outcome.STOPPED_BY_USER, 30, List.of()), "p").getStatus());
        assertEquals(Procedure.ProcedureStatus.STOPPED, procedures.of(session(Outcome.LINK_LOST, 30, List.of()), "p").getStatus());
        assertEquals(Procedure.ProcedureStatus.STOPPED, procedures.of(session(Outcome.INTERRUPTED, 30, List.of()), "p").getStatus());
        Procedure none = procedures.of(session(Outcome.STOPPED_BY_LIMIT, 0, List.of()), "p");
        assertEquals(Procedure.ProcedureStatus.NOTDONE, none.getStatus(), "ended before any region ran");
        assertEquals("Stopped by a time or safety limit", none.getStatusReason().getText());
        assertTrue(none.getBodySite().isEmpty(), "nothing was treated");
    }

    @Test
    void painScoresAreLoincObservationsPartOfTheSession() {
        SessionRecord r = session(Outcome.COMPLETED, 90, List.of());
        List<Observation> obs = pain.of(r.withPain(new PainScores(7, 3, List.of("lower-back", "piriformis"), null)), "urn:uuid:p", "urn:uuid:s");
        assertEquals(2, obs.size());
        Observation before = obs.get(0), after = obs.get(1);
        assertEquals("http://loinc.org", before.getCode().getCodingFirstRep().getSystem());
        assertEquals("72514-3", before.getCode().getCodingFirstRep().getCode());
        assertEquals(7, before.getValueIntegerType().getValue());
        assertEquals(3, after.getValueIntegerType().getValue());
        assertEquals(START, before.getEffectiveDateTimeType().getValue().toInstant());
        assertEquals(START.plusSeconds(600), after.getEffectiveDateTimeType().getValue().toInstant());
        assertEquals("urn:uuid:s", before.getPartOfFirstRep().getReference());
        assertEquals("urn:uuid:p", before.getSubject().getReference());
        assertEquals("20260302-080000-1a2b-before", before.getIdentifierFirstRep().getValue());
        assertEquals(Observation.ObservationStatus.FINAL, after.getStatus());
        assertFalse(before.hasBodySite(), "two regions do not fit the one bodySite");
        assertTrue(before.getNoteFirstRep().getText().contains("Lower back beside the spine"));

        List<Observation> one = pain.of(r.withPain(new PainScores(null, 4, List.of("calves"), null)), "p", "s");
        assertEquals(1, one.size());
        assertEquals("53840002", one.get(0).getBodySite().getCodingFirstRep().getCode());
        assertTrue(pain.of(r, "p", "s").isEmpty());
    }

    @Test
    void aPlanIsACarePlanWithOneActivityPerProgram() {
        Plan weekdays = new Plan(List.of("sciatica", "calves-quick"), Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), 0,
                LocalTime.of(18, 30), LocalDate.of(2026, 3, 1), null);
        CarePlan c = CarePlanMapping.of("ana-lima", weekdays, "urn:uuid:p");
        assertEquals(CarePlan.CarePlanStatus.ACTIVE, c.getStatus());
        assertEquals(CarePlan.CarePlanIntent.PLAN, c.getIntent());
        assertEquals("2026-03-01", c.getPeriod().getStartElement().getValueAsString());
        assertFalse(c.getPeriod().hasEnd(), "open-ended");
        assertEquals(2, c.getActivity().size());
        Timing t = c.getActivity().get(0).getDetail().getScheduledTiming();
        assertEquals(List.of("mon", "thu"), t.getRepeat().getDayOfWeek().stream().map(d -> d.getValue().toCode()).toList());
        assertEquals("18:30:00", t.getRepeat().getTimeOfDay().get(0).getValue());
        assertEquals("Percussive massage: Thrum program calves-quick", c.getActivity().get(1).getDetail().getCode().getText());
        assertEquals("Thrum plan: sciatica, calves-quick, on Monday, Thursday at 18:30", c.getDescription());

        Plan flexible = new Plan(List.of("sciatica"), Set.of(), 3, null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31));
        Timing f = CarePlanMapping.of("ana-lima", flexible, "p").getActivityFirstRep().getDetail().getScheduledTiming();
        assertEquals(3, f.getRepeat().getFrequency());
        assertEquals(Timing.UnitsOfTime.WK, f.getRepeat().getPeriodUnit());
        assertTrue(f.getRepeat().getDayOfWeek().isEmpty());

        String id = c.getIdentifierFirstRep().getValue();
        assertTrue(id.startsWith("ana-lima-"));
        assertFalse(id.equals(CarePlanMapping.idOf("ana-lima", flexible)), "a changed plan is a new revision");
        assertEquals(id, CarePlanMapping.idOf("ana-lima", new Plan(weekdays.programs(), weekdays.days(), 0, weekdays.at(),
                weekdays.from(), null)), "the same plan keeps its identifier");
    }

    @Test
    void aPatientCarriesTheIdentifierAndTheNameOnly() {
        Patient p = PatientMapping.of(ClientRef.named("Chloé Dubois"));
        assertEquals("chloe-dubois", p.getIdentifierFirstRep().getValue());
        assertEquals("Chloé Dubois", p.getNameFirstRep().getText());
        assertFalse(p.hasBirthDate() || p.hasGender() || p.hasTelecom() || p.hasAddress());
    }

    @Test
    void bundleEntriesAreConditionalCreatesReferringByUrnUuid() {
        SessionRecord r = session(Outcome.COMPLETED, 90, List.of());
        Bundle b = new BundleBuilder(RegionCatalogueLoader.builtIn()).transaction(new ClientRecords(ClientRef.named("Ana Lima"),
                null, List.of(r.withPain(new PainScores(5, null, List.of(), null)))));
        assertEquals(Bundle.BundleType.TRANSACTION, b.getType());
        assertEquals(List.of("Patient", "Procedure", "Observation"),
                b.getEntry().stream().map(e -> e.getResource().fhirType()).toList(), "whatever is referred to comes first");
        Bundle.BundleEntryComponent patient = b.getEntry().get(0);
        assertEquals("identifier=urn:thrum:client|ana-lima", patient.getRequest().getIfNoneExist());
        assertEquals(Bundle.HTTPVerb.POST, patient.getRequest().getMethod());
        assertTrue(patient.getFullUrl().startsWith("urn:uuid:"));
        assertEquals(patient.getFullUrl(), ((Procedure) b.getEntry().get(1).getResource()).getSubject().getReference());
        assertEquals(b.getEntry().get(1).getFullUrl(), ((Observation) b.getEntry().get(2).getResource()).getPartOfFirstRep().getReference());
        assertEquals(ThrumIds.fullUrl(ThrumIds.CLIENT, "ana-lima"), patient.getFullUrl(), "stable across bundles");
    }

    @Test
    void fhirTextDropsWhatFhirForbids() {
        assertEquals("a\ufffdb\tc\nd", FhirText.of("a\u0007b\tc\nd"));
        assertEquals("\ufffd", FhirText.of(" \u0000 "), "a dropped character still shows");
        assertNull(FhirText.of("  "));
        assertEquals("x\ufffd", FhirText.of("x\ud800"), "a lone surrogate");
        assertEquals("\ud83d\ude00", FhirText.of("\ud83d\ude00"), "an emoji is fine");
    }
}
