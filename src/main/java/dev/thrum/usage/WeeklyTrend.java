package dev.thrum.usage;

import java.util.List;

/** The least-squares slope of weekly figures: how much a figure changes per week, for review trends. */
final class WeeklyTrend {
    private WeeklyTrend() {}

    /** @param points pairs of (weeks since the first week, figure); null with fewer than two weeks */
    static Double slope(List<double[]> points) {
        if (points.size() < 2) return null;
        double mx = 0, my = 0;
        for (double[] p : points) { mx += p[0]; my += p[1]; }
        mx /= points.size();
        my /= points.size();
        double sxy = 0, sxx = 0;
        for (double[] p : points) { sxy += (p[0] - mx) * (p[1] - my); sxx += (p[0] - mx) * (p[0] - mx); }
        return sxx == 0 ? null : sxy / sxx;
    }
}
