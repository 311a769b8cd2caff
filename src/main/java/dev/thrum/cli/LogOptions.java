package dev.thrum.cli;

import dev.thrum.store.ClientStore;
import dev.thrum.store.IoReason;
import dev.thrum.program.Client;
import dev.thrum.program.ClientMatch;
import dev.thrum.usage.IsoDates;
import dev.thrum.usage.LogFileException;
import dev.thrum.usage.LogReader;
import dev.thrum.usage.LogWarning;
import dev.thrum.usage.RecordFilter;
import dev.thrum.usage.SessionRecord;
import dev.thrum.usage.Summary;
import dev.thrum.usage.SummaryLineReader;
import dev.thrum.usage.UnorderedLogRead;
import dev.thrum.usage.UsageLog;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Where the log is, which sessions to look at, and how to read them: shared by the review commands. */
final class LogOptions {
    static final int MAX_WARNINGS_SHOWN = 20;

    @Mixin StoreDirOptions dirs;

    @Option(names = "--log", paramLabel = "FILE",
            description = "Read this log file instead (for example a copy from a client's computer).")
    Path logFile;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Time zone for days and weeks, for example Europe/Berlin (default: this computer's).")
    String zone;

    @Option(names = "--since", paramLabel = "DATE", description = "Only sessions started on or after DATE (YYYY-MM-DD).")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Only sessions started on or before DATE (YYYY-MM-DD, inclusive).")
    String until;

    @Option(names = "--client", paramLabel = "CLIENT",
            description = "Only this client's sessions: an id, a name (any case) or the start of either, as everywhere.")
    String client;

    ZoneId zoneId(CommandLine cmd) {
        if (zone == null) return ZoneId.systemDefault();
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(cmd, "Invalid value for option '--zone': '" + zone
                    + "' is not a time zone; use a name such as Europe/Berlin or UTC");
        }
    }

    RecordFilter filter(CommandLine cmd) {
        ZoneId z = zoneId(cmd);
        Client c = resolvedClient();
        return new RecordFilter(date("--since", since, cmd, z, false), date("--until", until, cmd, z, true),
                c == null ? client : c.name(), c == null ? null : c.id());
    }

    /**
     * The --client by Thrum's one rule ({@link ClientMatch}) among the client records; null when
     * none was given, or when no record answers to it (a removed client, or a log from another
     * computer): then sessions match by the name as typed, and none matching is an error.
     *
     * @throws LogCommandException when several clients answer to it
     */
    Client resolvedClient() {
        if (client == null) return null;
        try {
            return clientStore().get(client);
        } catch (ClientMatch.NoSuchClientException e) {
            if (e.ambiguous()) throw new LogCommandException(e.getMessage());
            unknownClient = e.getMessage();
            return null;
        } catch (RuntimeException unreadableClients) {
            return null;
        }
    }

    /** The --client as a person reads it: the client's name when a record answers to it. */
    String clientLabel() {
        Client c = resolvedClient();
        return c == null ? client : c.name();
    }

    /** Set when --client named no client record: the message to give if no session matches either. */
    String unknownClient;

    private ClientStore clientStore() {
        return new ClientStore(dirs.clients());
    }

    Instant sinceInstant(CommandLine cmd) { return date("--since", since, cmd, zoneId(cmd), false); }

    Instant untilInstant(CommandLine cmd) { return date("--until", until, cmd, zoneId(cmd), true); }

