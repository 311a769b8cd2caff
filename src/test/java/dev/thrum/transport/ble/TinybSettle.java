package dev.thrum.transport.ble;

import dev.thrum.transport.TransportException;

import java.time.Duration;

/**
 * tinyb reads BlueZ state from a cache that its GLib thread updates from signals, a moment after
 * the fake changed it. After the fake is reset, wait until tinyb sees the powered adapter again,
 * so one test's "switched off" cannot leak into the next, and until the devices of the last test are gone.
 */
final class TinybSettle {

    private TinybSettle() {}

    static void awaitPoweredAdapter() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                tinyb.BluetoothAdapter adapter = BluezAccess.poweredAdapter(Duration.ofSeconds(2));
                int known = adapter.getDevices().size();
                adapter.close();
                if (known == 0) return;
                if (System.nanoTime() > deadline) throw new IllegalStateException("tinyb still sees " + known
                        + " devices after the fake was reset");
                Thread.sleep(10);
            } catch (TransportException e) {
                if (System.nanoTime() > deadline) throw e;
                Thread.sleep(10);
            }
        }
    }
}
