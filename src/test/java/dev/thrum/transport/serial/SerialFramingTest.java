package dev.thrum.transport.serial;

import dev.thrum.store.ProfileLibraryLoader;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.Codecs;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceStatus;
import dev.thrum.protocol.FrameReader;
import dev.thrum.transport.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.time.Duration;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The device side sends status frames split across writes with garbage between them, over a real
 * pseudo-terminal; the host's SerialTransport plus the codec's FrameReader must decode every valid
 * frame, in order, and report nothing that was not sent.
 */
class SerialFramingTest {

    static final DeviceProfile PROFILE = new ProfileLibraryLoader().load(List.of()).require("thrum-open-serial");
    static final Codec CODEC = Codecs.forProfile(PROFILE);

    @TempDir
    Path dir;
    SocatPair pair;
    SerialTransport transport;
    PtyFarEnd far;

    @AfterEach
    void tearDown() throws Exception {
        if (transport != null) transport.close();
        if (far != null) far.close();
        if (pair != null) pair.close();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261124})
    void everyValidFrameDecodesThroughSplitsAndGarbage(long seed) throws Exception {
        Random random = new Random(seed);
        List<DeviceStatus> expected = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 60; i++) {
            stream.writeBytes(garbage(random));
            DeviceStatus status = new DeviceStatus(random.nextBoolean(), 1 + random.nextInt(100),
                    random.nextInt(2000), random.nextInt(101), random.nextInt(900), null);
            byte[] frame = CODEC.encodeStatus(status);
            stream.writeBytes(frame);
            // what the codec itself makes of the frame alone is what the stream must yield
            expected.add(((DecodeResult.Decoded<DeviceStatus>) CODEC.decodeStatus(frame)).value());
        }
        stream.writeBytes(garbage(random));
        byte[] all = stream.toByteArray();

        pair = SocatPair.start(dir);
        far = new PtyFarEnd(pair.b());
        transport = new SerialTransport(pair.a().toString(), PROFILE.serial());
        FrameReader reader = CODEC.statusFrameReader();
        List<DeviceStatus> decoded = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        SerialTransportTest.ByteCollector raw = new SerialTransportTest.ByteCollector();
        transport.subscribe(Endpoint.RX, chunk -> {
            for (byte[] frame : reader.feed(chunk)) {
                DecodeResult<DeviceStatus> r = CODEC.decodeStatus(frame);
                synchronized (decoded) {
                    if (r instanceof DecodeResult.Decoded<DeviceStatus> d) decoded.add(d.value());
                    else rejected.add(((DecodeResult.Rejected<DeviceStatus>) r).reason());
                }
            }
            raw.add(chunk);
        });
        transport.connect();

        // split at random points; pause now and then so the pieces arrive in separate reads
        for (int off = 0; off < all.length; ) {
            int n = Math.min(all.length - off, 1 + random.nextInt(9));
            far.write(Arrays.copyOfRange(all, off, off + n));
            off += n;
            if (random.nextInt(4) == 0) Thread.sleep(1); // not synchronisation: irregular gaps split frames
        }
        assertEquals(all.length, raw.await(all.length, java.time.Duration.ofSeconds(10)).length, "bytes lost on the line");
        synchronized (decoded) {
            assertEquals(List.of(), rejected, "frames reported wrong");
            assertEquals(expected, decoded);
        }
    }

    /** 0 to 7 random bytes, often with the frame header 0xA5 among them to tempt the reader. */
    private static byte[] garbage(Random random) {
        byte[] g = new byte[random.nextInt(8)];
        random.nextBytes(g);
        if (g.length > 0 && random.nextBoolean()) g[random.nextInt(g.length)] = (byte) 0xA5;
        return g;
    }
}
