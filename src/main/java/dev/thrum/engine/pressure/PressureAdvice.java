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

    /**
     * The advice as the API, the usage log's readers and the live view spell it: lower case with
     * hyphens ({@code no-reading}). One spelling, so a client never meets two.
     */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public String words() {
        return switch (this) {
            case LIGHTER -> "press lighter";
            case HOLD -> "hold this pressure";
            case HARDER -> "press a little harder";
            case NO_READING -> "no force reading";
        };
    }
}
