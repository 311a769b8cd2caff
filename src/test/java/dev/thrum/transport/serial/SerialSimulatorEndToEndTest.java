package dev.thrum.transport.serial;

import dev.thrum.testkit.Await;
import dev.thrum.device.DeviceEvent;
import dev.thrum.device.DeviceSession;
import dev.thrum.store.ProfileLibraryLoader;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.Codecs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The simulated massager in its own JVM ({@code thrum simulate}) on one end of a socat pair; Thrum's
 * SerialTransport and DeviceSession on the other, as with a real serial massager.
 */
class SerialSimulatorEndToEndTest {

    static final DeviceProfile PROFILE = new ProfileLibraryLoader().load(List.of()).require("thrum-open-serial");
    static final Codec CODEC = Codecs.forProfile(PROFILE);

    @TempDir
    Path dir;
    SocatPair pair;
    SimulatorProcess sim;
    DeviceSession session;
    final BlockingQueue<DeviceEvent> events = new LinkedBlockingQueue<>();

    @AfterEach
    void tearDown() throws Exception {
        if (session != null) session.close();
        if (sim != null) sim.close();
        if (pair != null) pair.close();
    }

    @Test
    void statusRoundTripsAndAKilledSimulatorIsLinkLostThenRestored() throws Exception {
        pair = SocatPair.start(dir);
        Path record = dir.resolve("received.jsonl");
        sim = SimulatorProcess.start(PROFILE.id(), pair.b(), record);
        session = new DeviceSession(SerialTransport.forProfile(pair.a().toString(), PROFILE), CODEC, PROFILE, events::add);
        session.start();

        // Thrum's HELLO is answered with INFO; a status poll sent beside it may be answered first
        DeviceEvent.StatusReceived info = await(DeviceEvent.StatusReceived.class, 10);
        for (int i = 0; i < 5 && info.status().protocol() == null; i++) info = await(DeviceEvent.StatusReceived.class, 10);
        assertEquals(2, info.status().protocol(), "HELLO is answered with INFO: " + info);
        DeviceEvent.StatusReceived first = await(DeviceEvent.StatusReceived.class, 10);
        assertEquals(Boolean.FALSE, first.status().running(), "a fresh simulator is not running: " + first);
        assertNotNull(first.status().battery());

        session.setSpeed(30);
        DeviceEvent running = Await.taken(events, e -> e instanceof DeviceEvent.StatusReceived s
                && Boolean.TRUE.equals(s.status().running()), Duration.ofSeconds(10), "a status saying running");
        assertTrue(running instanceof DeviceEvent.StatusReceived);
        sim.awaitLine("received", 5);

        sim.kill();
        DeviceEvent.LinkLost lost = await(DeviceEvent.LinkLost.class, PROFILE.pacing().linkTimeoutMs() / 1000 + 10);
        assertFalse(session.linkUp(), "session still thinks the link is up after " + lost);

        sim = SimulatorProcess.start(PROFILE.id(), pair.b(), record);
        await(DeviceEvent.LinkRestored.class, 20);
        assertTrue(session.linkUp());
        await(DeviceEvent.StatusReceived.class, 10);

        String frames = Files.readString(record);
        assertTrue(frames.contains("\"command\":\"setSpeed\",\"value\":30"), frames);
        assertTrue(frames.contains("\"command\":\"status\""), frames);
    }

    /** The next event of this type, skipping others; fails after the timeout. */
    private <T extends DeviceEvent> T await(Class<T> type, long seconds) {
        return type.cast(Await.taken(events, type::isInstance, Duration.ofSeconds(seconds),
                () -> "a " + type.getSimpleName() + "; simulator said:\n" + (sim == null ? "" : sim.transcript())));
    }
}
