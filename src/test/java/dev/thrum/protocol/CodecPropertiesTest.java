package dev.thrum.protocol;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.OutputRange;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties that hold for every shipped profile, in both directions. */
class CodecPropertiesTest {

    @Provide
    Arbitrary<DeviceProfile> profiles() { return Arbitraries.of(ShippedProfiles.all()); }

    private static List<Integer> runningValues(OutputRange r) {
        if (r instanceof OutputRange.Discrete d) return d.levels();
        List<Integer> all = new ArrayList<>();
        for (int v = r.lowestRunning(); v <= r.highest(); v++) all.add(v);
        return all;
    }

    @Example
    void everyRunningValueEncodesAndDecodesBackForEveryProfile() {
        for (DeviceProfile p : ShippedProfiles.all()) {
            Codec codec = Codecs.forProfile(p);
            for (int v : runningValues(p.output())) {
                DeviceCommand c = new DeviceCommand.SetSpeed(v);
                assertEquals(DecodeResult.ok(c), codec.decodeCommand(codec.encode(c)), p.id() + " speed " + v);
            }
        }
    }

    @Example
    void everyOtherCommandRoundTripsAndStopValueMeansStop() {
        List<DeviceCommand> all = List.of(new DeviceCommand.Stop(), new DeviceCommand.StatusRequest(),
                new DeviceCommand.VersionRequest(), new DeviceCommand.BatteryRequest(), new DeviceCommand.Keepalive());
        for (DeviceProfile p : ShippedProfiles.all()) {
            Codec codec = Codecs.forProfile(p);
            assertTrue(codec.supports(DeviceCommand.Stop.class) && codec.supports(DeviceCommand.SetSpeed.class), p.id());
            for (DeviceCommand c : all) {
                if (!codec.supports(c.getClass())) {
                    assertThrows(IllegalArgumentException.class, () -> codec.encode(c));
                    continue;
                }
                assertEquals(DecodeResult.ok(c), codec.decodeCommand(codec.encode(c)), p.id() + " " + c);
            }
            assertArrayEquals(codec.encode(new DeviceCommand.Stop()),
                    codec.encode(new DeviceCommand.SetSpeed(p.output().stopValue())), p.id());
        }
    }

    @Property
    void everyIntensityMapsToBytesTheDeviceAccepts(@ForAll("profiles") DeviceProfile p,
                                                   @ForAll @net.jqwik.api.constraints.DoubleRange(min = 0, max = 1) double fraction) {
        Codec codec = Codecs.forProfile(p);
        int value = p.output().valueFor(fraction);
        DeviceCommand expected = value == p.output().stopValue() ? new DeviceCommand.Stop() : new DeviceCommand.SetSpeed(value);
        assertEquals(DecodeResult.ok(expected), codec.decodeCommand(codec.encode(new DeviceCommand.SetSpeed(value))));
        assertTrue(fraction == 0 || value != p.output().stopValue(), "any fraction above 0 runs the motor");
    }

    @Property
    void valuesOutsideTheRangeAreRefused(@ForAll("profiles") DeviceProfile p, @ForAll int value) {
        Codec codec = Codecs.forProfile(p);
        if (p.output().accepts(value)) return;
        var e = assertThrows(IllegalArgumentException.class, () -> codec.encode(new DeviceCommand.SetSpeed(value)));
        assertTrue(e.getMessage().contains(p.id()), e.getMessage());
    }

