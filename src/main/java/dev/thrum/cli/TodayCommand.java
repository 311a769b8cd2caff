package dev.thrum.cli;

import dev.thrum.store.ThrumDirs;
import dev.thrum.plan.PlanProgress;
import dev.thrum.text.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code thrum today}: what the plans ask for today, and what of it is done. */
@Command(name = "today", mixinStandardHelpOptions = true,
        description = {"What is due today by the clients' plans, and what is already done (from the usage log).",
                "Times are in your time zone (TZ). Set plans with 'thrum plan set'."})
public final class TodayCommand implements Callable<Integer> {

    @Option(names = "--client", paramLabel = "NAME", description = "only this client")
    String clientName;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Supplier<PlanSupport> support;

    public TodayCommand() {
        this.support = () -> new PlanSupport(ThrumDirs.fromEnvironment(), Clock.systemUTC(), ZoneId.systemDefault());
    }

    /** For tests: these directories, this clock and zone. */
    public TodayCommand(ThrumDirs dirs, Clock clock, ZoneId zone) {
        this.support = () -> new PlanSupport(dirs, clock, zone);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PlanSupport s = support.get();
        List<PlanSupport.ClientDay> days = s.todayFor(clientName);
        out.println("Today, " + s.today().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + s.today()
                + " (" + s.zone().getId() + ")");
        if (days.isEmpty()) {
            out.println(s.planned(clientName).isEmpty() ? "  no plans yet; set one with: thrum plan set --client NAME --program ID --days mon,wed,fri --at 18:00"
                    : "  nothing planned today");
            return 0;
        }
        print(days, s, out);
        return 0;
    }

    static void print(List<PlanSupport.ClientDay> days, PlanSupport s, PrintWriter out) {
        for (PlanSupport.ClientDay d : days) {
            out.println(TerminalText.safe(d.client().name()) + ":");
            for (PlanProgress.Item i : d.items()) out.println("  " + line(i, s));
        }
    }

    static String line(PlanProgress.Item i, PlanSupport s) {
        String at = i.at() == null ? "any time" : "at " + i.at().toLocalTime();
        String state = switch (i.status()) {
            case DONE -> "done at " + i.session().startedAt().atZone(s.zone()).toLocalTime().withNano(0).withSecond(0);
            case DUE -> "due";
            case MISSED -> "missed";
            case NOT_DUE -> "not needed today";
        };
        String week = i.weekTarget() > 0 ? " (" + i.weekDone() + " of " + i.weekTarget() + " this week)" : "";
        return String.format(Locale.ROOT, "%-28s %-9s %s%s", TerminalText.safe(s.programName(i.programId())) + " [" + i.programId() + "]",
                at, state, week);
    }
}
