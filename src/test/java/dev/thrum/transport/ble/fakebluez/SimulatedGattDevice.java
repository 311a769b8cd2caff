package dev.thrum.transport.ble.fakebluez;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.DeviceProfile.ReadMode;
import dev.thrum.protocol.Codec;
import dev.thrum.transport.sim.SimulatedMassager;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A fake BLE device whose device end is the simulated massager running a profile backward: the
 * host's frames go tinyb -> D-Bus -> fake BlueZ -> simulator, and the simulator's status frames go
 * back as notifications (or as the RX value, for profiles the host reads). Ticks the simulator every
 * 10 ms so delayed answers and streamed status go out. Close it to stop the ticking.
 */
public final class SimulatedGattDevice implements AutoCloseable {

    private final FakeDevice device;
    private final SimulatedMassager simulator;
    private final ScheduledExecutorService ticker;

    private SimulatedGattDevice(FakeDevice device, SimulatedMassager simulator) {
        this.device = device;
        this.simulator = simulator;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fake-ble-sim-tick");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(simulator::tick, 10, 10, TimeUnit.MILLISECONDS);
    }

    /** Adds a device shaped by the profile's "ble" and "match" sections, driven by a simulator. */
    public static SimulatedGattDevice add(FakeBluez bluez, String address, DeviceProfile profile, Codec codec) {
        FakeDevice device = bluez.addDevice(FakeDeviceSpec.forProfile(address, profile));
        ReadMode mode = profile.ble().rxMode();
        java.util.function.Consumer<byte[]> toHost = profile.ble().rxUuid() == null ? device::notifyBattery
                : mode == ReadMode.READ ? device::setRxValue : device::notifyHost;
        SimulatedMassager sim = new SimulatedMassager(profile, codec, Clock.systemUTC(),
                SimulatedMassager.Input.FRAMES, toHost);
        device.deviceEnd((bytes, ignored) -> sim.onBytesFromHost(bytes));
        return new SimulatedGattDevice(device, sim);
    }

    public FakeDevice device() { return device; }

    public SimulatedMassager simulator() { return simulator; }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
