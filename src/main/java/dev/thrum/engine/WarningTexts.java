package dev.thrum.engine;

import dev.thrum.pressure.PressureBand;
import dev.thrum.program.PlannedStep;

import java.time.Duration;

/**
 * The words of every warning the engine gives, in one place: they reach the person at the device
 * and the usage log, so they are written (and reviewed) together, apart from the rules that decide
 * when each is due.
 */
final class WarningTexts {
    private WarningTexts() {}

    static String batteryLow(int percent) {
        return "Massager battery at " + percent + " %; charge it soon.";
    }

    static String batteryTooLowToStart(int percent, int floorPercent) {
        return "Massager battery at " + percent + " %, below " + floorPercent
                + " %: not starting the motor. Charge it, then resume.";
    }

    static String batteryTooLowToRun(int percent, int floorPercent) {
        return "Massager battery at " + percent + " %, below " + floorPercent
                + " %: ramping down and pausing. Charge it, then resume.";
    }

    static String linkLost(PlannedStep during) {
        return "Lost the link to the massager during " + describe(during) + "; paused until it is back.";
    }

    static String deviceStopped(PlannedStep during) {
        return "The massager stopped its motor on its own during " + describe(during)
                + "; paused. Check the device, then resume.";
    }

    static String ceilingReached(Duration ceiling) {
        return "Session ceiling of " + minutes(ceiling) + " reached: ramping down and finishing.";
    }

    static String regionTimeReached(PlannedStep step) {
        return "Time limit for " + describe(step) + " reached (" + minutes(step.maxContinuous())
                + " continuous); move on to the next region.";
    }

    static String resumeRefusedLinkDown() {
        return "Cannot resume: the link to the massager is down.";
    }

    static String resumeRefusedBattery(int percent) {
        return "Cannot resume: battery at " + percent + " %. Charge the massager first.";
    }

    static String pressureHigh(PlannedStep step, PressureBand max) {
        return "Ease off: too much pressure on " + describe(step) + " (" + max.id() + " pressure at most here).";
    }

    static String pressurePause(PlannedStep step) {
        return "Ease off: too much pressure on " + describe(step)
                + ". Ramping down and pausing; resume when you are ready, more gently.";
    }

    /** A step as the person knows it: the region's name and side, or which rest. */
    static String describe(PlannedStep s) {
        if (s.rest()) return "a rest (step " + (s.index() + 1) + ")";
        String side = switch (s.side()) {
            case LEFT -> " (left)";
            case RIGHT -> " (right)";
            case NONE -> "";
        };
        return (s.regionName() == null ? s.regionId() : s.regionName()) + side;
    }

    /** "20 min", or "2 min 30 s" when the seconds are not whole minutes. */
    static String minutes(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? (s / 60) + " min" : (s / 60) + " min " + (s % 60) + " s";
    }
}
