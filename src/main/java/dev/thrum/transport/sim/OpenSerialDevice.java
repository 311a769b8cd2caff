package dev.thrum.transport.sim;

import dev.thrum.protocol.Codec;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import dev.thrum.protocol.OpenSerialFrames;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.thrum.protocol.OpenSerialFrames.*;

/**
 * The rules of docs/open-serial-protocol.md that a template cannot say, played by the simulated
 * massager of a profile with a {@code hello} command: answers to every command, NAK with a reason,
 * the HELLO/INFO handshake, the watchdog, stop reasons, rate-limited unprompted STATUS and the
 * inter-byte timeout. It speaks version 2 or, switched, version 1; {@link OpenSerialFault}s break
 * single rules on purpose. Not thread-safe: the {@link SimulatedMassager} guards it. Times are line
 * time (real time even when the session is sped up), given by the caller.
 */
final class OpenSerialDevice {

    static final long WATCHDOG_MS = 3000;
    static final long UNPROMPTED_MIN_GAP_MS = 100;
    static final long UNPROMPTED_EVERY_MS = 500;
    static final long PACING_MS = 20;
    static final int FIRMWARE_PROTOCOL = 2;

    /** Sends a reply (the massager applies its own fault controls); {@code extra} delays it further. */
    interface Replies {
        void reply(DeviceStatus status, List<byte[]> out, Duration extra);
    }

    /** Frame length each known command needs, from the document. */
    private static final Map<Integer, Integer> NEEDED = Map.of(SET_SPEED, 5, STOP, 4, GET_STATUS, 4,
            GET_VERSION, 4, PING, 4, HELLO, 5);

    private final Codec codec;
    private final MotorModel motor;
    private final Replies replies;
    private final OpenSerialFrames.Reader reader = new OpenSerialFrames.Reader();
    private final Set<OpenSerialFault> faults = EnumSet.noneOf(OpenSerialFault.class);

    private int version = FIRMWARE_PROTOCOL;
    private boolean negotiated;
    private int stopReason;
    private Instant lastFeed;
    private Instant lastFrameAt;
    private Instant lastByteAt;
    private Instant lastUnprompted;
    private boolean reportedRunning;
    private int reportedBattery = -1;
    private int reportedStopReason;
    private boolean wasRunning;

    OpenSerialDevice(Codec codec, MotorModel motor, Replies replies, Instant now) {
        this.codec = codec;
        this.motor = motor;
        this.replies = replies;
        this.lastFeed = now;
        this.lastUnprompted = now;
    }

    void speak(int protocolVersion) {
        if (protocolVersion != 1 && protocolVersion != 2)
            throw new IllegalArgumentException("the simulated device speaks protocol 1 or 2, not " + protocolVersion);
        version = protocolVersion;
        negotiated = false;
    }

    int version() { return version; }

    /** True once a HELLO switched this version 2 device to version 2 frames. */
    boolean negotiated() { return negotiated; }

    void add(OpenSerialFault fault) { faults.add(fault); }

    /** Bytes from a stream: the document's receiver cuts them into frames. */
    List<byte[]> feed(byte[] bytes, Instant now) {
        lastByteAt = now;
        return reader.feed(bytes);
    }

    long discardedBytes() { return reader.discardedBytes(); }

    /** One whole, CRC-checked frame; {@code decoded} is the profile codec's reading of it. */
    void handle(byte[] frame, DecodeResult<DeviceCommand> decoded, Instant now, List<byte[]> out) {
        if (faults.contains(OpenSerialFault.DROP_FRAMES_IN_GAP) && lastFrameAt != null
                && Duration.between(lastFrameAt, now).toMillis() < PACING_MS) {
            lastFrameAt = now;
            return;
        }
        lastFrameAt = now;
        if (!OpenSerialFrames.valid(frame)) return; // frame mode can hand over anything
        if (version == 1) lastFeed = now; // version 1: any valid frame feeds the watchdog
        DeviceCommand command = decoded instanceof DecodeResult.Decoded<DeviceCommand> d ? d.value() : longer(frame);
        int cmd = OpenSerialFrames.cmd(frame);
        if (command instanceof DeviceCommand.Hello && version == 1) command = null; // unknown to version 1
        if (command == null) {
            refuse(frame, cmd, out);
            return;
        }
        act(command, now, out);
    }

    /** A frame longer than its command needs: read the fields it knows, ignore the rest (payloads may grow). */
    private DeviceCommand longer(byte[] frame) {
        Integer needed = NEEDED.get(OpenSerialFrames.cmd(frame));
        if (version == 1 || needed == null || frame.length <= needed) return null;
        byte[] known = Arrays.copyOf(frame, needed);
        known[1] = (byte) needed.intValue();
        known[needed - 1] = (byte) crc8(known, 1, needed - 1);
        return codec.decodeCommand(known) instanceof DecodeResult.Decoded<DeviceCommand> d ? d.value() : null;
    }

