package dev.thrum.cli;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.transport.serial.SerialPortInfo;
import dev.thrum.transport.serial.SerialPortScanner;
import dev.thrum.transport.serial.SerialProfileMatcher;
import dev.thrum.transport.serial.SerialProfileMatcher.ProfileMatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code thrum devices}: what massagers could be reached from here. {@code --serial} lists serial
 * ports with their USB ids and the device profiles that fit them. (BLE scanning is a separate option.)
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the serial ports (and, later, Bluetooth devices) a massager could be on, with matching profiles.")
public final class DevicesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--serial", description = "List serial ports: USB adapters, Bluetooth SPP (rfcomm), built-in UARTs.")
    boolean serial;

    // A --ble option joins here; with no option at all, every kind is listed.

    private final SerialPortScanner scanner;
    private final Supplier<List<DeviceProfile>> profiles;

    public DevicesCommand() {
        this(new SerialPortScanner(), DevicesCommand::loadProfiles);
    }

    public DevicesCommand(SerialPortScanner scanner, Supplier<List<DeviceProfile>> profiles) {
        this.scanner = scanner;
        this.profiles = profiles;
    }

    @Override
    public Integer call() {
        boolean listSerial = serial || !anyKindChosen();
        if (listSerial) printSerial(spec.commandLine().getOut());
        return 0;
    }

    private boolean anyKindChosen() {
        return serial;
    }

    private void printSerial(PrintWriter out) {
        List<SerialPortInfo> ports = scanner.scan();
        if (ports.isEmpty()) {
            out.println("No serial ports found. Plug in the USB adapter (it appears as /dev/ttyUSB* or /dev/ttyACM*)"
                    + " or bind the Bluetooth SPP port (rfcomm), then run this again.");
            return;
        }
        List<DeviceProfile> all = profiles.get();
        out.println("Serial ports:");
        for (SerialPortInfo p : ports) {
            StringBuilder line = new StringBuilder("  ").append(p.path());
            if (p.usbId() != null) line.append("  usb ").append(p.usbId());
            String names = joinNonNull(p.manufacturer(), p.product());
            if (!names.isEmpty()) line.append("  ").append(names);
            out.println(line);
            for (String stable : p.stableNames()) out.println("      stable name: " + stable);
            List<ProfileMatch> matches = SerialProfileMatcher.match(p, all);
            out.println("      profiles: " + (matches.isEmpty() ? "none"
                    : matches.stream().map(m -> m.profileId() + " (" + m.strength().name().toLowerCase() + ")")
                    .collect(Collectors.joining(", "))));
        }
        out.println();
        out.println("Use one with --device serial:PORT@PROFILE, for example --device serial:"
                + ports.get(0).preferredName() + "@thrum-open-serial. A stable name keeps working after re-plugging.");
        out.println("'possible' means the profile speaks a protocol any adapter may carry: nothing on the port says so.");
    }

    /** Built-in, working-directory and user profiles (the loader lands with the codec branch). */
    private static List<DeviceProfile> loadProfiles() {
        return List.of();
    }

    private static String joinNonNull(String a, String b) {
        if (a == null) return b == null ? "" : b;
        return b == null ? a : a + " " + b;
    }
}
