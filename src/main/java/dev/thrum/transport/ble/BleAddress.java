package dev.thrum.transport.ble;

import java.util.Locale;

/** Bluetooth device addresses as BlueZ writes them: six upper-case hex pairs joined by colons. */
public final class BleAddress {

    private BleAddress() {}

    public static boolean isValid(String address) {
        return address != null && address.trim().matches("(?i)([0-9a-f]{2}:){5}[0-9a-f]{2}");
    }

    /** @throws IllegalArgumentException with the expected form when it is not an address */
    public static String normalise(String address) {
        if (!isValid(address)) {
            throw new IllegalArgumentException("'" + address + "' is not a Bluetooth address; expected six hex pairs "
                    + "like AA:BB:CC:DD:EE:FF (see `thrum devices --ble`)");
        }
        return address.trim().toUpperCase(Locale.ROOT);
    }
}
