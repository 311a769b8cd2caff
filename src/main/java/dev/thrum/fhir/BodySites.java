package dev.thrum.fhir;

import java.util.Map;
import java.util.Optional;

/**
 * SNOMED CT body-structure codes for the regions of the built-in catalogue. A region missing here is
 * sent as text only: a code is added only where two independent sources agreed on it (docs/fhir.md
 * lists each code with where it came from, and the regions left as text and why).
 */
public final class BodySites {
    public static final String SNOMED = "http://snomed.info/sct";

    /** A SNOMED CT concept: code and its preferred term. */
    public record Code(String code, String display) {}

    private static final Map<String, Code> CODES = Map.ofEntries(
            Map.entry("gluteus-maximus", new Code("206007", "Structure of gluteus maximus muscle")),
            Map.entry("gluteus-medius", new Code("78333006", "Structure of gluteus medius muscle")),
            Map.entry("lower-back", new Code("37822005", "Lower back structure")),
            Map.entry("calves", new Code("53840002", "Structure of calf of leg")),
            Map.entry("upper-trapezius", new Code("31764008", "Structure of trapezius muscle")),
            Map.entry("shoulders", new Code("35259002", "Structure of deltoid muscle")),
            Map.entry("forearms", new Code("14975008", "Forearm structure")),
            Map.entry("neck", new Code("45048000", "Neck structure")),
            Map.entry("spine", new Code("421060004", "Structure of vertebral column")));

    private BodySites() {}

    public static Optional<Code> of(String regionId) {
        return Optional.ofNullable(CODES.get(regionId));
    }
}
