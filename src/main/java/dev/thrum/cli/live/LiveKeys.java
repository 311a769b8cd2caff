package dev.thrum.cli.live;

import dev.thrum.engine.Control;

import java.util.List;

/**
 * The live view's keys, the same for a local run and a run through the daemon. {@link #LIST}
 * feeds the keys line, {@code thrum run --help} and docs/cli.md.
 */
public final class LiveKeys {
    /** One key and what it does, short enough for a narrow keys line. */
    public record Key(String keys, String does) {
        String label() { return keys + " " + does; }
    }

    public static final List<Key> LIST = List.of(
            new Key("q", "stop"),
            new Key("space", "pause"),
            new Key("n", "next"),
            new Key("b", "back"),
            new Key("-", "softer"),
            new Key("+", "harder"),
            new Key("Enter", "start now"));

    /** For {@code --help}: every key, with the longer forms. */
    public static final String HELP = "Keys in the live view: q, s or Esc stop now (Ctrl-C too); space or p pause/resume;"
            + " n next step; b previous step; - softer; + or = harder; Enter skips a get-ready countdown.";

    private LiveKeys() {}

    /** The control a key asks for, or null. Space and p toggle, so the caller says whether it is paused. */
    public static Control controlFor(int key, boolean paused) {
        switch (key) {
            case ' ':
            case 'p':
                return paused ? Control.RESUME : Control.PAUSE;
            case 'n': return Control.SKIP;
            case 'b': return Control.PREVIOUS;
            case '-': return Control.SOFTER;
            case '+':
            case '=': return Control.HARDER;
            case '\r':
            case '\n': return Control.SKIP_COUNTDOWN;
            case 'q':
            case 's':
            case 27: return Control.STOP;
            default: return null;
        }
    }
}
