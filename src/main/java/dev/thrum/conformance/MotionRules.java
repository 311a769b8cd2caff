package dev.thrum.conformance;

import dev.thrum.conformance.RuleResult.Verdict;
import dev.thrum.transport.TransportException;

import java.util.List;

import static dev.thrum.protocol.OpenSerialFrames.*;

/**
 * The rules about the motor and time: SET_SPEED answered and never exceeded, unprompted STATUS
 * within its limits, frames at the host's pacing, STOP obeyed at once even inside the gap, and the
 * watchdog (what feeds it, that it reports, that nothing restarts the motor but SET_SPEED). The
 * motor never runs above {@link Probe#MAX_TEST_SPEED}; each rule leaves it stopped.
 */
final class MotionRules {

    private static final int LOW = 5;

    private final Probe p;

    MotionRules(Probe probe) { this.p = probe; }

    private RuleResult result(String id, String section, Verdict v, String detail) {
        return new RuleResult(id, section, v, detail, p.sent());
    }

    /** SET_SPEED 5: a STATUS on time, the motor reaches 5 within 2 s, never above; STOP's reply shows running 00. */
    RuleResult setSpeedAndStop() throws TransportException, InterruptedException {
        p.begin();
        DeviceLine.Arrived a = p.setSpeed(LOW);
        if (a == null || !Probe.isStatus(a.frame())) {
            p.stopAndSettle();
            return result("set-speed", "Device rule 1", Verdict.FAIL, "SET_SPEED " + LOW + " got no STATUS");
        }
        long answerMs = p.millisAfterSend(a);
        List<Probe.Status> seen = p.holdWithPings(2500);
        seen.add(0, Probe.Status.of(a.frame()));
        String problem = null;
        boolean reached = false;
        for (Probe.Status s : seen) {
            if (s.problem() != null) problem = "STATUS: " + s.problem();
            else if (s.speed() > LOW) problem = "speed " + s.speed() + " reported after SET_SPEED " + LOW + "; never above what was asked";
            else if (s.isRunning() && s.speed() == LOW) reached = true;
        }
        // an unprompted STATUS may cross the STOP on the line: the reply is the first one that shows it
        DeviceLine.Arrived stopReply = p.ask(frame(STOP), f -> Probe.isStatus(f) && !Probe.Status.of(f).isRunning(),
                p.window());
        boolean settled = p.stopAndSettle();
        if (answerMs > p.window()) problem = "SET_SPEED was answered after " + answerMs + " ms";
        if (problem == null && !reached) problem = "the motor did not report " + LOW + " % within 2.5 s";
        if (problem == null && stopReply == null)
            problem = "no STATUS showing running 00 within " + p.window() + " ms of STOP";
        if (problem == null && p.version2 && stopReply != null && !Integer.valueOf(STOPPED_BY_HOST)
                .equals(Probe.Status.of(stopReply.frame()).stopReason()))
            problem = "after STOP the stop reason is not 01";
        if (problem == null && !settled) problem = "the motor did not come to speed 0 within 3 s of STOP";
        return result("set-speed", "Device rules 3 and 5", problem == null ? Verdict.PASS : Verdict.FAIL,
                problem == null ? "SET_SPEED " + LOW + " answered in " + answerMs + " ms, reached " + LOW
                        + " %, never above; STOP's reply shows running 00" : problem);
    }

    /** While running: unprompted STATUS at least once a second, at most 10 a second. */
    RuleResult unpromptedStatus() throws TransportException, InterruptedException {
        p.begin();
        p.setSpeed(LOW);
        p.listen(300);
        p.send(frame(PING));
        int count = (int) p.listen(1500).stream().filter(a -> Probe.isStatus(a.frame())).count() - 1; // one answers PING
        p.stopAndSettle();
        if (count < 1)
            return result("unprompted-status", "Device rule 6", Verdict.FAIL, "no unprompted STATUS in 1.5 s while running;"
                    + " send one at least once a second");
        if (count > 15)
            return result("unprompted-status", "Device rule 6", Verdict.FAIL, count + " unprompted STATUS in 1.5 s; at most"
                    + " 10 a second");
        return result("unprompted-status", "Device rule 6", Verdict.PASS, count + " unprompted STATUS in 1.5 s while running");
    }

    /** Three commands 20 ms apart, the host's pacing, are each answered. */
    RuleResult pacing() throws TransportException, InterruptedException {
        p.begin();
        int answered = 0;
        p.send(frame(GET_STATUS));
        answered += (int) p.listen(20).stream().filter(a -> Probe.isStatus(a.frame())).count();
        p.sendNow(frame(GET_VERSION)); // 20 ms after the last: the host's pacing, no margin
        answered += (int) p.listen(20).stream().filter(a -> cmd(a.frame()) == VERSION).count();
        p.sendNow(frame(GET_STATUS));
        for (DeviceLine.Arrived a : p.listen(p.window()))
            if (Probe.isStatus(a.frame()) || cmd(a.frame()) == VERSION) answered++;
        return result("pacing", "Host rule 1", answered >= 3 ? Verdict.PASS : Verdict.FAIL,
                answered + " of 3 commands sent 20 ms apart were answered");
    }

