package dev.thrum.transport.ble.fakebluez;

import java.util.function.Consumer;

/** The device behind the fake GATT: gets each frame the host writes, may send frames back. */
@FunctionalInterface
public interface DeviceEnd {

    void received(byte[] fromHost, Consumer<byte[]> toHost);

    static DeviceEnd silent() {
        return (bytes, toHost) -> {};
    }

    static DeviceEnd echo() {
        return (bytes, toHost) -> toHost.accept(bytes);
    }
}
