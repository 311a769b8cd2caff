package dev.thrum.engine.pressure;

import dev.thrum.pressure.ForceRange;
import dev.thrum.pressure.ForceScale;
import dev.thrum.pressure.PressureBand;

/**
 * Pressure for a live UI, as of the engine's last call.
 *
 * @param band        the band the current step builds up to (after limits)
 * @param maxBand     the firmest band allowed on this region for this person
 * @param advice      what to tell the person now
 * @param newtons     the latest reading if fresh, else null
 * @param wanted      the band wanted at this moment in newtons (it ramps up from light); null without a force scale
 * @param scale       the device's force scale, for showing newtons in its own unit; null when it reports no force
 */
public record PressureView(PressureBand band, PressureBand maxBand, PressureAdvice advice, Double newtons,
                           ForceRange wanted, ForceScale scale) {}
