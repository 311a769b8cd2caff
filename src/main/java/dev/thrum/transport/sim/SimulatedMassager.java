package dev.thrum.transport.sim;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import dev.thrum.protocol.FrameReader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A virtual massager that runs a device profile backward: it decodes the command bytes the host
 * sends with {@link Codec#decodeCommand}, keeps motor state, and answers in the profile's own
 * status bytes ({@link Codec#encodeStatus}). It knows nothing about transports: bytes come in
 * through {@link #onBytesFromHost} and go out through the sink given at construction, so the same
 * simulator sits behind the in-process {@link SimTransport}, a pseudo-terminal or a fake BlueZ.
 *
 * <p>Time comes only from the injected {@link Clock}; nothing happens between calls. Whoever hosts
 * the simulator calls {@link #tick()} now and then (SimTransport every 10 ms) so the motor moves,
 * delayed answers go out and streamed status is sent; a test drives a manual clock instead.
 *
 * <p>Status streaming: a device <em>streams</em> status by itself when its profile has status
 * frame templates but no {@code status} command template (there is nothing to ask with). It then
 * sends status every {@code pacing.statusPollMs}, or every {@link #DEFAULT_STREAM_MS} when that is 0.
 *
 * <p>Thread-safe; the sink is never called while the simulator's lock is held.
 *
 * <p>One class over 350 lines because its record, fault controls and motor time act on one state
 * under one lock; the open serial protocol's own rules live apart, in {@link OpenSerialDevice}.
 */
public final class SimulatedMassager {

    /** How bytes from the host arrive: a byte stream cut with the codec's frame reader, or one frame per call. */
    public enum Input { STREAM, FRAMES }

    /** Streaming period when the profile streams status and gives no statusPollMs. */
    public static final int DEFAULT_STREAM_MS = 1000;

    private static final System.Logger LOG = System.getLogger(SimulatedMassager.class.getName());

    private final DeviceProfile profile;
    private final Codec codec;
    private final Clock clock;
    private PressureScript pressureScript;
    private Instant scriptStart;
    private final Consumer<byte[]> toHost;
    private final FrameReader reader;
    private final MotorModel motor;
    private final long streamPeriodMs;
    private final List<ReceivedFrame> received = new ArrayList<>();
    private final Deque<Answer> delayed = new ArrayDeque<>();
    private final List<Consumer<Boolean>> linkListeners = new CopyOnWriteArrayList<>();
    /** The open serial protocol's rules, for a profile with a hello command; else null. */
    private final OpenSerialDevice openSerial;
    private final Input input;
    /** Time on the wire (watchdog, pacing, timeouts): real time even when the session clock is sped up. */
    private Clock lineClock;

    private Instant lastAdvance;
    private Instant nextStreamAt;
    private BufferedWriter recordFile;
    private String firmware = "1";
    // fault controls
    private boolean linkUp = true;
    private Duration answerDelay = Duration.ZERO;
    private int corruptRemaining;
    private boolean answering = true;

    private record Answer(Instant due, byte[] bytes) {}

    /**
     * @param toHost receives every frame the device sends to the host, one whole frame per call
     */
    public SimulatedMassager(DeviceProfile profile, Codec codec, Clock clock, Input input, Consumer<byte[]> toHost) {
        this.profile = profile;
        this.codec = codec;
        this.clock = clock;
        this.toHost = toHost;
        this.input = input;
        this.lineClock = clock;
        this.motor = profile.force() == null ? new MotorModel(profile.output())
                : new MotorModel(profile.output(), profile.force().stallNewtons() / profile.force().newtonsPerUnit());
        this.openSerial = codec.supports(DeviceCommand.Hello.class)
                ? new OpenSerialDevice(codec, motor, this::answer, clock.instant()) : null;
        this.reader = input == Input.STREAM && openSerial == null ? codec.commandFrameReader() : null;
        this.lastAdvance = clock.instant();
        this.streamPeriodMs = streams(profile, codec)
                ? (profile.pacing() != null && profile.pacing().statusPollMs() > 0
                        ? profile.pacing().statusPollMs() : DEFAULT_STREAM_MS)
                : 0;
        this.nextStreamAt = streamPeriodMs > 0 ? lastAdvance.plusMillis(streamPeriodMs) : null;
    }

    /** True when a device with this profile sends status by itself (status frames, no status command). */
    public static boolean streams(DeviceProfile profile, Codec codec) {
        return profile.status() != null && !profile.status().isEmpty()
                && !codec.supports(DeviceCommand.StatusRequest.class);
    }

    public DeviceProfile profile() { return profile; }

    /** Bytes written by the host. In FRAMES mode one call is one frame; in STREAM mode any chunk. */
    public void onBytesFromHost(byte[] bytes) {
        List<byte[]> out = new ArrayList<>();
        synchronized (this) {
            if (!linkUp) return; // nothing crosses a dropped link
            advanceTo(clock.instant(), out);
            List<byte[]> frames;
            if (openSerial != null && input == Input.STREAM) frames = openSerial.feed(bytes, lineClock.instant());
            else frames = reader == null ? List.of(bytes.clone()) : reader.feed(bytes);
            for (byte[] frame : frames) handleFrame(frame, out);
        }
        send(out);
    }

    /** Lets time pass up to the clock's now: moves the motor, sends due delayed answers and streamed status. */
    public void tick() {
        List<byte[]> out = new ArrayList<>();
        synchronized (this) {
            advanceTo(clock.instant(), out);
            if (openSerial != null && linkUp)
                for (byte[] frame : openSerial.tick(lineClock.instant(), out)) handleFrame(frame, out);
        }
        send(out);
    }

    private void handleFrame(byte[] frame, List<byte[]> out) {
        Instant now = lastAdvance;
        DecodeResult<DeviceCommand> result = safeDecode(frame);
        ReceivedFrame record = new ReceivedFrame(now, frame, result);
        received.add(record);
        appendToFile(record);
        if (openSerial != null) {
            openSerial.handle(frame, result, lineClock.instant(), out);
        } else if (result instanceof DecodeResult.Decoded<DeviceCommand> d) {
            act(d.value(), out);
        } else if (result instanceof DecodeResult.Rejected<DeviceCommand> r) {
            LOG.log(System.Logger.Level.DEBUG, () -> "sim " + profile.id() + " rejected frame: " + r.reason());
        }
    }

    private DecodeResult<DeviceCommand> safeDecode(byte[] frame) {
        try {
            return codec.decodeCommand(frame);
        } catch (RuntimeException e) { // a codec must not throw; the simulator survives one that does
            return DecodeResult.rejected("codec failed: " + e);
        }
    }

    private void act(DeviceCommand command, List<byte[]> out) {
        if (command instanceof DeviceCommand.SetSpeed s) motor.command(s.value());
        else if (command instanceof DeviceCommand.Stop) motor.command(profile.output().stopValue());
        else if (command instanceof DeviceCommand.StatusRequest || command instanceof DeviceCommand.BatteryRequest)
            answer(currentStatus(), out);
        else if (command instanceof DeviceCommand.VersionRequest)
            answer(new DeviceStatus(null, null, null, null, null, firmware), out);
        // Keepalive: hearing from the host is all it is for
    }

    private void answer(DeviceStatus status, List<byte[]> out) { answer(status, out, Duration.ZERO); }

    private void answer(DeviceStatus status, List<byte[]> out, Duration extraDelay) {
        if (!answering) return;
        byte[] frame;
        try {
            frame = codec.encodeStatus(status);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "sim " + profile.id() + " cannot encode status: " + e.getMessage());
            return;
        }
        if (corruptRemaining > 0) {
            corruptRemaining--;
            frame = corrupt(frame);
        }
        Duration delay = answerDelay.plus(extraDelay);
        if (delay.isZero()) out.add(frame);
        else delayed.add(new Answer(lastAdvance.plus(delay), frame));
    }

    /** Flips every bit of the middle byte: a single-byte error any checksum or fixed byte catches. */
    static byte[] corrupt(byte[] frame) {
        byte[] copy = frame.clone();
        if (copy.length > 0) copy[copy.length / 2] ^= (byte) 0xFF;
        return copy;
    }

    /** Steps the motor to {@code now} in slices, so streamed status frames carry the state of their own moment. */
    private void advanceTo(Instant now, List<byte[]> out) {
        while (true) {
            Instant next = nextEventBefore(now);
            if (next == null) break;
            moveMotor(next);
            if (nextStreamAt != null && !nextStreamAt.isAfter(next)) {
                if (linkUp) answer(currentStatus(), out);
                nextStreamAt = nextStreamAt.plusMillis(streamPeriodMs);
            }
            while (!delayed.isEmpty() && !delayed.peekFirst().due().isAfter(next)) {
                byte[] frame = delayed.pollFirst().bytes();
                if (linkUp) out.add(frame);
            }
        }
        moveMotor(now);
    }

    private Instant nextEventBefore(Instant now) {
        Instant next = null;
        if (nextStreamAt != null && !nextStreamAt.isAfter(now)) next = nextStreamAt;
        if (!delayed.isEmpty() && !delayed.peekFirst().due().isAfter(now)
                && (next == null || delayed.peekFirst().due().isBefore(next))) next = delayed.peekFirst().due();
        return next;
    }

    private void moveMotor(Instant to) {
        if (to.isAfter(lastAdvance)) {
            motor.advance(Duration.between(lastAdvance, to));
            lastAdvance = to;
        }
        if (pressureScript != null) {
            if (scriptStart == null) scriptStart = to;
            motor.setPressure(pressureScript.pressureAt(Duration.between(scriptStart, to)));
        }
    }

    private void send(List<byte[]> frames) {
        for (byte[] f : frames) toHost.accept(f);
    }

    private DeviceStatus currentStatus() {
        return new DeviceStatus(motor.running(), motor.reportedSpeed(), motor.forceEstimate(),
                motor.batteryPercent(), 0, firmware);
    }

    // ---- state a test can read ----

    /** The state as the next status frame would report it (after letting time pass to now). */
    public DeviceStatus status() {
        List<byte[]> out = new ArrayList<>();
        DeviceStatus s;
        synchronized (this) {
            advanceTo(clock.instant(), out);
            s = currentStatus();
        }
        send(out);
        return s;
    }

    /** The device value the host last asked for (the stop value after a stop). */
    public synchronized int commandedSpeed() { return motor.commanded(); }

    /** The motor's actual speed, following the commanded one with inertia (not advanced to now). */
    public synchronized double actualSpeed() { return motor.actual(); }

    public synchronized boolean running() { return motor.running(); }

    /** Battery in percent with its fraction (not advanced to now). */
    public synchronized double battery() { return motor.batteryExact(); }

    /** Every frame received from the host so far, oldest first. */
    public synchronized List<ReceivedFrame> received() { return List.copyOf(received); }

    /** Only the frames that decoded, as commands, oldest first. */
    public synchronized List<DeviceCommand> receivedCommands() {
        List<DeviceCommand> commands = new ArrayList<>();
        for (ReceivedFrame f : received) f.command().ifPresent(commands::add);
        return commands;
    }

    /** Bytes the stream reader threw away while resynchronising (0 in FRAMES mode). */
    public synchronized long discardedBytes() {
        if (openSerial != null && input == Input.STREAM) return openSerial.discardedBytes();
        return reader == null ? 0 : reader.discardedBytes();
    }

    /**
     * Also appends every received frame to this file as a JSON line ({@link ReceivedFrameJson}),
     * flushed at once, so a test in another process can read it while the simulator runs.
     */
    public synchronized void recordTo(Path file) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        recordFile = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void appendToFile(ReceivedFrame frame) {
        if (recordFile == null) return;
        try {
            recordFile.write(ReceivedFrameJson.toLine(frame));
            recordFile.newLine();
            recordFile.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the simulator's frame record", e);
        }
    }

    /** Closes the record file, if any. */
    public synchronized void closeRecord() {
        if (recordFile == null) return;
        try {
            recordFile.close();
        } catch (IOException ignored) {
            // nothing left to save
        }
        recordFile = null;
    }

    // ---- fault controls ----

    public synchronized boolean linkUp() { return linkUp; }

    /** Listens to {@link #dropLink()} / {@link #restoreLink()}: true when the link comes back. Called on the caller's thread. */
    public void onLinkChange(Consumer<Boolean> listener) { linkListeners.add(listener); }

    /** The link goes away: nothing is received or sent until {@link #restoreLink()}. The motor keeps its state. */
    public void dropLink() { setLink(false); }

    public void restoreLink() { setLink(true); }

    private void setLink(boolean up) {
        synchronized (this) {
            if (linkUp == up) return;
            List<byte[]> ignored = new ArrayList<>();
            advanceTo(clock.instant(), ignored); // whatever fell due while the link was up already went
            linkUp = up;
            if (!up) delayed.clear();
        }
        for (Consumer<Boolean> l : linkListeners) l.accept(up);
    }

    /** Holds every answer (status replies and streamed status) back by this long; zero sends at once. */
    public synchronized void delayAnswers(Duration delay) {
        if (delay.isNegative()) throw new IllegalArgumentException("delay must not be negative: " + delay);
        answerDelay = delay;
    }

    /** Flips a byte in each of the next {@code n} frames sent to the host, so the host's codec must reject them. */
    public synchronized void corruptNextFrames(int n) {
        if (n < 0) throw new IllegalArgumentException("n must not be negative: " + n);
        corruptRemaining = n;
    }

    /** Goes silent: commands are still received and obeyed, but nothing is sent to the host. */
    public synchronized void stopAnswering() { answering = false; }

    public synchronized void resumeAnswering() { answering = true; }

    /** Sets the battery, for example to 5 for a low-battery test; at 0 the motor stops by itself. */
    public void setBattery(double percent) {
        List<byte[]> out = new ArrayList<>();
        synchronized (this) {
            advanceTo(clock.instant(), out);
            motor.setBattery(percent);
        }
        send(out);
    }

    /** The motor stops by itself (an auto-off timer, a thermal cut-out, the user's button). */
    public void stopByItself() {
        List<byte[]> out = new ArrayList<>();
        synchronized (this) {
            advanceTo(clock.instant(), out);
            motor.stopByItself();
        }
        send(out);
    }

    /** How hard the gun is pressed, 0..1: the force estimate grows with it. */
    public synchronized void setPressure(double fraction) { motor.setPressure(fraction); }

    /**
     * Presses the gun as the script says, from the first moment the simulator moves on (the script's
     * second 0). Replaces any pressure set by hand.
     */
    public synchronized void followPressure(PressureScript script) {
        pressureScript = script;
        scriptStart = null;
    }

    /** What a version request answers with. */
    public synchronized void setFirmware(String version) {
        firmware = version;
        if (openSerial != null) openSerial.firmware(version);
    }

    // ---- open serial protocol (profiles with a hello command; docs/open-serial-protocol.md) ----

    /**
     * Which version of the open serial protocol the device speaks: 2 (the default) or 1, as firmware
     * written before version 2 does.
     *
     * @throws IllegalStateException when the profile is not an open-serial one (it has no hello command)
     */
    public synchronized void speakProtocol(int version) { openSerial().speak(version); }

    /** Breaks one rule of the open serial protocol on purpose (for the conformance check's own tests). */
    public synchronized void addFault(OpenSerialFault fault) { openSerial().add(fault); }

    /** True once a HELLO switched this device to version 2 frames. */
    public synchronized boolean protocolNegotiated() { return openSerial != null && openSerial.negotiated(); }

    /**
     * The clock of the wire (watchdog, pacing, timeouts). Defaults to the simulator's clock; a
     * sped-up session gives the real clock here, because the host's keepalives come in real time.
     */
    public synchronized void setLineClock(Clock clock) { lineClock = clock; }

    private OpenSerialDevice openSerial() {
        if (openSerial == null)
            throw new IllegalStateException("profile " + profile.id() + " is not an open serial protocol profile"
                    + " (it has no hello command)");
        return openSerial;
    }
}
