package dev.thrum.app;

/**
 * Which massager to use, as written on the command line or in config.json:
 * {@code sim}, {@code sim:PROFILE}, {@code ble}, {@code ble:ADDRESS}, {@code serial:PATH}
 * (optionally {@code serial:PATH@PROFILE} to name the profile of a serial device).
 */
public sealed interface DeviceSpec {

    /** The built-in simulated massager running a profile backward; null profile means the default. */
    record Sim(String profileId) implements DeviceSpec {}

    /** A BLE device; null address means the first one that matches a profile. */
    record Ble(String address) implements DeviceSpec {}

    /** A serial port; null profile means the one profile that matches the port. */
    record Serial(String path, String profileId) implements DeviceSpec {}

    String DEFAULT_SIM_PROFILE = "theragun-gen4";

    static DeviceSpec parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException(usage("an empty device"));
        String t = text.trim();
        int colon = t.indexOf(':');
        String kind = colon < 0 ? t : t.substring(0, colon);
        String rest = colon < 0 ? "" : t.substring(colon + 1);
        switch (kind) {
            case "sim":
                return new Sim(rest.isEmpty() ? null : rest);
            case "ble":
                return new Ble(rest.isEmpty() ? null : rest.toUpperCase(java.util.Locale.ROOT));
            case "serial": {
                if (rest.isEmpty()) throw new IllegalArgumentException(usage("serial without a port path"));
                int at = rest.lastIndexOf('@');
                return at < 0 ? new Serial(rest, null) : new Serial(rest.substring(0, at), rest.substring(at + 1));
            }
            default:
                throw new IllegalArgumentException(usage("'" + text + "'"));
        }
    }

    /** True for the in-process simulator, where running faster than real time needs no confirmation. */
    default boolean isSimulator() { return this instanceof Sim; }

    private static String usage(String what) {
        return "unknown device " + what + ": use sim, sim:PROFILE, ble, ble:ADDRESS or serial:PATH "
                + "(for example serial:/dev/ttyUSB0); list devices with 'thrum devices'";
    }
}
