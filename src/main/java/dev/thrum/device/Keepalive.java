package dev.thrum.device;

import dev.thrum.protocol.Codec;
import dev.thrum.protocol.DeviceCommand;

/**
 * What keeps a device awake when nothing else was written for half of {@code keepaliveMs}
 * (docs/device-session.md, rule 5): the profile's keepalive command, else a status request, else the
 * last speed again (never after a stop). Where the profile has a keepalive command only speeds,
 * keepalives and hellos count as written here: a device's watchdog is fed by those, not by status
 * polls (docs/open-serial-protocol.md, device rule 7). Session thread only.
 */
final class Keepalive {

    private static final long MS = 1_000_000L;

    private final Codec codec;
    private final long halfPeriodNanos;
    private final boolean hasKeepalive;
    private final boolean canAskStatus;
    private WriteQueue.Pending lastSpeed;
    private long lastFeedEnd;
    private boolean fedOnce;

    Keepalive(Codec codec, long keepaliveMs) {
        this.codec = codec;
        this.halfPeriodNanos = keepaliveMs / 2 * MS;
        this.hasKeepalive = codec.supports(DeviceCommand.Keepalive.class);
        this.canAskStatus = codec.supports(DeviceCommand.StatusRequest.class);
    }

    /** A queued command was written, its write ending at {@code end}. */
    void written(WriteQueue.Pending p, long end) {
        if (p.command() instanceof DeviceCommand.SetSpeed) lastSpeed = p;
        if (feedsWatchdog(p.command())) {
            lastFeedEnd = end;
            fedOnce = true;
        }
    }

    /** The motor was told to stop, or the link was lost: there is no speed to repeat any more. */
    void forgetSpeed() { lastSpeed = null; }

    /**
     * What to queue to keep the device awake, or null when it was fed recently enough or there is
     * nothing to send. The caller checks that nothing else waits to be written.
     */
    WriteQueue.Pending due(long now, FrameWriter out) {
        long idle = hasKeepalive ? (fedOnce ? now - lastFeedEnd : Long.MAX_VALUE) : out.idleNanos();
        if (idle < halfPeriodNanos) return null;
        if (hasKeepalive) return encoded(new DeviceCommand.Keepalive());
        if (canAskStatus) return encoded(new DeviceCommand.StatusRequest());
        return lastSpeed;
    }

    private WriteQueue.Pending encoded(DeviceCommand command) {
        return new WriteQueue.Pending(command, codec.encode(command));
    }

    /** Speeds, keepalives and hellos feed a device's watchdog; polls and version requests do not. */
    private static boolean feedsWatchdog(DeviceCommand c) {
        return c instanceof DeviceCommand.SetSpeed || c instanceof DeviceCommand.Keepalive
                || c instanceof DeviceCommand.Hello;
    }
}
