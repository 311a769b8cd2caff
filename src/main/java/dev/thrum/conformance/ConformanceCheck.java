package dev.thrum.conformance;

import dev.thrum.conformance.RuleResult.Verdict;
import dev.thrum.protocol.OpenSerialFrames;
import dev.thrum.transport.Transport;
import dev.thrum.transport.TransportException;

import java.util.ArrayList;
import java.util.List;
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

    /** @param progress called after each rule (the CLI prints it at once); may be a no-op */
    public ConformanceCheck(Consumer<RuleResult> progress) { this.progress = progress; }

    /** Runs every rule against the device on this (stream) transport, then closes it. */
    public ConformanceReport run(Transport transport) throws TransportException, InterruptedException {
        List<RuleResult> results = new ArrayList<>();
        Probe probe;
        try (DeviceLine line = new DeviceLine(transport)) {
            probe = new Probe(line);
            MessageRules messages = new MessageRules(probe);
            MotionRules motion = new MotionRules(probe);
            try {
                probe.send(OpenSerialFrames.frame(OpenSerialFrames.STOP)); // whatever state it was left in
                line.collect(200);
                add(results, messages.hello());
                boolean watchdogDeclared = declaresWatchdog(results.get(0));
                add(results, messages.answers("get-status", OpenSerialFrames.GET_STATUS, OpenSerialFrames.STATUS));
                add(results, messages.answers("get-version", OpenSerialFrames.GET_VERSION, OpenSerialFrames.VERSION));
                add(results, messages.answers("ping", OpenSerialFrames.PING, OpenSerialFrames.STATUS));
                add(results, messages.badCrc());
                add(results, messages.unknownCommand());
                add(results, messages.tooShort());
                add(results, messages.aboveRange());
                add(results, messages.longerFrames());
                add(results, messages.splitFrame());
                add(results, messages.noise());
                add(results, messages.interByteTimeout());
                add(results, motion.pacing());
                add(results, motion.setSpeedAndStop());
                add(results, motion.unpromptedStatus());
                add(results, motion.stopInsideTheGap());
                add(results, motion.watchdog(watchdogDeclared));
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
