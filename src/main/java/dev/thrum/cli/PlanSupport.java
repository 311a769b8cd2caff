package dev.thrum.cli;

import dev.thrum.store.ClientStore;
import dev.thrum.store.ProgramLibraryLoader;
import dev.thrum.store.RegionCatalogueLoader;
import dev.thrum.store.ThrumDirs;
import dev.thrum.usage.LogFileException;
import dev.thrum.usage.SessionRecord;
import dev.thrum.usage.UsageLog;
import dev.thrum.plan.PlanProgress;
import dev.thrum.plan.ReminderService;
import dev.thrum.program.Client;
import dev.thrum.program.Program;
import dev.thrum.program.ProgramLibrary;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the plan commands share: clients, programs, the usage log, "today" in the user's time zone.
 * Also the {@link ReminderService.Source} of the daemon's reminders, so they read the same files.
 */
public final class PlanSupport implements ReminderService.Source {
    private final ThrumDirs dirs;
    private final Clock clock;
    private final ZoneId zone;
    private ProgramLibrary programs;

    public PlanSupport(ThrumDirs dirs, Clock clock, ZoneId zone) {
        this.dirs = dirs;
        this.clock = clock;
        this.zone = zone;
    }

    public ZoneId zone() { return zone; }

    public Clock clock() { return clock; }

    public LocalDate today() { return clock.instant().atZone(zone).toLocalDate(); }

    public ClientStore store() { return new ClientStore(dirs.clients()); }

    private String clientsSeen;
    private List<Client> clientsCache = List.of();

    /**
     * Every readable client. Read again only when a file in the directory changed, so the daemon's
     * reminders (which ask every few seconds) warn about a broken client file once, not every time.
     */
    @Override
    public synchronized List<Client> clients() {
        String seen = directorySignature();
        if (!seen.equals(clientsSeen)) {
            clientsCache = store().list();
            clientsSeen = seen;
        }
        return clientsCache;
    }

    private String directorySignature() {
        java.nio.file.Path dir = dirs.clients();
        if (!Files.isDirectory(dir)) return "";
        StringBuilder sb = new StringBuilder();
        try (java.util.stream.Stream<java.nio.file.Path> s = Files.list(dir)) {
            s.sorted().forEach(f -> {
                try {
                    sb.append(f.getFileName()).append('@').append(Files.getLastModifiedTime(f).toMillis()).append('/')
                            .append(Files.size(f)).append(';');
                } catch (java.io.IOException e) {
                    sb.append(f.getFileName()).append("@?;");
                }
            });
        } catch (java.io.IOException e) {
            return "unreadable:" + System.nanoTime(); // try again next time
        }
        return sb.toString();
    }

    /** Clients with a plan: the one named, or all. */
    public List<Client> planned(String clientName) {
        List<Client> cs = clientName == null ? clients() : List.of(store().get(clientName));
        return cs.stream().filter(c -> c.plan() != null).toList();
    }

    public synchronized ProgramLibrary programs() {
        if (programs == null) programs = ProgramLibraryLoader.load(RegionCatalogueLoader.load(dirs.config()), dirs.programs());
        return programs;
    }

    @Override
    public String programName(String id) {
        return programs().find(id).map(Program::name).orElse(id);
    }

    /** The program's planned length, or 30 minutes when the program is unknown here. */
    public Duration programLength(String id) {
        return programs().find(id).map(Program::totalDuration).orElse(Duration.ofMinutes(30));
    }

    /** Every session in the usage log (empty when there is none yet). */
    @Override
    public List<SessionRecord> sessions() {
        UsageLog log = UsageLog.in(dirs.data());
        List<SessionRecord> out = new ArrayList<>();
        if (!Files.exists(log.file())) return out;
        try {
            log.reader().read(out::add, w -> { });
        } catch (LogFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return out;
    }

    /** Today's items of each planned client (only clients with something planned today). */
    public List<ClientDay> todayFor(String clientName) {
        List<SessionRecord> sessions = sessions();
        List<ClientDay> out = new ArrayList<>();
        for (Client c : planned(clientName)) {
            List<PlanProgress.Item> items = PlanProgress.day(c, zone, today(), today(), sessions);
            if (!items.isEmpty()) out.add(new ClientDay(c, items));
        }
        return out;
    }

    public record ClientDay(Client client, List<PlanProgress.Item> items) {}
}
