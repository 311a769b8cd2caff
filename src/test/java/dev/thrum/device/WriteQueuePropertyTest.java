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
import java.util.List;
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
        for (Op op : ops) {
            if (op instanceof Speed) s.setSpeed(nextSpeed++);
            else if (op instanceof Stop) { stopFences.add(new int[]{nextSpeed, t.writes().size()}); stops.add(s.stop()); }
            else if (op instanceof Status) s.send(new DeviceCommand.StatusRequest());
            else if (op instanceof Wait w) sched.advanceMillis(w.ms());
            else if (op instanceof Fail f) t.failNextWrites(f.writes());
        }
        sched.advanceMillis(10_000);

        List<FakeTransport.Write> writes = t.writes();
        for (int i = 1; i < writes.size(); i++)
            assertTrue(writes.get(i).nanos() - writes.get(i - 1).nanos() >= minGap * 1_000_000L, "gap at " + i);

        List<DeviceCommand> cmds = new ArrayList<>();
        for (var w : writes) cmds.add(((DecodeResult.Decoded<DeviceCommand>) codec.decodeCommand(w.bytes())).value());
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
}
