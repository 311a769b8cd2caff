package dev.thrum.device;

import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs the open serial protocol's version 2 greeting on the session's thread: HELLO at start and
 * again whenever the link comes back (the device may have restarted in version 1), retried every
 * {@link ProtocolHandshake#ANSWER_WAIT_MS} until INFO comes, then GET_VERSION once when no answer
 * came. {@link ProtocolHandshake} decides; this class sends and keeps time.
 */
final class HelloExchange {

    private static final System.Logger LOG = System.getLogger(HelloExchange.class.getName());
    private static final long MS = 1_000_000L;

    private final ProtocolHandshake handshake;
    private final SessionScheduler scheduler;
    private final BooleanSupplier closed;
    private final BooleanSupplier transportUp;
    private final Consumer<DeviceCommand> enqueue;
    private final String device;

    HelloExchange(boolean canAskVersion, SessionScheduler scheduler, BooleanSupplier closed, BooleanSupplier transportUp,
                  Consumer<DeviceCommand> enqueue, String device) {
        this.handshake = new ProtocolHandshake(canAskVersion);
        this.scheduler = scheduler;
        this.closed = closed;
        this.transportUp = transportUp;
        this.enqueue = enqueue;
        this.device = device;
    }

    /** Sends HELLO now and retries it until INFO comes or the tries run out (then version 1 it is). */
    void greet() {
        handshake.restart();
        helloTry();
    }

    /** A status arrived; an INFO answer carries the device's protocol version. */
    void heard(DeviceStatus status) {
        if (status.protocol() != null) handshake.answered(status.protocol());
    }

    Integer deviceVersion() { return handshake.deviceVersion(); }

    private void helloTry() {
        if (closed.getAsBoolean()) return;
        ProtocolHandshake.Step step = handshake.next();
        if (step == ProtocolHandshake.Step.HELLO) {
            if (transportUp.getAsBoolean()) enqueue.accept(new DeviceCommand.Hello(ProtocolHandshake.HOST_VERSION));
            scheduler.schedule(this::helloTry, ProtocolHandshake.ANSWER_WAIT_MS * MS);
        } else if (step == ProtocolHandshake.Step.ASK_VERSION) {
            LOG.log(System.Logger.Level.INFO, () -> device + " did not answer HELLO: version 1 device");
            if (transportUp.getAsBoolean()) enqueue.accept(new DeviceCommand.VersionRequest());
        }
    }
}