    private static Instant date(String option, String text, CommandLine cmd, ZoneId z, boolean end) {
        if (text == null) return null;
        try {
            return end ? IsoDates.endInclusive(text, z) : IsoDates.start(text, z);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "Invalid value for option '" + option + "': " + e.getMessage());
        }
    }

    /**
     * The weekly session target for adherence: the option when given, else the one a therapist set
     * for the --client in its record; null when there is none.
     */
    Integer weeklyTarget(Integer option, CommandLine cmd) {
        if (option != null && option < 1)
            throw new CommandLine.ParameterException(cmd, "Invalid value for option '--target-per-week': it must be 1 or more");
        if (option != null || client == null) return option;
        try {
            return clientStore().find(client)
                    .map(c -> c.weeklyTarget() > 0 ? c.weeklyTarget() : null).orElse(null);
        } catch (RuntimeException unreadableClients) {
            return null; // the summary still works without a target
        }
    }

    /** The --client's record when it has a plan (for plan adherence); empty otherwise. */
    java.util.Optional<dev.thrum.program.Client> planClient() {
        if (client == null) return java.util.Optional.empty();
        try {
            return clientStore().find(client).filter(c -> c.plan() != null);
        } catch (RuntimeException unreadableClients) {
            return java.util.Optional.empty();
        }
    }

    /** The log in the data directory (not used with --log). */
    UsageLog usageLog() {
        return UsageLog.in(dirs.data());
    }

    Path file() {
        return logFile != null ? logFile : usageLog().file();
    }

    /**
     * Reads the matching sessions into {@code sink}, printing skipped lines as warnings.
     *
     * @return false when there is no log yet in the data directory (nothing was read)
     */
    boolean read(CommandLine cmd, Consumer<SessionRecord> sink) {
        return read(cmd, (filter, matched, warn) -> LogReader.of(file()).read(r -> {
            if (filter.test(r)) {
                matched.incrementAndGet();
                sink.accept(r);
            }
        }, warn));
    }

    /** Turns the summary's quick path off (every line through the full record parsers), for the benchmark. */
    static final String SUMMARY_RECORDS_PROPERTY = "thrum.usage.summaryRecords";

    /**
     * A summary of the chosen records, read on several threads when the log is large (totals do not
     * depend on order; {@link UnorderedLogRead}); null when there is no log yet.
     */
    Summary readSummary(CommandLine cmd, ZoneId zone) {
        Summary total = new Summary(zone);
        boolean found = read(cmd, (filter, matched, warn) -> {
            for (FilteredSummary part : UnorderedLogRead.read(file(), () -> new FilteredSummary(filter, matched, zone), warn)) {
                total.add(part.finish());
            }
        });
        return found ? total : null;
    }

    /**
     * One thread's share of a summary: the records that pass the filter. Unfiltered, it takes plain lines
     * straight from their bytes ({@link SummaryLineReader}), the fast path of a big log's summary.
     */
    private static final class FilteredSummary implements Consumer<SessionRecord>, UnorderedLogRead.LineTaker {
        final RecordFilter filter;
        final AtomicLong matched;
        final Summary summary;
        private final SummaryLineReader quick;
        private long quickLines;

        FilteredSummary(RecordFilter filter, AtomicLong matched, ZoneId zone) {
            this.filter = filter;
            this.matched = matched;
            this.summary = new Summary(zone);
            this.quick = filter.takesAll() && !Boolean.getBoolean(SUMMARY_RECORDS_PROPERTY) ? new SummaryLineReader(summary) : null;
        }

        @Override
        public void accept(SessionRecord r) {
            if (filter.test(r)) {
                matched.incrementAndGet();
                summary.accept(r);
            }
        }

        @Override
        public boolean take(byte[] buf, int off, int len) {
            if (quick == null || !quick.read(buf, off, len)) return false;
            quickLines++;
            return true;
        }

        Summary finish() {
            matched.addAndGet(quickLines); // once per thread, not once per line
            return summary;
        }
    }

    /** How the records are read: through the filter, counting matches, telling warnings. */
    private interface Reading {
        void read(RecordFilter filter, AtomicLong matched, Consumer<LogWarning> warn) throws LogFileException;
    }

    private boolean read(CommandLine cmd, Reading reading) {
        PrintWriter err = cmd.getErr();
        if (logFile == null) {
            InterruptedSessions.recover(usageLog(), err, true);
            if (!logExists()) return false;
        }
        RecordFilter filter = filter(cmd);
        AtomicLong matched = new AtomicLong();
        int[] shown = {0};
        long[] more = {0};
        Consumer<LogWarning> warn = w -> {
            if (shown[0]++ < MAX_WARNINGS_SHOWN) err.println("thrum: warning: " + w);
            else more[0]++;
        };
        try {
            reading.read(filter, matched, warn);
        } catch (LogFileException e) {
            throw new LogCommandException(e.getMessage());
        } finally {
            if (more[0] > 0) err.println("thrum: warning: " + more[0] + " more lines skipped");
            err.flush();
        }
        if (matched.get() == 0 && unknownClient != null) throw new LogCommandException(unknownClient);
        return true;
    }

    /**
     * False only when the log is known to be absent. A data directory that cannot be searched
     * hides the file too; that is an error naming the directory, not "no sessions yet".
     */
    private boolean logExists() {
        try {
            Files.readAttributes(file(), java.nio.file.attribute.BasicFileAttributes.class);
            return true;
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new LogCommandException("cannot read the usage log in " + file().getParent() + ": " + IoReason.of(e)
                    + "; check the directory's owner and permissions (it should be yours, mode 700)");
        }
    }

    String noLogMessage() {
        return "No sessions recorded yet (no log at " + file() + ").";
    }
}
