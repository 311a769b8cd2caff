package dev.thrum.transport.ble;

import dev.thrum.transport.ReconnectBackoff;

import java.time.Duration;

/**
 * How long the BLE adapter waits for each step. Every tinyb call has one of these as its deadline.
 *
 * @param find             finding the device by address (scanning for it when BlueZ does not know it yet)
 * @param connect          the GATT connection itself
 * @param services         until BlueZ reports the device's services resolved
 * @param call             any other single call: looking up a characteristic, enabling notifications, a write
 * @param reconnectInitial first wait before reconnecting after a failed try; doubles after each one ({@link ReconnectBackoff})
 * @param reconnectMax     longest wait between reconnect tries
 */
public record BleTimeouts(Duration find, Duration connect, Duration services, Duration call,
                          Duration reconnectInitial, Duration reconnectMax) {

    public static BleTimeouts defaults() {
        return new BleTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(15),
                Duration.ofSeconds(5), Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    public BleTimeouts {
        new ReconnectBackoff(reconnectInitial, reconnectMax); // refuses a zero first wait or a ceiling below it now, not mid-reconnect
    }

    /** The reconnect waits, the same doubling rule as the serial adapter's. */
    public ReconnectBackoff reconnectBackoff() { return new ReconnectBackoff(reconnectInitial, reconnectMax); }

    /** The wait before reconnect try number {@code attempt} (0 for the first). */
    public Duration backoff(int attempt) { return reconnectBackoff().before(attempt); }
}