    private void refuse(byte[] frame, int cmd, List<byte[]> out) {
        Integer needed = NEEDED.get(cmd);
        if (cmd == HELLO && version == 1) needed = null;
        int reason = needed == null ? UNKNOWN_COMMAND : frame.length < needed ? TOO_SHORT : OUT_OF_RANGE;
        if (cmd == SET_SPEED && reason == OUT_OF_RANGE && faults.contains(OpenSerialFault.CLAMP_SPEED)) {
            start(100);
            reply(status(), out);
            return;
        }
        if (!negotiated) {
            // version 1: a SET_SPEED above 100 is answered with STATUS unchanged; other refusals are silent
            if (cmd == SET_SPEED && reason == OUT_OF_RANGE) reply(status(), out);
            return;
        }
        if (faults.contains(OpenSerialFault.NO_NAK)) return;
        reply(new DeviceStatus(null, null, null, null, null, null, null, null, null, cmd, reason), out);
    }

    private void act(DeviceCommand command, Instant now, List<byte[]> out) {
        if (command instanceof DeviceCommand.Hello hello) {
            lastFeed = now;
            negotiated = hello.protocol() >= 2;
            int caps = CAN_FORCE | CAN_BATTERY | (faults.contains(OpenSerialFault.NO_WATCHDOG) ? 0 : HAS_WATCHDOG);
            reply(new DeviceStatus(null, null, null, null, null, firmware, FIRMWARE_PROTOCOL, caps, null, null, null), out);
        } else if (command instanceof DeviceCommand.SetSpeed s) {
            lastFeed = now;
            if (motor.batteryPercent() <= 0 && negotiated) {
                reply(new DeviceStatus(null, null, null, null, null, null, null, null, null, SET_SPEED, BUSY), out);
                return;
            }
            start(s.value());
            reply(status(), out);
        } else if (command instanceof DeviceCommand.Stop) {
            motor.command(0);
            stopReason = STOPPED_BY_HOST;
            wasRunning = false;
            reply(status(), out);
        } else if (command instanceof DeviceCommand.Keepalive) {
            lastFeed = now;
            reply(status(), out);
        } else if (command instanceof DeviceCommand.StatusRequest) {
            if (faults.contains(OpenSerialFault.POLLS_FEED_WATCHDOG)) lastFeed = now;
            reply(status(), out);
        } else if (command instanceof DeviceCommand.VersionRequest) {
            reply(new DeviceStatus(null, null, null, null, null, firmware), out);
        }
    }

    private void start(int speed) {
        motor.command(speed);
        if (motor.running()) {
            stopReason = 0;
            wasRunning = true;
        }
    }

    private String firmware = "1.02";

    void firmware(String version) { firmware = version; }

    /** Lets line time pass: inter-byte timeout, watchdog, stops by the device itself, unprompted STATUS. */
    List<byte[]> tick(Instant now, List<byte[]> out) {
        List<byte[]> frames = List.of();
        if (!faults.contains(OpenSerialFault.NO_INTER_BYTE_TIMEOUT) && lastByteAt != null && reader.waiting()
                && Duration.between(lastByteAt, now).toMillis() >= INTER_BYTE_TIMEOUT_MS) {
            lastByteAt = now;
            frames = reader.expire();
        }
        if (motor.running() && !faults.contains(OpenSerialFault.NO_WATCHDOG)
                && Duration.between(lastFeed, now).toMillis() >= WATCHDOG_MS) {
            motor.stopByItself();
            stopReason = STOPPED_BY_WATCHDOG;
        }
        if (wasRunning && !motor.running()) {
            if (stopReason == 0) stopReason = motor.batteryPercent() <= 0 ? STOPPED_BY_BATTERY : STOPPED_BY_BUTTON;
            wasRunning = false;
        }
        unprompted(now, out);
        return frames;
    }

    private void unprompted(Instant now, List<byte[]> out) {
        long since = Duration.between(lastUnprompted, now).toMillis();
        boolean moving = motor.running() || motor.reportedSpeed() > 0;
        boolean changed = motor.running() != reportedRunning || motor.batteryPercent() != reportedBattery
                || stopReason != reportedStopReason;
        boolean due = faults.contains(OpenSerialFault.CHATTY) ? moving && since >= 10
                : (changed && since >= UNPROMPTED_MIN_GAP_MS) || (moving && since >= UNPROMPTED_EVERY_MS);
        if (!due) return;
        lastUnprompted = now;
        reply(status(), out);
    }

    private void reply(DeviceStatus s, List<byte[]> out) {
        if (s.running() != null) {
            reportedRunning = s.running();
            reportedBattery = s.battery() == null ? -1 : s.battery();
            reportedStopReason = stopReason;
        }
        replies.reply(s, out, faults.contains(OpenSerialFault.SLOW_ANSWERS) ? Duration.ofMillis(250) : Duration.ZERO);
    }

    /** The STATUS of this moment: the 12-byte version 2 frame once negotiated, else version 1's. */
    DeviceStatus status() {
        return new DeviceStatus(motor.running(), motor.reportedSpeed(), motor.forceEstimate(), motor.batteryPercent(),
                0, null, null, null, negotiated ? stopReason : null, null, null);
    }
}