    /** STOP right behind another frame (inside the host's gap) is obeyed at once. */
    RuleResult stopInsideTheGap() throws TransportException, InterruptedException {
        p.begin();
        p.setSpeed(LOW);
        p.holdWithPings(600);
        // PING and STOP in one write: the STOP arrives right behind the PING, as deep inside the gap as
        // it can be, whatever this computer's scheduling (a sleep of 2 ms can last 20 on a busy machine)
        byte[] ping = frame(PING), stop = frame(STOP);
        byte[] both = new byte[ping.length + stop.length];
        System.arraycopy(ping, 0, both, 0, ping.length);
        System.arraycopy(stop, 0, both, ping.length, stop.length);
        p.send(both);
        boolean stopped = false;
        for (DeviceLine.Arrived a : p.listen(p.window() + 100)) {
            if (Probe.isStatus(a.frame()) && !Probe.Status.of(a.frame()).isRunning()) stopped = true;
        }
        Probe.Status after = p.status();
        boolean settled = p.stopAndSettle();
        if (!stopped || after == null || after.isRunning())
            return result("stop-in-gap", "Device rule 4", Verdict.FAIL, "a STOP right behind a PING (no gap) was not obeyed at"
                    + " once: STOP is exempt from pacing and must be acted on whenever it arrives");
        return result("stop-in-gap", "Device rule 4", settled ? Verdict.PASS : Verdict.FAIL,
                settled ? "STOP right behind a PING (no gap) stopped the motor" : "the motor did not come to speed 0 after STOP");
    }

    /**
     * Status polls alone must not keep the motor running: after SET_SPEED, only GET_STATUS every
     * 500 ms; the watchdog stops the motor after 3 s, reports it (stop reason 02 in version 2), and
     * only a new SET_SPEED starts it again.
     */
    RuleResult watchdog(boolean declared) throws TransportException, InterruptedException {
        p.begin();
        p.setSpeed(LOW);
        long start = System.nanoTime();
        Probe.Status last = null;
        boolean fired = false;
        boolean reported = false;
        while ((System.nanoTime() - start) / 1_000_000 < OpenSerialTimeouts.WATCHDOG_MS + OpenSerialTimeouts.WATCHDOG_GRACE_MS) {
            long tick = System.nanoTime();
            if (p.version2) p.send(frame(GET_STATUS)); // version 1's watchdog counted every frame: stay silent there
            long used = (System.nanoTime() - tick) / 1_000_000;
            for (DeviceLine.Arrived a : p.listen(Math.max(0, 500 - used)))
                if (Probe.isStatus(a.frame())) last = Probe.Status.of(a.frame());
            if (last != null && !last.isRunning()) {
                fired = true;
                reported = last.stopReason() == null || last.stopReason() == STOPPED_BY_WATCHDOG;
                break;
            }
        }
        long firedAfter = (System.nanoTime() - start) / 1_000_000;
        boolean restarted = false;
        if (fired) {
            for (Probe.Status s : p.holdWithPings(1000)) restarted |= s.isRunning();
        }
        p.stopAndSettle();
        String section = "Device rule 7";
        if (!fired) {
            String why = p.version2 ? "the motor kept running under GET_STATUS polls alone for "
                    + (OpenSerialTimeouts.WATCHDOG_MS + OpenSerialTimeouts.WATCHDOG_GRACE_MS) + " ms; polls must not feed the watchdog"
                    : "the motor kept running " + firedAfter + " ms without a frame";
            boolean required = p.version2 && declared;
            return result("watchdog", section, required ? Verdict.FAIL : Verdict.WARN,
                    why + (required ? " (INFO declares a watchdog)" : " (a watchdog is recommended)"));
        }
        if (p.version2 && !declared)
            return result("watchdog", "Replies", Verdict.FAIL, "a watchdog stopped the motor but INFO does not declare one (bit 08)");
        if (!reported)
            return result("watchdog", section, Verdict.FAIL, "the watchdog's STATUS does not give stop reason 02");
        if (restarted)
            return result("watchdog", section, Verdict.FAIL, "the motor started again without a SET_SPEED after the watchdog");
        return result("watchdog", section, Verdict.PASS, "the watchdog stopped the motor after about " + firedAfter
                + " ms, reported it, and PING did not restart it");
    }
}
