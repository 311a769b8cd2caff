package dev.thrum.engine.pressure;

/**
 * One step's pressure, as logged. Forces in newtons; null when the device reported none.
 *
 * @param tooMuchEpisodes times the force stayed above the region's maximum long enough to warn
 */
public record PressureStats(Double meanNewtons, Double peakNewtons, double secondsBelow, double secondsIn,
                            double secondsAbove, double secondsUnknown, int tooMuchEpisodes) {

    /** Two visits of one step (after "back") as one: seconds and episodes add up, the mean is time-weighted. */
    public PressureStats plus(PressureStats o) {
        if (o == null) return this;
        double knownA = secondsBelow + secondsIn + secondsAbove, knownB = o.secondsBelow + o.secondsIn + o.secondsAbove;
        Double mean;
        if (meanNewtons == null) mean = o.meanNewtons;
        else if (o.meanNewtons == null || knownA + knownB <= 0) mean = meanNewtons;
        else mean = (meanNewtons * knownA + o.meanNewtons * knownB) / (knownA + knownB);
        Double peak;
        if (peakNewtons == null) peak = o.peakNewtons;
        else if (o.peakNewtons == null) peak = peakNewtons;
        else peak = Math.max(peakNewtons, o.peakNewtons);
        return new PressureStats(mean, peak, secondsBelow + o.secondsBelow, secondsIn + o.secondsIn,
                secondsAbove + o.secondsAbove, secondsUnknown + o.secondsUnknown, tooMuchEpisodes + o.tooMuchEpisodes);
    }
}
