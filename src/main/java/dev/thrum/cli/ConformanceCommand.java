package dev.thrum.cli;

import dev.thrum.app.ConformanceTarget;
import dev.thrum.conformance.ConformanceCheck;
import dev.thrum.conformance.ConformanceReport;
import dev.thrum.conformance.RuleResult;
import dev.thrum.store.ProfileLibraryLoader;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.ProfileLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code thrum conformance serial:PATH}: checks a maker's firmware against
 * docs/open-serial-protocol.md and prints each rule with pass or fail and the bytes the device sent.
 * {@code sim:thrum-open-serial} checks Thrum's own simulated device (with {@code --sim-protocol} and
 * {@code --sim-fault} to see what a broken device looks like). Exit 0 when no rule failed, 1 otherwise.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"Check a device's firmware against the open serial protocol (docs/open-serial-protocol.md).",
                "Runs the motor at 10 %% at most and always ends with STOP."})
public final class ConformanceCommand implements Callable<Integer> {

    static final String PROFILE = "thrum-open-serial";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEVICE",
            description = "serial:PATH (your device, for example serial:/dev/ttyUSB0) or sim:" + PROFILE
                    + " (Thrum's simulated device, a self-check).")
    String target;

    @Option(names = "--sim-protocol", paramLabel = "1|2", defaultValue = "2",
            description = "For sim: the protocol version the simulated device speaks (default 2).")
    int simProtocol;

    @Option(names = "--sim-fault", paramLabel = "FAULT",
            description = "For sim: break one rule on purpose (repeatable). Faults: no-nak, clamp-speed,"
                    + " drop-frames-in-gap, polls-feed-watchdog, no-watchdog, chatty, no-inter-byte-timeout, slow-answers.")
    List<String> simFaults = new ArrayList<>();

    @Option(names = "--rules", split = ",", paramLabel = "RULE",
            description = "Check only these rules (comma-separated ids as the report prints them, for"
                    + " example watchdog,noise); hello and final-stop always run.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--slack-ms", paramLabel = "MS", defaultValue = "50",
            description = "Allowance on top of the protocol's 100 ms answer time for delays of this computer"
                    + " and its USB adapter (default 50). Raise it on a busy machine; it never excuses a device.")
    long slackMs;

    private final Supplier<ProfileLibrary> profiles;

    public ConformanceCommand() { this(ProfileLibraryLoader::loadDefault); }

    public ConformanceCommand(Supplier<ProfileLibrary> profiles) { this.profiles = profiles; }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DeviceProfile profile = profiles.get().require(PROFILE);
        for (String r : rules)
            if (!ConformanceCheck.RULES.contains(r))
                throw new CommandLine.ParameterException(spec.commandLine(), "no rule '" + r + "'; rules: "
                        + String.join(", ", ConformanceCheck.RULES));
        ConformanceTarget target = open(profile);
        out.println("checking " + target.describe() + " against docs/open-serial-protocol.md"
                + " (motor at 10 % at most; about 15 s)");
        out.flush();
        if (slackMs < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--slack-ms must not be negative");
        ConformanceReport report = target.check(new ConformanceCheck(r -> print(out, r), slackMs), rules.isEmpty() ? Set.copyOf(ConformanceCheck.RULES) : Set.copyOf(rules));
        out.printf("%ndevice speaks protocol version %d: %d passed, %d failed, %d warnings, %d skipped%n",
                report.protocolVersion(), report.count(RuleResult.Verdict.PASS), report.count(RuleResult.Verdict.FAIL),
                report.count(RuleResult.Verdict.WARN), report.count(RuleResult.Verdict.SKIP));
        out.println(report.passed() ? "conformance: PASS" : "conformance: FAIL");
        out.flush();
        return report.passed() ? 0 : 1;
    }

    private ConformanceTarget open(DeviceProfile profile) {
        if (target.startsWith("serial:")) {
            if (simProtocol != 2 || !simFaults.isEmpty())
                throw new CommandLine.ParameterException(spec.commandLine(), "--sim-protocol and --sim-fault are for sim: only");
            return ConformanceTarget.serial(target.substring("serial:".length()), profile);
        }
        if (!target.equals("sim:" + PROFILE) && !target.equals("sim"))
            throw new CommandLine.ParameterException(spec.commandLine(), "'" + target + "' is not a device to check;"
                    + " use serial:PATH or sim:" + PROFILE);
        try {
            return ConformanceTarget.simulated(profile, simProtocol, simFaults);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static void print(PrintWriter out, RuleResult r) {
        out.printf("%-4s  %-19s %s (%s)%n", r.verdict().name().toLowerCase(Locale.ROOT).equals("pass") ? "pass"
                : r.verdict().name(), r.id(), r.detail(), r.section());
        if (!r.sent().isEmpty()) out.println("      device sent: " + r.sent());
        out.flush();
    }
}
