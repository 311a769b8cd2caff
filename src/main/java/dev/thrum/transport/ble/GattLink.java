package dev.thrum.transport.ble;

import dev.thrum.transport.Endpoint;
import tinyb.BluetoothGattCharacteristic;

/**
 * The characteristics of one connection. After a reconnect BlueZ creates new GATT objects and the
 * old handles never fire again, so every connection gets a fresh GattLink and a new generation
 * number; callbacks from an older generation are ignored.
 */
record GattLink(long generation, BluetoothGattCharacteristic tx, BluetoothGattCharacteristic rx,
                BluetoothGattCharacteristic battery) {

    BluetoothGattCharacteristic characteristic(Endpoint endpoint) {
        return switch (endpoint) {
            case TX -> tx;
            case RX -> rx;
            case BATTERY -> battery;
        };
    }
}
