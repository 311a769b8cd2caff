package dev.thrum.conformance;

import dev.thrum.store.ProfileLibraryLoader;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codecs;
import dev.thrum.transport.sim.OpenSerialFault;
import dev.thrum.transport.sim.SimTransport;
import dev.thrum.transport.sim.SimulatedMassager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The conformance check against the simulated device in this process (a stream, as a serial line
 * is): version 2 and version 1 pass every rule, and each fault switch fails the rule it breaks while
 * the rules it does not touch still pass. Real time: a full run takes about 15 s, so the fault cases
 * run only their own rules.
 */
class ConformanceOnSimulatorTest {

    /** CI shares two cores among many builds: the checker's own delays get room, the device's rules stay. */
    static final long BUSY_MACHINE_SLACK_MS = 300;

    private final DeviceProfile profile = new ProfileLibraryLoader().load(List.of()).require("thrum-open-serial");

    private SimTransport device(int protocol, OpenSerialFault... faults) {
        SimTransport sim = new SimTransport(profile, Codecs.forProfile(profile), Clock.systemUTC(), SimulatedMassager.Input.STREAM);
        sim.massager().speakProtocol(protocol);
        for (OpenSerialFault f : faults) sim.massager().addFault(f);
        return sim;
    }

    @Test
    void aVersion2DevicePassesEveryRuleAndIsLeftStopped() throws Exception {
        SimTransport sim = device(2);
        List<RuleResult> progress = new ArrayList<>();
        ConformanceReport report = new ConformanceCheck(progress::add, BUSY_MACHINE_SLACK_MS).run(sim);
        assertTrue(report.passed(), () -> describe(report));
        assertEquals(2, report.protocolVersion());
        assertEquals(ConformanceCheck.RULES, report.results().stream().map(RuleResult::id).toList());
        assertEquals(0, report.count(RuleResult.Verdict.SKIP) + report.count(RuleResult.Verdict.WARN), describe(report));
        assertEquals(report.results(), progress, "each rule is reported as it finishes");
        assertFalse(sim.massager().running(), "the check ends with the motor stopped");
        assertTrue(sim.massager().receivedCommands().stream()
                .allMatch(c -> !(c instanceof dev.thrum.protocol.DeviceCommand.SetSpeed s) || s.value() <= 10),
                "never above 10 %: " + sim.massager().receivedCommands());
    }

    @Test
    void aVersion1DevicePassesWithTheVersion2RulesSkipped() throws Exception {
        ConformanceReport report = new ConformanceCheck(r -> { }, BUSY_MACHINE_SLACK_MS).run(device(1));
        assertTrue(report.passed(), () -> describe(report));
        assertEquals(1, report.protocolVersion());
        assertEquals(Set.of("longer-frames", "inter-byte-timeout"), Set.copyOf(report.results().stream()
                .filter(r -> r.verdict() == RuleResult.Verdict.SKIP).map(RuleResult::id).toList()));
    }

    /** fault, the rule it must fail (or warn), the verdict, and a rule it must leave passing. */
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "NO_NAK,                unknown-command,    FAIL, bad-crc",
            "NO_NAK,                too-short,          FAIL, get-status",
            "CLAMP_SPEED,           above-range,        FAIL, too-short",
            "DROP_FRAMES_IN_GAP,    stop-in-gap,        FAIL, get-status",
            "POLLS_FEED_WATCHDOG,   watchdog,           FAIL, ping",
            "NO_WATCHDOG,           watchdog,           WARN, ping",
            "CHATTY,                unprompted-status,  FAIL, get-version",
            "NO_INTER_BYTE_TIMEOUT, inter-byte-timeout, FAIL, noise",
            "SLOW_ANSWERS,          get-status,         FAIL, bad-crc"})
    void aBrokenDeviceFailsTheRuleItBreaks(OpenSerialFault fault, String rule, RuleResult.Verdict verdict, String unharmed)
            throws Exception {
        SimTransport sim = device(2, fault);
        // slow answers (250 ms) must still fail: give them the default slack, so the limit stays at 150 ms
        long slack = fault == OpenSerialFault.SLOW_ANSWERS ? 50 : BUSY_MACHINE_SLACK_MS;
        ConformanceReport report = new ConformanceCheck(r -> { }, slack).run(sim, Set.of(rule, unharmed));
        assertEquals(verdict, report.result(rule).orElseThrow().verdict(), () -> describe(report));
        assertEquals(RuleResult.Verdict.PASS, report.result(unharmed).orElseThrow().verdict(), () -> describe(report));
        assertEquals(RuleResult.Verdict.PASS, report.result("final-stop").orElseThrow().verdict(), () -> describe(report));
        assertFalse(sim.massager().running());
    }

    static String describe(ConformanceReport report) {
        StringBuilder b = new StringBuilder();
        for (RuleResult r : report.results())
            b.append(r.verdict()).append(' ').append(r.id()).append(": ").append(r.detail()).append("\n    ").append(r.sent()).append('\n');
        return b.toString();
    }
}
