package dev.thrum.protocol;

import dev.thrum.profile.DeviceProfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints how fast each shipped profile's codec encodes set-speed commands, decodes status frames and
 * cuts frames from a stream. Not a unit test (surefire skips *Benchmark); run it with
 * {@code java -cp target/classes:target/test-classes:... dev.thrum.protocol.CodecBenchmark}.
 */
public final class CodecBenchmark {

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        System.out.printf("%-20s %14s %14s %16s%n", "profile", "encode ns/op", "decode ns/op", "stream MB/s");
        for (DeviceProfile p : ShippedProfiles.all()) {
            Codec codec = Codecs.forProfile(p);
            List<byte[]> statuses = new ArrayList<>();
            for (var spec : p.status()) statuses.add(ProfileFrames.frame(spec, ProfileFrames.validRaws(spec, new java.util.Random(1))));
            for (int warm = 0; warm < 2; warm++) {
                long sink = 0;
                long t0 = System.nanoTime();
                for (int i = 0; i < rounds; i++) sink += codec.encode(new DeviceCommand.SetSpeed(p.output().highest())).length;
                long t1 = System.nanoTime();
                for (int i = 0; i < rounds && !statuses.isEmpty(); i++)
                    sink += codec.decodeStatus(statuses.get(i % statuses.size())).isOk() ? 1 : 0;
                long t2 = System.nanoTime();
                double mbps = 0;
                if (!statuses.isEmpty()) {
                    FrameReader reader = codec.statusFrameReader();
                    byte[] frame = statuses.get(0);
                    long bytes = 0;
                    for (int i = 0; i < rounds; i++) { sink += reader.feed(frame).size(); bytes += frame.length; }
                    mbps = bytes / 1e6 / ((System.nanoTime() - t2) / 1e9);
                }
                if (warm == 1)
                    System.out.printf("%-20s %14.0f %14.0f %16.1f%s%n", p.id(), (t1 - t0) / (double) rounds,
                            statuses.isEmpty() ? 0 : (t2 - t1) / (double) rounds, mbps, sink == 42 ? " " : "");
            }
        }
    }
}
