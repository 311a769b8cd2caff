package dev.thrum.transport.serial;

import dev.thrum.profile.DeviceProfile.SerialSettings;
import dev.thrum.transport.TransportException;
import jssc.SerialPortException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * Why a serial port would not open, turned into a message that names the port and says what to do.
 * The kinds follow what the operating system tells jssc (ENOENT, EBUSY, EACCES, not a tty).
 */
enum SerialOpenFailure {
    NOT_FOUND, BUSY, DENIED, NOT_A_SERIAL_PORT, SETTINGS_REFUSED, OTHER;

    static final String LIST_HINT = "list the serial ports with 'thrum devices --serial'";

    static SerialOpenFailure of(SerialPortException e) {
        String type = e.getExceptionType();
        if (SerialPortException.TYPE_PORT_NOT_FOUND.equals(type)) return NOT_FOUND;
        if (SerialPortException.TYPE_PORT_BUSY.equals(type)) return BUSY;
        if (SerialPortException.TYPE_PERMISSION_DENIED.equals(type)) return DENIED;
        if (SerialPortException.TYPE_INCORRECT_SERIAL_PORT.equals(type)) return NOT_A_SERIAL_PORT;
        if (SerialPortException.TYPE_PARAMETER_IS_NOT_CORRECT.equals(type)) return SETTINGS_REFUSED;
        return OTHER;
    }

    /**
     * The user-facing message.
     *
     * @param group the group that owns the device node (often {@code dialout}), or null when unknown
     * @param detail the library's own words, for OTHER
     */
    String message(String path, SerialSettings settings, String group, String detail) {
        String port = "serial port " + path;
        return switch (this) {
            case NOT_FOUND -> port + " does not exist: check the path (a USB adapter is usually "
                    + "/dev/ttyUSB0 or /dev/ttyACM0, and is only there while plugged in); " + LIST_HINT;
            case BUSY -> port + " is busy: another program holds it open (a serial monitor, screen, "
                    + "minicom, ModemManager or another thrum); close that program and try again";
            case DENIED -> port + " cannot be opened: permission denied. Add yourself to the group that owns it ("
                    + (group == null ? "usually 'dialout'" : "'" + group + "'")
                    + "): sudo usermod -aG " + (group == null ? "dialout" : group)
                    + " $USER, then log out and back in";
            case NOT_A_SERIAL_PORT -> path + " is not a serial port (it has no terminal settings): "
                    + "check the path; " + LIST_HINT;
            case SETTINGS_REFUSED -> port + " refused the settings " + describe(settings)
                    + ": check the baud rate, data bits, parity and stop bits in the device profile";
            case OTHER -> port + " could not be opened (" + detail + "); check the path and that the "
                    + "device is plugged in; " + LIST_HINT;
        };
    }

    TransportException toException(String path, SerialSettings settings, Throwable cause) {
        return new TransportException(message(path, settings, owningGroup(path), String.valueOf(
                cause == null ? "no detail" : cause.getMessage())), cause);
    }

    /** Like {@code 115200 8N1}. */
    static String describe(SerialSettings s) {
        return s.baud() + " " + s.dataBits() + s.parity().name().charAt(0) + s.stopBits();
    }

    /** The group owning the device node, to name it in a permission message; null when unknown. */
    static String owningGroup(String path) {
        try {
            return Files.readAttributes(Path.of(path), PosixFileAttributes.class).group().getName();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