    @Property(tries = 400)
    void statusFramesRoundTripWithTheRightValues(@ForAll("profiles") DeviceProfile p, @ForAll long seed) {
        if (p.status().isEmpty()) return;
        Random random = new Random(seed);
        Codec codec = Codecs.forProfile(p);
        var spec = p.status().get(random.nextInt(p.status().size()));
        Map<String, Long> raws = ProfileFrames.validRaws(spec, random);
        byte[] frame = ProfileFrames.frame(spec, raws);

        DeviceStatus s = assertInstanceOf(DecodeResult.Decoded.class, codec.decodeStatus(frame)).value() instanceof DeviceStatus d ? d : null;
        raws.forEach((name, raw) -> {
            double scale = spec.fields().get(name).scale();
            switch (name) {
                case "running" -> assertEquals(raw == 1, s.running());
                case "speed" -> assertEquals(Math.round(raw * scale), (long) s.speed());
                case "force" -> assertEquals(Math.round(raw * scale), (long) s.force());
                case "battery" -> assertEquals(Math.round(raw * scale), (long) s.battery());
                case "timer" -> assertEquals(Math.round(raw * scale), (long) s.timer());
                case "firmware" -> assertEquals(0, new BigDecimal(s.firmware())
                        .compareTo(BigDecimal.valueOf(raw).multiply(BigDecimal.valueOf(scale))));
                case "protocol" -> assertEquals(raw, (long) s.protocol());
                case "capabilities" -> assertEquals(raw, (long) s.capabilities());
                case "stopReason" -> assertEquals(raw, (long) s.stopReason());
                case "nakCommand" -> assertEquals(raw, (long) s.nakCommand());
                case "nakReason" -> assertEquals(raw, (long) s.nakReason());
                default -> throw new AssertionError(name);
            }
        });
        assertArrayEquals(frame, codec.encodeStatus(s), "encodeStatus gives the same bytes back");
    }

    @Property
    void randomBytesNeverThrowAndWhatDecodesReEncodesToTheSameBytes(
            @ForAll("profiles") DeviceProfile p, @ForAll @Size(max = 40) byte[] bytes) {
        Codec codec = Codecs.forProfile(p);
        checkDecoded(p, codec, bytes);
        assertInstanceOf(DecodeResult.class, codec.decodeCommand(bytes));
    }

    @Property(tries = 400)
    void framesWithRandomFieldBytesDecodeRightOrAreRejected(@ForAll("profiles") DeviceProfile p, @ForAll long seed) {
        if (p.status().isEmpty()) return;
        Random random = new Random(seed);
        var spec = p.status().get(random.nextInt(p.status().size()));
        checkDecoded(p, Codecs.forProfile(p), ProfileFrames.randomPayloadFrame(spec, random));
    }

    /** If the frame decodes, the status re-encodes to the same bytes wherever the frame means something. */
    private static void checkDecoded(DeviceProfile p, Codec codec, byte[] bytes) {
        DecodeResult<DeviceStatus> r = codec.decodeStatus(bytes);
        if (r instanceof DecodeResult.Rejected<DeviceStatus> rej) {
            assertTrue(!rej.reason().isBlank());
            return;
        }
        DeviceStatus s = ((DecodeResult.Decoded<DeviceStatus>) r).value();
        byte[] again = codec.encodeStatus(s);
        assertEquals(bytes.length, again.length);
        // The first template the bytes fit is the one they were read with (as the codec does).
        var spec = p.status().stream()
                .filter(f -> ProfileFrames.template(f.frame()).match(bytes) instanceof dev.thrum.profile.template.MatchResult.Matched)
                .limit(1).toList();
        assertEquals(1, spec.size());
        boolean[] meaningful = ProfileFrames.meaningful(spec.get(0));
        for (int i = 0; i < bytes.length; i++)
            if (meaningful[i]) assertEquals(bytes[i], again[i], "byte " + i + " of " + Arrays.toString(bytes));
    }

    @Property(tries = 400)
    void aCorruptedByteIsRejectedOrChangesNothing(@ForAll("profiles") DeviceProfile p, @ForAll long seed) {
        if (p.status().isEmpty()) return;
        Random random = new Random(seed);
        var spec = p.status().get(random.nextInt(p.status().size()));
        if (!ProfileFrames.hasChecksum(spec.frame())) return; // nothing can protect an unchecked frame
        Codec codec = Codecs.forProfile(p);
        byte[] frame = ProfileFrames.frame(spec, ProfileFrames.validRaws(spec, random));
        DecodeResult<DeviceStatus> original = codec.decodeStatus(frame);
        byte[] bad = frame.clone();
        int i = random.nextInt(bad.length);
        bad[i] ^= (byte) (1 + random.nextInt(255));
        DecodeResult<DeviceStatus> r = codec.decodeStatus(bad);
        assertTrue(r instanceof DecodeResult.Rejected || r.equals(original), "byte " + i + ": " + r);
    }

