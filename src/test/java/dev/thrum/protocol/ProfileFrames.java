package dev.thrum.protocol;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.template.FrameTemplate;
import dev.thrum.profile.template.IntType;
import dev.thrum.profile.template.Slot;
import dev.thrum.profile.template.TemplateSyntaxException;

import java.util.Map;
import java.util.Random;

/** Test helper: builds status frames of a profile with chosen raw field values, bypassing the codec. */
final class ProfileFrames {
    private ProfileFrames() {}

    static FrameTemplate template(String text) {
        try {
            return FrameTemplate.parse(text);
        } catch (TemplateSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** Raw values for each field of a status frame, valid for the field (running 0/1, battery up to 100%, its max). */
    static Map<String, Long> validRaws(DeviceProfile.StatusFrameSpec spec, Random random) {
        var out = new java.util.LinkedHashMap<String, Long>();
        spec.fields().forEach((name, f) -> {
            IntType type = IntType.parse(f.type()).orElseThrow();
            long max = switch (name) {
                case "running" -> 1;
                case "battery" -> (long) Math.floor(100 / f.scale());
                default -> Math.min(type.max(), (long) (Integer.MAX_VALUE / f.scale()));
            };
            if (f.max() != null) max = Math.min(max, f.max());
            if (f.unknown() != null && f.unknown() <= max)
                throw new AssertionError("a field whose 'unknown' value lies inside its range: " + name);
            out.put(name, random.nextInt(4) == 0 ? max : (long) (random.nextDouble() * (max + 1)));
        });
        return out;
    }

    /** The frame with these raw field values written; every other free byte 00; checksums right. */
    static byte[] frame(DeviceProfile.StatusFrameSpec spec, Map<String, Long> raws) {
        return template(spec.frame()).fill(Map.of(), bytes -> raws.forEach((name, raw) -> {
            var f = spec.fields().get(name);
            IntType.parse(f.type()).orElseThrow().write(bytes, f.at(), raw);
        }));
    }

    /** A frame whose free bytes (wildcards, fields included) are all random; literals, lengths and checksums right. */
    static byte[] randomPayloadFrame(DeviceProfile.StatusFrameSpec spec, Random random) {
        FrameTemplate t = template(spec.frame());
        return t.fill(Map.of(), bytes -> {
            for (Slot s : t.slots()) if (s instanceof Slot.Wildcard w) bytes[w.at()] = (byte) random.nextInt(256);
        });
    }

    /**
     * True for the bytes of a frame that a decoded status depends on or that the template fixes.
     * Checksums are left out: they also cover the free bytes a status does not carry.
     */
    static boolean[] meaningful(DeviceProfile.StatusFrameSpec spec) {
        FrameTemplate t = template(spec.frame());
        boolean[] m = new boolean[t.minLength()];
        for (Slot s : t.slots())
            if (s instanceof Slot.Literal || s instanceof Slot.Length)
                for (int i = 0; i < s.width(); i++) m[s.at() + i] = true;
        spec.fields().values().forEach(f -> {
            for (int i = 0; i < IntType.parse(f.type()).orElseThrow().width(); i++) m[f.at() + i] = true;
        });
        return m;
    }

    static boolean hasChecksum(String templateText) {
        return template(templateText).slots().stream().anyMatch(s -> s instanceof Slot.Checksum);
    }
}
