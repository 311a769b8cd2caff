package dev.thrum.cli.live;

import dev.thrum.text.TerminalText;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link LiveFrame} out for a terminal of a given size: no line wider than the terminal (so
 * nothing wraps behind the view's back), no more lines than it has rows. The cue and the placement
 * are wrapped, never cut, while there is room. When rows run short, lines go in a fixed order of
 * least use (the session bar, the header, the last event, the placement, the intensity bar, the cue)
 * until only the essentials stay: region and side, time left, and the stop key.
 * Everything from the program, the region catalogue or the daemon goes through
 * {@link TerminalText#safe}.
 */
public final class LiveLayout {
    private LiveLayout() {}

    private record Block(int rank, List<String> lines) {}

    /** The lines to show, top to bottom, each at most {@code width} columns. */
    public static List<String> lines(LiveFrame f, int width, int height) {
        int w = Math.max(10, width);
        int h = Math.max(3, height);
        List<Block> blocks = new ArrayList<>();
        // rank: lower goes first when rows are short; the essentials have rank 100
        blocks.add(new Block(10, fit(header(f), w)));
        blocks.add(new Block(100, wrap(where(f), w, 2)));
        blocks.add(new Block(100, fit(timeLine(f), w)));
        if (f.countdown() != null) blocks.add(new Block(90, wrap(countdownLine(f), w, 2)));
        if (f.cue() != null && !f.cue().isBlank())
            blocks.add(new Block(60, wrap((f.rest() ? "" : "Cue: ") + safe(f.cue()), w, 4)));
        if (f.placement() != null && !f.placement().isBlank() && !f.placement().equals(f.cue()))
            blocks.add(new Block(40, wrap("Place the gun: " + safe(f.placement()), w, 3)));
        blocks.add(new Block(50, fit(intensity(f, w), w)));
        if (f.pressure() != null && !f.rest()) blocks.add(new Block(45, wrap("Pressure  " + safe(f.pressure()), w, 2)));
        blocks.add(new Block(5, fit(session(f, w), w)));
        if (f.lastEvent() != null && !f.lastEvent().isBlank()) blocks.add(new Block(20, fit(safe(f.lastEvent()), w)));
        blocks.add(new Block(100, keys(w, h)));

        int total = blocks.stream().mapToInt(b -> b.lines().size()).sum();
        while (total > h) {
            Block least = null;
            for (Block b : blocks) if (b.rank() < 100 && (least == null || b.rank() < least.rank())) least = b;
            if (least == null) break;
            blocks.remove(least);
            total -= least.lines().size();
        }
        List<String> out = new ArrayList<>();
        for (Block b : blocks) out.addAll(b.lines());
        // still too tall (a tiny terminal): the essentials, one line each, the stop key last
        if (out.size() > h) {
            List<String> essentials = new ArrayList<>();
            essentials.add(fit(where(f), w).get(0));
            essentials.add(fit(timeLine(f), w).get(0)); // h is at least 3
            essentials.add(fit("q stop", w).get(0));
            return essentials;
        }
        return out;
    }

    private static String header(LiveFrame f) {
        return "Thrum - " + safe(f.program()) + "  [" + safe(f.device()) + (f.linkDown() ? ", LINK DOWN: sending stop" : "") + "]"
                + (f.battery() == null ? "" : "  battery " + f.battery() + "%");
    }

    private static String where(LiveFrame f) {
        String region = f.region() == null ? "" : safe(f.region());
        return "Step " + f.stepNumber() + "/" + f.stepCount() + "  " + region
                + (f.side() == null ? "" : " - " + f.side() + " side");
    }

    private static String timeLine(LiveFrame f) {
        // a lost link goes first: it must show even where the line is cut
        if (f.linkDown()) return "LINK DOWN: sending stop  " + Bars.clock(f.stepRemainingSeconds()) + " left in step";
        String state = f.countdown() != null ? "motor still, about to start" : f.phaseText();
        return Bars.clock(f.stepRemainingSeconds()) + " left in step  " + state;
    }

    private static String countdownLine(LiveFrame f) {
        String why = switch (f.countdownKind() == null ? "" : f.countdownKind()) {
            case "side" -> "Move the gun to the " + (f.side() == null ? "other" : f.side().toLowerCase()) + " side.";
            case "region" -> "Move the gun to the next region.";
            default -> "Place the gun.";
        };
        return "GET READY: the motor starts in " + f.countdown() + " s. " + why + " (Enter: start now)";
    }

    private static String intensity(LiveFrame f, int w) {
        if (f.rest()) return "Motor stopped for the rest";
        // the lowest running value is 0 % of the range, so the device's own value goes beside it
        String tail = " " + f.motorText() + ", target " + LiveFrame.percent(f.target()) + ", cap " + LiveFrame.percent(f.cap());
        if (f.motorText().equals("stopped")) tail = " motor stopped, target " + LiveFrame.percent(f.target());
        int bar = Math.min(30, w - "Intensity ".length() - tail.length() - 2);
        if (bar < 6) return "Motor " + f.motorText();
        return "Intensity " + Bars.bar(f.commanded(), f.target(), bar) + tail;
    }

    private static String session(LiveFrame f, int w) {
        String tail = " " + Bars.clock(f.sessionElapsedSeconds()) + " of " + Bars.clock(f.sessionPlannedSeconds());
        int bar = Math.min(30, w - "Session   ".length() - tail.length() - 2);
        if (bar < 6) return "Session" + tail;
        return "Session   " + Bars.bar(f.overallProgress(), -1, bar) + tail;
    }

    /** The keys, wrapped onto as few lines as fit; on a terminal of 8 rows or fewer only the stop key. */
    private static List<String> keys(int w, int h) {
        if (h <= 8) return fit("q stop  space pause", w);
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (LiveKeys.Key k : LiveKeys.LIST) {
            String item = k.label();
            if (line.length() > 0 && line.length() + 2 + item.length() > w) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append("  ");
            line.append(item);
        }
        if (line.length() > 0) out.add(line.toString());
        return out.stream().map(l -> fit(l, w).get(0)).toList();
    }

    private static String safe(String s) {
        return s == null ? "" : TerminalText.safe(s);
    }

    /** One line, cut to the width (with "~" at the cut so a person sees there is more). */
    static List<String> fit(String s, int w) {
        if (s.length() <= w) return List.of(s);
        return List.of(s.substring(0, w - 1) + "~");
    }

    /** Wrapped at spaces onto lines of at most {@code w}; past {@code maxLines} the last line is cut. */
    static List<String> wrap(String s, int w, int maxLines) {
        List<String> out = new ArrayList<>();
        String rest = s.strip();
        while (!rest.isEmpty()) {
            if (out.size() == maxLines - 1 || rest.length() <= w) {
                out.add(fit(rest, w).get(0));
                break;
            }
            int cut = rest.lastIndexOf(' ', w);
            if (cut <= 0) cut = w;
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        return out;
    }
}
