package dev.thrum.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * FHIR JSON in and out, through HAPI's R4 context. The context scans the whole R4 model when first
 * built (about a second), so it is made once, on first use, and only by the sync and export.
 */
public final class FhirJson {
    private FhirJson() {}

    private static final class Holder {
        static final FhirContext R4 = FhirContext.forR4();
    }

    public static FhirContext context() {
        return Holder.R4;
    }

    public static String write(IBaseResource r, boolean pretty) {
        return parser().setPrettyPrint(pretty).encodeResourceToString(r);
    }

    public static <T extends IBaseResource> T read(Class<T> type, String json) {
        return parser().parseResource(type, json);
    }

    private static IParser parser() {
        return Holder.R4.newJsonParser();
    }
}