    @Property(tries = 400)
    void truncatedFramesAreRejected(@ForAll("profiles") DeviceProfile p, @ForAll long seed) {
        Random random = new Random(seed);
        Codec codec = Codecs.forProfile(p);
        for (var spec : p.status()) {
            byte[] frame = ProfileFrames.frame(spec, ProfileFrames.validRaws(spec, random));
            for (int n = 0; n < frame.length; n++) {
                byte[] cut = Arrays.copyOf(frame, n);
                boolean anotherFrameThisLong = p.status().stream()
                        .anyMatch(f -> accepts(ProfileFrames.template(f.frame()), cut.length));
                if (!anotherFrameThisLong) assertInstanceOf(DecodeResult.Rejected.class, codec.decodeStatus(cut));
            }
        }
        byte[] speed = codec.encode(new DeviceCommand.SetSpeed(p.output().highest()));
        for (int n = 0; n < speed.length; n++) {
            DecodeResult<DeviceCommand> r = codec.decodeCommand(Arrays.copyOf(speed, n));
            assertTrue(r instanceof DecodeResult.Rejected || !(((DecodeResult.Decoded<DeviceCommand>) r).value()
                    instanceof DeviceCommand.SetSpeed), "a cut set-speed frame must not read as a speed: " + r);
        }
    }

    /**
     * The shipped profiles whose first open-ended ('...') status frame has no length field: there any
     * tail is read the same. (A frame with a length field, like open serial's, says its own length; its
     * growth is checked from the protocol document's own examples in OpenSerialDocExamplesTest.)
     */
    @Provide
    Arbitrary<DeviceProfile> openEnded() {
        List<DeviceProfile> open = ShippedProfiles.all().stream().filter(p -> p.status().stream()
                .filter(f -> ProfileFrames.template(f.frame()).openEnded()).findFirst()
                .map(f -> ProfileFrames.template(f.frame()).slots().stream()
                        .noneMatch(s -> s instanceof dev.thrum.profile.template.Slot.Length))
                .orElse(false)).toList();
        assertTrue(open.size() >= 3, "theragun-gen4 and the Wave profiles end their status frames in '...'");
        return Arbitraries.of(open);
    }

    @Property(tries = 300)
    void anOpenEndedStatusFrameReadsTheSameWithAnyTailAndATailByteIsChecked(@ForAll("openEnded") DeviceProfile p,
                                                                            @ForAll long seed) {
        Random random = new Random(seed);
        Codec codec = Codecs.forProfile(p);
        var spec = p.status().stream().filter(f -> ProfileFrames.template(f.frame()).openEnded()).findFirst().orElseThrow();
        var t = ProfileFrames.template(spec.frame());
        byte[] frame = ProfileFrames.frame(spec, ProfileFrames.validRaws(spec, random));
        byte[] longer = Arrays.copyOf(frame, frame.length + 1 + random.nextInt(12));
        for (int i = frame.length; i < longer.length; i++) longer[i] = (byte) random.nextInt(256);
        for (var slot : t.slots()) // checksums over "to the end" cover the tail: recompute them
            if (slot instanceof dev.thrum.profile.template.Slot.Checksum c)
                c.spec().write(longer, dev.thrum.profile.template.FrameTemplate.at(c, longer.length),
                        c.spec().compute(longer, c.spec().range().first(longer.length),
                        c.spec().range().last(longer.length)));
        assertEquals(codec.decodeStatus(frame), codec.decodeStatus(longer), "the tail changes nothing it reads");
        assertTrue(codec.decodeStatus(longer).isOk());

        byte[] badTail = longer.clone();
        badTail[frame.length + random.nextInt(longer.length - frame.length)] ^= (byte) (1 + random.nextInt(255));
        assertInstanceOf(DecodeResult.Rejected.class, codec.decodeStatus(badTail), "the checksum covers the tail");
    }

    private static boolean accepts(dev.thrum.profile.template.FrameTemplate t, int length) {
        return t.openEnded() ? length >= t.minLength() : length == t.minLength();
    }
}
