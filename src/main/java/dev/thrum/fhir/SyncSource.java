package dev.thrum.fhir;

import dev.thrum.store.ClientStore;
import dev.thrum.usage.LogFileException;
import dev.thrum.usage.LogReader;
import dev.thrum.usage.SessionRecord;
import dev.thrum.program.Client;
import dev.thrum.program.Plan;
import dev.thrum.program.ValidationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Gathers what Thrum holds, per client: the client records (names and plans) and the usage log
 * (sessions with their pain scores). Only the name and the plan of a client record are used: its
 * limits, conditions and notes never leave the machine. A session without a client cannot be a FHIR
 * Procedure (its subject is required) and is counted apart; a session whose client has no record
 * still gets a Patient, named as the session names it.
 */
public final class SyncSource {
    private final Path log;
    private final Path clientsDir;

    public SyncSource(Path log, Path clientsDir) {
        this.log = log;
        this.clientsDir = clientsDir;
    }

    /** The result of a read: clients in id order, and how many sessions had no client. */
    public record Contents(List<ClientRecords> clients, long sessionsWithoutClient) {}

    /** @param onlyClient a client id or name, or null for everyone */
    public Contents read(String onlyClient, Consumer<String> warnings) throws IOException, LogFileException {
        String only = onlyClient == null ? null : Client.slug(onlyClient);
        Map<String, ClientRef> refs = new TreeMap<>();
        Map<String, Plan> plans = new TreeMap<>();
        ClientStore store = new ClientStore(clientsDir);
        try {
            for (ValidationException p : store.problems()) {
                String[] lines = p.getMessage().split("\n"); // one problem a line, each naming file and place
                for (int i = 0; i < lines.length; i++)
                    warnings.accept(lines[i] + (i == lines.length - 1 ? "; this client's plan is not sent (the sessions are)" : ""));
            }
            for (Client c : store.list()) {
                if (only != null && !c.id().equals(only)) continue;
                refs.put(c.id(), new ClientRef(c.id(), c.name()));
                if (c.plan() != null) plans.put(c.id(), c.plan());
            }
        } catch (ValidationException | java.io.UncheckedIOException e) {
            warnings.accept(e.getMessage() + "; plans are not sent");
        }
        Map<String, List<SessionRecord>> sessions = new TreeMap<>();
        long[] noClient = {0};
        if (Files.exists(log)) {
            LogReader.of(log).read(r -> {
                if (r.clientName() == null || r.clientName().isBlank()) {
                    if (only == null) noClient[0]++;
                    return;
                }
                String id = Client.slug(r.clientName());
                if (only != null && !id.equals(only)) return;
                ClientRef ref = refs.computeIfAbsent(id, k -> ClientRef.named(r.clientName()));
                sessions.computeIfAbsent(ref.id(), k -> new ArrayList<>()).add(r);
            }, w -> warnings.accept(w.toString()));
        }
        List<ClientRecords> out = new ArrayList<>();
        for (ClientRef ref : refs.values()) {
            List<SessionRecord> list = new ArrayList<>(sessions.getOrDefault(ref.id(), List.of()));
            list.sort(Comparator.comparing(SessionRecord::startedAt));
            out.add(new ClientRecords(ref, plans.get(ref.id()), list));
        }
        return new Contents(out, noClient[0]);
    }
}
