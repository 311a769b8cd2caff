package dev.thrum.transport.serial;

import dev.thrum.app.DeviceDiscovery;
import dev.thrum.cli.DevicesCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code thrum devices --serial} over a /dev and /sys laid out on disk. */
class DevicesCommandTest {

    @TempDir
    Path root;

    @Test
    void listsPortsWithUsbIdsStableNamesAndProfiles() throws Exception {
        Path dev = Files.createDirectories(root.resolve("dev"));
        Path sys = root.resolve("sys");
        Files.createFile(dev.resolve("ttyUSB0"));
        Path usb = Files.createDirectories(sys.resolve("devices/usb1/1-1"));
        Files.writeString(usb.resolve("idVendor"), "1a86\n");
        Files.writeString(usb.resolve("idProduct"), "7523\n");
        Files.writeString(usb.resolve("product"), "USB Serial\n");
        Path iface = Files.createDirectories(usb.resolve("1-1:1.0/ttyUSB0"));
        Path cls = Files.createDirectories(sys.resolve("class/tty/ttyUSB0"));
        Files.createSymbolicLink(cls.resolve("device"), cls.relativize(iface));
        Path byId = Files.createDirectories(dev.resolve("serial/by-id"));
        Files.createSymbolicLink(byId.resolve("usb-1a86_USB_Serial-if00-port0"), dev.resolve("ttyUSB0"));

        SerialPortScanner scanner = new SerialPortScanner(dev, sys.resolve("class/tty"), List::of);
        String out = run(new DevicesCommand(new DeviceDiscovery(scanner, () -> List.of(
                SerialPortScannerTest.profile("thrum-open-serial", true, List.of()),
                SerialPortScannerTest.profile("ch340-gun", true, List.of("1a86:7523")),
                SerialPortScannerTest.profile("theragun-gen4", false, List.of())))), "--serial");

        String port = dev.toRealPath().resolve("ttyUSB0").toString();
        assertTrue(out.contains(port + "  usb 1a86:7523  USB Serial"), out);
        assertTrue(out.contains("stable name: " + byId.resolve("usb-1a86_USB_Serial-if00-port0")), out);
        assertTrue(out.contains("profiles: ch340-gun (match), thrum-open-serial (possible)"), out);
        assertTrue(!out.contains("theragun-gen4"), out);
    }

    @Test
    void saysWhatToDoWhenThereAreNoPorts() {
        SerialPortScanner scanner = new SerialPortScanner(root.resolve("dev"), root.resolve("sys"), List::of);
        String out = run(new DevicesCommand(new DeviceDiscovery(scanner, List::of)), "--serial");
        assertTrue(out.contains("No serial ports found"), out);
    }

    private static String run(DevicesCommand command, String... args) {
        StringWriter sw = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(sw, true));
        assertEquals(0, cl.execute(args));
        return sw.toString();
    }
}
