package dev.thrum.profile.template;

import java.util.Locale;
import java.util.Optional;

/** Unsigned integer layouts a template can place in a frame. */
public enum IntType {
    U8(1, true), U16BE(2, true), U16LE(2, false), U24BE(3, true), U24LE(3, false),
    U32BE(4, true), U32LE(4, false);

    private final int width;
    private final boolean bigEndian;

    IntType(int width, boolean bigEndian) {
        this.width = width;
        this.bigEndian = bigEndian;
    }

    public int width() { return width; }

    /** Largest value the type can hold. */
    public long max() { return (1L << (8 * width)) - 1; }

    public String spelling() { return name().toLowerCase(Locale.ROOT); }

    public static Optional<IntType> parse(String text) {
        for (IntType t : values()) if (t.spelling().equals(text)) return Optional.of(t);
        return Optional.empty();
    }

    public static String spellings() {
        StringBuilder sb = new StringBuilder();
        for (IntType t : values()) sb.append(sb.length() == 0 ? "" : ", ").append(t.spelling());
        return sb.toString();
    }

    public long read(byte[] frame, int at) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            int b = frame[at + (bigEndian ? i : width - 1 - i)] & 0xFF;
            v = (v << 8) | b;
        }
        return v;
    }

    public void write(byte[] frame, int at, long value) {
        if (value < 0 || value > max())
            throw new IllegalArgumentException(value + " does not fit in " + spelling() + " (0.." + max() + ")");
        for (int i = 0; i < width; i++) {
            int shift = 8 * (bigEndian ? width - 1 - i : i);
            frame[at + i] = (byte) (value >>> shift);
        }
    }
}
