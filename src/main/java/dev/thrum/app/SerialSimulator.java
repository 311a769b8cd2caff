package dev.thrum.app;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.Codecs;
import dev.thrum.protocol.FrameReader;
import dev.thrum.transport.Endpoint;
import dev.thrum.transport.LinkState;
import dev.thrum.transport.TransportException;
import dev.thrum.transport.serial.SerialTransport;
import dev.thrum.transport.sim.OpenSerialFault;
import dev.thrum.transport.sim.SimulatedMassager;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The simulated massager on the far end of a real serial port ({@code thrum simulate}): the profile
 * run backward, so Thrum or a maker's own tool can talk to a device that is only software. Set it up,
 * then {@link #start}; it answers until {@link #close}.
 */
public final class SerialSimulator implements AutoCloseable {
    private final DeviceProfile profile;
    private final Codec codec;
    private final String path;
    private final SerialTransport port;
    private final SimulatedMassager massager;
    private ScheduledExecutorService ticker;

    /** @param cannotAnswer told (in words) when an answer could not be written to the port */
    public SerialSimulator(DeviceProfile profile, String path, Consumer<String> cannotAnswer) {
        this.profile = profile;
        this.codec = Codecs.forProfile(profile);
        this.path = path;
        this.port = SerialTransport.forProfile(path, profile);
        this.massager = new SimulatedMassager(profile, codec, Clock.systemUTC(), SimulatedMassager.Input.STREAM, frame -> {
            try {
                port.write(Endpoint.TX, frame);
            } catch (TransportException e) {
                cannotAnswer.accept("could not answer: " + e.getMessage());
            }
        });
    }

    public DeviceProfile profile() { return profile; }

    /** The profile's codec, for describing the frames received. */
    public Codec codec() { return codec; }

    /** Also appends every frame received to {@code file} as JSON lines. */
    public void recordTo(Path file) throws IOException { massager.recordTo(file); }

    public void followPressure(ScriptedPress press) { massager.followPressure(press.script); }

    /** @throws IllegalArgumentException for a version the profile does not speak; IllegalStateException without a hello command */
    public void speakProtocol(int version) { massager.speakProtocol(version); }

    /** @throws IllegalArgumentException naming the known faults, for an unknown one */
    public void addFault(String name) { massager.addFault(OpenSerialFault.parse(name)); }

    /** Keeps hearing and obeying, stops answering: the case where only stops sent into the silence stop the motor. */
    public void stopAnswering() { massager.stopAnswering(); }

    public void resumeAnswering() { massager.resumeAnswering(); }

    /**
     * Opens the port and starts the motor's clock.
     *
     * @param received every chunk of bytes from the host, after the simulator has answered it
     * @param portUp   true when the port opened, false when it went away (it is waited for)
     * @param tickMs   how often the simulated motor moves and streamed status goes out
     */
    public void start(Consumer<byte[]> received, Consumer<Boolean> portUp, long tickMs) throws DeviceUnavailableException {
        port.subscribe(Endpoint.RX, bytes -> {
            massager.onBytesFromHost(bytes); // answers go out before anyone hears of the bytes
            received.accept(bytes);
        });
        port.onLinkState(state -> portUp.accept(state == LinkState.UP));
        try {
            port.connect();
        } catch (TransportException e) {
            throw new DeviceUnavailableException(e.getMessage(), e);
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulate-tick");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(massager::tick, tickMs, tickMs, TimeUnit.MILLISECONDS);
    }

    /** A reader of its own for a printout of the frames received (the simulator keeps its own). */
    public FrameReader commandFrameReader() { return codec.commandFrameReader(); }

    public String path() { return path; }

    @Override
    public void close() {
        if (ticker != null) ticker.shutdownNow();
        port.close();
        massager.closeRecord();
    }
}
