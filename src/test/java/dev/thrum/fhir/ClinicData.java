package dev.thrum.fhir;

import dev.thrum.engine.Outcome;
import dev.thrum.engine.StepReport;
import dev.thrum.store.ClientStore;
import dev.thrum.usage.DeviceInfo;
import dev.thrum.usage.PainScores;
import dev.thrum.usage.RecordJson;
import dev.thrum.usage.SessionRecord;
import dev.thrum.program.Client;
import dev.thrum.program.Plan;
import dev.thrum.program.Side;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A clinic's worth of Thrum data for the FHIR tests, made to disagree with easy assumptions: every
 * outcome, sessions that treated nothing, regions with and without a SNOMED code, a region the
 * catalogue does not know, pain before only / after only / both / neither, several painful regions,
 * notes with control characters and non-ASCII text, one session without a client, one client with a
 * record but no sessions, a client only named in the log.
 */
final class ClinicData {
    static final String[] CLIENTS = {"Ana Lima", "Bo Chen", "Chloé Dubois", "Dev Patel", "Eve O'Neil"};
    private static final String[][] REGIONS = {{"gluteus-maximus", "LEFT"}, {"calves", "RIGHT"}, {"upper-back", "NONE"},
            {"piriformis", "LEFT"}, {"lower-back", "RIGHT"}, {"forearms", "LEFT"}, {"feet", "RIGHT"}, {"elbow-pit", "NONE"}};
    private static final Outcome[] OUTCOMES = Outcome.values();

    final Path config;
    final Path data;
    final List<SessionRecord> sessions = new ArrayList<>();
    int painObservations;

    ClinicData(Path root) throws IOException {
        this.config = Files.createDirectories(root.resolve("config"));
        this.data = Files.createDirectories(root.resolve("data"));
        Files.createDirectories(config.resolve("clients"));
    }

    Path log() { return data.resolve("usage-log.jsonl"); }

    /** {@code count} sessions spread over the five clients, plus one without a client. */
    ClinicData sessions(int count, long seed) throws IOException {
        Random rnd = new Random(seed);
        Instant t = Instant.parse("2026-03-02T08:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(log(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            int first = sessions.size(); // a second call adds new sessions, with new ids
            for (int i = first; i < first + count; i++) {
                t = t.plus(Duration.ofMinutes(30 + rnd.nextInt(600)));
                SessionRecord r = session(String.format("20260302-%06d-%04x", i, i & 0xffff), CLIENTS[i % CLIENTS.length], t, rnd, i);
                sessions.add(r);
                w.write(withPain(r, i));
            }
            SessionRecord orphan = session(String.format("20260302-9%05d-ffff", first), null, t.plusSeconds(3600), rnd, 1);
            w.write(withPain(orphan, 3));
        }
        return this;
    }

    /** Client records: four with plans (fixed weekdays or N a week), one with none; one more client who never had a session. */
    ClinicData clients() {
        ClientStore store = new ClientStore(config.resolve("clients"));
        for (int i = 0; i < CLIENTS.length - 1; i++) {
            Plan plan = i % 2 == 0
                    ? new Plan(List.of("sciatica"), Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), 0, LocalTime.of(18, 30),
                            LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31))
                    : new Plan(List.of("sciatica", "calves-quick"), Set.of(), 3, null, LocalDate.of(2026, 3, 1), null);
            store.save(Client.named(CLIENTS[i]).withPlan(plan));
        }
        store.save(Client.named("Fay New"));
        return this;
    }

    private SessionRecord session(String id, String client, Instant start, Random rnd, int i) {
        List<StepReport> steps = new ArrayList<>();
        Outcome outcome = OUTCOMES[i % 7 == 3 ? 1 + (i / 7) % (OUTCOMES.length - 1) : 0];
        boolean nothing = i % 23 == 5; // stopped before any region ran
        int n = 1 + rnd.nextInt(4);
        double active = 0;
        for (int s = 0; s < n; s++) {
            String[] reg = REGIONS[rnd.nextInt(REGIONS.length)];
            double secs = nothing ? 0 : 30 + rnd.nextInt(150);
            active += secs;
            steps.add(new StepReport(2 * s, reg[0], Side.valueOf(reg[1]), false, 120, secs, 0.6, 0.45, rnd.nextInt(2), 0, false));
            steps.add(new StepReport(2 * s + 1, "rest", Side.NONE, true, 20, nothing ? 0 : 20, 0, 0, 0, 0, false));
        }
        if (nothing && outcome == Outcome.COMPLETED) outcome = Outcome.STOPPED_BY_USER;
        return new SessionRecord(id, client, "sciatica", "Sciatica, gentle", new DeviceInfo("theragun-gen4", "AA:BB:CC:DD:EE:FF"),
                start, start.plusMillis((long) (active * 1000) + 20_000L * n), active, 20.0 * n, outcome,
                outcome == Outcome.LINK_LOST ? 1 : 0, outcome == Outcome.INTERRUPTED ? List.of("recovered after a crash") : List.of(),
                steps);
    }

    /** The log line with issue 19's pain fields, in a pattern that covers every combination. */
    private String withPain(SessionRecord r, int i) {
        PainScores pain = switch (i % 5) {
            case 0 -> new PainScores(7, 3, List.of("lower-back", "piriformis"), null);
            case 1 -> new PainScores(0, null, List.of("calves"), null);
            case 2 -> new PainScores(null, 10, List.of(), null);
            case 3 -> new PainScores(null, null, List.of(), "felt tight \u001b[31m after; tr\u00e8s bien");
            default -> PainScores.NONE;
        };
        if (r.clientName() != null) painObservations += (pain.before() != null ? 1 : 0) + (pain.after() != null ? 1 : 0);
        return new String(RecordJson.toLine(r.withPain(pain)), StandardCharsets.UTF_8);
    }
}
