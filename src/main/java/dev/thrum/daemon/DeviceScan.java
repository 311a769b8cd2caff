package dev.thrum.daemon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thrum.app.DeviceDiscovery;
import dev.thrum.app.DeviceUnavailableException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code POST /devices/scan}'s work: one scan at a time (two Bluetooth scans would share the one
 * adapter and each see half), on its own thread with a deadline, so a Bluetooth stack that stops
 * answering costs the request a bounded wait and never the daemon a thread for good. Bluetooth that
 * cannot be used is part of the answer, not an error: the serial ports are still worth showing.
 */
final class DeviceScan {
    /** Beyond the scan itself: opening BlueZ and listing adapters and devices (each call has 5 s). */
    static final Duration MARGIN = Duration.ofSeconds(15);

    private final DeviceDiscovery discovery;
    private final Duration margin;
    private final AtomicBoolean busy = new AtomicBoolean();

    DeviceScan(DeviceDiscovery discovery, Duration margin) {
        this.discovery = discovery;
        this.margin = margin;
    }

    /**
     * @throws ApiException 409 while another scan runs, 504 when this one did not end in time
     */
    ObjectNode run(Duration bleFor, boolean ble, boolean serial) {
        if (!busy.compareAndSet(false, true))
            throw ApiException.conflict("a device scan is already running", "wait for it to finish, then scan again");
        CompletableFuture<ObjectNode> work;
        try {
            work = CompletableFuture.supplyAsync(() -> scan(bleFor, ble, serial), r -> {
                Thread t = new Thread(r, "thrum-device-scan");
                t.setDaemon(true);
                t.start();
            });
        } catch (RuntimeException e) {
            busy.set(false);
            throw e;
        }
        // the flag clears when the work really ends, so a scan that overran still blocks the next one
        work.whenComplete((result, failure) -> busy.set(false));
        Duration limit = (ble ? bleFor : Duration.ZERO).plus(margin);
        try {
            return work.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(504, "the device scan did not finish within " + limit.toMillis() / 1000.0 + " s",
                    "Bluetooth (BlueZ) may be stuck: check 'systemctl status bluetooth', then scan again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted while scanning", "scan again");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ApiException api) throw api;
            throw new ApiException(500, "the device scan failed: " + cause.getMessage(), "scan again; if it keeps failing, see the daemon's log");
        }
    }

    private ObjectNode scan(Duration bleFor, boolean ble, boolean serial) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        if (serial) out.set("serial", serialJson(discovery.serialPorts()));
        else out.putNull("serial");
        if (ble) out.set("ble", bleJson(bleFor));
        else out.putNull("ble");
        return out;
    }

    private static ObjectNode serialJson(List<DeviceDiscovery.PortFound> ports) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("ports");
        for (DeviceDiscovery.PortFound p : ports) {
            ObjectNode o = list.addObject().put("path", p.path()).put("usbId", p.usbId())
                    .put("manufacturer", p.manufacturer()).put("product", p.product()).put("preferredName", p.preferredName());
            p.stableNames().forEach(o.putArray("stableNames")::add);
            ArrayNode profiles = o.putArray("profiles");
            for (DeviceDiscovery.ProfileFit fit : p.profiles())
                profiles.addObject().put("id", fit.id()).put("strength", fit.strength());
        }
        if (ports.isEmpty())
            out.put("message", "No serial ports found. Plug in the USB adapter (it appears as /dev/ttyUSB* or /dev/ttyACM*)"
                    + " or bind the Bluetooth SPP port (rfcomm), then scan again.");
        return out;
    }

    private ObjectNode bleJson(Duration bleFor) {
        ObjectNode out = Json.MAPPER.createObjectNode().put("seconds", bleFor.toMillis() / 1000.0);
        List<DeviceDiscovery.BleFound> found;
        try {
            found = discovery.scanBle(bleFor);
        } catch (DeviceUnavailableException e) {
            // no adapter, BlueZ not running, switched off: a state of this machine the page explains
            out.put("available", false).put("message", e.getMessage());
            out.putArray("devices");
            return out;
        }
        out.put("available", true);
        ArrayNode list = out.putArray("devices");
        for (DeviceDiscovery.BleFound d : found) {
            ObjectNode o = list.addObject().put("address", d.address()).put("name", d.name()).put("rssi", d.rssi());
            if ("-".equals(d.profileId()) || d.profileId() == null) o.putNull("profile");
            else o.put("profile", d.profileId());
        }
        if (found.isEmpty())
            out.put("message", "No Bluetooth LE devices seen. Switch the massager on (and off its charger), bring it near,"
                    + " and disconnect it from the phone app, then scan again.");
        return out;
    }
}
