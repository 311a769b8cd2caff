package dev.thrum.device;

import dev.thrum.protocol.DeviceCommand;
import dev.thrum.transport.TransportException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The stop policy on its own: the asynchronous path (one attempt at a time, driven in the write pump's
 * order on virtual time) and the blocking path a close from a listener takes ({@link StopPolicy#stopInPlace()},
 * sleeping out the waits in real time) send the same frames, report the same events and reach the
 * same outcome, whatever fails.
 */
class StopPolicyTest {

    static final long MS = 1_000_000;
    static final byte[] SPEED = {0x10};
    static final byte[] STOP = {0x00};
    static final long GAP_MS = 100;

    /** What one run saw: the frames that got through, each attempt (ok or failed), the events, the outcome. */
    record Run(List<String> frames, List<String> journal, List<String> events, String outcome) {}

    /**
     * @param afterSpeed   the stop follows a speed at once, so inside the gap (else it is the first write)
     * @param stopFailures writes that fail from the first stop attempt on
     * @param echoFailures writes that fail right after the first copy got through
     */
    record Case(boolean afterSpeed, int stopFailures, int echoFailures) {}

    static final List<Case> CASES = List.of(
            new Case(false, 0, 0), new Case(true, 0, 0), new Case(true, 0, 1), new Case(true, 0, 4),
            new Case(true, 1, 0), new Case(false, 3, 0), new Case(true, 4, 0), new Case(false, 6, 0));

    @Test
    void theAsynchronousAndTheBlockingPathWriteTheSameAndReportTheSame() {
        for (Case c : CASES) assertEquals(async(c), blocking(c), c.toString());
    }

    @Test
    void aStopInsideTheGapIsEchoedOnceTheGapHasPassed() {
        Run r = async(new Case(true, 0, 0));
        assertEquals(List.of("speed", "stop", "stop"), r.frames());
        assertEquals(List.of("written stop", "written stop"), r.events());
        assertEquals("confirmed", r.outcome());
    }

    @Test
    void aStopOutsideTheGapIsWrittenOnce() {
        Run r = async(new Case(false, 0, 0));
        assertEquals(List.of("stop"), r.frames());
        assertEquals("confirmed", r.outcome());
    }

    @Test
    void aFailedStopIsTriedFourTimesThenReportedUnconfirmedToTheListenerAndTheCaller() {
        for (Run r : List.of(async(new Case(true, 4, 0)), blocking(new Case(true, 4, 0)))) {
            assertEquals(List.of("write", "failed write", "failed write", "failed write", "failed write"), r.journal());
            assertEquals(List.of("failed stop: stop could not be written to fake after 4 attempts: fake: write failed"), r.events());
            assertEquals("unconfirmed: stop could not be written to fake after 4 attempts: fake: write failed", r.outcome());
        }
    }

    @Test
    void aStopThatGetsThroughOnItsLastTryIsConfirmedAndNotEchoed() {
        Run r = async(new Case(true, 3, 0));
        assertEquals(List.of("write", "failed write", "failed write", "failed write", "write"), r.journal());
        assertEquals(List.of("written stop"), r.events(), "the retry waited a gap, so no echo is needed");
        assertEquals("confirmed", r.outcome());
    }

    @Test
    void aLostEchoIsLoggedButTheStopStaysConfirmed() {
        Run r = async(new Case(true, 0, 4));
        assertEquals(List.of("write", "write", "failed write", "failed write", "failed write", "failed write"), r.journal());
        assertEquals(List.of("written stop"), r.events());
        assertEquals("confirmed", r.outcome());
    }

    @Test
    void retriesWaitAtLeastTheRetryFloorOnADeviceWithNoGap() {
        ManualScheduler sched = new ManualScheduler();
        FakeTransport t = new FakeTransport(sched::nanoTime, false);
        FrameWriter out = new FrameWriter(t, sched, 0);
        StopPolicy stops = new StopPolicy(out, sched, new DeviceCommand.Stop(), STOP, e -> { }, sched.clock(), 0);
        t.failNextWrites(1);
        stops.request(new CompletableFuture<>(), null);
        stops.writeFirstCopy();
        assertEquals(StopPolicy.RETRY_MIN_MS * MS, stops.firstCopyAt(sched.nanoTime()) - out.lastWriteEnd());
    }

    // ---- the two drivers ----

    private Run async(Case c) {
        ManualScheduler sched = new ManualScheduler();
        sched.advanceMillis(1000);
        FakeTransport t = new FakeTransport(sched::nanoTime, false);
        List<String> events = new ArrayList<>();
        FrameWriter out = new FrameWriter(t, sched, GAP_MS);
        StopPolicy stops = new StopPolicy(out, sched, new DeviceCommand.Stop(), STOP, recorder(events, t, c), sched.clock(), GAP_MS);
        if (c.afterSpeed()) write(out, SPEED);
        t.failNextWrites(c.stopFailures());
        CompletableFuture<Void> done = new CompletableFuture<>();
        stops.request(done, null);
        // the write pump's order: a due first copy, else the echo, each when it is due
        while (stops.pending()) {
            long at = stops.firstCopyDue() ? stops.firstCopyAt(sched.nanoTime()) : stops.echoAt();
            sched.advanceMillis(Math.max(0, at - sched.nanoTime()) / MS);
            if (stops.firstCopyDue()) stops.writeFirstCopy();
            else stops.writeEcho();
        }
        String outcome;
        try {
            done.join();
            outcome = "confirmed";
        } catch (CompletionException e) {
            outcome = "unconfirmed: " + e.getCause().getMessage();
        }
        return new Run(frames(t), t.journal, events, outcome);
    }

    private Run blocking(Case c) {
        ThreadScheduler sched = new ThreadScheduler("stop-policy-test");
        try {
            FakeTransport t = new FakeTransport(System::nanoTime, false);
            List<String> events = new ArrayList<>();
            FrameWriter out = new FrameWriter(t, sched, GAP_MS);
            StopPolicy stops = new StopPolicy(out, sched, new DeviceCommand.Stop(), STOP, recorder(events, t, c),
                    java.time.Clock.systemUTC(), GAP_MS);
            if (c.afterSpeed()) write(out, SPEED);
            t.failNextWrites(c.stopFailures());
            String outcome;
            try {
                stops.stopInPlace();
                outcome = "confirmed";
            } catch (TransportException e) {
                outcome = "unconfirmed: " + e.getMessage();
            }
            return new Run(frames(t), t.journal, events, outcome);
        } finally {
            sched.shutdown();
        }
    }

    /** Records events; the first stop copy that gets through arms the echo's failures. */
    private static java.util.function.Consumer<DeviceEvent> recorder(List<String> events, FakeTransport t, Case c) {
        return e -> {
            if (e instanceof DeviceEvent.CommandWritten w) {
                if (events.stream().noneMatch(s -> s.startsWith("written"))) t.failNextWrites(c.echoFailures());
                events.add("written " + (w.command() instanceof DeviceCommand.Stop ? "stop" : w.command()));
            } else if (e instanceof DeviceEvent.WriteFailed f) {
                events.add("failed " + (f.command() instanceof DeviceCommand.Stop ? "stop" : f.command()) + ": " + f.reason());
            } else {
                events.add(e.toString());
            }
        };
    }

    private static void write(FrameWriter out, byte[] frame) {
        try {
            out.write(frame);
        } catch (TransportException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> frames(FakeTransport t) {
        return t.writes().stream().map(w -> w.bytes()[0] == STOP[0] ? "stop" : "speed").toList();
    }
}
