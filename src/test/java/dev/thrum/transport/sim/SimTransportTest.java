package dev.thrum.transport.sim;

import dev.thrum.testkit.Await;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import dev.thrum.transport.Endpoint;
import dev.thrum.transport.LinkState;
import dev.thrum.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class SimTransportTest {

    final FakeCodec codec = FakeCodec.full();
    final DeviceProfile profile = FakeProfiles.continuous(new DeviceProfile.Pacing(10, 0, 100, 500));
    final SimTransport transport = new SimTransport(profile, codec, Clock.systemUTC());
    final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    final BlockingQueue<LinkState> links = new LinkedBlockingQueue<>();
    final BlockingQueue<Thread> callbackThreads = new LinkedBlockingQueue<>();

    @AfterEach
    void close() { transport.close(); }

    void subscribeAndConnect() throws TransportException {
        transport.subscribe(Endpoint.RX, b -> { callbackThreads.add(Thread.currentThread()); received.add(b); });
        transport.onLinkState(s -> { callbackThreads.add(Thread.currentThread()); links.add(s); });
        transport.connect();
    }

    @Test
    void framesGoToTheSimulatorAndAnswersComeBackOnTheTransportsOwnThread() throws Exception {
        subscribeAndConnect();
        assertEquals(LinkState.UP, links.poll(2, TimeUnit.SECONDS));
        assertFalse(transport.isStream());
        assertEquals("sim:fake-continuous", transport.describe());
        transport.write(Endpoint.TX, codec.encode(new DeviceCommand.SetSpeed(150)));
        transport.write(Endpoint.TX, codec.encode(new DeviceCommand.StatusRequest()));
        byte[] answer = received.poll(2, TimeUnit.SECONDS);
        assertNotNull(answer, "a status request is answered");
        assertTrue(codec.decodeStatus(answer).isOk());
        assertEquals(List.of(new DeviceCommand.SetSpeed(150), new DeviceCommand.StatusRequest()),
                transport.massager().receivedCommands());
        for (Thread t : callbackThreads) {
            assertNotSame(Thread.currentThread(), t);
            assertTrue(t.getName().startsWith("sim-fake-continuous"), t.getName());
        }
    }

    @Test
    void theMotorMovesInRealTimeBehindTheTransport() throws Exception {
        subscribeAndConnect();
        transport.write(Endpoint.TX, codec.encode(new DeviceCommand.SetSpeed(200)));
        Await.until(() -> transport.massager().actualSpeed() >= 200, Duration.ofSeconds(3), "the motor to reach 200");
        assertEquals(200.0, transport.massager().actualSpeed(), 1e-9, "ticks let the motor reach its speed");
    }

    @Test
    void faultControlCallbacksAlsoArriveOnTheTransportThread() throws Exception {
        subscribeAndConnect();
        links.poll(2, TimeUnit.SECONDS);
        callbackThreads.clear();
        transport.massager().dropLink();
        assertEquals(LinkState.DOWN, links.poll(2, TimeUnit.SECONDS));
        assertNotSame(Thread.currentThread(), callbackThreads.poll());
    }

    @Test
    void aDroppedLinkFailsWritesAndComesBackUp() throws Exception {
        subscribeAndConnect();
        assertEquals(LinkState.UP, links.poll(2, TimeUnit.SECONDS));
        transport.massager().dropLink();
        assertEquals(LinkState.DOWN, links.poll(2, TimeUnit.SECONDS));
        TransportException e = assertThrows(TransportException.class,
                () -> transport.write(Endpoint.TX, codec.encode(new DeviceCommand.StatusRequest())));
        assertTrue(e.getMessage().contains("sim:fake-continuous"), e.getMessage());
        transport.massager().restoreLink();
        assertEquals(LinkState.UP, links.poll(2, TimeUnit.SECONDS));
        transport.write(Endpoint.TX, codec.encode(new DeviceCommand.StatusRequest()));
        assertNotNull(received.poll(2, TimeUnit.SECONDS));
    }

    @Test
    void injectedWriteFailuresThrowWithoutReachingTheDevice() throws Exception {
        subscribeAndConnect();
        transport.failNextWrites(1);
        assertThrows(TransportException.class, () -> transport.write(Endpoint.TX, codec.encode(new DeviceCommand.Stop())));
        transport.write(Endpoint.TX, codec.encode(new DeviceCommand.StatusRequest()));
        assertNotNull(received.poll(2, TimeUnit.SECONDS));
        assertEquals(List.of(new DeviceCommand.StatusRequest()), transport.massager().receivedCommands());
    }

    @Test
    void refusesToConnectOverADroppedLinkOrAfterClose() {
        transport.massager().dropLink();
        assertThrows(TransportException.class, transport::connect);
        transport.massager().restoreLink();
        transport.close();
        assertThrows(TransportException.class, transport::connect);
        assertThrows(TransportException.class, () -> transport.write(Endpoint.TX, new byte[]{1}));
    }

    @Test
    void streamedStatusArrivesUnasked() throws Exception {
        FakeCodec streaming = FakeCodec.streaming();
        try (SimTransport t = new SimTransport(profile, streaming, Clock.systemUTC())) {
            BlockingQueue<byte[]> got = new LinkedBlockingQueue<>();
            t.subscribe(Endpoint.RX, got::add);
            t.connect();
            byte[] first = got.poll(2, TimeUnit.SECONDS);
            assertNotNull(first, "status streams every statusPollMs without a request");
            DeviceStatus s = ((dev.thrum.protocol.DecodeResult.Decoded<DeviceStatus>) streaming.decodeStatus(first)).value();
            assertEquals(Boolean.FALSE, s.running());
        }
    }
}
