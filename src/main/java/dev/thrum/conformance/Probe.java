package dev.thrum.conformance;

import dev.thrum.protocol.OpenSerialFrames;
import dev.thrum.transport.TransportException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static dev.thrum.protocol.OpenSerialFrames.*;

/**
 * The moves every rule is made of: send a frame and wait for the reply the document promises,
 * timed; read a STATUS by the document's table; keep the motor at a low speed or stopped. Every
 * rule's check goes through here, so the speed cap lives in one place.
 */
final class Probe {

    /** The fastest the checker ever runs the motor, in percent. */
    static final int MAX_TEST_SPEED = 10;
    /** The document's answer deadline. */
    static final long ANSWER_MS = 100;
    /** What the checker allows on top by default, for its own computer and USB latency. */
    public static final long DEFAULT_SLACK_MS = 50;

    final DeviceLine line;
    /** Every frame seen during the current rule, for the report. */
    private final List<DeviceLine.Arrived> seen = new ArrayList<>();
    boolean version2;

    private final long slackMs;

    Probe(DeviceLine line, long slackMs) {
        this.line = line;
        this.slackMs = slackMs;
    }

    /** How long an answer may take, as seen from here: the document's 100 ms and the slack. */
    long window() { return ANSWER_MS + slackMs; }

    /** A STATUS as the document defines it, or why it is not one. */
    record Status(int running, int speed, int battery, int force, int timer, Integer stopReason, String problem) {
        static Status of(byte[] f) {
            if (cmd(f) != STATUS) return invalid("not a STATUS");
            if (f.length < 11) return invalid("STATUS of " + f.length + " bytes; it has at least 11");
            int running = payload(f, 0), speed = payload(f, 1), battery = payload(f, 2);
            int force = (payload(f, 3) << 8) | payload(f, 4), timer = (payload(f, 5) << 8) | payload(f, 6);
            Integer reason = f.length >= 12 ? payload(f, 7) : null;
            String problem = null;
            if (running > 1) problem = "running is " + running + "; only 00 or 01";
            else if (speed > 100) problem = "speed is " + speed + "; at most 100";
            else if (battery > 100 && battery != 0xFF) problem = "battery is " + battery + "; 0..100 or FF";
            else if (reason != null && reason > 6 && reason < 0x80) problem = "stop reason " + reason + " is not defined";
            return new Status(running, speed, battery, force, timer, reason, problem);
        }

        private static Status invalid(String why) { return new Status(0, 0, 0, 0, 0, null, why); }

        boolean isRunning() { return running == 1; }
    }

    static boolean isStatus(byte[] f) { return cmd(f) == STATUS; }

    static Predicate<byte[]> is(int cmd) { return f -> cmd(f) == cmd; }

    /** Starts a rule: forgets frames from before it. */
    void begin() {
        line.drain();
        seen.clear();
    }

    /** The device's frames during this rule, in hex, for the report. */
    String sent() {
        seen.addAll(line.drain());
        // repeats folded ("... (x17)"), so a second of STATUS stays one line
        List<String> out = new ArrayList<>();
        String last = null;
        int repeats = 0;
        for (DeviceLine.Arrived a : seen) {
            String hex = a.hex();
            if (hex.equals(last)) { repeats++; continue; }
            if (last != null) out.add(repeats > 1 ? last + " (x" + repeats + ")" : last);
            last = hex;
            repeats = 1;
        }
        if (last != null) out.add(repeats > 1 ? last + " (x" + repeats + ")" : last);
        return String.join(" | ", out);
    }

    void send(byte[] frame) throws TransportException, InterruptedException { line.send(frame); }

    /** Inside the host's gap on purpose (STOP, split frames). */
    void sendNow(byte[] bytes) throws TransportException { line.sendNow(bytes); }

    /** Sends {@code frame} and waits {@code ms} for a reply that fits; null when none came. */
    DeviceLine.Arrived ask(byte[] frame, Predicate<byte[]> reply, long ms) throws TransportException, InterruptedException {
        line.send(frame);
        DeviceLine.Arrived a = line.await(reply, ms, seen);
        if (a != null) seen.add(a);
        return a;
    }

    /** Milliseconds from the end of the last write to this frame's arrival. */
    long millisAfterSend(DeviceLine.Arrived a) {
        return TimeUnit.NANOSECONDS.toMillis(a.nanos() - line.sentNanos());
    }

    boolean onTime(DeviceLine.Arrived a) { return millisAfterSend(a) <= window(); }

    /** Frames arriving in the next {@code ms}, kept for the report. */
    List<DeviceLine.Arrived> listen(long ms) throws InterruptedException {
        List<DeviceLine.Arrived> got = line.collect(ms);
        seen.addAll(got);
        return got;
    }

    /** GET_STATUS and its answer (waiting a generous second), or null. */
    Status status() throws TransportException, InterruptedException {
        DeviceLine.Arrived a = ask(frame(GET_STATUS), Probe::isStatus, 1000);
        return a == null ? null : Status.of(a.frame());
    }

    /** SET_SPEED at a low value; refuses anything above {@link #MAX_TEST_SPEED}. */
    DeviceLine.Arrived setSpeed(int percent) throws TransportException, InterruptedException {
        if (percent < 1 || percent > MAX_TEST_SPEED)
            throw new IllegalArgumentException("the conformance check never asks for more than " + MAX_TEST_SPEED + " %");
        return ask(frame(SET_SPEED, percent), f -> isStatus(f) || cmd(f) == NAK, 1000);
    }

    /** STOP, and wait up to 3 s until a STATUS says the motor is still (speed 0). True when it did. */
    boolean stopAndSettle() throws TransportException, InterruptedException {
        line.sendNow(frame(STOP));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < deadline) {
            DeviceLine.Arrived a = line.await(Probe::isStatus, 300, seen);
            if (a != null) {
                seen.add(a);
                Status s = Status.of(a.frame());
                if (s.problem() == null && !s.isRunning() && s.speed() == 0) return true;
            } else {
                line.send(frame(GET_STATUS));
            }
        }
        line.sendNow(frame(STOP));
        return false;
    }

    /** Waits {@code ms}, sending PING every 500 ms so the watchdog stays fed; returns every STATUS seen. */
    List<Status> holdWithPings(long ms) throws TransportException, InterruptedException {
        List<Status> out = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (System.nanoTime() < end) {
            line.send(frame(PING));
            long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
            for (DeviceLine.Arrived a : listen(Math.max(0, Math.min(500, left))))
                if (isStatus(a.frame())) out.add(Status.of(a.frame()));
        }
        return out;
    }
}
