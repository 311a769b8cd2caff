package dev.thrum.profile.template;

/** One checksum: its algorithm and parameters, and the bytes it covers. */
public record ChecksumSpec(ChecksumKind kind, ByteRange range, int poly, int init, boolean bigEndian) {

    /** The checksum over {@code frame[first..last]} (inclusive). */
    public int compute(byte[] frame, int first, int last) {
        return switch (kind) {
            case SUM8 -> {
                int s = 0;
                for (int i = first; i <= last; i++) s += frame[i] & 0xFF;
                yield s & 0xFF;
            }
            case XOR8 -> {
                int x = 0;
                for (int i = first; i <= last; i++) x ^= frame[i] & 0xFF;
                yield x;
            }
            case CRC8 -> crc8(frame, first, last);
            case CRC16_CCITT -> crc16Msb(frame, first, last);
            case CRC16_MODBUS -> crc16Reflected(frame, first, last);
        };
    }

    private int crc8(byte[] frame, int first, int last) {
        int crc = init & 0xFF;
        for (int i = first; i <= last; i++) {
            crc ^= frame[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++)
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ poly) & 0xFF : (crc << 1) & 0xFF;
        }
        return crc;
    }

    private int crc16Msb(byte[] frame, int first, int last) {
        int crc = init & 0xFFFF;
        for (int i = first; i <= last; i++) {
            crc ^= (frame[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++)
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ poly) & 0xFFFF : (crc << 1) & 0xFFFF;
        }
        return crc;
    }

    private int crc16Reflected(byte[] frame, int first, int last) {
        int reflectedPoly = Integer.reverse(poly & 0xFFFF) >>> 16;
        int crc = init & 0xFFFF;
        for (int i = first; i <= last; i++) {
            crc ^= frame[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ reflectedPoly : crc >>> 1;
        }
        return crc;
    }

    /** Writes the checksum value into the frame at {@code at}, in this spec's byte order. */
    public void write(byte[] frame, int at, int value) {
        if (kind.width() == 1) frame[at] = (byte) value;
        else (bigEndian ? IntType.U16BE : IntType.U16LE).write(frame, at, value);
    }

    public int read(byte[] frame, int at) {
        if (kind.width() == 1) return frame[at] & 0xFF;
        return (int) (bigEndian ? IntType.U16BE : IntType.U16LE).read(frame, at);
    }
}
