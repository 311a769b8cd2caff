package dev.thrum.transport.serial;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.OutputRange;
import dev.thrum.transport.serial.SerialProfileMatcher.ProfileMatch;
import dev.thrum.transport.serial.SerialProfileMatcher.Strength;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The scanner against a /dev and /sys laid out on disk as Linux lays them out. */
class SerialPortScannerTest {

    @TempDir
    Path root;
    Path dev;
    Path sys;

    @BeforeEach
    void layOutMachine() throws IOException {
        root = root.toRealPath();
        dev = Files.createDirectories(root.resolve("dev"));
        sys = Files.createDirectories(root.resolve("sys"));
        for (String node : List.of("ttyS0", "ttyUSB0", "ttyACM0")) Files.createFile(dev.resolve(node));

        // An FTDI adapter: ttyUSB0's device dir is the usb-serial port, two levels below the USB device.
        Path ftdi = usbDevice("devices/pci0000:00/usb1/1-1", "0403", "6001", "FTDI", "FT232R USB UART");
        Path ftdiPort = Files.createDirectories(ftdi.resolve("1-1:1.0/ttyUSB0"));
        ttyClass("ttyUSB0", ftdiPort);
        // An Arduino-style CDC ACM device: the device dir is the interface, one level below. Upper-case hex.
        Path acm = usbDevice("devices/pci0000:00/usb1/1-2", "2341", "004B", null, "Uno R4");
        ttyClass("ttyACM0", Files.createDirectories(acm.resolve("1-2:1.0")));
        // A built-in UART: no USB anywhere above it.
        ttyClass("ttyS0", Files.createDirectories(sys.resolve("devices/platform/serial8250/tty/ttyS0")));

        Path byId = Files.createDirectories(dev.resolve("serial/by-id"));
        Files.createSymbolicLink(byId.resolve("usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0"), dev.resolve("ttyUSB0"));
        Files.createSymbolicLink(byId.resolve("usb-gone-if00"), dev.resolve("ttyUSB9")); // dangling: left out
    }

    @Test
    void findsLibraryPortsAndByIdPortsWithTheirUsbIds() {
        SerialPortScanner scanner = new SerialPortScanner(dev, sys.resolve("class/tty"),
                () -> List.of(dev.resolve("ttyS0").toString(), dev.resolve("ttyACM0").toString()));
        List<SerialPortInfo> ports = scanner.scan();

        assertEquals(List.of(dev + "/ttyACM0", dev + "/ttyS0", dev + "/ttyUSB0"),
                ports.stream().map(SerialPortInfo::path).toList());
        SerialPortInfo acm = ports.get(0);
        assertEquals("2341:004b", acm.usbId());
        assertEquals("Uno R4", acm.product());
        assertNull(acm.manufacturer());
        assertEquals(List.of(), acm.stableNames());

        SerialPortInfo uart = ports.get(1);
        assertNull(uart.usbId());

        SerialPortInfo ftdi = ports.get(2);
        assertEquals("0403:6001", ftdi.usbId());
        assertEquals("FTDI", ftdi.manufacturer());
        assertEquals(List.of(dev + "/serial/by-id/usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0"), ftdi.stableNames());
        assertEquals(ftdi.stableNames().get(0), ftdi.preferredName());
    }

    @Test
    void inspectFollowsAByIdLinkToItsPortAndUsbId() {
        SerialPortScanner scanner = new SerialPortScanner(dev, sys.resolve("class/tty"), List::of);
        SerialPortInfo viaLink = scanner.inspect(dev + "/serial/by-id/usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0");
        assertEquals(dev + "/ttyUSB0", viaLink.path());
        assertEquals("0403:6001", viaLink.usbId());
        assertEquals("2341:004b", scanner.inspect(dev + "/ttyACM0").usbId());
        SerialPortInfo missing = scanner.inspect(dev + "/ttyUSB5");
        assertEquals(dev + "/ttyUSB5", missing.path());
        assertNull(missing.usbId());
    }

    @Test
    void aFailingLibraryListStillLeavesTheByIdPorts() {
        SerialPortScanner scanner = new SerialPortScanner(dev, sys.resolve("class/tty"), () -> {
            throw new IllegalStateException("no native library");
        });
        assertEquals(List.of(dev + "/ttyUSB0"), scanner.scan().stream().map(SerialPortInfo::path).toList());
    }

    @Test
    void profilesWithTheUsbIdMatchAndSerialProfilesWithoutIdsArePossible() {
        SerialPortInfo ftdi = new SerialPortInfo("/dev/ttyUSB0", List.of(), "0403:6001", "FTDI", null);
        SerialPortInfo other = new SerialPortInfo("/dev/ttyACM0", List.of(), "2341:004b", null, null);
        SerialPortInfo uart = new SerialPortInfo("/dev/ttyS0", List.of(), null, null, null);
        List<DeviceProfile> profiles = List.of(
                profile("open", true, List.of()),
                profile("ftdi-gun", true, List.of("0x0403:0x6001")),
                profile("ble-only", false, List.of()),
                profile("ch340-gun", true, List.of("1A86:7523")));

        assertEquals(List.of(new ProfileMatch("ftdi-gun", Strength.MATCH), new ProfileMatch("open", Strength.POSSIBLE)),
                SerialProfileMatcher.match(ftdi, profiles));
        assertEquals(List.of(new ProfileMatch("open", Strength.POSSIBLE)), SerialProfileMatcher.match(other, profiles));
        assertEquals(List.of(new ProfileMatch("open", Strength.POSSIBLE)), SerialProfileMatcher.match(uart, profiles));
    }

    private Path usbDevice(String at, String vendor, String product, String manufacturer, String name) throws IOException {
        Path d = Files.createDirectories(sys.resolve(at));
        Files.writeString(d.resolve("idVendor"), vendor + "\n");
        Files.writeString(d.resolve("idProduct"), product + "\n");
        if (manufacturer != null) Files.writeString(d.resolve("manufacturer"), manufacturer + "\n");
        if (name != null) Files.writeString(d.resolve("product"), name + "\n");
        return d;
    }

    private void ttyClass(String tty, Path deviceDir) throws IOException {
        Path cls = Files.createDirectories(sys.resolve("class/tty").resolve(tty));
        Files.createSymbolicLink(cls.resolve("device"), cls.relativize(deviceDir));
    }

    static DeviceProfile profile(String id, boolean serial, List<String> usbIds) {
        return new DeviceProfile(id, id, List.of(), null,
                new DeviceProfile.Match(List.of(), List.of(), usbIds),
                null, serial ? new DeviceProfile.SerialSettings(115200, 8, DeviceProfile.Parity.NONE, 1) : null,
                new OutputRange.Continuous("rpm", 0, 1000, 3000), new DeviceProfile.Pacing(20, 0, 500, 2000),
                Map.of(), List.of(), null, "test:" + id);
    }
}
