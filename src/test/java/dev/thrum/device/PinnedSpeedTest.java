package dev.thrum.device;

import dev.thrum.protocol.DeviceCommand;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PinnedSpeedTest {

    @Test
    void aPinnedSpeedIsNotReplacedButANewerOneWaitsBehindIt() {
        WriteQueue q = new WriteQueue();
        q.add(new DeviceCommand.SetSpeed(1750), new byte[] {1}, true);
        q.add(new DeviceCommand.SetSpeed(1753), new byte[] {2}, false);
        q.add(new DeviceCommand.SetSpeed(1760), new byte[] {3}, false);
        assertEquals(new DeviceCommand.SetSpeed(1750), q.poll().command());
        assertEquals(new DeviceCommand.SetSpeed(1760), q.poll().command(), "the unpinned speed behind it is still superseded");
        assertEquals(null, q.poll());
    }
}
