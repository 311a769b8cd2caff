package dev.thrum.daemon;

import dev.thrum.protocol.DeviceStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * What the devices page shows about the connected massager between status frames: the last battery
 * and firmware it reported (a frame that leaves a field out keeps the earlier value) and how long
 * the link has been down. The host's events carry each frame only once, so somebody has to remember.
 */
final class DeviceWatch implements Consumer<HostEvent> {

    /** The link in words: up, down and being retried, or down longer than the daemon waits. */
    enum LinkState { CONNECTED, RECONNECTING, LOST }

    /** One look at the device; null fields are not known yet. */
    record Snapshot(LinkState link, String linkReason, Instant downSince, Integer battery, String firmware, Instant statusAt) {}

    private final Clock clock;
    private final Duration linkGrace;
    private Integer battery;
    private String firmware;
    private Instant statusAt;
    private Instant downSince;
    private String linkReason;

    /** @param linkGrace how long the daemon waits for a lost link before it gives up (its --link-grace) */
    DeviceWatch(Clock clock, Duration linkGrace, boolean linkUpNow) {
        this.clock = clock;
        this.linkGrace = linkGrace;
        if (!linkUpNow) downSince = clock.instant();
    }

    @Override
    public synchronized void accept(HostEvent event) {
        if (event instanceof HostEvent.Status s) {
            DeviceStatus st = s.status();
            if (st.isNak()) return; // a refusal says nothing about battery or firmware
            if (st.battery() != null) battery = st.battery();
            if (st.firmware() != null) firmware = st.firmware();
            statusAt = s.at();
        } else if (event instanceof HostEvent.Link l) {
            if (l.up()) {
                downSince = null;
                linkReason = null;
            } else if (downSince == null) {
                downSince = clock.instant();
                linkReason = l.reason();
            }
        }
    }

    /** @param linkUp what the host says now (it wins over the events, which may still be on their way) */
    synchronized Snapshot snapshot(boolean linkUp) {
        LinkState state;
        if (linkUp) state = LinkState.CONNECTED;
        else if (downSince != null && Duration.between(downSince, clock.instant()).compareTo(linkGrace) >= 0) state = LinkState.LOST;
        else state = LinkState.RECONNECTING;
        return new Snapshot(state, linkUp ? null : linkReason, linkUp ? null : downSince, battery, firmware, statusAt);
    }
}
