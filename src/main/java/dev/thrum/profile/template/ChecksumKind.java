package dev.thrum.profile.template;

import java.util.Optional;

/**
 * The checksum algorithms a template can use. Defaults follow the common published variants;
 * {@code poly} and {@code init} may be overridden where it makes sense.
 */
public enum ChecksumKind {
    /** Sum of the bytes, modulo 256. */
    SUM8("sum8", 1, 0, 0, true),
    /** XOR of the bytes. */
    XOR8("xor8", 1, 0, 0, true),
    /** CRC-8, MSB first, no reflection, no final XOR. Default poly 0x07, init 0x00 (CRC-8/SMBUS). */
    CRC8("crc8", 1, 0x07, 0x00, true),
    /** CRC-16, poly 0x1021, MSB first, no reflection, no final XOR. Default init 0x0000 (XMODEM). */
    CRC16_CCITT("crc16-ccitt", 2, 0x1021, 0x0000, true),
    /** CRC-16/MODBUS: poly 0x8005 reflected (0xA001), init 0xFFFF; sent low byte first by default. */
    CRC16_MODBUS("crc16-modbus", 2, 0x8005, 0xFFFF, false);

    private final String spelling;
    private final int width;
    private final int defaultPoly;
    private final int defaultInit;
    private final boolean defaultBigEndian;

    ChecksumKind(String spelling, int width, int defaultPoly, int defaultInit, boolean defaultBigEndian) {
        this.spelling = spelling;
        this.width = width;
        this.defaultPoly = defaultPoly;
        this.defaultInit = defaultInit;
        this.defaultBigEndian = defaultBigEndian;
    }

    public String spelling() { return spelling; }

    public int width() { return width; }

    public int defaultPoly() { return defaultPoly; }

    public int defaultInit() { return defaultInit; }

    public boolean defaultBigEndian() { return defaultBigEndian; }

    /** Whether {@code poly=} and {@code init=} mean anything for this kind. */
    public boolean takesPolynomial() { return this != SUM8 && this != XOR8; }

    public static Optional<ChecksumKind> parse(String text) {
        for (ChecksumKind k : values()) if (k.spelling.equals(text)) return Optional.of(k);
        return Optional.empty();
    }

    public static String spellings() {
        StringBuilder sb = new StringBuilder();
        for (ChecksumKind k : values()) sb.append(sb.length() == 0 ? "" : ", ").append(k.spelling);
        return sb.toString();
    }
}
