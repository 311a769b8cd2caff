package dev.thrum.cli;

import dev.thrum.store.ClientStore;
import dev.thrum.store.ProgramLibraryLoader;
import dev.thrum.store.RegionCatalogueLoader;
import dev.thrum.store.ThrumDirs;
import dev.thrum.program.Client;
import dev.thrum.program.DurationText;
import dev.thrum.program.PlannedStep;
import dev.thrum.program.Planner;
import dev.thrum.program.Program;
import dev.thrum.program.ProgramLibrary;
import dev.thrum.program.ProgramParser;
import dev.thrum.program.Region;
import dev.thrum.program.RegionCatalogue;
import dev.thrum.program.SessionPlan;
import dev.thrum.program.Side;
import dev.thrum.program.ValidationException;
import dev.thrum.text.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** {@code thrum programs list|show|check|regions}. */
@Command(name = "programs", mixinStandardHelpOptions = true,
        description = "List, show and check guided programs (built-in and from $XDG_CONFIG_HOME/thrum/programs).")
public final class ProgramsCommand implements Runnable {

    private final Supplier<ThrumDirs> dirs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public ProgramsCommand() {
        this(ThrumDirs::fromEnvironment);
    }

    /** For tests and embedding: use these directories instead of the environment's. */
    public ProgramsCommand(ThrumDirs dirs) {
        this(() -> dirs);
    }

    private ProgramsCommand(Supplier<ThrumDirs> dirs) {
        this.dirs = dirs;
    }

    @Override
    public void run() {
        spec.commandLine().usage(out());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the programs you can run.")
    int list() {
        RegionCatalogue catalogue = RegionCatalogueLoader.load(dirs.get().config());
        ProgramLibrary library = ProgramLibraryLoader.load(catalogue, dirs.get().programs());
        PrintWriter out = out();
        out.printf("%-30s %-8s %s%n", "ID", "LENGTH", "NAME");
        for (ProgramLibrary.Entry e : library.entries()) {
            Duration total = new Planner(catalogue).plan(e.program()).plannedDuration();
            out.printf("%-30s %-8s %s%s%n", e.program().id(), DurationText.format(total), e.program().name(),
                    e.source().startsWith("built-in") ? "" : "  (" + e.source() + ")");
        }
        library.messages().forEach(m -> err().println("note: " + m));
        library.problems().forEach(p -> err().println("skipped a bad program file:\n" + indent(p.getMessage())));
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a program's steps with their times and effective caps.")
    int show(@Parameters(paramLabel = "ID", description = "program id (see: thrum programs list)") String id,
             @Option(names = "--client", paramLabel = "NAME", description = "apply this client's limits") String clientName) {
        RegionCatalogue catalogue = RegionCatalogueLoader.load(dirs.get().config());
        ProgramLibrary library = ProgramLibraryLoader.load(catalogue, dirs.get().programs());
        Program program = library.find(id).orElse(null);
        if (program == null) {
            List<String> ids = library.entries().stream().map(e -> e.program().id()).toList();
            err().println("thrum: no program '" + id + "'" + Suggestions.didYouMean(id, ids) + "; known programs: "
                    + String.join(", ", ids));
            return 1;
        }
        Client client = clientName == null ? null : new ClientStore(dirs.get().clients()).get(clientName);
        SessionPlan plan = new Planner(catalogue).plan(program, client);
        PrintWriter out = out();
        out.println(program.name() + " (" + program.id() + ")" + (program.author().isEmpty() ? "" : " by " + program.author()));
        if (!program.description().isEmpty()) out.println(program.description());
        if (client != null) out.println("For client: " + client.name());
        out.println();
        out.printf("%3s  %-6s  %-48s %-5s %-6s %-5s %-7s %-6s %s%n", "#", "AT", "REGION", "SIDE", "LENGTH", "RAMP", "CURVE", "TARGET", "CAP");
        Duration at = Duration.ZERO;
        for (PlannedStep s : plan.steps()) {
            if (s.rest()) {
                out.printf("%3d  %-6s  %-48s %-5s %-6s%n", s.index() + 1, DurationText.format(at), "rest (motor stopped)", "",
                        DurationText.format(s.duration()));
            } else {
                out.printf(Locale.ROOT, "%3d  %-6s  %-48s %-5s %-6s %-5s %-7s %-6.2f %.2f%n", s.index() + 1, DurationText.format(at),
                        s.regionName(), s.side() == Side.NONE ? "" : s.side().name().toLowerCase(Locale.ROOT),
                        DurationText.format(s.duration()), DurationText.format(s.rampUp()), ProgramParser.curveKey(s.curve()),
                        s.target(), s.cap());
            }
            at = at.plus(s.duration());
        }
        out.println();
        out.println("Total " + DurationText.format(plan.plannedDuration()) + "; session ceiling " + DurationText.format(plan.sessionCeiling()) + ".");
        plan.notes().forEach(n -> out.println("note: " + n));
        plan.confirmations().forEach(c -> out.println("needs confirming before the first run: " + c));
        return 0;
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Validate program files; exit 1 if any is bad.")
    int check(@Parameters(paramLabel = "FILE", arity = "1..*", description = "program files (JSON)") List<Path> files) {
        RegionCatalogue catalogue = RegionCatalogueLoader.load(dirs.get().config());
        ProgramParser parser = new ProgramParser(catalogue);
        int bad = 0;
        for (Path f : files) {
            try {
                Program p = ProgramLibraryLoader.readFile(parser, f);
                out().println("ok " + f + ": '" + p.id() + "', " + DurationText.format(new Planner(catalogue).plan(p).plannedDuration()));
            } catch (ValidationException e) {
                bad++;
                err().println(e.getMessage());
            }
        }
        if (bad > 0) err().println(bad + " of " + files.size() + " file(s) refused; see docs/programs.md for the format.");
        return bad == 0 ? 0 : 1;
    }

    @Command(name = "regions", mixinStandardHelpOptions = true, description = "List the body regions programs may use, with their caps and time limits.")
    int regions() {
        RegionCatalogue catalogue = RegionCatalogueLoader.load(dirs.get().config());
        PrintWriter out = out();
        out.printf("%-20s %-5s %-5s %-8s %s%n", "ID", "SIDES", "CAP", "MAX", "NAME");
        for (Region r : catalogue.all()) {
            out.printf(Locale.ROOT, "%-20s %-5s %-5s %-8s %s%n", r.id(), r.hasSides() ? "yes" : "no",
                    r.blocked() ? "-" : String.format(Locale.ROOT, "%.2f", r.cap()),
                    r.blocked() ? "BLOCKED" : DurationText.format(r.maxContinuous()), r.name());
        }
        return 0;
    }

    private PrintWriter out() { return spec.commandLine().getOut(); }

    private PrintWriter err() { return spec.commandLine().getErr(); }

    static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
