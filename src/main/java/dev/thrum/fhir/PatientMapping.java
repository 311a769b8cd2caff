package dev.thrum.fhir;

import org.hl7.fhir.r4.model.Patient;

/** A Thrum client as a FHIR Patient: the Thrum identifier and the name, nothing more. */
public final class PatientMapping {
    private PatientMapping() {}

    public static Patient of(ClientRef client) {
        Patient p = new Patient();
        p.addIdentifier(ThrumIds.identifier(ThrumIds.CLIENT, client.id()));
        p.setActive(true);
        // The name as typed in Thrum, as text only: Thrum does not know which part is the family name.
        String name = FhirText.of(client.name());
        if (name != null) p.addName().setText(name);
        return p;
    }
}
