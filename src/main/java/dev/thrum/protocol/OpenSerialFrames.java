package dev.thrum.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The envelope of Thrum's open serial protocol (docs/open-serial-protocol.md), written straight from
 * the document rather than from a profile: {@code A5 LEN CMD PAYLOAD CRC8}. The simulated device uses
 * it to see frames its profile has no template for (an unknown command still deserves a NAK), and the
 * conformance checker uses it to read a device without trusting Thrum's own profile.
 */
public final class OpenSerialFrames {
    private OpenSerialFrames() {}

    public static final int SYNC = 0xA5;
    public static final int MIN_LEN = 4;
    public static final int MAX_LEN = 32;
    /** A started frame that gets no further byte for this long is dropped (its A5 was noise). */
    public static final long INTER_BYTE_TIMEOUT_MS = 50;

    // command and reply codes
    public static final int SET_SPEED = 0x01, STOP = 0x02, GET_STATUS = 0x03, GET_VERSION = 0x04, PING = 0x05,
            HELLO = 0x06;
    public static final int NAK = 0x80, STATUS = 0x83, VERSION = 0x84, INFO = 0x86;
    // NAK reasons
    public static final int UNKNOWN_COMMAND = 1, TOO_SHORT = 2, OUT_OF_RANGE = 3, BUSY = 4;
    // STATUS stop reasons (v2, frame byte 10)
    public static final int STOPPED_BY_HOST = 1, STOPPED_BY_WATCHDOG = 2, STOPPED_BY_TIMER = 3,
            STOPPED_BY_BATTERY = 4, STOPPED_BY_BUTTON = 5, STOPPED_BY_FAULT = 6;
    // INFO capability bits
    public static final int CAN_FORCE = 0x01, CAN_BATTERY = 0x02, CAN_TIMER = 0x04, HAS_WATCHDOG = 0x08;

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    /** CRC-8, polynomial 07, initial 00, not reflected, no final XOR, over {@code data[from..to)}. */
    public static int crc8(byte[] data, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
        }
        return crc;
    }

    /** A whole frame: SYNC, LEN, CMD, the payload and the CRC. */
    public static byte[] frame(int cmd, int... payload) {
        byte[] f = new byte[payload.length + 4];
        f[0] = (byte) SYNC;
        f[1] = (byte) f.length;
        f[2] = (byte) cmd;
        for (int i = 0; i < payload.length; i++) f[3 + i] = (byte) payload[i];
        f[f.length - 1] = (byte) crc8(f, 1, f.length - 1);
        return f;
    }

    /** The same frame with its CRC byte wrong. */
    public static byte[] withBadCrc(byte[] frame) {
        byte[] copy = frame.clone();
        copy[copy.length - 1] ^= 0x5A;
        return copy;
    }

    public static int cmd(byte[] frame) { return frame[2] & 0xFF; }

    public static int payloadLength(byte[] frame) { return frame.length - 4; }

    /** Payload byte {@code i} (0 is frame byte 3). */
    public static int payload(byte[] frame, int i) { return frame[3 + i] & 0xFF; }

    /** True for a frame whose SYNC, LEN and CRC are right (any CMD, any payload). */
    public static boolean valid(byte[] frame) {
        return frame.length >= MIN_LEN && frame.length <= MAX_LEN && (frame[0] & 0xFF) == SYNC
                && (frame[1] & 0xFF) == frame.length && (frame[frame.length - 1] & 0xFF) == crc8(frame, 1, frame.length - 1);
    }

    public static String hex(byte[] bytes) { return HEX.formatHex(bytes); }

    /**
     * The document's five-step receiver, in both directions, with its inter-byte timeout: the owner
     * calls {@link #expire()} when {@link #INTER_BYTE_TIMEOUT_MS} passed without a byte (this class
     * keeps no clock). Returns every CRC-valid frame, whatever its CMD.
     */
    public static final class Reader implements FrameReader {
        private byte[] buffer = new byte[64];
        private int size;
        private long discarded;

        @Override
        public synchronized List<byte[]> feed(byte[] chunk) {
            if (size + chunk.length > buffer.length)
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + chunk.length));
            System.arraycopy(chunk, 0, buffer, size, chunk.length);
            size += chunk.length;
            return scan();
        }

        /** The inter-byte timeout passed: the frame waiting at the head was noise; drop its A5 and look again. */
        @Override
        public synchronized List<byte[]> expire() {
            if (size == 0) return List.of();
            drop(1);
            return scan();
        }

        /** True while a started frame waits for more bytes. */
        @Override
        public synchronized boolean waiting() { return size > 0; }

        @Override
        public synchronized long discardedBytes() { return discarded; }

        private List<byte[]> scan() {
            List<byte[]> frames = new ArrayList<>();
            while (size > 0) {
                if ((buffer[0] & 0xFF) != SYNC) { drop(1); continue; }
                if (size < 2) break;
                int len = buffer[1] & 0xFF;
                if (len < MIN_LEN || len > MAX_LEN) { drop(1); continue; }
                if (size < len) break;
                byte[] f = Arrays.copyOf(buffer, len);
                if ((f[len - 1] & 0xFF) != crc8(f, 1, len - 1)) { drop(1); continue; }
                frames.add(f);
                System.arraycopy(buffer, len, buffer, 0, size - len);
                size -= len;
            }
            return frames;
        }

        private void drop(int n) {
            System.arraycopy(buffer, n, buffer, 0, size - n);
            size -= n;
            discarded += n;
        }
    }
}
