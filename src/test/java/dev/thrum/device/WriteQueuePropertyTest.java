package dev.thrum.device;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.transport.sim.FakeCodec;
import dev.thrum.transport.sim.FakeProfiles;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.*;

/** Whatever the engine sends, and whenever writes fail, the queue keeps its promises. */
class WriteQueuePropertyTest {

    sealed interface Op {}
    record Speed() implements Op {}
    record Stop() implements Op {}
    record Status() implements Op {}
    record Wait(int ms) implements Op {}
    record Fail(int writes) implements Op {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just(new Speed())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Stop())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Status())),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 80).map(Wait::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 5).map(Fail::new)));
        return op.list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void gapsSupersedeAndStopHold(@ForAll("ops") List<Op> ops, @ForAll @IntRange(min = 0, max = 60) int minGap)
            throws Exception {
        ManualScheduler sched = new ManualScheduler();
        FakeCodec codec = FakeCodec.full();
        FakeTransport t = new FakeTransport(sched::nanoTime, false);
        DeviceProfile p = FakeProfiles.continuous(new DeviceProfile.Pacing(minGap, 0, 0, 0));
        DeviceSession s = new DeviceSession(t, codec, p, e -> { }, sched, sched.clock());
        s.start();

        int nextSpeed = 50; // every request a fresh value, so a written value names its request
        List<int[]> stopFences = new ArrayList<>(); // {first speed requested after the stop, writes made before it}
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        Set<Long> stopAskedAt = new HashSet<>(); // virtual times at which a stop was asked for
        for (Op op : ops) {
            if (op instanceof Speed) s.setSpeed(nextSpeed++);
            else if (op instanceof Stop) {
                stopFences.add(new int[]{nextSpeed, t.writes().size()});
                stops.add(s.stop());
                stopAskedAt.add(sched.nanoTime());
            }
            else if (op instanceof Status) s.send(new DeviceCommand.StatusRequest());
            else if (op instanceof Wait w) sched.advanceMillis(w.ms());
            else if (op instanceof Fail f) t.failNextWrites(f.writes());
        }
        sched.advanceMillis(10_000);

        List<FakeTransport.Write> writes = t.writes();
        List<DeviceCommand> cmds = new ArrayList<>();
        for (var w : writes) cmds.add(((DecodeResult.Decoded<DeviceCommand>) codec.decodeCommand(w.bytes())).value());
        List<Integer> failuresBefore = failuresBeforeEachWrite(t.journal);
        for (int i = 1; i < writes.size(); i++) {
            if (writes.get(i).nanos() - writes.get(i - 1).nanos() >= minGap * 1_000_000L) continue;
            // only the first copy of a stop may come closer: it goes out at once, the moment it is asked for
            assertTrue(cmds.get(i) instanceof DeviceCommand.Stop && stopAskedAt.contains(writes.get(i).nanos()),
                    "gap at " + i + ": " + cmds);
            // and then its repeat is the next frame (a gap later, checked above), unless every try at it failed
            int failedAfter = (i + 1 < cmds.size() ? failuresBefore.get(i + 1) : totalFailures(t.journal)) - failuresBefore.get(i);
            if (failedAfter <= DeviceSession.STOP_RETRIES)
                assertTrue(i + 1 < cmds.size() && cmds.get(i + 1) instanceof DeviceCommand.Stop,
                        "a stop inside the gap is repeated before anything else: write " + i + " of " + cmds);
        }
        // and a stop nobody asked for right then is a retry after a failed write or the repeat of a stop that came
        // inside the gap: a stop at a quiet moment is written once
        for (int i = 0; i < writes.size(); i++) {
            if (!(cmds.get(i) instanceof DeviceCommand.Stop) || stopAskedAt.contains(writes.get(i).nanos())) continue;
            boolean retry = failuresBefore.get(i) > (i == 0 ? 0 : failuresBefore.get(i - 1));
            boolean repeat = i > 0 && cmds.get(i - 1) instanceof DeviceCommand.Stop && (i == 1
                    ? failuresBefore.get(0) > 0
                    : writes.get(i - 1).nanos() - writes.get(i - 2).nanos() < minGap * 1_000_000L
                      || failuresBefore.get(i - 1) > failuresBefore.get(i - 2));
            assertTrue(retry || repeat, "stop " + i + " is neither asked for, a retry nor a needed repeat: " + cmds);
        }
        int lastSpeed = -1;
        for (DeviceCommand c : cmds) {
            if (c instanceof DeviceCommand.SetSpeed sp) {
                assertTrue(sp.value() > lastSpeed, "an older speed never follows a newer one: " + cmds);
                lastSpeed = sp.value();
            }
        }
        for (CompletableFuture<Void> f : stops) assertTrue(f.isDone(), "every stop is written or definitively failed");
        // once a stop is written, no speed requested before that stop was asked for goes out
        for (int k = 0; k < stops.size(); k++) {
            if (stops.get(k).isCompletedExceptionally()) continue;
            int fence = stopFences.get(k)[0];
            int i = stopFences.get(k)[1];
            while (!(cmds.get(i) instanceof DeviceCommand.Stop)) i++;
            for (int j = i + 1; j < cmds.size(); j++)
                if (cmds.get(j) instanceof DeviceCommand.SetSpeed sp)
                    assertTrue(sp.value() >= fence, "speed " + sp.value() + " was requested before a stop but sent after it: " + cmds);
        }
        s.close();
    }

    /** For each successful write, how many writes had failed before it (from the transport's journal). */
    static List<Integer> failuresBeforeEachWrite(List<String> journal) {
        List<Integer> out = new ArrayList<>();
        int failed = 0;
        for (String entry : journal) {
            if (entry.equals("failed write")) failed++;
            else if (entry.equals("write")) out.add(failed);
        }
        return out;
    }

    static int totalFailures(List<String> journal) {
        return (int) journal.stream().filter("failed write"::equals).count();
    }
}
