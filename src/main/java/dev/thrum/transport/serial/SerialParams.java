package dev.thrum.transport.serial;

import dev.thrum.profile.DeviceProfile.SerialSettings;
import jssc.SerialPort;

/** Profile line settings in jssc's numbering, checked before any port is touched. */
final class SerialParams {
    private SerialParams() {}

    static void check(SerialSettings s) {
        if (s.baud() <= 0) throw new IllegalArgumentException("serial baud must be positive, not " + s.baud());
        if (s.dataBits() < 5 || s.dataBits() > 8) {
            throw new IllegalArgumentException("serial data bits must be 5 to 8, not " + s.dataBits());
        }
        if (s.stopBits() != 1 && s.stopBits() != 2) {
            throw new IllegalArgumentException("serial stop bits must be 1 or 2, not " + s.stopBits());
        }
        if (s.parity() == null) throw new IllegalArgumentException("serial parity is missing");
    }

    private static final java.util.Set<Integer> STANDARD_BAUDS = java.util.Set.of(
            50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400, 57600,
            115200, 230400, 460800, 500000, 576000, 921600, 1000000, 1152000, 1500000, 2000000,
            2500000, 3000000, 3500000, 4000000);

    /** Rates Linux sets directly; others need a custom divisor that many adapters refuse. */
    static boolean isStandardBaud(int baud) {
        return STANDARD_BAUDS.contains(baud);
    }

    static int stopBits(SerialSettings s) {
        return s.stopBits() == 2 ? SerialPort.STOPBITS_2 : SerialPort.STOPBITS_1;
    }

    static int parity(SerialSettings s) {
        return switch (s.parity()) {
            case NONE -> SerialPort.PARITY_NONE;
            case EVEN -> SerialPort.PARITY_EVEN;
            case ODD -> SerialPort.PARITY_ODD;
            case MARK -> SerialPort.PARITY_MARK;
            case SPACE -> SerialPort.PARITY_SPACE;
        };
    }

    /** Bits on the wire for one byte: start bit, data bits, parity bit if any, stop bits (10 for 8N1). */
    static int bitsPerByte(SerialSettings s) {
        return 1 + s.dataBits() + (s.parity() == dev.thrum.profile.DeviceProfile.Parity.NONE ? 0 : 1) + s.stopBits();
    }
}
