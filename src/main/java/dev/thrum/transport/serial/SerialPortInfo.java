package dev.thrum.transport.serial;

import java.util.List;

/**
 * One serial port found on this machine.
 *
 * @param path         the device node, for example {@code /dev/ttyUSB0}
 * @param stableNames  {@code /dev/serial/by-id/...} links to it: names that survive re-plugging
 * @param usbId        USB {@code vendor:product} in lower-case hex ({@code 0403:6001}), or null when the
 *                     port is not on USB or sysfs does not say
 * @param manufacturer USB manufacturer string, or null
 * @param product      USB product string, or null
 */
public record SerialPortInfo(String path, List<String> stableNames, String usbId, String manufacturer, String product) {
    public SerialPortInfo {
        stableNames = List.copyOf(stableNames);
    }

    /** The name to give Thrum: a by-id link when there is one (it survives re-plugging), else the node. */
    public String preferredName() {
        return stableNames.isEmpty() ? path : stableNames.get(0);
    }
}
