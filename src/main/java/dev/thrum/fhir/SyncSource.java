package dev.thrum.fhir;

import dev.thrum.log.LogFileException;
import dev.thrum.log.LogReader;
import dev.thrum.program.Client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Gathers what Thrum holds, per client: the client records (for names and plans) and the usage log
 * (sessions, pain scores). A session without a client cannot be a FHIR Procedure (its subject is
 * required) and is counted apart; a session whose client has no record still gets a Patient, named as
 * the session names it.
 */
public final class SyncSource {
    private final Path log;
    private final Path clientsDir;

    public SyncSource(Path log, Path clientsDir) {
        this.log = log;
        this.clientsDir = clientsDir;
    }

    private List<Path> clientFiles() throws IOException {
        if (!Files.isDirectory(clientsDir)) return List.of();
        try (Stream<Path> s = Files.list(clientsDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    /** The result of a read: clients in id order, and how many sessions had no client. */
    public record Contents(List<ClientRecords> clients, long sessionsWithoutClient) {}

    /** @param onlyClient a client id or name, or null for everyone */
    public Contents read(String onlyClient, Consumer<String> warnings) throws IOException, LogFileException {
        String only = onlyClient == null ? null : Client.slug(onlyClient);
        Map<String, ClientRef> refs = new TreeMap<>();
        Map<String, TreatmentPlan> plans = new TreeMap<>();
        Map<String, List<ClientRecords.Session>> sessions = new TreeMap<>();
        for (Path f : clientFiles()) {
            String id = f.getFileName().toString().replaceFirst("\\.json$", "");
            if (only != null && !id.equals(only)) continue;
            try {
                PlanFields.ClientFile c = PlanFields.read(f);
                refs.put(id, c.client());
                c.plan().ifPresent(p -> plans.put(id, p));
            } catch (IllegalArgumentException e) {
                warnings.accept(e.getMessage() + "; this client's plan is not sent");
            }
        }
        long[] noClient = {0};
        if (Files.exists(log)) {
            Map<String, PainScores> pain = PainFields.read(log, warnings);
            LogReader.of(log).read(r -> {
                if (r.clientName() == null || r.clientName().isBlank()) {
                    if (only == null) noClient[0]++;
                    return;
                }
                ClientRef ref = refs.get(Client.slug(r.clientName()));
                if (ref == null) {
                    if (only != null && !Client.slug(r.clientName()).equals(only)) return;
                    ref = ClientRef.named(r.clientName());
                    refs.put(ref.id(), ref);
                }
                sessions.computeIfAbsent(ref.id(), k -> new ArrayList<>())
                        .add(new ClientRecords.Session(r, pain.getOrDefault(r.id(), PainScores.NONE)));
            }, w -> warnings.accept(w.toString()));
        }
        List<ClientRecords> out = new ArrayList<>();
        for (ClientRef ref : refs.values()) {
            List<ClientRecords.Session> list = sessions.getOrDefault(ref.id(), List.of());
            List<ClientRecords.Session> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing(s -> s.record().startedAt()));
            out.add(new ClientRecords(ref, plans.get(ref.id()), sorted));
        }
        return new Contents(out, noClient[0]);
    }
}
