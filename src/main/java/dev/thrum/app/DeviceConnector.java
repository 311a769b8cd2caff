package dev.thrum.app;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.ProfileLibrary;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.Codecs;
import dev.thrum.transport.Transport;
import dev.thrum.transport.TransportException;
import dev.thrum.transport.serial.SerialTransport;
import dev.thrum.transport.sim.SimTransport;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/** Turns a {@link DeviceSpec} into a {@link DeviceHub}: picks the profile and the transport adapter. */
public final class DeviceConnector {
    private final ProfileLibrary profiles;

    public DeviceConnector(ProfileLibrary profiles) {
        this.profiles = profiles;
    }

    /**
     * @param simClock the simulated massager's clock (a scaled clock keeps its motor in step with a
     *                 sped-up session); ignored for real devices
     */
    public DeviceHub open(DeviceSpec spec, Clock simClock) throws TransportException {
        DeviceProfile profile = profileFor(spec);
        Codec codec = Codecs.forProfile(profile);
        Transport transport;
        if (spec instanceof DeviceSpec.Serial s) transport = SerialTransport.forProfile(s.path(), profile);
        else if (spec instanceof DeviceSpec.Ble b) transport = BleSupport.transport(b, profile, profiles);
        else {
            SimTransport sim = new SimTransport(profile, codec, simClock);
            sim.massager().setLineClock(Clock.systemUTC()); // keepalives and the watchdog run in real time
            transport = sim;
        }
        DeviceHub hub = new DeviceHub(profile, codec, transport);
        try {
            hub.connect();
        } catch (TransportException | RuntimeException e) {
            hub.close();
            throw e;
        }
        return hub;
    }

    DeviceProfile profileFor(DeviceSpec spec) throws TransportException {
        if (spec instanceof DeviceSpec.Serial s)
            return s.profileId() != null ? require(s.profileId()) : onlySerialProfile(s.path());
        if (spec instanceof DeviceSpec.Ble b) return BleSupport.profileFor(b, profiles);
        DeviceSpec.Sim sim = (DeviceSpec.Sim) spec;
        return require(sim.profileId() == null ? DeviceSpec.DEFAULT_SIM_PROFILE : sim.profileId());
    }

    private DeviceProfile require(String id) throws TransportException {
        return profiles.find(id).orElseThrow(() -> new TransportException("no device profile '" + id
                + "'; known profiles: " + String.join(", ", profiles.profiles().keySet())
                + " (see 'thrum profiles list')"));
    }

    private DeviceProfile onlySerialProfile(String path) throws TransportException {
        List<DeviceProfile> serial = profiles.profiles().values().stream().filter(p -> p.serial() != null).toList();
        if (serial.size() == 1) return serial.get(0);
        throw new TransportException("several profiles speak serial (" + serial.stream().map(DeviceProfile::id)
                .collect(Collectors.joining(", ")) + "); name one: --device serial:" + path + "@PROFILE");
    }
}
