package dev.thrum.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code plan} object of a client record ({@code clients/ID.json}):
 * <pre>{"plan": {"start": "2026-03-01", "end": "2026-04-30", "note": "...",
 *           "items": [{"program": "sciatica", "programName": "Sciatica, gentle", "perWeek": 3}]}}</pre>
 * A client without a plan has none; a plan that cannot be read is an error naming the file and field.
 */
public final class PlanFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanFields() {}

    /** Who a client file is about and their plan, if any. */
    public record ClientFile(ClientRef client, Optional<TreatmentPlan> plan) {}

    /**
     * Reads only what FHIR needs from a client file: its id (the file name), {@code name} and
     * {@code plan}. The rest of the record (limits, conditions, notes) never leaves the machine.
     *
     * @throws IllegalArgumentException naming the file and the field, with the fix
     */
    public static ClientFile read(Path clientFile) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(clientFile));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(clientFile + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ": " + e.getOriginalMessage());
        }
        String id = clientFile.getFileName().toString().replaceFirst("\\.json$", "");
        if (root == null || !root.path("name").isTextual() || root.get("name").asText().isBlank())
            throw new IllegalArgumentException(clientFile + ": missing \"name\"");
        JsonNode plan = root.path("plan");
        if (plan.isMissingNode() || plan.isNull()) return new ClientFile(new ClientRef(id, root.get("name").asText()), Optional.empty());
        try {
            return new ClientFile(new ClientRef(id, root.get("name").asText()), Optional.of(parse(plan)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(clientFile + ": \"plan\": " + e.getMessage());
        }
    }

    static TreatmentPlan parse(JsonNode plan) {
        if (!plan.isObject()) throw new IllegalArgumentException("expected an object like {\"items\": [{\"program\": \"sciatica\", \"perWeek\": 3}]}");
        List<TreatmentPlan.Item> items = new ArrayList<>();
        JsonNode list = plan.path("items");
        if (!list.isMissingNode() && !list.isArray()) throw new IllegalArgumentException("\"items\" must be a list");
        int i = 0;
        for (JsonNode it : list) {
            try {
                items.add(new TreatmentPlan.Item(text(it, "program"), text(it, "programName"), it.path("perWeek").asInt(0)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("items[" + i + "]: " + e.getMessage());
            }
            i++;
        }
        return new TreatmentPlan(date(plan, "start"), date(plan, "end"), text(plan, "note"), items);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    private static LocalDate date(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + field + "\" must be a date like 2026-03-01, was \"" + s + "\"");
        }
    }
}
