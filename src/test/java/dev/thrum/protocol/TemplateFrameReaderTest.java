package dev.thrum.protocol;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.template.FrameTemplate;
import dev.thrum.profile.template.Slot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Streams cut anyhow, several frames per read, garbage between frames: the frames come out whole and in order. */
class TemplateFrameReaderTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    /** Profiles whose frames start with a fixed byte (a one-byte "any value" frame cannot be found in a stream). */
    @Provide
    Arbitrary<DeviceProfile> streamable() {
        return Arbitraries.of(ShippedProfiles.all().stream().filter(p -> !p.status().isEmpty() && p.status().stream()
                .allMatch(f -> ProfileFrames.template(f.frame()).slots().get(0) instanceof Slot.Literal)).toList());
    }

    @Property(tries = 300)
    void statusFramesSurviveSplitsMergesAndGarbage(@ForAll("streamable") DeviceProfile p, @ForAll long seed) {
        Random random = new Random(seed);
        Codec codec = Codecs.forProfile(p);
        // Garbage never contains a header byte, so it cannot hide a real frame by accident.
        Set<Integer> headers = new HashSet<>();
        p.status().forEach(f -> headers.add(((Slot.Literal) ProfileFrames.template(f.frame()).slots().get(0)).value()));

        List<byte[]> sent = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        long garbage = 0;
        for (int n = random.nextInt(8) + 1; n > 0; n--) {
            int g = random.nextInt(3) == 0 ? random.nextInt(12) : 0;
            for (int i = 0; i < g; i++) {
                int b;
                do b = random.nextInt(256); while (headers.contains(b));
                stream.write(b);
            }
            garbage += g;
            var spec = p.status().get(random.nextInt(p.status().size()));
            byte[] frame = ProfileFrames.frame(spec, ProfileFrames.validRaws(spec, random));
            sent.add(frame);
            stream.writeBytes(frame);
        }
        FrameReader reader = codec.statusFrameReader();
        List<byte[]> got = feedInRandomPieces(reader, stream.toByteArray(), random);
        assertFrames(sent, got);
        assertEquals(garbage, reader.discardedBytes(), "every garbage byte and nothing else is discarded");
    }

    @Property(tries = 300)
    void commandFramesSurviveSplitsAndMerges(@ForAll("streamable") DeviceProfile p, @ForAll long seed) {
        Random random = new Random(seed);
        Codec codec = Codecs.forProfile(p);
        List<Integer> values = new ArrayList<>();
        for (int v = p.output().lowestRunning(); v <= p.output().highest(); v++) if (p.output().accepts(v)) values.add(v);
        List<byte[]> sent = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int n = random.nextInt(10) + 1; n > 0; n--) {
            DeviceCommand c = random.nextBoolean() ? new DeviceCommand.Stop()
                    : new DeviceCommand.SetSpeed(values.get(random.nextInt(values.size())));
            byte[] frame = codec.encode(c);
            sent.add(frame);
            stream.writeBytes(frame);
        }
        assertFrames(sent, feedInRandomPieces(codec.commandFrameReader(), stream.toByteArray(), random));
    }

    private static List<byte[]> feedInRandomPieces(FrameReader reader, byte[] all, Random random) {
        List<byte[]> got = new ArrayList<>();
        int i = 0;
        while (i < all.length) {
            int n = Math.min(all.length - i, random.nextInt(20) + 1);
            byte[] piece = new byte[n];
            System.arraycopy(all, i, piece, 0, n);
            got.addAll(reader.feed(piece));
            i += n;
        }
        return got;
    }

    private static void assertFrames(List<byte[]> sent, List<byte[]> got) {
        assertEquals(sent.size(), got.size(), "frame count");
        for (int i = 0; i < sent.size(); i++) assertArrayEquals(sent.get(i), got.get(i), "frame " + i);
    }

    @Example
    void resynchronisesAfterAFrameWithABadChecksum() {
        FrameReader reader = Codecs.forProfile(ShippedProfiles.get("thrum-open-serial")).statusFrameReader();
        byte[] good = HEX.parseHex("A5 0B 83 01 32 57 01 2C 02 58 31");
        byte[] bad = HEX.parseHex("A5 0B 83 01 33 57 01 2C 02 58 31");
        byte[] noise = HEX.parseHex("00 FF A5 A5 0B");
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(bad);
        s.writeBytes(noise);
        s.writeBytes(good);
        s.writeBytes(good);
        List<byte[]> got = reader.feed(s.toByteArray());
        assertFrames(List.of(good, good), got);
        assertEquals(bad.length + noise.length, reader.discardedBytes());
    }

    @Example
    void waitsForTheRestOfAFrameAndKeepsItAcrossFeeds() {
        FrameReader reader = Codecs.forProfile(ShippedProfiles.get("theragun-gen4")).commandFrameReader();
        assertEquals(0, reader.feed(HEX.parseHex("AA 70 01")).size());
        assertEquals(0, reader.feed(HEX.parseHex("03 09")).size());
        List<byte[]> got = reader.feed(HEX.parseHex("60 03 AA 10 10 00 AA"));
        assertFrames(List.of(HEX.parseHex("AA 70 01 03 09 60 03"), HEX.parseHex("AA 10 10 00")), got);
        assertEquals(0, reader.discardedBytes());
    }

    @Property(tries = 200)
    void openEndedFramesOfAnyLengthAreCutWhereTheirLengthFieldSays(@ForAll long seed) throws Exception {
        FrameTemplate t = FrameTemplate.parse("A5 {len:u8:2..} {xor8:3..} 83 .. ...");
        Random random = new Random(seed);
        List<byte[]> sent = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        long garbage = 0;
        for (int n = random.nextInt(6) + 1; n > 0; n--) {
            int g = random.nextInt(3) == 0 ? random.nextInt(6) : 0;
            for (int i = 0; i < g; i++) stream.write(random.nextInt(0xA5)); // never the header byte
            garbage += g;
            byte[] frame = new byte[t.minLength() + random.nextInt(30)];
            frame[0] = (byte) 0xA5;
            frame[1] = (byte) (frame.length - 2);
            frame[3] = (byte) 0x83;
            for (int i = 4; i < frame.length; i++) frame[i] = (byte) random.nextInt(256);
            int x = 0;
            for (int i = 3; i < frame.length; i++) x ^= frame[i] & 0xFF;
            frame[2] = (byte) x;
            sent.add(frame);
            stream.writeBytes(frame);
        }
        FrameReader reader = new TemplateFrameReader(List.of(t));
        assertFrames(sent, feedInRandomPieces(reader, stream.toByteArray(), random));
        assertEquals(garbage, reader.discardedBytes());
    }

    @Example
    void anOpenEndedFrameWithoutALengthFieldIsReadAtItsFixedLengthAndItsTailSkipped() throws Exception {
        FrameTemplate t = FrameTemplate.parse("BB {sum8:2..} 10 .. ...");
        FrameReader reader = new TemplateFrameReader(List.of(t));
        List<byte[]> got = reader.feed(HEX.parseHex("BB 11 10 01 BB 12 10 02"));
        assertFrames(List.of(HEX.parseHex("BB 11 10 01"), HEX.parseHex("BB 12 10 02")), got);
        // A longer frame's checksum covers its tail, so its fixed part alone does not check: it is skipped.
        List<byte[]> after = reader.feed(HEX.parseHex("BB 14 10 01 03 BB 11 10 01"));
        assertFrames(List.of(HEX.parseHex("BB 11 10 01")), after);
        assertEquals(5, reader.discardedBytes());
    }
}
