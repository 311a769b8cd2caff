package dev.thrum.engine.pressure;

/** What Thrum tells the person about how hard they press. */
public enum PressureAdvice {
    /** Above the band: ease off a little. */
    LIGHTER,
    /** In the band: keep it so. */
    HOLD,
    /** Below the band: press a little harder. */
    HARDER,
    /** No fresh reading (the device reports no force, or none came for a few seconds): words only. */
    NO_READING;

    public String words() {
        return switch (this) {
            case LIGHTER -> "press lighter";
            case HOLD -> "hold this pressure";
            case HARDER -> "press a little harder";
            case NO_READING -> "no force reading";
        };
    }
}
