package dev.thrum.pressure;

import java.util.Locale;
import java.util.Optional;

/**
 * How hard a person presses the gun into the muscle, in words a person understands. A device that
 * reports force turns each band into a force range (its profile's {@code pressure} bands); one that
 * does not still lets Thrum say the band in words. Ordered from gentlest to firmest.
 */
public enum PressureBand {
    LIGHT, MEDIUM, FIRM;

    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** The gentler of two bands: limits combine like intensity caps, by taking the minimum. */
    public PressureBand atMost(PressureBand limit) {
        return compareTo(limit) <= 0 ? this : limit;
    }

    public static Optional<PressureBand> fromId(String id) {
        for (PressureBand b : values()) if (b.id().equals(id)) return Optional.of(b);
        return Optional.empty();
    }
}
