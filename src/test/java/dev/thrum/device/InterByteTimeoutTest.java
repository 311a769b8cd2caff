package dev.thrum.device;

import dev.thrum.store.ProfileLibraryLoader;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.Codecs;
import dev.thrum.protocol.DeviceStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stray {@code A5 0B 83} (the start of an 11-byte STATUS) followed by silence must not hold back the
 * next, shorter frame until more bytes come: after 50 ms without a byte the session drops it.
 */
class InterByteTimeoutTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @Test
    void aStrayFrameStartIsDroppedAfterFiftyQuietMilliseconds() throws Exception {
        DeviceProfile p = new ProfileLibraryLoader().load(List.of()).require("thrum-open-serial");
        Codec codec = Codecs.forProfile(p);
        ManualScheduler sched = new ManualScheduler();
        List<DeviceEvent> events = new ArrayList<>();
        FakeTransport t = new FakeTransport(sched::nanoTime, true);
        DeviceSession s = new DeviceSession(t, codec, p, events::add, sched, sched.clock());
        s.start();
        sched.advanceMillis(10);
        t.deliver(HEX.parseHex("a5 0b 83")); // looks like the start of an 11-byte STATUS
        sched.advanceMillis(10);
        t.deliver(HEX.parseHex("a5 06 84 00 66 e1")); // VERSION 1.02, 6 bytes: shorter than the stray start promised
        sched.advanceMillis(40);
        assertTrue(firmwares(events).isEmpty(), "held while the line might still be sending the stray frame: " + events);
        sched.advanceMillis(15);
        assertEquals(List.of("1.02"), firmwares(events), "the frame behind the stray start was not read in time");
        assertEquals(3, s.counters().discardedBytes(), "only the stray A5 0B 83 was thrown away");
        s.close();
    }

    private static List<String> firmwares(List<DeviceEvent> events) {
        return events.stream().filter(DeviceEvent.StatusReceived.class::isInstance)
                .map(e -> ((DeviceEvent.StatusReceived) e).status()).map(DeviceStatus::firmware)
                .filter(java.util.Objects::nonNull).toList();
    }
}
