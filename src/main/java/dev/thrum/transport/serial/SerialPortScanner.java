package dev.thrum.transport.serial;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Lists the serial ports of this machine: the ports jssc finds in /dev (ttyS, ttyUSB, ttyACM, ttyAMA,
 * rfcomm...), plus every port that has a {@code /dev/serial/by-id} link, each with its USB
 * vendor:product and names read from sysfs where present. Reading sysfs opens no port.
 */
public final class SerialPortScanner {

    private static final System.Logger LOG = System.getLogger(SerialPortScanner.class.getName());
    /** sysfs puts idVendor a few levels above the tty's device directory (interface, then USB device). */
    private static final int MAX_LEVELS_UP = 5;

    private final Path dev;
    private final Path sysClassTty;
    private final Supplier<List<String>> libraryPorts;

    /** The real machine: /dev, /sys/class/tty and jssc's own port list. */
    public SerialPortScanner() {
        this(Path.of("/dev"), Path.of("/sys/class/tty"), SerialPortScanner::jsscPortNames);
    }

    /**
     * @param dev          the device directory (holds {@code serial/by-id})
     * @param sysClassTty  sysfs's tty class directory
     * @param libraryPorts port paths found by the serial library
     */
    public SerialPortScanner(Path dev, Path sysClassTty, Supplier<List<String>> libraryPorts) {
        this.dev = dev;
        this.sysClassTty = sysClassTty;
        this.libraryPorts = libraryPorts;
    }

    /** Every port found, sorted by path. Never throws: what cannot be read is left out. */
    public List<SerialPortInfo> scan() {
        Map<String, List<String>> byPath = new TreeMap<>();
        List<String> fromLibrary;
        try {
            fromLibrary = libraryPorts.get();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "the serial library could not list ports: " + e);
            fromLibrary = List.of();
        }
        for (String p : fromLibrary) byPath.computeIfAbsent(p, k -> new ArrayList<>());
        Path byId = dev.resolve("serial/by-id");
        if (Files.isDirectory(byId)) {
            try (DirectoryStream<Path> links = Files.newDirectoryStream(byId)) {
                for (Path link : links) {
                    try {
                        String target = link.toRealPath().toString();
                        byPath.computeIfAbsent(target, k -> new ArrayList<>()).add(link.toString());
                    } catch (IOException e) {
                        LOG.log(System.Logger.Level.DEBUG, "dangling serial link " + link);
                    }
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot read " + byId + ": " + e);
            }
        }
        List<SerialPortInfo> ports = new ArrayList<>();
        byPath.forEach((path, names) -> {
            names.sort(null);
            ports.add(describe(path, names));
        });
        return ports;
    }

    /**
     * One port as given by the user (a node, a by-id link or any other link to it), described like
     * {@link #scan()} would, so its profiles can be matched. Links are followed; a path that does not
     * exist is described as given, without USB ids.
     */
    public SerialPortInfo inspect(String path) {
        String real;
        try {
            real = Path.of(path).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return new SerialPortInfo(path, List.of(), null, null, null);
        }
        for (SerialPortInfo p : scanWithoutLibrary()) {
            if (p.path().equals(real)) return p;
        }
        return describe(real, new ArrayList<>());
    }

    private List<SerialPortInfo> scanWithoutLibrary() {
        return new SerialPortScanner(dev, sysClassTty, List::of).scan();
    }

    private SerialPortInfo describe(String path, List<String> names) {
        Path usbDevice = usbDeviceDir(Path.of(path).getFileName().toString());
        if (usbDevice == null) return new SerialPortInfo(path, names, null, null, null);
        String vendor = read(usbDevice.resolve("idVendor"));
        String product = read(usbDevice.resolve("idProduct"));
        String usbId = vendor == null || product == null ? null
                : (vendor + ":" + product).toLowerCase(Locale.ROOT);
        return new SerialPortInfo(path, names, usbId, read(usbDevice.resolve("manufacturer")),
                read(usbDevice.resolve("product")));
    }

    /** The sysfs directory of the USB device behind a tty, or null when it is not on USB. */
    private Path usbDeviceDir(String ttyName) {
        Path link = sysClassTty.resolve(ttyName).resolve("device");
        if (!Files.exists(link)) return null;
        try {
            Path dir = link.toRealPath();
            for (int i = 0; i <= MAX_LEVELS_UP && dir != null; i++, dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("idVendor")) && Files.isRegularFile(dir.resolve("idProduct"))) {
                    return dir;
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot resolve " + link + ": " + e);
        }
        return null;
    }

    private static String read(Path file) {
        try {
            String s = Files.readString(file).trim();
            return s.isEmpty() ? null : s;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> jsscPortNames() {
        return Arrays.asList(jssc.SerialPortList.getPortNames());
    }
}
