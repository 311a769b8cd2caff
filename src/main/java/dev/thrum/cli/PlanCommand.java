package dev.thrum.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thrum.store.PrivateFiles;
import dev.thrum.store.ThrumDirs;
import dev.thrum.plan.PlanIcs;
import dev.thrum.plan.Reminders;
import dev.thrum.program.Client;
import dev.thrum.program.JsonSource;
import dev.thrum.program.Plan;
import dev.thrum.program.PlanJson;
import dev.thrum.program.Problem;
import dev.thrum.text.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** {@code thrum plan set|show|clear|ics}: a client's treatment plan (docs/plans.md). */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"A client's treatment plan: which programs, on which days or how often, at what time.",
                "The plan is stored in the client record; 'thrum today' and the daemon's reminders follow it."},
        subcommands = {PlanCommand.Set.class, PlanCommand.Show.class, PlanCommand.Clear.class, PlanCommand.Ics.class})
public final class PlanCommand implements Runnable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Supplier<PlanSupport> support;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public PlanCommand() {
        this.support = () -> new PlanSupport(ThrumDirs.fromEnvironment(), Clock.systemUTC(), ZoneId.systemDefault());
    }

    /** For tests: these directories, this clock and zone. */
    public PlanCommand(ThrumDirs dirs, Clock clock, ZoneId zone) {
        this.support = () -> new PlanSupport(dirs, clock, zone);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The option that sets each plan field, for messages. */
    private static final Map<String, String> OPTION_OF = Map.of("/programs", "--program", "/days", "--days",
            "/timesPerWeek", "--times-per-week", "/at", "--at", "/from", "--from", "/until", "--until", "", "thrum plan set");

    @Command(name = "set", mixinStandardHelpOptions = true, description = {"Set (or replace) a client's plan.",
            "Example: thrum plan set --client ana --program neck-relief --days mon,wed,fri --at 18:00"})
    static final class Set implements Callable<Integer> {
        @ParentCommand PlanCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Option(names = "--client", required = true, paramLabel = "NAME", description = "the client (id, name or the start of an id)")
        String client;
        @Option(names = "--program", required = true, paramLabel = "ID", split = ",",
                description = "program id (repeatable, or comma-separated); see 'thrum programs list'")
        List<String> programs;
        @Option(names = "--days", paramLabel = "DAYS", description = "weekdays, for example mon,wed,fri")
        String days;
        @Option(names = "--times-per-week", paramLabel = "N", description = "instead of --days: N sessions a week (1-7) on any days")
        Integer timesPerWeek;
        @Option(names = "--at", paramLabel = "HH:MM", description = "time of day (24-hour, your time zone); reminders go out then")
        String at;
        @Option(names = "--from", paramLabel = "DATE", description = "first day, YYYY-MM-DD (default: today)")
        String from;
        @Option(names = "--until", paramLabel = "DATE", description = "last day, YYYY-MM-DD (default: open-ended)")
        String until;

        @Override
        public Integer call() {
            PlanSupport s = parent.support.get();
            Client c = s.store().get(client);
            ObjectNode body = MAPPER.createObjectNode();
            ArrayNode ps = body.putArray("programs");
            programs.stream().map(String::trim).forEach(ps::add);
            if (days != null) {
                ArrayNode ds = body.putArray("days");
                for (String d : days.split(",")) ds.add(d.trim());
            }
            if (timesPerWeek != null) body.put("timesPerWeek", timesPerWeek);
            if (at != null) body.put("at", at);
            body.put("from", from != null ? from : s.today().toString());
            if (until != null) body.put("until", until);
            List<String> problems = new ArrayList<>();
            Plan plan = parse(body, problems);
            if (plan != null) problems.addAll(unknownPrograms(plan, s));
            if (!problems.isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                problems.forEach(p -> err.println("thrum plan set: " + p));
                err.println("nothing was saved; see 'thrum plan set --help' and docs/plans.md");
                return 2;
            }
            s.store().save(c.withPlan(plan));
            PrintWriter out = spec.commandLine().getOut();
            out.println("saved the plan for " + TerminalText.safe(c.name()) + " (" + c.id() + ")");
            describe(c.withPlan(plan), s, out);
            return 0;
        }
    }

    /** Parses the options through the same validation as client files, naming options instead of JSON paths. */
    static Plan parse(ObjectNode body, List<String> problems) {
        JsonSource src = JsonSource.parse("thrum plan set", body.toString());
        List<Problem> found = new ArrayList<>();
        Plan plan = PlanJson.read(src, "", src.root(), found);
        for (Problem p : found) {
            String pointer = p.path() == null ? "" : p.path().replaceFirst("^\\$", "").replaceAll("\\[\\d+]", "").replace('.', '/');
            problems.add(OPTION_OF.getOrDefault(pointer, pointer) + ": " + p.message());
        }
        return plan;
    }

    static List<String> unknownPrograms(Plan plan, PlanSupport s) {
        List<String> out = new ArrayList<>();
        for (String id : plan.programs()) {
            if (s.programs().find(id).isEmpty())
                out.add("--program: no program '" + TerminalText.safe(id) + "'; known programs: " + s.programs().entries().stream()
                        .map(e -> e.program().id()).sorted().collect(Collectors.joining(", ")));
        }
        return out;
    }

    static void describe(Client c, PlanSupport s, PrintWriter out) {
        Plan p = c.plan();
        out.println("  programs: " + p.programs().stream().map(id -> id + " (" + TerminalText.safe(s.programName(id)) + ")")
                .collect(Collectors.joining(", ")));
        String when = p.flexible() ? p.timesPerWeek() + " times a week"
                : p.days().stream().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(", "));
        out.println("  when:     " + when + (p.at() == null ? ", any time of day" : " at " + p.at() + " (" + s.zone().getId() + ")"));
        out.println("  from:     " + p.from() + (p.until() == null ? ", open-ended" : " until " + p.until()));
        Reminders.Moment next = Reminders.next(c, s.zone(), s.clock().instant());
        if (next != null) out.println("  next reminder: " + next.at().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                + " " + next.at().toLocalDate() + " " + next.at().toLocalTime() + " (while the daemon runs)");
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a client's plan.")
    static final class Show implements Callable<Integer> {
        @ParentCommand PlanCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Option(names = "--client", required = true, paramLabel = "NAME") String client;

        @Override
        public Integer call() {
            PlanSupport s = parent.support.get();
            Client c = s.store().get(client);
            PrintWriter out = spec.commandLine().getOut();
            if (c.plan() == null) {
                out.println(TerminalText.safe(c.name()) + " has no plan; set one with: thrum plan set --client " + c.id()
                        + " --program ID --days mon,wed,fri --at 18:00");
                return 0;
            }
            out.println("Plan for " + TerminalText.safe(c.name()) + " (" + c.id() + "):");
            describe(c, s, out);
            return 0;
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Remove a client's plan (the sessions in the log stay).")
    static final class Clear implements Callable<Integer> {
        @ParentCommand PlanCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Option(names = "--client", required = true, paramLabel = "NAME") String client;

        @Override
        public Integer call() {
            PlanSupport s = parent.support.get();
            Client c = s.store().get(client);
            if (c.plan() != null) s.store().save(c.withPlan(null));
            spec.commandLine().getOut().println(c.plan() == null ? TerminalText.safe(c.name()) + " had no plan"
                    : "removed the plan of " + TerminalText.safe(c.name()));
            return 0;
        }
    }

    @Command(name = "ics", mixinStandardHelpOptions = true,
            description = {"Write the plan as an iCalendar file (.ics) for calendar apps.",
                    "Weekly recurring events in your time zone; import the file, or re-import it after a change."})
    static final class Ics implements Callable<Integer> {
        @ParentCommand PlanCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Option(names = "--client", required = true, paramLabel = "NAME") String client;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here (default: standard output)") Path output;

        @Override
        public Integer call() throws IOException {
            PlanSupport s = parent.support.get();
            Client c = s.store().get(client);
            String ics;
            try {
                ics = PlanIcs.write(c, s.zone(), s::programName, s::programLength, s.clock().instant());
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("thrum plan ics: " + e.getMessage());
                return 1;
            }
            if (output == null) {
                spec.commandLine().getOut().print(ics);
                spec.commandLine().getOut().flush();
            } else {
                PrivateFiles.writeAtomically(output.toAbsolutePath(), ics);
                spec.commandLine().getOut().println("wrote " + output);
            }
            return 0;
        }
    }
}
