package dev.thrum.app;

import dev.thrum.transport.sim.PressureScript;

/**
 * How the scripted person presses the simulated gun over time (docs/pressure.md), ready to hand to a
 * simulator. The edges hold this, never the simulator's own type, so they stay free of transports.
 */
public final class ScriptedPress {
    final PressureScript script;

    ScriptedPress(PressureScript script) {
        this.script = script;
    }

    /**
     * @param source names the script in error messages (a file name)
     * @throws IllegalArgumentException naming the source and line of the first bad line
     */
    public static ScriptedPress parse(String source, String text) {
        return new ScriptedPress(PressureScript.parse(source, text));
    }

    @Override
    public String toString() { return script.toString(); }
}
