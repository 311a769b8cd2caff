package dev.thrum.app;

import dev.thrum.device.DeviceEvent;
import dev.thrum.device.DeviceSession;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codec;
import dev.thrum.transport.Transport;
import dev.thrum.transport.TransportException;
import dev.thrum.transport.sim.SimTransport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One connected massager: its profile, its transport and its single {@link DeviceSession}, with
 * the device's events fanned out to whoever listens (a session runner, the daemon's event stream).
 * It outlives sessions: the daemon keeps one open while idle.
 */
public final class DeviceHub implements AutoCloseable {
    private final DeviceProfile profile;
    private final Transport transport;
    private final DeviceSession session;
    private final List<Consumer<DeviceEvent>> listeners = new CopyOnWriteArrayList<>();

    public DeviceHub(DeviceProfile profile, Codec codec, Transport transport) {
        this.profile = profile;
        this.transport = transport;
        this.session = new DeviceSession(transport, codec, profile, this::publish);
    }

    /** Connects and starts polling; the link is up when this returns. */
    public void connect() throws TransportException {
        session.start();
    }

    public DeviceProfile profile() { return profile; }

    public DeviceSession session() { return session; }

    public Transport transport() { return transport; }

    /** Where the device is, for the log and messages: "sim:theragun-gen4", "serial:/dev/ttyUSB0". */
    public String address() { return transport.describe(); }

    public boolean linkUp() { return session.linkUp(); }

    /** For the simulator only: the scripted person presses as {@code script} says. False for a real device. */
    public boolean pressSimulator(ScriptedPress script) {
        if (!(transport instanceof SimTransport sim)) return false;
        sim.massager().followPressure(script.script);
        return true;
    }

    /**
     * For the simulator only: append every frame it receives to {@code file} (tests and demos read what
     * reached the "device"). False for a real device, which keeps no such record.
     */
    public boolean recordSimulatorTo(Path file) throws IOException {
        if (!(transport instanceof SimTransport sim)) return false;
        sim.massager().recordTo(file);
        return true;
    }

    public void addListener(Consumer<DeviceEvent> listener) { listeners.add(listener); }

    public void removeListener(Consumer<DeviceEvent> listener) { listeners.remove(listener); }

    private void publish(DeviceEvent event) {
        for (Consumer<DeviceEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                System.getLogger("thrum.device").log(System.Logger.Level.WARNING, "device listener failed", e);
            }
        }
    }

    /** Stops the motor (the stop frame is written first), then closes the link. */
    @Override
    public void close() {
        session.close();
    }
}
