package dev.thrum.cli;

import dev.thrum.app.DeviceDiscovery;
import dev.thrum.app.DeviceUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code thrum devices}: what massagers could be reached from here. {@code --serial} lists serial
 * ports with their USB ids and the device profiles that fit them; {@code --ble} scans for Bluetooth LE devices.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the serial ports (and with --ble the Bluetooth LE devices) a massager could be on, with matching profiles.")
public final class DevicesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--serial", description = "List serial ports: USB adapters, Bluetooth SPP (rfcomm), built-in UARTs.")
    boolean serial;

    @Option(names = "--ble", description = "Scan for Bluetooth LE devices and match them to device profiles.")
    boolean ble;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "5",
            description = "How long the Bluetooth scan lasts, in seconds (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    // With no option at all, every kind is listed.

    private final DeviceDiscovery discovery;

    public DevicesCommand() {
        this(DeviceDiscovery.onThisMachine());
    }

    public DevicesCommand(DeviceDiscovery discovery) {
        this.discovery = discovery;
    }

    @Override
    public Integer call() {
        boolean listSerial = serial || !anyKindChosen();
        if (listSerial) printSerial(spec.commandLine().getOut());
        // A Bluetooth scan takes seconds, so it runs only when asked for.
        if (ble) return printBle(spec.commandLine().getOut(), spec.commandLine().getErr()) ? 0 : 1;
        if (!anyKindChosen()) spec.commandLine().getOut().println("(add --ble to scan for Bluetooth LE devices)");
        return 0;
    }

    private boolean anyKindChosen() {
        return serial || ble;
    }

    /** False when Bluetooth could not be used (the reason is printed). */
    private boolean printBle(PrintWriter out, PrintWriter err) {
        List<DeviceDiscovery.BleFound> found;
        try {
            found = discovery.scanBle(Duration.ofMillis((long) (timeoutSeconds * 1000)));
        } catch (DeviceUnavailableException e) {
            err.println("thrum: " + e.getMessage());
            return false;
        }
        if (found.isEmpty()) {
            out.println("No Bluetooth LE devices seen. Switch the massager on (and off its charger), bring it near,"
                    + " and disconnect it from the phone app, then run this again.");
            return true;
        }
        out.println("Bluetooth LE devices:");
        for (DeviceDiscovery.BleFound d : found) {
            out.printf("  %s  %-20s %4d dBm  profile: %s%n", d.address(), d.name(), d.rssi(), d.profileId());
        }
        return true;
    }

    private void printSerial(PrintWriter out) {
        List<DeviceDiscovery.PortFound> ports = discovery.serialPorts();
        if (ports.isEmpty()) {
            out.println("No serial ports found. Plug in the USB adapter (it appears as /dev/ttyUSB* or /dev/ttyACM*)"
                    + " or bind the Bluetooth SPP port (rfcomm), then run this again.");
            return;
        }
        out.println("Serial ports:");
        for (DeviceDiscovery.PortFound p : ports) {
            StringBuilder line = new StringBuilder("  ").append(p.path());
            if (p.usbId() != null) line.append("  usb ").append(p.usbId());
            String names = joinNonNull(p.manufacturer(), p.product());
            if (!names.isEmpty()) line.append("  ").append(names);
            out.println(line);
            for (String stable : p.stableNames()) out.println("      stable name: " + stable);
            out.println("      profiles: " + (p.profiles().isEmpty() ? "none" : String.join(", ", p.profiles().stream().map(DeviceDiscovery.ProfileFit::text).toList())));
        }
        out.println();
        out.println("Use one with --device serial:PORT@PROFILE, for example --device serial:"
                + ports.get(0).preferredName() + "@thrum-open-serial. A stable name keeps working after re-plugging.");
        out.println("'possible' means the profile speaks a protocol any adapter may carry: nothing on the port says so.");
    }

    private static String joinNonNull(String a, String b) {
        if (a == null) return b == null ? "" : b;
        return b == null ? a : a + " " + b;
    }
}
