package dev.thrum.pressure;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a device's force figure means: its unit, the top of its useful range (about the stall force,
 * where the motor gives up) and the force range of each pressure band, all kept in newtons.
 *
 * <p>Default bands, where a profile names none, are shares of the stall force: light from a twentieth
 * (the gun really touching) to a quarter, medium up to a half, firm up to three quarters. No published standard gives treatment
 * pressures; these follow the consumer guns' own meters and are our inference (docs/pressure.md).
 */
public record ForceScale(Unit unit, double newtonsPerUnit, double stallNewtons, Map<PressureBand, ForceRange> bands) {

    public static final double NEWTONS_PER_LBF = 4.4482216152605;

    public enum Unit {
        NEWTONS("N", 1.0), POUNDS_FORCE("lbf", NEWTONS_PER_LBF);

        private final String symbol;
        private final double newtons;

        Unit(String symbol, double newtons) {
            this.symbol = symbol;
            this.newtons = newtons;
        }

        public String symbol() { return symbol; }

        public double newtons() { return newtons; }

        public static Optional<Unit> fromSymbol(String s) {
            for (Unit u : values()) if (u.symbol.equalsIgnoreCase(s)) return Optional.of(u);
            return Optional.empty();
        }
    }

    public ForceScale {
        bands = Map.copyOf(bands);
    }

    /** A scale with the default bands for a device whose useful range ends at {@code stall} (in its unit). */
    public static ForceScale withDefaultBands(Unit unit, double stall) {
        double s = stall * unit.newtons();
        Map<PressureBand, ForceRange> bands = new EnumMap<>(PressureBand.class);
        bands.put(PressureBand.LIGHT, new ForceRange(s * 0.05, s * 0.25));
        bands.put(PressureBand.MEDIUM, new ForceRange(s * 0.25, s * 0.5));
        bands.put(PressureBand.FIRM, new ForceRange(s * 0.5, s * 0.75));
        return new ForceScale(unit, unit.newtons(), s, bands);
    }

    /** The device's force figure (after its status field's scale) in newtons. */
    public double toNewtons(double deviceFigure) {
        return deviceFigure * newtonsPerUnit;
    }

    /** Newtons shown in the device's own unit, as its app would. */
    public String show(double newtons) {
        return String.format(Locale.ROOT, "%.0f %s", newtons / newtonsPerUnit, unit.symbol());
    }

    public ForceRange band(PressureBand band) {
        return bands.get(band);
    }
}
