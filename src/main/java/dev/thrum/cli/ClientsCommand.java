package dev.thrum.cli;

import dev.thrum.store.ClientStore;
import dev.thrum.store.RegionCatalogueLoader;
import dev.thrum.store.ThrumDirs;
import dev.thrum.program.Client;
import dev.thrum.program.HardLimits;
import dev.thrum.program.ClientJson;
import dev.thrum.program.Condition;
import dev.thrum.program.DurationText;
import dev.thrum.program.Region;
import dev.thrum.program.RegionCatalogue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/** {@code thrum clients add|list|show|edit|remove}: the limits a therapist sets for a person. */
@Command(name = "clients", mixinStandardHelpOptions = true,
        description = "Manage client records (limits a therapist sets for a person), stored under $XDG_CONFIG_HOME/thrum/clients.",
        subcommands = {ClientsCommand.Add.class, ClientsCommand.ListClients.class, ClientsCommand.Show.class,
                ClientsCommand.Edit.class, ClientsCommand.Remove.class})
public final class ClientsCommand implements Runnable {

    private final Supplier<ThrumDirs> dirs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public ClientsCommand() {
        this.dirs = ThrumDirs::fromEnvironment;
    }

    /** For tests and embedding: use these directories instead of the environment's. */
    public ClientsCommand(ThrumDirs dirs) {
        this.dirs = () -> dirs;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    ClientStore store() {
        return new ClientStore(dirs.get().clients());
    }

    RegionCatalogue catalogue() {
        return RegionCatalogueLoader.load(dirs.get().config());
    }

    /** Options shared by add and edit; each left out leaves the field as it was. */
    static final class Fields {
        @Option(names = "--max-intensity", paramLabel = "0..1", description = "cap on every region, a share of the device's range")
        Double maxIntensity;

        @Option(names = "--avoid", paramLabel = "REGION", description = "never treat this region (repeatable)")
        List<String> avoid = new ArrayList<>();

        @Option(names = "--cap", paramLabel = "REGION=0..1", description = "cap for one region (repeatable)")
        Map<String, Double> caps = new LinkedHashMap<>();

        @Option(names = "--max-session", paramLabel = "DURATION", description = "longest session, like 20m or 900 (seconds); 'none' for the 30m ceiling")
        String maxSession;

        @Option(names = "--weekly-target", paramLabel = "N", description = "sessions per week to aim for (0 for none)")
        Integer weeklyTarget;

        @Option(names = "--notes", paramLabel = "TEXT", description = "free notes")
        String notes;

        @Option(names = "--condition", paramLabel = "KEY", description = "a condition from screening (repeatable): ${COMPLETION-CANDIDATES}",
                converter = ConditionConverter.class, completionCandidates = ConditionKeys.class)
        List<Condition> conditions = new ArrayList<>();
    }

    static final class ConditionKeys implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ClientJson.conditionKeys().iterator();
        }
    }

    static final class ConditionConverter implements CommandLine.ITypeConverter<Condition> {
        @Override
        public Condition convert(String value) {
            return Condition.fromKey(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "unknown condition '" + value + "'; known: " + String.join(", ", ClientJson.conditionKeys())));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a client.")
    static final class Add implements java.util.concurrent.Callable<Integer> {
        @ParentCommand ClientsCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "the person's name") String name;
        @Mixin Fields fields;

        @Override
        public Integer call() {
            ClientStore store = parent.store();
            Client base = Client.named(name);
            if (store.find(base.id()).isPresent()) {
                spec.commandLine().getErr().println("thrum: client '" + base.id() + "' exists; change it with: thrum clients edit " + base.id());
                return 1;
            }
            Client c = apply(base, fields, parent.catalogue(), spec);
            store.save(c);
            spec.commandLine().getOut().println("added client " + c.id() + " (" + store.fileOf(c.id()) + ")");
            printConditionReasons(c, spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Change a client's limits.")
    static final class Edit implements java.util.concurrent.Callable<Integer> {
        @ParentCommand ClientsCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "client name or id") String name;
        @Mixin Fields fields;

        @Option(names = "--no-avoid", paramLabel = "REGION", description = "treat this region again (repeatable)")
        List<String> noAvoid = new ArrayList<>();
        @Option(names = "--no-cap", paramLabel = "REGION", description = "drop the client's cap for a region (repeatable)")
        List<String> noCap = new ArrayList<>();
        @Option(names = "--no-condition", paramLabel = "KEY", converter = ConditionConverter.class, description = "remove a condition (repeatable)")
        List<Condition> noCondition = new ArrayList<>();
        @Option(names = "--forget-softer", paramLabel = "REGION|all", description = "forget remembered softer targets (repeatable)")
        List<String> forgetSofter = new ArrayList<>();
        @Option(names = "--confirmed", description = "record that the person has confirmed the condition warnings")
        boolean confirmed;

        @Override
        public Integer call() {
            ClientStore store = parent.store();
            Client old = store.get(name);
            Set<String> avoid = new TreeSet<>(old.avoid());
            noAvoid.forEach(avoid::remove);
            Map<String, Double> caps = new TreeMap<>(old.regionCaps());
            noCap.forEach(caps::remove);
            Set<Condition> conditions = old.conditions().isEmpty() ? EnumSet.noneOf(Condition.class) : EnumSet.copyOf(old.conditions());
            noCondition.forEach(conditions::remove);
            Map<String, Double> softer = new TreeMap<>(old.softer());
            if (forgetSofter.contains("all")) softer.clear();
            else forgetSofter.forEach(softer::remove);
            Client trimmed = new Client(old.id(), old.name(), old.maxIntensity(), avoid, caps, old.maxSession(), old.weeklyTarget(),
                    old.notes(), conditions, softer, old.conditionsConfirmed(), old.plan());
            Client c = apply(trimmed, fields, parent.catalogue(), spec);
            // new conditions bring new warnings, which must be confirmed again
            boolean confirmedNow = confirmed || (c.conditionsConfirmed() && c.conditions().containsAll(old.conditions())
                    && old.conditions().containsAll(c.conditions()));
            c = c.withConditionsConfirmed(confirmedNow);
            store.save(c);
            spec.commandLine().getOut().println("saved client " + c.id());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List clients.")
    static final class ListClients implements java.util.concurrent.Callable<Integer> {
        @ParentCommand ClientsCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ClientStore store = parent.store();
            PrintWriter out = spec.commandLine().getOut();
            List<Client> clients = store.list();
            if (clients.isEmpty()) out.println("no clients yet; add one with: thrum clients add NAME");
            for (Client c : clients) {
                out.printf(Locale.ROOT, "%-24s %-24s max %.2f%s%s%n", c.id(), c.name(), c.maxIntensity(),
                        c.conditions().isEmpty() ? "" : "  conditions: " + String.join(", ", c.conditions().stream().map(Condition::key).toList()),
                        c.weeklyTarget() == 0 ? "" : "  " + c.weeklyTarget() + "/week");
            }
            store.problems().forEach(p -> spec.commandLine().getErr().println("skipped a bad client file:\n"
                    + ProgramsCommand.indent(p.getMessage())));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a client's limits and the caps they lead to.")
    static final class Show implements java.util.concurrent.Callable<Integer> {
        @ParentCommand ClientsCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "client name or id") String name;

        @Override
        public Integer call() {
            Client c = parent.store().get(name);
            RegionCatalogue catalogue = parent.catalogue();
            PrintWriter out = spec.commandLine().getOut();
            out.println(c.name() + " (" + c.id() + ")");
            out.printf(Locale.ROOT, "maximum intensity: %.2f%n", c.maxIntensity());
            out.println("session ceiling:   " + DurationText.format(c.sessionCeiling())
                    + (c.maxSession() == null ? "" : " (set: " + DurationText.format(c.maxSession()) + ")"));
            out.println("weekly target:     " + (c.weeklyTarget() == 0 ? "none" : c.weeklyTarget() + " sessions"));
            out.println("avoid:             " + (c.avoid().isEmpty() ? "none" : String.join(", ", c.avoid())));
            out.println("conditions:        " + (c.conditions().isEmpty() ? "none" : String.join(", ",
                    c.conditions().stream().map(Condition::key).toList())
                    + (c.needsConfirmation() ? " (not yet confirmed)" : " (confirmed)")));
            if (!c.notes().isEmpty()) out.println("notes:             " + c.notes());
            printConditionReasons(c, out);
            out.println();
            out.printf("%-20s %-8s %-8s %s%n", "REGION", "DEFAULT", "CLIENT", "SOFTER");
            for (Region r : catalogue.all()) {
                if (r.blocked()) continue;
                String clientCap = c.avoids(r.id()) ? "avoided" : String.format(Locale.ROOT, "%.2f", Math.min(r.cap(), c.capFor(r.id())));
                String soft = c.softer().containsKey(r.id()) ? String.format(Locale.ROOT, "%.2f", c.softer().get(r.id())) : "";
                out.printf(Locale.ROOT, "%-20s %-8.2f %-8s %s%n", r.id(), r.cap(), clientCap, soft);
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Delete a client's record.")
    static final class Remove implements java.util.concurrent.Callable<Integer> {
        @ParentCommand ClientsCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "client name or id") String name;
        @Option(names = {"-y", "--yes"}, description = "remove without asking") boolean yes;

        @Override
        public Integer call() {
            ClientStore store = parent.store();
            Client c = store.get(name);
            PrintWriter out = spec.commandLine().getOut();
            if (!yes) {
                if (System.console() == null) {
                    spec.commandLine().getErr().println("thrum: not removed: confirm removing " + c.name() + " (" + c.id()
                            + ") with --yes");
                    return 1;
                }
                out.print("Remove client " + c.name() + " (" + c.id() + ") and their limits? Their sessions stay in the"
                        + " usage log. [y/N] ");
                out.flush();
                String answer = System.console().readLine();
                if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
                    out.println("not removed");
                    return 1;
                }
            }
            store.remove(c.id());
            out.println("removed client " + c.name() + " (" + c.id() + ")");
            return 0;
        }
    }

    private static Client apply(Client c, Fields f, RegionCatalogue catalogue, CommandLine.Model.CommandSpec spec) {
        Set<String> avoid = new LinkedHashSet<>(c.avoid());
        for (String r : f.avoid) avoid.add(treatableRegion(catalogue, r, "--avoid", spec));
        Map<String, Double> caps = new TreeMap<>(c.regionCaps());
        for (Map.Entry<String, Double> e : f.caps.entrySet()) {
            if (e.getValue() > HardLimits.MAX_INTENSITY)
                throw new CommandLine.ParameterException(spec.commandLine(), "--cap " + e.getKey() + "=" + e.getValue()
                        + " is over the device maximum of " + HardLimits.MAX_INTENSITY + "; a cap is a share of the range, 0..1");
            caps.put(treatableRegion(catalogue, e.getKey(), "--cap", spec), e.getValue());
        }
        Duration maxSession = c.maxSession();
        if (f.maxSession != null) {
            try {
                maxSession = f.maxSession.equals("none") ? null
                        : f.maxSession.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(f.maxSession)) : DurationText.parse(f.maxSession);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--max-session: " + e.getMessage());
            }
            if (maxSession != null && maxSession.compareTo(HardLimits.SESSION_CEILING) > 0)
                throw new CommandLine.ParameterException(spec.commandLine(), "--max-session " + f.maxSession
                        + " is over the session ceiling of " + DurationText.format(HardLimits.SESSION_CEILING)
                        + ", which no setting can lift; give " + DurationText.format(HardLimits.SESSION_CEILING) + " or less");
        }
        Set<Condition> conditions = c.conditions().isEmpty() ? EnumSet.noneOf(Condition.class) : EnumSet.copyOf(c.conditions());
        conditions.addAll(f.conditions);
        try {
            return new Client(c.id(), c.name(), f.maxIntensity == null ? c.maxIntensity() : f.maxIntensity, avoid, caps, maxSession,
                    f.weeklyTarget == null ? c.weeklyTarget() : f.weeklyTarget, f.notes == null ? c.notes() : f.notes,
                    conditions, c.softer(), c.conditionsConfirmed(), c.plan());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** A region a client limit can name: known, and not blocked (Thrum never treats those at all). */
    private static String treatableRegion(RegionCatalogue catalogue, String id, String option, CommandLine.Model.CommandSpec spec) {
        var region = catalogue.find(id);
        if (region.isEmpty()) throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + catalogue.unknownMessage(id));
        if (region.get().blocked())
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + id + ": " + region.get().name()
                    + " is blocked (cap 0): Thrum never treats it, for anyone, so a client limit there means nothing");
        return id;
    }

    private static void printConditionReasons(Client c, PrintWriter out) {
        for (Condition cond : c.conditions()) out.println("  " + cond.key() + ": " + cond.rule().reason());
    }
}
