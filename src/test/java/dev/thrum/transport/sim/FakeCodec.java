package dev.thrum.transport.sim;

import dev.thrum.protocol.Codec;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import dev.thrum.protocol.FrameReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A tiny codec for tests, so the simulator and the device session can be tested before (and
 * independently of) the real template codec.
 * Commands: 4 bytes {@code C5 op value xor}, op 1 setSpeed, 2 stop, 3 status, 4 version, 5 battery,
 * 6 keepalive. Status: 6 bytes {@code 5C running speed battery force xor}; version reply
 * {@code 5D fw 00 00 00 xor}. xor is the XOR of all bytes before it.
 */
public final class FakeCodec implements Codec {
    static final int CMD_HEADER = 0xC5, STATUS_HEADER = 0x5C, VERSION_HEADER = 0x5D;
    static final int CMD_LEN = 4, STATUS_LEN = 6;

    private final Set<Class<? extends DeviceCommand>> supported;

    public FakeCodec(Set<Class<? extends DeviceCommand>> supported) { this.supported = Set.copyOf(supported); }

    /** Every command. */
    public static FakeCodec full() {
        return new FakeCodec(Set.of(DeviceCommand.SetSpeed.class, DeviceCommand.Stop.class,
                DeviceCommand.StatusRequest.class, DeviceCommand.VersionRequest.class,
                DeviceCommand.BatteryRequest.class, DeviceCommand.Keepalive.class));
    }

    /** A device that streams status: no status request command. */
    public static FakeCodec streaming() {
        return new FakeCodec(Set.of(DeviceCommand.SetSpeed.class, DeviceCommand.Stop.class));
    }

    @Override
    public boolean supports(Class<? extends DeviceCommand> command) { return supported.contains(command); }

    @Override
    public byte[] encode(DeviceCommand command) {
        if (!supports(command.getClass())) throw new IllegalArgumentException("no template for " + command.templateName());
        int op, value = 0;
        if (command instanceof DeviceCommand.SetSpeed s) {
            op = 1;
            value = s.value();
            if (value < 0 || value > 255) throw new IllegalArgumentException("speed out of range: " + value);
        } else if (command instanceof DeviceCommand.Stop) op = 2;
        else if (command instanceof DeviceCommand.StatusRequest) op = 3;
        else if (command instanceof DeviceCommand.VersionRequest) op = 4;
        else if (command instanceof DeviceCommand.BatteryRequest) op = 5;
        else op = 6;
        return withXor(CMD_HEADER, op, value);
    }

    @Override
    public DecodeResult<DeviceCommand> decodeCommand(byte[] f) {
        if (f.length != CMD_LEN) return DecodeResult.rejected("length " + f.length + ", expected 4");
        if ((f[0] & 0xFF) != CMD_HEADER) return DecodeResult.rejected("unknown header");
        if (xor(f, 3) != (f[3] & 0xFF)) return DecodeResult.rejected("bad checksum");
        int v = f[2] & 0xFF;
        return switch (f[1]) {
            case 1 -> DecodeResult.ok(new DeviceCommand.SetSpeed(v));
            case 2 -> DecodeResult.ok(new DeviceCommand.Stop());
            case 3 -> DecodeResult.ok(new DeviceCommand.StatusRequest());
            case 4 -> DecodeResult.ok(new DeviceCommand.VersionRequest());
            case 5 -> DecodeResult.ok(new DeviceCommand.BatteryRequest());
            case 6 -> DecodeResult.ok(new DeviceCommand.Keepalive());
            default -> DecodeResult.rejected("unknown op " + f[1]);
        };
    }

    @Override
    public byte[] encodeStatus(DeviceStatus s) {
        if (s.speed() == null && s.firmware() != null)
            return withXor(VERSION_HEADER, Integer.parseInt(s.firmware()), 0, 0, 0);
        return withXor(STATUS_HEADER, Boolean.TRUE.equals(s.running()) ? 1 : 0, u8(s.speed()), u8(s.battery()), u8(s.force()));
    }

    @Override
    public DecodeResult<DeviceStatus> decodeStatus(byte[] f) {
        if (f.length != STATUS_LEN) return DecodeResult.rejected("length " + f.length + ", expected 6");
        if (xor(f, 5) != (f[5] & 0xFF)) return DecodeResult.rejected("bad checksum");
        int h = f[0] & 0xFF;
        if (h == VERSION_HEADER)
            return DecodeResult.ok(new DeviceStatus(null, null, null, null, null, Integer.toString(f[1] & 0xFF)));
        if (h != STATUS_HEADER) return DecodeResult.rejected("unknown header");
        if (f[1] != 0 && f[1] != 1) return DecodeResult.rejected("running flag must be 0 or 1");
        return DecodeResult.ok(new DeviceStatus(f[1] == 1, f[2] & 0xFF, f[4] & 0xFF, f[3] & 0xFF, null, null));
    }

    @Override
    public FrameReader statusFrameReader() { return new Reader(Set.of(STATUS_HEADER, VERSION_HEADER), STATUS_LEN); }

    @Override
    public FrameReader commandFrameReader() { return new Reader(Set.of(CMD_HEADER), CMD_LEN); }

    private static int u8(Integer v) { return v == null ? 0 : Math.max(0, Math.min(255, v)); }

    private static byte[] withXor(int... values) {
        byte[] f = new byte[values.length + 1];
        for (int i = 0; i < values.length; i++) f[i] = (byte) values[i];
        f[values.length] = (byte) xor(f, values.length);
        return f;
    }

    private static int xor(byte[] f, int n) {
        int x = 0;
        for (int i = 0; i < n; i++) x ^= f[i] & 0xFF;
        return x;
    }

    /** Fixed-length frames: a known header, then the xor; on a mismatch drop one byte and look again. */
    private static final class Reader implements FrameReader {
        private final Set<Integer> headers;
        private final int len;
        private final List<Byte> buf = new ArrayList<>();
        private long discarded;

        Reader(Set<Integer> headers, int len) { this.headers = headers; this.len = len; }

        @Override
        public List<byte[]> feed(byte[] chunk) {
            for (byte b : chunk) buf.add(b);
            List<byte[]> frames = new ArrayList<>();
            while (!buf.isEmpty()) {
                if (!headers.contains(buf.get(0) & 0xFF)) { buf.remove(0); discarded++; continue; }
                if (buf.size() < len) break;
                byte[] f = new byte[len];
                for (int i = 0; i < len; i++) f[i] = buf.get(i);
                if (xor(f, len - 1) == (f[len - 1] & 0xFF)) {
                    frames.add(f);
                    buf.subList(0, len).clear();
                } else {
                    buf.remove(0);
                    discarded++;
                }
            }
            return frames;
        }

        @Override
        public long discardedBytes() { return discarded; }
    }
}
