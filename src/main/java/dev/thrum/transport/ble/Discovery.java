package dev.thrum.transport.ble;

import dev.thrum.transport.TransportException;
import tinyb.BluetoothAdapter;

import java.time.Duration;

import static java.lang.System.Logger.Level.DEBUG;

/**
 * A BlueZ scan (discovery) that is kept on while we look for devices, then stopped.
 *
 * <p>Why not just {@code startDiscovery()}: tinyb's start sends nothing to BlueZ when its cached
 * {@code Discovering} property already reads true. That cache is updated on tinyb's GLib thread from
 * PropertiesChanged signals, a moment after the fact, so right after a scan was stopped it can still
 * read true; the next start is then silently skipped, nothing is scanning, and the device we wait
 * for never appears ("not found" after the whole find timeout; seen in the tests under CPU load,
 * one scan right after another). It also reads true while another program (bluetoothctl, a
 * settings panel) is scanning, and that scan may end while we are still looking. So while we look,
 * whenever the cache reads false we ask BlueZ to discover again.
 *
 * <p>tinyb's stop has the mirror-image shortcut (nothing is sent while the cache reads false), so a
 * scan whose start has not reached the cache yet keeps running after {@link #close()}. The fake's
 * late Discovering signals make that happen in tests; it is not handled here, since a scan left on
 * costs radio time, not correctness.
 */
final class Discovery implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Discovery.class.getName());

    /**
     * Least time between two starts: lets the Discovering change of our own start reach tinyb's
     * cache before we read it again, and bounds the calls when BlueZ keeps refusing. Correctness does
     * not depend on it: an early second start is answered InProgress, which is fine.
     */
    static final Duration RESTART_GAP = Duration.ofMillis(250);

    private final BluetoothAdapter adapter;
    private final String what;
    private final Duration callTimeout;
    private long lastStart;

    private Discovery(BluetoothAdapter adapter, String what, Duration callTimeout) {
        this.adapter = adapter;
        this.what = what;
        this.callTimeout = callTimeout;
    }

    /** Starts scanning; a refusal (permission, adapter off...) is thrown, since the user must see it. */
    static Discovery start(BluetoothAdapter adapter, String what, Duration callTimeout) throws TransportException {
        Discovery scan = new Discovery(adapter, what, callTimeout);
        scan.askBluez();
        return scan;
    }

    /** Call between polls: starts the scan again when tinyb sees none running. Never throws. */
    void keepOn() {
        if (System.nanoTime() - lastStart < RESTART_GAP.toNanos() || adapter.getDiscovering()) return;
        try {
            askBluez();
        } catch (TransportException e) {
            LOG.log(DEBUG, "starting {0} again failed: {1}", what, e.getMessage());
        }
    }

    private void askBluez() throws TransportException {
        try {
            TimedCall.call("starting " + what, callTimeout, adapter::startDiscovery);
        } catch (TransportException e) {
            // InProgress: BlueZ already scans for us (our last start had not reached tinyb's cache yet).
            if (!String.valueOf(e.getMessage()).contains("InProgress")) throw e;
        } finally {
            lastStart = System.nanoTime();
        }
    }

    /** Stops the scan; never throws (a scan left running costs power, not correctness). */
    @Override
    public void close() {
        try {
            TimedCall.run("stopping " + what, callTimeout, adapter::stopDiscovery);
        } catch (TransportException e) {
            LOG.log(DEBUG, "{0}", e.getMessage());
        }
    }
}
