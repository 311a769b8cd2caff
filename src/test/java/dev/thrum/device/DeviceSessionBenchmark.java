package dev.thrum.device;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.transport.sim.FakeCodec;
import dev.thrum.transport.sim.FakeProfiles;
import dev.thrum.transport.sim.SimTransport;

import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * Prints figures for the device session over the in-process sim transport (not a test):
 * status round trip (request queued -> StatusReceived on the session thread) and stopNow() latency
 * while speeds are streaming in. Run:
 * {@code mvn -o -q test-compile && java -cp target/classes:target/test-classes:$(mvn -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) dev.thrum.device.DeviceSessionBenchmark}
 */
public final class DeviceSessionBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        DeviceProfile p = FakeProfiles.continuous(new DeviceProfile.Pacing(0, 0, 0, 0));
        run("fake 4-byte codec, minGapMs 0", p, FakeCodec.full(), n);
        DeviceProfile theragun = new dev.thrum.store.ProfileLibraryLoader().load(java.util.List.of()).require("theragun-gen4");
        DeviceProfile unpaced = new DeviceProfile(theragun.id(), theragun.name(), theragun.models(), theragun.source(),
                theragun.match(), theragun.ble(), theragun.serial(), theragun.output(),
                new DeviceProfile.Pacing(0, 0, 0, 0), theragun.commands(), theragun.status(), theragun.codec(), theragun.origin());
        run("theragun-gen4 template codec, minGapMs 0", unpaced, dev.thrum.protocol.Codecs.forProfile(unpaced), n);
    }

    static void run(String label, DeviceProfile p, Codec codec, int n) throws Exception {
        SynchronousQueue<Long> arrivals = new SynchronousQueue<>();
        SimTransport transport = new SimTransport(p, codec, Clock.systemUTC());
        try (DeviceSession s = new DeviceSession(transport, codec, p, e -> {
            if (e instanceof DeviceEvent.StatusReceived) {
                try {
                    arrivals.offer(System.nanoTime(), 1, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        })) {
            s.start();
            long[] rtt = new long[n];
            for (int i = -200; i < n; i++) { // 200 warm-up rounds
                long t0 = System.nanoTime();
                s.send(new DeviceCommand.StatusRequest());
                Long t1 = arrivals.poll(2, TimeUnit.SECONDS);
                if (t1 == null) throw new IllegalStateException("no status within 2 s");
                if (i >= 0) rtt[i] = t1 - t0;
            }
            Arrays.sort(rtt);
            long[] stop = new long[200];
            for (int i = 0; i < stop.length; i++) {
                s.setSpeed(p.output().lowestRunning() + i % 10);
                long t0 = System.nanoTime();
                s.stopNow();
                stop[i] = System.nanoTime() - t0;
            }
            Arrays.sort(stop);
            System.out.printf("%s: status round trip over sim transport, %d rounds: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                    label, n, rtt[n / 2] / 1e6, rtt[n * 99 / 100] / 1e6, rtt[n - 1] / 1e6);
            System.out.printf("%s: stopNow() with a speed just queued, %d runs: p50 %.3f ms, p99 %.3f ms%n",
                    label, stop.length, stop[stop.length / 2] / 1e6, stop[stop.length * 99 / 100] / 1e6);
        }
    }
}
