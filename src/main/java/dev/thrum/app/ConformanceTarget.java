package dev.thrum.app;

import dev.thrum.conformance.ConformanceCheck;
import dev.thrum.conformance.ConformanceReport;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codecs;
import dev.thrum.transport.Transport;
import dev.thrum.transport.TransportException;
import dev.thrum.transport.serial.SerialTransport;
import dev.thrum.transport.sim.OpenSerialFault;
import dev.thrum.transport.sim.SimTransport;
import dev.thrum.transport.sim.SimulatedMassager;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The device {@code thrum conformance} checks: a maker's firmware on a serial port, or Thrum's own
 * simulated device (optionally speaking an older protocol or breaking rules on purpose). Only this
 * class knows which adapter carries the check.
 */
public final class ConformanceTarget {
    private final Transport transport;

    private ConformanceTarget(Transport transport) {
        this.transport = transport;
    }

    /** The device on a serial port, not yet opened. */
    public static ConformanceTarget serial(String path, DeviceProfile profile) {
        return new ConformanceTarget(SerialTransport.forProfile(path, profile));
    }

    /**
     * The simulated device, on a byte stream like a serial line.
     *
     * @param faults rule breaks by name (docs/open-serial-protocol.md)
     * @throws IllegalArgumentException for an unknown fault or protocol version, in words for a person
     */
    public static ConformanceTarget simulated(DeviceProfile profile, int protocol, List<String> faults) {
        SimTransport sim = new SimTransport(profile, Codecs.forProfile(profile), Clock.systemUTC(), SimulatedMassager.Input.STREAM);
        try {
            sim.massager().speakProtocol(protocol);
            for (String f : faults) sim.massager().addFault(OpenSerialFault.parse(f));
        } catch (IllegalArgumentException e) {
            sim.close();
            throw e;
        }
        return new ConformanceTarget(sim);
    }

    /** Where the device is, for the report's first line. */
    public String describe() { return transport.describe(); }

    /** Runs the check's rules (all when {@code rules} names them all); the check ends with STOP. */
    public ConformanceReport check(ConformanceCheck check, Set<String> rules) throws DeviceUnavailableException, InterruptedException {
        try {
            return check.run(transport, rules);
        } catch (TransportException e) {
            throw new DeviceUnavailableException(e.getMessage(), e);
        }
    }
}
