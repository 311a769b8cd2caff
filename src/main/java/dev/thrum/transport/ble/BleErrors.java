package dev.thrum.transport.ble;

import dev.thrum.transport.TransportException;

/** Turns BlueZ and tinyb failures into messages that say what happened and what to do. */
final class BleErrors {

    private BleErrors() {}

    static final String PERMISSION_HINT = "Add your user to the 'bluetooth' group (sudo usermod -aG bluetooth $USER, "
            + "then log in again) or allow it in the D-Bus policy for org.bluez.";

    static TransportException translate(String what, Throwable cause) {
        String msg = String.valueOf(cause.getMessage());
        if (isPermission(msg)) {
            return new TransportException("Permission denied by BlueZ while " + what + " (" + msg + "). "
                    + PERMISSION_HINT, cause);
        }
        if (isBusMissing(msg)) {
            return busUnavailable(msg, cause);
        }
        if (msg.contains("No adapter")) {
            return noAdapter();
        }
        return new TransportException("Bluetooth failed while " + what + ": " + msg, cause);
    }

    static boolean isPermission(String msg) {
        return msg.contains("AccessDenied") || msg.contains("NotPermitted") || msg.contains("NotAuthorized")
                || msg.toLowerCase(java.util.Locale.ROOT).contains("permission denied");
    }

    static boolean isBusMissing(String msg) {
        return msg.contains("Error getting object manager client") || msg.contains("ServiceUnknown")
                || msg.contains("Could not connect") || msg.contains("Failed to connect to socket")
                || msg.contains("Cannot autolaunch");
    }

    static TransportException busUnavailable(String msg, Throwable cause) {
        return new TransportException("BlueZ is not reachable: the D-Bus system bus or the Bluetooth service is not "
                + "running (" + msg + "). Start it with: sudo systemctl start dbus bluetooth", cause);
    }

    static TransportException bluezNotRunning() {
        return new TransportException("BlueZ (bluetoothd) is not running, so there is no Bluetooth adapter to use. "
                + "Start it with: sudo systemctl start bluetooth (install it with: apt-get install bluez).");
    }

    static TransportException noAdapter() {
        return new TransportException("No Bluetooth adapter found. Plug in a Bluetooth adapter, check that it is not "
                + "blocked (rfkill list; rfkill unblock bluetooth) and that BlueZ sees it (bluetoothctl list).");
    }

    static TransportException poweredOff(String adapter) {
        return new TransportException("Bluetooth adapter " + adapter + " is switched off. Switch it on with: "
                + "bluetoothctl power on (or in your desktop's Bluetooth settings).");
    }
}
