package dev.thrum.transport.ble;

import java.util.Locale;

/** Bluetooth UUIDs in the one form BlueZ uses: full 128-bit, lower case. */
public final class BleUuids {

    private static final String BASE_SUFFIX = "-0000-1000-8000-00805f9b34fb";

    private BleUuids() {}

    /** "ffe0", "0000FFE0" or a full UUID, to "0000ffe0-0000-1000-8000-00805f9b34fb". */
    public static String full(String uuid) {
        String u = uuid.trim().toLowerCase(Locale.ROOT);
        if (u.matches("[0-9a-f]{4}")) return "0000" + u + BASE_SUFFIX;
        if (u.matches("[0-9a-f]{8}")) return u + BASE_SUFFIX;
        if (u.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) return u;
        throw new IllegalArgumentException("'" + uuid + "' is not a Bluetooth UUID (use 4 or 8 hex digits, or the "
                + "full form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
    }
}
