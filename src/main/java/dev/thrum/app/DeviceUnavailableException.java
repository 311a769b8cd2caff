package dev.thrum.app;

/**
 * The massager (or Bluetooth, or the serial port) cannot be used right now. The message is the
 * adapter's own, written for a person: it names the device and what to do. The edges show it and
 * never need to know which transport said it.
 */
public final class DeviceUnavailableException extends Exception {
    public DeviceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
