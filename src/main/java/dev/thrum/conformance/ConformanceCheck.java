package dev.thrum.conformance;

import dev.thrum.conformance.RuleResult.Verdict;
import dev.thrum.protocol.OpenSerialFrames;
import dev.thrum.transport.Transport;
import dev.thrum.transport.TransportException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code thrum conformance}: drives a device through every rule of docs/open-serial-protocol.md that
 * can be seen from the line, and reports each one. The order matters only for safety: the handshake
 * first (it decides which version's rules apply), rules that keep the motor still next, the motion
 * rules last, and a STOP at the very end whatever happened. The motor never runs above
 * {@link Probe#MAX_TEST_SPEED} %.
 */
public final class ConformanceCheck {

    private final Consumer<RuleResult> progress;
    private final long slackMs;

    /** @param progress called after each rule (the CLI prints it at once); may be a no-op */
    public ConformanceCheck(Consumer<RuleResult> progress) { this(progress, Probe.DEFAULT_SLACK_MS); }

    /**
     * @param slackMs what the checker allows on top of the document's 100 ms answer time for delays of
     *                its own (a busy computer, USB latency); answers later than 100 ms + this fail
     */
    public ConformanceCheck(Consumer<RuleResult> progress, long slackMs) {
        if (slackMs < 0) throw new IllegalArgumentException("slack must not be negative: " + slackMs);
        this.progress = progress;
        this.slackMs = slackMs;
    }

    /** Every rule's id, in the order they run ({@code hello} first, {@code final-stop} last). */
    public static final List<String> RULES = List.of("hello", "get-status", "get-version", "ping", "bad-crc",
            "unknown-command", "too-short", "above-range", "longer-frames", "split-frame", "noise",
            "inter-byte-timeout", "pacing", "set-speed", "unprompted-status", "stop-in-gap", "watchdog", "final-stop");

    /** A rule to run: it may block for seconds and throws only when the line fails. */
    private interface Rule {
        RuleResult check() throws TransportException, InterruptedException;
    }

    /** Runs every rule against the device on this (stream) transport, then closes it. */
    public ConformanceReport run(Transport transport) throws TransportException, InterruptedException {
        return run(transport, Set.copyOf(RULES));
    }

    /**
     * Runs the chosen rules (the handshake and the final STOP always run: the first decides which
     * version's rules apply, the second is for safety), then closes the transport.
     *
     * @throws IllegalArgumentException naming the known rules when an id is not one
     */
    public ConformanceReport run(Transport transport, Set<String> only) throws TransportException, InterruptedException {
        for (String id : only)
            if (!RULES.contains(id))
                throw new IllegalArgumentException("no rule '" + id + "'; rules: " + String.join(", ", RULES));
        List<RuleResult> results = new ArrayList<>();
        Probe probe;
        try (DeviceLine line = new DeviceLine(transport)) {
            probe = new Probe(line, slackMs);
            MessageRules m = new MessageRules(probe);
            MotionRules motion = new MotionRules(probe);
            try {
                probe.sendNow(OpenSerialFrames.frame(OpenSerialFrames.STOP)); // whatever state it was left in
                line.collect(200);
                RuleResult hello = m.hello();
                add(results, hello);
                boolean watchdogDeclared = declaresWatchdog(hello);
                Map<String, Rule> rules = new LinkedHashMap<>();
                rules.put("get-status", () -> m.answers("get-status", OpenSerialFrames.GET_STATUS, OpenSerialFrames.STATUS));
                rules.put("get-version", () -> m.answers("get-version", OpenSerialFrames.GET_VERSION, OpenSerialFrames.VERSION));
                rules.put("ping", () -> m.answers("ping", OpenSerialFrames.PING, OpenSerialFrames.STATUS));
                rules.put("bad-crc", m::badCrc);
                rules.put("unknown-command", m::unknownCommand);
                rules.put("too-short", m::tooShort);
                rules.put("above-range", m::aboveRange);
                rules.put("longer-frames", m::longerFrames);
                rules.put("split-frame", m::splitFrame);
                rules.put("noise", m::noise);
                rules.put("inter-byte-timeout", m::interByteTimeout);
                rules.put("pacing", motion::pacing);
                rules.put("set-speed", motion::setSpeedAndStop);
                rules.put("unprompted-status", motion::unpromptedStatus);
                rules.put("stop-in-gap", motion::stopInsideTheGap);
                rules.put("watchdog", () -> motion.watchdog(watchdogDeclared));
                for (var e : rules.entrySet()) if (only.contains(e.getKey())) add(results, e.getValue().check());
            } finally {
                add(results, finalStop(probe));
            }
        }
        return new ConformanceReport(transport.describe(), probe.version2 ? 2 : 1, List.copyOf(results));
    }

    private static boolean declaresWatchdog(RuleResult hello) {
        // the capabilities printed by the hello rule ("capabilities 0F"); bit 08 is the watchdog
        int at = hello.detail().indexOf("capabilities ");
        if (at < 0) return false;
        int caps = Integer.parseInt(hello.detail().substring(at + 13, at + 15), 16);
        return (caps & OpenSerialFrames.HAS_WATCHDOG) != 0;
    }

    private RuleResult finalStop(Probe probe) {
        try {
            probe.begin();
            boolean still = probe.stopAndSettle();
            return new RuleResult("final-stop", "Device rule 4", still ? Verdict.PASS : Verdict.FAIL,
                    still ? "STOP at the end: the motor is still" : "after the final STOP no STATUS showed speed 0;"
                            + " check the motor by hand", probe.sent());
        } catch (TransportException | InterruptedException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return new RuleResult("final-stop", "Device rule 4", Verdict.FAIL, "the final STOP could not be sent: "
                    + e.getMessage() + "; switch the device off by hand", "");
        }
    }

    private void add(List<RuleResult> results, RuleResult r) {
        results.add(r);
        progress.accept(r);
    }
}
