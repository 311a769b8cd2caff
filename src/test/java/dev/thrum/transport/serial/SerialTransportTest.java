package dev.thrum.transport.serial;

import dev.thrum.profile.DeviceProfile.Parity;
import dev.thrum.profile.DeviceProfile.SerialSettings;
import dev.thrum.transport.Endpoint;
import dev.thrum.transport.ReconnectBackoff;
import dev.thrum.transport.LinkState;
import dev.thrum.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SerialTransport on a real pseudo-terminal pair from socat; the far end uses plain file streams. */
class SerialTransportTest {

    static final SerialSettings LINE = new SerialSettings(115200, 8, Parity.NONE, 1);
    static final ReconnectBackoff QUICK = new ReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200));

    @TempDir
    Path dir;
    SocatPair pair;
    SerialTransport transport;
    final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void startPair() throws Exception {
        pair = SocatPair.start(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (transport != null) transport.close();
        for (AutoCloseable c : toClose) c.close();
        if (pair != null) pair.close();
    }

    @Test
    void bytesWrittenArriveAtTheOtherEnd() throws Exception {
        PtyFarEnd far = farEnd();
        transport = new SerialTransport(pair.a().toString(), LINE);
        transport.connect();
        byte[] frame1 = {(byte) 0xA5, 0x01, 0x02, 0x00, (byte) 0xFF};
        byte[] frame2 = {0x00, 0x7F, (byte) 0x80, 0x0D, 0x0A, 0x11, 0x13};
        transport.write(Endpoint.TX, frame1);
        transport.write(Endpoint.TX, frame2);

        byte[] got = far.awaitBytes(frame1.length + frame2.length, Duration.ofSeconds(5));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(frame1);
        expected.writeBytes(frame2);
        // raw mode: 0x0D, 0x0A, XON and XOFF pass through untouched
        assertArrayEquals(expected.toByteArray(), got);
    }

    @Test
    void bytesFromTheOtherEndReachSubscribersInOrder() throws Exception {
        PtyFarEnd far = farEnd();
        transport = new SerialTransport(pair.a().toString(), LINE);
        ByteCollector rx = new ByteCollector();
        transport.subscribe(Endpoint.RX, rx::add);
        transport.connect();

        byte[] sent = new byte[3000];
        new Random(42).nextBytes(sent);
        for (int off = 0; off < sent.length; off += 250) {
            far.write(java.util.Arrays.copyOfRange(sent, off, Math.min(sent.length, off + 250)));
            Thread.sleep(2); // not synchronisation: the bytes arrive in separate bursts, as from a real line
        }
        assertArrayEquals(sent, rx.await(sent.length, Duration.ofSeconds(5)));
    }

    @Test
    void aMissingPortNamesThePortAndHowToFindTheRightOne() {
        String missing = dir.resolve("no-such-port").toString();
        transport = new SerialTransport(missing, LINE);
        TransportException e = assertThrows(TransportException.class, transport::connect);
        assertTrue(e.getMessage().contains(missing), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("thrum devices --serial"), e.getMessage());
        assertEquals(LinkState.DOWN, transport.linkState());
    }

    @Test
    void aFileThatIsNoTerminalIsRefusedByName() throws Exception {
        Path plain = Files.writeString(dir.resolve("notes.txt"), "not a tty");
        transport = new SerialTransport(plain.toString(), LINE);
        TransportException e = assertThrows(TransportException.class, transport::connect);
        assertTrue(e.getMessage().contains(plain.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("is not a serial port"), e.getMessage());
    }

    @Test
    void aVanishingPortGivesDownThenUpWhenItReturns() throws Exception {
        transport = new SerialTransport(pair.a().toString(), LINE, QUICK);
        BlockingQueue<LinkState> states = new LinkedBlockingQueue<>();
        transport.onLinkState(states::add);
        ByteCollector rx = new ByteCollector();
        transport.subscribe(Endpoint.RX, rx::add);
        transport.connect();
        assertEquals(LinkState.UP, states.poll(1, TimeUnit.SECONDS));

        pair.kill();
        assertEquals(LinkState.DOWN, states.poll(5, TimeUnit.SECONDS), "no DOWN after the port vanished");
        assertEquals(LinkState.DOWN, transport.linkState());
        TransportException e = assertThrows(TransportException.class,
                () -> transport.write(Endpoint.TX, new byte[] {1}));
        assertTrue(e.getMessage().contains("link is down"), e.getMessage());

        pair.restart();
        assertEquals(LinkState.UP, states.poll(5, TimeUnit.SECONDS), "no UP after the port came back");
        assertTrue(states.isEmpty(), "extra link events: " + states);

        // and the reopened port really carries bytes both ways
        PtyFarEnd far = farEnd();
        transport.write(Endpoint.TX, new byte[] {9, 8, 7});
        assertArrayEquals(new byte[] {9, 8, 7}, far.awaitBytes(3, Duration.ofSeconds(5)));
        far.write(new byte[] {4, 5});
        assertArrayEquals(new byte[] {4, 5}, rx.await(2, Duration.ofSeconds(5)));
    }

    @Test
    void closeNeverThrowsAndStopsReconnecting() throws Exception {
        transport = new SerialTransport(pair.a().toString(), LINE, QUICK);
        BlockingQueue<LinkState> states = new LinkedBlockingQueue<>();
        transport.onLinkState(states::add);
        transport.connect();
        pair.kill();
        assertEquals(LinkState.UP, states.poll(1, TimeUnit.SECONDS));
        assertEquals(LinkState.DOWN, states.poll(5, TimeUnit.SECONDS));
        transport.close();
        transport.close();
        pair.restart();
        assertEquals(null, states.poll(600, TimeUnit.MILLISECONDS), "a closed transport reconnected");
        assertThrows(TransportException.class, () -> transport.write(Endpoint.TX, new byte[] {1}));
        assertThrows(TransportException.class, transport::connect);
    }

    @Test
    void closingAnUnopenedTransportIsHarmless() {
        transport = new SerialTransport(dir.resolve("never-opened").toString(), LINE);
        transport.close();
        assertEquals(LinkState.DOWN, transport.linkState());
    }

    @Test
    void onlyTxCanBeWritten() throws Exception {
        transport = new SerialTransport(pair.a().toString(), LINE);
        transport.connect();
        TransportException e = assertThrows(TransportException.class,
                () -> transport.write(Endpoint.RX, new byte[] {1}));
        assertTrue(e.getMessage().contains("TX"), e.getMessage());
        assertTrue(transport.isStream());
        assertEquals("serial:" + pair.a(), transport.describe());
    }

    private PtyFarEnd farEnd() throws Exception {
        PtyFarEnd far = new PtyFarEnd(pair.b());
        toClose.add(far);
        return far;
    }

    /** Collects received chunks in arrival order. */
    static final class ByteCollector {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        synchronized void add(byte[] chunk) {
            bytes.writeBytes(chunk);
            notifyAll();
        }

        synchronized byte[] await(int n, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (bytes.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                wait(Math.max(1, left / 1_000_000));
            }
            return bytes.toByteArray();
        }
    }
}
