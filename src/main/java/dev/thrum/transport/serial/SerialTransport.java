package dev.thrum.transport.serial;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.DeviceProfile.SerialSettings;
import dev.thrum.transport.Endpoint;
import dev.thrum.transport.ReconnectBackoff;
import dev.thrum.transport.LinkState;
import dev.thrum.transport.Transport;
import dev.thrum.transport.TransportException;
import jssc.SerialPort;
import jssc.SerialPortException;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The serial adapter behind the transport port: one serial line (a USB-UART, a Bluetooth-SPP
 * rfcomm port, a pseudo-terminal) opened with jssc. Every jssc type and thread stays in here.
 *
 * <p>Bytes received go to the {@link Endpoint#RX} subscribers as chunks, exactly as they arrived;
 * cutting them into frames is the codec's job ({@code FrameReader}). Writes go out on {@link Endpoint#TX}
 * at once: pacing and ordering belong to the device's write queue above this class.
 *
 * <p>One "link" thread owns reading. It asks the port how many bytes wait and reads exactly those,
 * so it never blocks inside the native library (jssc's blocking read spins forever on a port that
 * hung up). It polls every 0.1 ms for a short while after any traffic, so a reply is seen soon after
 * it lands, and every 2 ms while the line is quiet. A read or write error (the port is gone: a USB
 * adapter unplugged, the far end of a pseudo-terminal closed) closes the port and reports
 * {@link LinkState#DOWN}; the link thread then tries to reopen the same path with
 * {@link ReconnectBackoff} and reports {@link LinkState#UP} when it is back.
 *
 * <p>From connect to close the port is claimed ({@link SerialPortClaim}), so a second Thrum gets
 * "busy" even as root. One class over 350 lines because opening, reading, writing, losing and
 * reopening one port all share the port field and its lock; split, each piece would need both.
 */
public final class SerialTransport implements Transport {

    private static final System.Logger LOG = System.getLogger(SerialTransport.class.getName());

    private static final long FAST_POLL_NANOS = 100_000;
    private static final long IDLE_POLL_NANOS = 2_000_000;
    private static final long FAST_WINDOW_NANOS = 250_000_000;
    /** More than this many bytes still unsent means nobody drains the line; fail the write instead of blocking. */
    private static final int MAX_UNSENT_BYTES = 2048;

    private final String path;
    private final SerialSettings settings;
    private final ReconnectBackoff backoff;
    private final List<Consumer<byte[]>> rxListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<LinkState>> stateListeners = new CopyOnWriteArrayList<>();

    /** Guards every call into jssc and the {@code port} field, so a close never races a read or write. */
    private final Object portLock = new Object();
    private SerialPort port;
    private SerialPortClaim claim;
    private Thread linkThread;
    private volatile boolean closed;
    private volatile LinkState state = LinkState.DOWN;
    private volatile long lastTrafficNanos;

    /**
     * @param path     the port, for example {@code /dev/ttyUSB0}, {@code /dev/serial/by-id/...} or a pty link
     * @param settings line settings from the device profile
     */
    public SerialTransport(String path, SerialSettings settings) {
        this(path, settings, ReconnectBackoff.DEFAULT);
    }

    public SerialTransport(String path, SerialSettings settings, ReconnectBackoff backoff) {
        if (path == null || path.isBlank()) throw new IllegalArgumentException("serial port path is empty");
        this.path = path;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        SerialParams.check(settings);
    }

    /** A transport for a profile's serial settings; the profile must have a {@code serial} section. */
    public static SerialTransport forProfile(String path, DeviceProfile profile) {
        if (profile.serial() == null) {
            throw new IllegalArgumentException("device profile '" + profile.id() + "' (" + profile.origin()
                    + ") has no serial section, so it cannot drive " + path
                    + ": use a profile made for a serial line, for example thrum-open-serial");
        }
        return new SerialTransport(path, profile.serial());
    }

    @Override
    public void connect() throws TransportException {
        synchronized (this) {
            if (closed) throw new TransportException(describe() + " is closed; make a new transport to connect again");
            if (linkThread != null) return;
            // jssc's TIOCEXCL does not keep root out: the claim makes a second Thrum fail as "busy"
            claim = SerialPortClaim.claim(path);
            SerialPort opened;
            try {
                opened = open();
            } catch (TransportException | RuntimeException e) {
                claim.close();
                claim = null;
                throw e;
            }
            synchronized (portLock) {
                port = opened;
            }
            state = LinkState.UP;
            lastTrafficNanos = System.nanoTime();
            LOG.log(System.Logger.Level.DEBUG, "opened {0} at {1}", path, SerialOpenFailure.describe(settings));
            emit(LinkState.UP);
            linkThread = new Thread(this::runLink, "thrum-serial " + path);
            linkThread.setDaemon(true);
            linkThread.start();
        }
    }

    @Override
    public void write(Endpoint endpoint, byte[] data) throws TransportException {
        if (endpoint != Endpoint.TX) {
            throw new TransportException(describe() + ": a serial line is written through TX only, not " + endpoint);
        }
        SerialPortException failure = null;
        synchronized (portLock) {
            if (closed) throw new TransportException(describe() + " is closed");
            if (port == null) {
                throw new TransportException(describe() + ": the link is down; waiting for the port to come back");
            }
            try {
                int unsent = port.getOutputBufferBytesCount();
                if (unsent > MAX_UNSENT_BYTES) {
                    throw new TransportException(describe() + ": " + unsent
                            + " bytes are still waiting to go out; the line is not draining (is the device "
                            + "or the far end listening?)");
                }
                if (!port.writeBytes(data)) {
                    failure = new SerialPortException(path, "writeBytes", "short write");
                }
            } catch (SerialPortException e) {
                failure = e;
            }
        }
        if (failure != null) {
            linkLost("write failed: " + failure.getExceptionType());
            throw new TransportException(describe() + ": write failed (" + failure.getExceptionType()
                    + "); the port went away, reconnecting", failure);
        }
        lastTrafficNanos = System.nanoTime();
        Thread t = linkThread;
        if (t != null) LockSupport.unpark(t);
    }

    /** Only {@link Endpoint#RX} carries data on a serial line; other endpoints never call back. */
    @Override
    public void subscribe(Endpoint endpoint, Consumer<byte[]> listener) {
        Objects.requireNonNull(listener, "listener");
        if (endpoint == Endpoint.RX) rxListeners.add(listener);
    }

    @Override
    public void onLinkState(Consumer<LinkState> listener) {
        stateListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public boolean isStream() {
        return true;
    }

    @Override
    public String describe() {
        return "serial:" + path;
    }

    /** UP while the port is open, DOWN before connect, after a loss (until reopened) and after close. */
    public LinkState linkState() {
        return state;
    }

    /** Closes the port and stops the link thread. Reports no DOWN: the caller asked for it. Never throws. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = linkThread;
        }
        if (t != null && t != Thread.currentThread()) {
            LockSupport.unpark(t);
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (portLock) {
            closeQuietly(port);
            port = null;
        }
        state = LinkState.DOWN;
        synchronized (this) {
            if (claim != null) claim.close();
            claim = null;
        }
    }

    // ---- the link thread ----

    private void runLink() {
        try {
            while (!closed) {
                if (!pollOnce()) reopenWithBackoff();
            }
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "serial link thread for " + path + " failed", e);
            linkLost("internal error: " + e);
        }
    }

    /** Reads what is waiting, or rests a moment. False when the port is closed (lost). */
    private boolean pollOnce() {
        byte[] chunk = null;
        String lost = null;
        synchronized (portLock) {
            if (closed) return true;
            if (port == null) return false;
            try {
                int waiting = port.getInputBufferBytesCount();
                if (waiting < 0) lost = "the port reports no input buffer";
                else if (waiting > 0) chunk = port.readBytes(waiting);
            } catch (SerialPortException e) {
                lost = "read failed: " + e.getExceptionType();
            }
        }
        if (lost != null) {
            linkLost(lost);
            return false;
        }
        long now = System.nanoTime();
        if (chunk != null && chunk.length > 0) {
            lastTrafficNanos = now;
            deliver(chunk);
        } else {
            boolean recent = now - lastTrafficNanos < FAST_WINDOW_NANOS;
            LockSupport.parkNanos(this, recent ? FAST_POLL_NANOS : IDLE_POLL_NANOS);
        }
        return true;
    }

    private void reopenWithBackoff() {
        for (int attempt = 0; !closed; attempt++) {
            Duration wait = backoff.before(attempt);
            sleep(wait);
            if (closed) return;
            try {
                SerialPort reopened = open();
                synchronized (portLock) {
                    if (closed) {
                        closeQuietly(reopened);
                        return;
                    }
                    port = reopened;
                }
                state = LinkState.UP;
                lastTrafficNanos = System.nanoTime();
                LOG.log(System.Logger.Level.INFO, "{0} is back", path);
                emit(LinkState.UP);
                return;
            } catch (TransportException e) {
                LOG.log(System.Logger.Level.DEBUG, "reopen of {0} failed, next try in {1}: {2}",
                        path, backoff.before(attempt + 1), e.getMessage());
            }
        }
    }

    private void sleep(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long left;
        while (!closed && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
        }
    }

    /** Closes the port after an error and reports DOWN once, whoever saw the error first. */
    private void linkLost(String why) {
        boolean wasUp;
        synchronized (portLock) {
            closeQuietly(port);
            port = null;
            wasUp = state == LinkState.UP && !closed;
            state = LinkState.DOWN;
        }
        if (wasUp) {
            LOG.log(System.Logger.Level.WARNING, "{0} lost ({1}); retrying every {2} to {3}",
                    path, why, backoff.first(), backoff.ceiling());
            emit(LinkState.DOWN);
        }
    }

    // ---- jssc ----

    private SerialPort open() throws TransportException {
        SerialPort p;
        try {
            p = new SerialPort(path);
        } catch (LinkageError e) {
            throw new TransportException("cannot use serial ports here: the jssc native library did not load for "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + " (" + e + ")", e);
        }
        try {
            p.openPort();
        } catch (SerialPortException e) {
            throw SerialOpenFailure.of(e).toException(path, settings, e);
        }
        try {
            boolean ok = p.setParams(settings.baud(), settings.dataBits(),
                    SerialParams.stopBits(settings), SerialParams.parity(settings));
            if (!ok) {
                // jssc also reports false when the port has no modem lines to set (a pseudo-terminal,
                // some Bluetooth ports) after the line settings took effect. Only a baud rate outside
                // the standard list can really have been refused.
                if (!SerialParams.isStandardBaud(settings.baud())) {
                    closeQuietly(p);
                    throw SerialOpenFailure.SETTINGS_REFUSED.toException(path, settings, null);
                }
                LOG.log(System.Logger.Level.DEBUG, "{0}: line settings applied, modem lines not settable", path);
            }
            // Bytes left in the buffer from before we opened are stale: never report them as current.
            p.purgePort(SerialPort.PURGE_RXCLEAR | SerialPort.PURGE_TXCLEAR);
        } catch (SerialPortException e) {
            closeQuietly(p);
            throw SerialOpenFailure.SETTINGS_REFUSED.toException(path, settings, e);
        }
        return p;
    }

    private static void closeQuietly(SerialPort p) {
        if (p == null) return;
        try {
            if (p.isOpened()) p.closePort();
        } catch (SerialPortException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing " + p.getPortName() + " failed", e);
        }
    }

    private void deliver(byte[] chunk) {
        boolean first = true;
        for (Consumer<byte[]> l : rxListeners) {
            try {
                l.accept(first ? chunk : chunk.clone());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "an RX listener of " + describe() + " failed", e);
            }
            first = false;
        }
    }

    private void emit(LinkState s) {
        for (Consumer<LinkState> l : stateListeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a link-state listener of " + describe() + " failed", e);
            }
        }
    }
}
