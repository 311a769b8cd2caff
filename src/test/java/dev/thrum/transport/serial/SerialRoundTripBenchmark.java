package dev.thrum.transport.serial;

import dev.thrum.store.ProfileLibraryLoader;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.Codecs;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import dev.thrum.protocol.FrameReader;
import dev.thrum.transport.Endpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Command-to-status round trip over a socat pseudo-terminal pair: Thrum's SerialTransport and the
 * profile's codec on one end, {@code thrum simulate} in its own JVM on the other. Prints p50 and p99
 * over 10,000 status requests beside the wire time of the same bytes at the profile's baud rate (the
 * physical floor on a real line; a pseudo-terminal does not pace bytes, so it only adds software
 * delay). Target: p99 within 2 ms of the wire time.
 *
 * <p>How to run it: see the Serial section of docs/benchmarks.md. Arguments: [profile id] [round trips] (defaults thrum-open-serial, 10000).
 */
public final class SerialRoundTripBenchmark {

    private static final int WARM_UP = 1000;

    public static void main(String[] args) throws Exception {
        String profileId = args.length > 0 ? args[0] : "thrum-open-serial";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        DeviceProfile profile = new ProfileLibraryLoader().load(List.of()).require(profileId);
        Codec codec = Codecs.forProfile(profile);
        byte[] request = codec.encode(new DeviceCommand.StatusRequest());
        byte[] reply = codec.encodeStatus(new DeviceStatus(false, 0, 0, 100, 0, null));
        int bits = SerialParams.bitsPerByte(profile.serial());
        double wireMs = (request.length + reply.length) * bits * 1000.0 / profile.serial().baud();

        Path dir = Files.createTempDirectory("thrum-serial-bench");
        SocatPair.requireSocat();
        try (SocatPair pair = SocatPair.start(dir);
             SimulatorProcess sim = SimulatorProcess.start(profileId, pair.b(), null, List.of());
             SerialTransport host = SerialTransport.forProfile(pair.a().toString(), profile)) {
            FrameReader reader = codec.statusFrameReader();
            Semaphore replies = new Semaphore(0);
            host.subscribe(Endpoint.RX, chunk -> {
                for (byte[] frame : reader.feed(chunk)) if (codec.decodeStatus(frame).isOk()) replies.release();
            });
            host.connect();

            for (int i = 0; i < WARM_UP; i++) roundTrip(host, request, replies);
            long[] nanos = new long[rounds];
            for (int i = 0; i < rounds; i++) nanos[i] = roundTrip(host, request, replies);
            Arrays.sort(nanos);

            double p50 = ms(nanos[rounds / 2]);
            double p99 = ms(nanos[(int) Math.ceil(rounds * 0.99) - 1]);
            System.out.printf(Locale.ROOT, "profile %s at %s: %d-byte request + %d-byte status = %.3f ms on the wire (%d bits a byte)%n",
                    profileId, SerialOpenFailure.describe(profile.serial()), request.length, reply.length, wireMs, bits);
            System.out.printf(Locale.ROOT, "round trips: %d (after %d warm-up)%n", rounds, WARM_UP);
            System.out.printf(Locale.ROOT, "min %.3f ms  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms%n",
                    ms(nanos[0]), p50, ms(nanos[(int) (rounds * 0.9)]), p99, ms(nanos[(int) (rounds * 0.999)]),
                    ms(nanos[rounds - 1]));
            System.out.printf(Locale.ROOT, "p99 - wire time = %.3f ms (target: at most 2 ms) -> %s%n",
                    p99 - wireMs, p99 - wireMs <= 2.0 ? "met" : "NOT met");
        }
    }

    private static long roundTrip(SerialTransport host, byte[] request, Semaphore replies) throws Exception {
        long t0 = System.nanoTime();
        host.write(Endpoint.TX, request);
        if (!replies.tryAcquire(2, TimeUnit.SECONDS)) throw new IllegalStateException("no status within 2 s");
        return System.nanoTime() - t0;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
