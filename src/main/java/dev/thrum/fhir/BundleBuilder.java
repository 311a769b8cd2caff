package dev.thrum.fhir;

import dev.thrum.usage.SessionRecord;
import dev.thrum.program.RegionCatalogue;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/**
 * Builds transaction Bundles. Every entry is a conditional create on its Thrum identifier, and
 * references between entries use the entries' {@code urn:uuid} fullUrls, so the server resolves them
 * inside the one transaction: to the new resource, or to the one it already held. The Patient comes
 * first and every bundle carries it, so no bundle refers to anything it does not itself bring.
 */
public final class BundleBuilder {
    private final ProcedureMapping procedures;
    private final PainMapping pain;

    public BundleBuilder(RegionCatalogue regions) {
        this.procedures = new ProcedureMapping(regions);
        this.pain = new PainMapping(procedures);
    }

    public Bundle transaction(ClientRecords records) {
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        add(b, records);
        return b;
    }

    /** Appends one client's entries to a transaction bundle (an export may hold several clients). */
    public void add(Bundle b, ClientRecords records) {
        ClientRef client = records.client();
        String patientUrl = ThrumIds.fullUrl(ThrumIds.CLIENT, client.id());
        entry(b, patientUrl, PatientMapping.of(client));
        if (records.plan() != null) {
            var plan = CarePlanMapping.of(client.id(), records.plan(), patientUrl);
            entry(b, fullUrlOf(plan.getIdentifierFirstRep()), plan);
        }
        for (SessionRecord s : records.sessions()) {
            Procedure p = procedures.of(s, patientUrl);
            String procedureUrl = fullUrlOf(p.getIdentifierFirstRep());
            entry(b, procedureUrl, p);
            for (Observation o : pain.of(s, patientUrl, procedureUrl))
                entry(b, fullUrlOf(o.getIdentifierFirstRep()), o);
        }
    }

    private static String fullUrlOf(Identifier id) {
        return ThrumIds.fullUrl(id.getSystem(), id.getValue());
    }

    private static void entry(Bundle b, String fullUrl, Resource r) {
        Identifier id = identifierOf(r);
        b.addEntry().setFullUrl(fullUrl).setResource(r).getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl(r.fhirType())
                .setIfNoneExist(ThrumIds.search(id.getSystem(), id.getValue()));
    }

    private static Identifier identifierOf(Resource r) {
        if (r instanceof org.hl7.fhir.r4.model.Patient p) return p.getIdentifierFirstRep();
        if (r instanceof Procedure p) return p.getIdentifierFirstRep();
        if (r instanceof Observation o) return o.getIdentifierFirstRep();
        if (r instanceof org.hl7.fhir.r4.model.CarePlan c) return c.getIdentifierFirstRep();
        throw new IllegalArgumentException("no Thrum identifier on " + r.fhirType());
    }
}
