package dev.thrum.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the pain fields of the usage log ({@code painBefore}, {@code painAfter}, {@code painRegions},
 * {@code note}; see the shared contract of issue 19) by session id. Lines without them are passed over
 * without parsing. A bad value (a score of 12, a region that is not text) costs that session its pain
 * scores, with a warning naming the line; the session itself is still synchronised.
 */
public final class PainFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PainFields() {}

    public static Map<String, PainScores> read(Path log, Consumer<String> warnings) throws IOException {
        Map<String, PainScores> out = new HashMap<>();
        if (!Files.isRegularFile(log)) return out;
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (!line.contains("\"pain") && !line.contains("\"note\"")) continue;
                JsonNode root;
                try {
                    root = JSON.readTree(line);
                } catch (IOException e) {
                    continue; // the log reader reports broken lines; they carry no session to attach to
                }
                if (root == null || !root.path("id").isTextual()) continue;
                try {
                    out.put(root.get("id").asText(), parse(root));
                } catch (IllegalArgumentException e) {
                    warnings.accept(log + ":" + n + ": pain scores left out: " + e.getMessage());
                }
            }
        }
        return out;
    }

    static PainScores parse(JsonNode root) {
        List<String> regions = new ArrayList<>();
        JsonNode r = root.path("painRegions");
        if (!r.isMissingNode() && !r.isNull()) {
            if (!r.isArray()) throw new IllegalArgumentException("\"painRegions\" must be a list of region ids");
            for (JsonNode id : r) {
                if (!id.isTextual()) throw new IllegalArgumentException("\"painRegions\" must hold region ids (text), found " + id);
                regions.add(id.asText());
            }
        }
        JsonNode note = root.path("note");
        return new PainScores(score(root, "painBefore"), score(root, "painAfter"), regions,
                note.isTextual() ? note.asText() : null);
    }

    private static Integer score(JsonNode root, String field) {
        JsonNode v = root.path(field);
        if (v.isMissingNode() || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToInt())
            throw new IllegalArgumentException("\"" + field + "\" must be a whole number 0-10, was " + v);
        return v.asInt(); // PainScores checks the range
    }
}
