package dev.thrum.engine.pressure;

/**
 * Watches for force above the region's maximum. One episode runs from the first fresh reading
 * above the maximum to the first fresh reading at or below it; silence does not end an episode
 * (a device that stops reporting while pressed too hard has not shown that the person eased off).
 * Each episode warns once after {@code warnAfterMs} and asks once, after {@code actAfterMs}, for the
 * motor to ramp down and the session to pause.
 */
public final class OverPressureWatch {

    public enum Verdict { NONE, WARN, ACT }

    private final PressureSettings settings;
    private long episodeStartMs = -1;
    private boolean warned;
    private boolean acted;
    private int episodes;

    public OverPressureWatch(PressureSettings settings) {
        this.settings = settings;
    }

    public Verdict check(long nowMs, ForceReading latest, double maxNewtons) {
        if (PressureAdvisor.fresh(latest, nowMs, settings)) {
            if (latest.newtons() <= maxNewtons) {
                episodeStartMs = -1;
                return Verdict.NONE;
            }
            if (episodeStartMs < 0) {
                episodeStartMs = latest.atMs();
                warned = false;
                acted = false;
            }
        }
        if (episodeStartMs < 0) return Verdict.NONE;
        long lasted = nowMs - episodeStartMs;
        if (!acted && lasted >= settings.actAfterMs()) {
            if (!warned) episodes++;
            acted = true;
            warned = true;
            return Verdict.ACT;
        }
        if (!warned && lasted >= settings.warnAfterMs()) {
            episodes++;
            warned = true;
            return Verdict.WARN;
        }
        return Verdict.NONE;
    }

    public boolean inEpisode() { return episodeStartMs >= 0; }

    /** Episodes that lasted long enough to warn ("too much pressure" moments), for the log. */
    public int episodes() { return episodes; }

    /** After the pause it caused: the person starts again, so a new episode must build up anew. */
    public void clearEpisode() {
        episodeStartMs = -1;
    }
}
