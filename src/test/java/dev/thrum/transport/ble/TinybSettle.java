package dev.thrum.transport.ble;

import dev.thrum.testkit.Await;
import dev.thrum.transport.TransportException;
import tinyb.BluetoothAdapter;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * tinyb reads BlueZ state from a cache that its GLib thread updates from signals, a moment after
 * the fake changed it. These waits ask tinyb itself (its raw adapter list, not Thrum's messages
 * about it) until it shows what the fake was just told: so a test acts on the state it set up, and
 * one test's "switched off" cannot leak into the next.
 */
public final class TinybSettle {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private TinybSettle() {}

    /** After a reset of the fake: tinyb sees the powered adapter again, and no device of the last test. */
    public static void awaitPoweredAdapter() {
        Await.until(() -> firstAdapter(a -> a.getPowered() && a.getDevices().isEmpty()), WAIT,
                "tinyb to see the powered adapter with no devices after the fake was reset");
    }

    /** tinyb's adapter is switched on ({@code on}) or off. */
    public static void awaitPowered(boolean on) {
        Await.until(() -> firstAdapter(a -> a.getPowered() == on), WAIT, "tinyb to see the adapter powered " + (on ? "on" : "off"));
    }

    /** tinyb lists no adapter at all. */
    public static void awaitNoAdapter() {
        Await.until(() -> adapters().isEmpty(), WAIT, "tinyb to see the adapter go");
    }

    private static List<BluetoothAdapter> adapters() throws TransportException {
        List<BluetoothAdapter> adapters = BluezAccess.manager(Duration.ofSeconds(2)).getAdapters();
        return adapters == null ? List.of() : adapters;
    }

    private static boolean firstAdapter(Predicate<BluetoothAdapter> test) throws TransportException {
        List<BluetoothAdapter> adapters = adapters();
        try {
            return !adapters.isEmpty() && test.test(adapters.get(0));
        } finally {
            adapters.forEach(BluetoothAdapter::close);
        }
    }
}
