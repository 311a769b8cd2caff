package dev.thrum.device;

import dev.thrum.testkit.Await;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.transport.sim.FakeCodec;
import dev.thrum.transport.sim.FakeProfiles;
import dev.thrum.transport.sim.ReceivedFrame;
import dev.thrum.transport.sim.SimTransport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.*;

/** The session on its real thread, against a fake transport timed with System.nanoTime and the real sim transport. */
class DeviceSessionThreadsTest {

    @Test
    void gapsStayAboveTheMinimumOnRealThreads() throws Exception {
        FakeTransport t = new FakeTransport(System::nanoTime, false);
        DeviceProfile p = FakeProfiles.continuous(new DeviceProfile.Pacing(15, 0, 40, 0));
        try (DeviceSession s = new DeviceSession(t, FakeCodec.full(), p, e -> { })) {
            s.start();
            for (int i = 0; i < 40; i++) {
                s.setSpeed(50 + i);
                if (i % 7 == 0) s.send(new DeviceCommand.VersionRequest());
                Thread.sleep(3); // not synchronisation: commands arrive spread out, as a running session sends them
            }
            s.stopNow();
        } // close() waits for the stop's repeat, if it needs one
        List<FakeTransport.Write> w = t.writes();
        assertTrue(w.size() >= 8, "writes: " + w.size());
        int stopsInGap = 0;
        for (int i = 1; i < w.size(); i++) {
            long gap = w.get(i).nanos() - w.get(i - 1).nanos();
            if (gap >= 15_000_000L) continue;
            // only a stop may come closer (it goes out at once), and then its repeat follows, a gap later
            assertTrue(isStop(w.get(i)), "gap " + i + " was " + gap / 1e6 + " ms");
            assertTrue(i + 1 < w.size() && isStop(w.get(i + 1)), "a stop " + gap / 1e6 + " ms after the previous frame is repeated");
            stopsInGap++;
        }
        assertTrue(isStop(w.get(w.size() - 1)), "close ends with a stop");
        assertTrue(stopsInGap <= 2, "stopNow and close stop at most once each inside the gap: " + stopsInGap);
    }

    static boolean isStop(FakeTransport.Write w) {
        return FakeCodec.full().decodeCommand(w.bytes()) instanceof DecodeResult.Decoded<DeviceCommand> d
                && d.value() instanceof DeviceCommand.Stop;
    }

    @Test
    void endToEndOnTheSimTransport() throws Exception {
        FakeCodec codec = FakeCodec.full();
        DeviceProfile p = FakeProfiles.continuous(new DeviceProfile.Pacing(10, 0, 50, 300));
        BlockingQueue<DeviceEvent> events = new LinkedBlockingQueue<>();
        SimTransport transport = new SimTransport(p, codec, Clock.systemUTC());
        DeviceSession s = new DeviceSession(transport, codec, p, events::add);
        s.start();
        s.setSpeed(120);
        DeviceEvent.StatusReceived running = awaitStatus(events, 120);
        assertEquals(Boolean.TRUE, running.status().running());

        transport.massager().dropLink();
        DeviceEvent lost = awaitEvent(events, DeviceEvent.LinkLost.class);
        assertTrue(((DeviceEvent.LinkLost) lost).reason().contains("sim:fake-continuous"));
        transport.massager().restoreLink();
        awaitEvent(events, DeviceEvent.LinkRestored.class);

        transport.massager().stopAnswering();
        awaitEvent(events, DeviceEvent.LinkLost.class);
        transport.massager().resumeAnswering();
        awaitEvent(events, DeviceEvent.LinkRestored.class);

        s.close();
        List<ReceivedFrame> rec = transport.massager().received();
        assertEquals(new DeviceCommand.Stop(), rec.get(rec.size() - 1).command().orElseThrow(), "the last frame is the stop");
        assertFalse(transport.massager().running());
        assertEquals(1, rec.stream().filter(f -> f.command().orElse(null) instanceof DeviceCommand.SetSpeed).count(),
                "the speed was sent once and never replayed after the link came back");
    }

    static DeviceEvent awaitEvent(BlockingQueue<DeviceEvent> events, Class<? extends DeviceEvent> type) {
        return Await.taken(events, type::isInstance, Duration.ofSeconds(5), "a " + type.getSimpleName());
    }

    static DeviceEvent.StatusReceived awaitStatus(BlockingQueue<DeviceEvent> events, int speed) {
        return (DeviceEvent.StatusReceived) Await.taken(events, e -> e instanceof DeviceEvent.StatusReceived s
                && s.status().speed() != null && s.status().speed() == speed, Duration.ofSeconds(5), "a status with speed " + speed);
    }
}
