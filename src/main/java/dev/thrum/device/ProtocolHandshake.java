package dev.thrum.device;

/**
 * The HELLO/INFO exchange of the open serial protocol, version 2 (docs/open-serial-protocol.md,
 * "Talking version 2"), as a small state machine with no clock: the session asks {@link #next()}
 * when it starts and every {@link #ANSWER_WAIT_MS}; an INFO answer ends it. After
 * {@link #TRIES} unanswered HELLOs the device is taken for version 1 and asked for its firmware once.
 * Nothing waits on it: version 1 and 2 drive the motor with the same frames.
 */
final class ProtocolHandshake {

    static final int HOST_VERSION = 2;
    static final int TRIES = 3;
    static final long ANSWER_WAIT_MS = 300;

    enum Step { HELLO, ASK_VERSION, DONE }

    private final boolean canAskVersion;
    private int tries;
    private Integer deviceVersion;
    private boolean done;

    ProtocolHandshake(boolean canAskVersion) { this.canAskVersion = canAskVersion; }

    /** Starts over (a new connection, or the link came back: the device may have restarted). */
    void restart() {
        tries = 0;
        done = false;
        deviceVersion = null;
    }

    /** What to send now. */
    Step next() {
        if (done || deviceVersion != null) return Step.DONE;
        if (tries < TRIES) {
            tries++;
            return Step.HELLO;
        }
        done = true;
        return canAskVersion ? Step.ASK_VERSION : Step.DONE;
    }

    /** An INFO arrived with the device's protocol version. */
    void answered(int version) { deviceVersion = version; }

    Integer deviceVersion() { return deviceVersion; }
}
