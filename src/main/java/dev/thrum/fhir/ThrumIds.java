package dev.thrum.fhir;

import org.hl7.fhir.r4.model.Identifier;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Thrum's identifier systems on the FHIR server. Every resource Thrum sends carries one of them, and
 * a conditional create ({@code If-None-Exist: identifier=system|value}) on it is what makes a resend,
 * or a second desk sending the same record, land on the existing resource instead of a copy.
 */
public final class ThrumIds {
    public static final String CLIENT = "urn:thrum:client";
    public static final String SESSION = "urn:thrum:session";
    public static final String PAIN = "urn:thrum:pain";
    public static final String CARE_PLAN = "urn:thrum:careplan";

    private ThrumIds() {}

    public static Identifier identifier(String system, String value) {
        return new Identifier().setSystem(system).setValue(value);
    }

    /** The search that finds the resource by its Thrum identifier, for {@code If-None-Exist}. */
    public static String search(String system, String value) {
        return "identifier=" + system + "|" + value;
    }

    /**
     * The bundle-local name of a resource: derived from its identifier, so the same record gets the
     * same {@code urn:uuid} in every bundle and every export (diffable files, stable references).
     */
    public static String fullUrl(String system, String value) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((system + "|" + value).getBytes(StandardCharsets.UTF_8));
    }
}
