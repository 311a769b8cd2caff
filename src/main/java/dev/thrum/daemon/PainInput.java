package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thrum.usage.PainScores;

import java.util.ArrayList;
import java.util.List;

/** The pain fields of an API body ({@code painBefore}, {@code painAfter}, {@code painRegions}, {@code note}). */
final class PainInput {
    static final List<String> KEYS = List.of("painBefore", "painAfter", "painRegions", "note");

    private PainInput() {}

    /** @throws ApiException 400 naming the request and the field */
    static PainScores read(String request, ObjectNode body) {
        Integer before = score(request, body, "painBefore"), after = score(request, body, "painAfter");
        List<String> regions = new ArrayList<>();
        JsonNode rs = body.get("painRegions");
        if (rs != null && !rs.isNull()) {
            if (!rs.isArray()) throw ApiException.badRequest(request + " ($.painRegions): must be a list of region ids",
                    "for example \"painRegions\": [\"neck\", \"lower-back\"]; see GET /regions");
            for (int i = 0; i < rs.size(); i++) {
                JsonNode r = rs.get(i);
                if (!r.isTextual() || !r.asText().matches("[a-z0-9]+(-[a-z0-9]+)*"))
                    throw ApiException.badRequest(request + " ($.painRegions[" + i + "]): not a region id",
                            "region ids are lower-case words joined by '-', for example lower-back");
                regions.add(r.asText());
            }
        }
        JsonNode n = body.get("note");
        String note = null;
        if (n != null && !n.isNull()) {
            if (!n.isTextual()) throw ApiException.badRequest(request + " ($.note): must be text", null);
            note = n.asText();
            if (note.length() > PainScores.MAX_NOTE)
                throw ApiException.badRequest(request + " ($.note): " + note.length() + " characters; at most " + PainScores.MAX_NOTE,
                        "shorten the note; nothing was saved");
        }
        return new PainScores(before, after, regions, note);
    }

    private static Integer score(String request, ObjectNode body, String key) {
        JsonNode n = body.get(key);
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || n.asInt() < 0 || n.asInt() > 10)
            throw ApiException.badRequest(request + " ($." + key + "): must be a whole number from 0 (no pain) to 10 (worst imaginable), got " + n,
                    "leave it out to skip the question");
        return n.asInt();
    }
}
