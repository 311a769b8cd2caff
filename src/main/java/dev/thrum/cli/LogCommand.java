package dev.thrum.cli;

import dev.thrum.store.IoReason;
import dev.thrum.store.PrivateFiles;
import dev.thrum.engine.StepReport;
import dev.thrum.usage.CsvExport;
import dev.thrum.usage.PainReview;
import dev.thrum.usage.PainReviewText;
import dev.thrum.usage.PressureReview;
import dev.thrum.usage.PressureReviewText;
import dev.thrum.plan.PlanAdherence;
import dev.thrum.usage.JsonExport;
import dev.thrum.usage.RecordJson;
import dev.thrum.usage.SessionRecord;
import dev.thrum.usage.Summary;
import dev.thrum.usage.SummaryText;
import dev.thrum.program.Side;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code thrum log}: review the usage log (see docs/usage-log.md). */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Review the usage log: list, show, summary, export.",
        subcommands = {LogCommand.ListSessions.class, LogCommand.Show.class, LogCommand.SummaryCmd.class, LogCommand.Outcomes.class, LogCommand.Pressure.class,
                LogCommand.Export.class})
public final class LogCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    static String when(Instant t, ZoneId zone) {
        return t == null ? "-" : WHEN.format(t.atZone(zone));
    }

    static String minutes(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds / 60.0);
    }

    static String outcome(SessionRecord r) {
        return r.outcome() == null ? "running" : r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per session, oldest first.")
    static final class ListSessions extends LogReadingCommand {

        @Override
        int run(CommandLine cmd) {
            ZoneId zone = opts.zoneId(cmd);
            PrintWriter out = cmd.getOut();
            long[] n = {0};
            String format = "%-22s %-16s %-16s %-20s %8s  %s%n";
            return review(cmd, r -> {
                if (n[0]++ == 0) out.printf(Locale.ROOT, format, "id", "started", "client", "program", "minutes", "outcome");
                out.printf(Locale.ROOT, format, r.id(), when(r.startedAt(), zone), nz(r.clientName()), nz(r.programId()),
                        minutes(r.activeSeconds()), outcome(r));
            }, o -> {
                if (n[0] == 0) o.println("No sessions match.");
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Everything recorded about one session.")
    static final class Show extends LogReadingCommand {

        @Parameters(paramLabel = "ID", description = "The session id, or any unique start of it.")
        String id;

        @Option(names = "--json", description = "Print the record as stored (one JSON line).")
        boolean json;

        @Override
        int run(CommandLine cmd) {
            List<SessionRecord> matches = new ArrayList<>();
            SessionRecord[] exact = {null};
            boolean found = opts.read(cmd, r -> {
                if (r.id().equals(id)) exact[0] = r;
                else if (r.id().startsWith(id) && matches.size() <= 10) matches.add(r);
            });
            if (!found) throw new LogCommandException(opts.noLogMessage());
            SessionRecord r = exact[0];
            if (r == null) {
                if (matches.isEmpty()) throw new LogCommandException("no session with id '" + id + "' in " + opts.file()
                        + "; see the ids with 'thrum log list'");
                if (matches.size() > 1) {
                    StringBuilder b = new StringBuilder("'" + id + "' matches several sessions; give more of the id:");
                    matches.stream().limit(10).forEach(m -> b.append("\n  ").append(m.id()));
                    if (matches.size() > 10) b.append("\n  ...");
                    throw new LogCommandException(b.toString());
                }
                r = matches.get(0);
            }
            PrintWriter out = cmd.getOut();
            if (json) {
                out.print(new String(RecordJson.toLine(r), StandardCharsets.UTF_8));
            } else {
                print(r, opts.zoneId(cmd), out);
            }
            out.flush();
            return 0;
        }

        private static void print(SessionRecord r, ZoneId zone, PrintWriter out) {
            out.println("Session   " + r.id());
            out.println("Client    " + nz(r.clientName()));
            out.println("Program   " + nz(r.programId()) + (r.programName() == null ? "" : " (" + r.programName() + ")"));
            out.println("Device    " + (r.device() == null ? "-" : nz(r.device().profileId()) + " at " + nz(r.device().address())));
            out.println("Started   " + when(r.startedAt(), zone));
            out.println("Ended     " + when(r.endedAt(), zone));
            out.println("Outcome   " + outcome(r));
            out.printf(Locale.ROOT, "Time      %s min active, %s min paused, %d interruption%s%n", minutes(r.activeSeconds()),
                    minutes(r.pausedSeconds()), r.interruptions(), r.interruptions() == 1 ? "" : "s");
            r.warnings().forEach(w -> out.println("Warning   " + w));
            var pain = r.pain();
            if (pain.before() != null || pain.after() != null || !pain.regions().isEmpty())
                out.println("Pain      before " + (pain.before() == null ? "-" : pain.before()) + ", after "
                        + (pain.after() == null ? "-" : pain.after()) + " (0-10)"
                        + (pain.regions().isEmpty() ? "" : "; where: " + dev.thrum.text.TerminalText.safe(String.join(", ", pain.regions()))));
            if (pain.note() != null) out.println("Note      " + dev.thrum.text.TerminalText.safe(pain.note()));
            out.println();
            String f = "%3s  %-18s %-6s %9s %9s %6s %6s %7s  %s%n";
            out.printf(Locale.ROOT, f, "#", "region", "side", "planned", "actual", "peak", "mean", "+/-", "pressure");
            for (StepReport s : r.steps()) {
                out.printf(Locale.ROOT, f, s.index() + 1, s.rest() ? "(rest)" : nz(s.regionId()),
                        s.side() == null || s.side() == Side.NONE ? "-" : s.side().name().toLowerCase(Locale.ROOT),
                        secs(s.plannedSeconds()), secs(s.actualSeconds()) + (s.skipped() ? "*" : ""),
                        pct(s.peakIntensity()), pct(s.meanIntensity()), "-" + s.softer() + "/+" + s.harder(), pressure(s));
            }
            if (r.steps().stream().anyMatch(StepReport::skipped)) out.println("* skipped");
        }

        /** "light", or with force readings "light: 70% in band, 12% above, 1 too much". */
        private static String pressure(StepReport s) {
            if (s.rest() || s.pressure() == null) return "-";
            var stats = s.pressure().stats();
            if (stats == null) return s.pressure().band();
            double measured = stats.secondsBelow() + stats.secondsIn() + stats.secondsAbove();
            if (measured <= 0) return s.pressure().band() + ": no reading";
            return String.format(Locale.ROOT, "%s: %.0f%% in band, %.0f%% below, %.0f%% above%s", s.pressure().band(),
                    100 * stats.secondsIn() / measured, 100 * stats.secondsBelow() / measured, 100 * stats.secondsAbove() / measured,
                    stats.tooMuchEpisodes() == 0 ? "" : ", " + stats.tooMuchEpisodes() + " too much");
        }

        private static String secs(double s) {
            long t = Math.round(s);
            return String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
        }

        private static String pct(double v) {
            return Math.round(v * 100) + "%";
        }
    }

    @Command(name = "summary", mixinStandardHelpOptions = true,
            description = "Minutes per region and side, sessions per week, streaks and adherence.")
    static final class SummaryCmd extends LogReadingCommand {

        @Option(names = "--by", paramLabel = "GROUP", defaultValue = "region",
                description = "Group by region, week, day, program or client (default: ${DEFAULT-VALUE}).")
        String by;

        @Option(names = "--target-per-week", paramLabel = "N",
                description = "Weekly session target to measure adherence against (for example 5); default: the --client's own target.")
        Integer target;

        @Override
        int run(CommandLine cmd) {
            SummaryText.By group;
            try {
                group = SummaryText.By.valueOf(by.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, "Invalid value for option '--by': '" + by
                        + "'; use region, week, day, program or client");
            }
            target = opts.weeklyTarget(target, cmd);
            ZoneId zone = opts.zoneId(cmd);
            PrintWriter out = cmd.getOut();
            Summary summary = opts.readSummary(cmd, zone);
            if (summary == null) {
                out.println(opts.noLogMessage());
            } else {
                SummaryText.write(summary, group, target, week(opts.sinceInstant(cmd), zone, false),
                        week(opts.untilInstant(cmd), zone, true), out);
            }
            out.flush();
            return 0;
        }
    }

    /** The Monday of the week an instant falls in; for an exclusive end, of the instant just before. */
    static LocalDate week(Instant t, ZoneId zone, boolean exclusiveEnd) {
        if (t == null) return null;
        LocalDate d = (exclusiveEnd ? t.minusNanos(1) : t).atZone(zone).toLocalDate();
        return Summary.weekOf(d);
    }

    @Command(name = "outcomes", mixinStandardHelpOptions = true,
            description = {"Whether it helps: pain before and after each session, the weekly trend, the average change",
                    "per program and per region treated; with --client and a plan, adherence to the plan."})
    static final class Outcomes extends LogReadingCommand {

        @Override
        int run(CommandLine cmd) {
            ZoneId zone = opts.zoneId(cmd);
            PainReview review = new PainReview(zone);
            java.util.List<SessionRecord> mine = new java.util.ArrayList<>();
            return review(cmd, review.andThen(mine::add), out -> {
                opts.planClient().ifPresent(c -> {
                    PlanAdherence a = PlanAdherence.of(c, zone, java.time.LocalDate.now(zone), mine);
                    out.printf(Locale.ROOT, "Plan of %s: %d due, %d done, %d missed; streak %d (longest %d)%n%n",
                            dev.thrum.text.TerminalText.safe(c.name()), a.due(), a.done(), a.missed(), a.currentStreak(), a.longestStreak());
                });
                PainReviewText.write(review, out);
            });
        }
    }

    @Command(name = "pressure", mixinStandardHelpOptions = true,
            description = {"How evenly the person pressed: seconds below, in and above the band per region,",
                    "too-much-pressure episodes, and the in-band share week by week with its trend."})
    static final class Pressure extends LogReadingCommand {

        @Override
        int run(CommandLine cmd) {
            PressureReview review = new PressureReview(opts.zoneId(cmd));
            return review(cmd, review, out -> PressureReviewText.write(review, out));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write sessions as CSV (one row per step) or JSON (an array of records).")
    static final class Export extends LogReadingCommand {

        @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "csv or json")
        String format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "Write to FILE (created readable by you only) instead of the standard output.")
        Path output;

        @Override
        int run(CommandLine cmd) throws IOException {
            if (!format.equals("csv") && !format.equals("json")) {
                throw new CommandLine.ParameterException(cmd, "Invalid value for option '--format': '" + format + "'; use csv or json");
            }
            Writer w = output == null ? cmd.getOut()
                    : new BufferedWriter(new OutputStreamWriter(PrivateFiles.newOutputStream(output), StandardCharsets.UTF_8));
            try {
                if (format.equals("csv")) {
                    CsvExport csv = new CsvExport(w);
                    opts.read(cmd, csv);
                } else {
                    JsonExport json = new JsonExport(w);
                    opts.read(cmd, json);
                    json.finish();
                }
            } catch (UncheckedIOException e) {
                throw new LogCommandException("cannot write " + (output == null ? "the output" : output) + ": " + IoReason.of(e.getCause()));
            } finally {
                if (output != null) w.close();
                else w.flush();
            }
            return 0;
        }
    }

    static String nz(String s) {
        return s == null ? "-" : s;
    }
}
