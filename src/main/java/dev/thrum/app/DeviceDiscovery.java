package dev.thrum.app;

import dev.thrum.store.ProfileLibraryLoader;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.transport.TransportException;
import dev.thrum.transport.ble.BleDeviceFound;
import dev.thrum.transport.ble.BleScanner;
import dev.thrum.transport.serial.SerialPortInfo;
import dev.thrum.transport.serial.SerialPortScanner;
import dev.thrum.transport.serial.SerialProfileMatcher;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The use case "what massagers could be reached from here": Bluetooth LE devices and serial ports,
 * each with the device profiles that fit it. The CLI (and the web app) show these records; only this
 * class knows which adapter found them.
 */
public final class DeviceDiscovery {

    /** A Bluetooth LE device seen in a scan; {@code profileId} is null when no profile matches it. */
    public record BleFound(String address, String name, int rssi, String profileId) {}

    /**
     * A serial port; {@code profiles} are the profiles that fit it, strongest first.
     * {@code preferredName} is the name to use in a device spec (a stable name when the port has one).
     */
    public record PortFound(String path, String usbId, String manufacturer, String product, List<String> stableNames,
                            String preferredName, List<ProfileFit> profiles) {}

    /** A profile that fits a port, and how sure the match is ("certain", "likely", "possible"...). */
    public record ProfileFit(String id, String strength) {
        /** As people read it: "thrum-open-serial (possible)". */
        public String text() { return id + " (" + strength + ")"; }
    }

    private final SerialPortScanner scanner;
    private final Supplier<List<DeviceProfile>> profiles;

    /** Discovery on this machine with every loadable profile (a broken profile file is skipped). */
    public static DeviceDiscovery onThisMachine() {
        return new DeviceDiscovery(new SerialPortScanner(),
                () -> List.copyOf(ProfileLibraryLoader.loadDefault().profiles().values()));
    }

    /**
     * Discovery on this machine with profiles already loaded (the daemon's). The system property
     * {@code thrum.serial.devDir=DIR} lists the ports linked from {@code DIR/serial/by-id} instead of
     * this machine's ports: a test's socat pseudo-terminal is in no place the real listing looks.
     */
    public static DeviceDiscovery onThisMachine(List<DeviceProfile> profiles) {
        String devDir = System.getProperty("thrum.serial.devDir");
        SerialPortScanner scanner = devDir == null ? new SerialPortScanner()
                : new SerialPortScanner(java.nio.file.Path.of(devDir), java.nio.file.Path.of("/sys/class/tty"), List::of);
        List<DeviceProfile> all = List.copyOf(profiles);
        return new DeviceDiscovery(scanner, () -> all);
    }

    public DeviceDiscovery(SerialPortScanner scanner, Supplier<List<DeviceProfile>> profiles) {
        this.scanner = scanner;
        this.profiles = profiles;
    }

    /** Scans for {@code duration}; throws with a message a person can act on when Bluetooth cannot be used. */
    public List<BleFound> scanBle(Duration duration) throws DeviceUnavailableException {
        List<BleDeviceFound> found;
        try {
            found = BleScanner.scan(duration, profiles.get());
        } catch (TransportException e) {
            throw new DeviceUnavailableException(e.getMessage(), e);
        }
        return found.stream().map(d -> new BleFound(d.address(), d.name(), d.rssi(), d.profileId())).toList();
    }

    public List<PortFound> serialPorts() {
        List<SerialPortInfo> ports = scanner.scan();
        if (ports.isEmpty()) return List.of();
        List<DeviceProfile> all = profiles.get();
        return ports.stream().map(p -> new PortFound(p.path(), p.usbId(), p.manufacturer(), p.product(),
                List.copyOf(p.stableNames()), p.preferredName(),
                SerialProfileMatcher.match(p, all).stream()
                        .map(m -> new ProfileFit(m.profileId(), m.strength().name().toLowerCase(Locale.ROOT))).toList())).toList();
    }
}
