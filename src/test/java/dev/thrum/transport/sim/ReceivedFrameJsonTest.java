package dev.thrum.transport.sim;

import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ReceivedFrameJsonTest {

    @Test
    void everyCommandSurvivesTheRoundTrip() {
        List<DeviceCommand> all = List.of(new DeviceCommand.SetSpeed(2400), new DeviceCommand.Stop(),
                new DeviceCommand.StatusRequest(), new DeviceCommand.VersionRequest(),
                new DeviceCommand.BatteryRequest(), new DeviceCommand.Keepalive());
        for (DeviceCommand c : all) {
            ReceivedFrame f = new ReceivedFrame(Instant.parse("2026-01-01T10:00:00.123456Z"), new byte[]{(byte) 0xAA, 1}, DecodeResult.ok(c));
            String line = ReceivedFrameJson.toLine(f);
            ReceivedFrame back = ReceivedFrameJson.parse(line);
            assertEquals(f.at(), back.at());
            assertArrayEquals(f.bytes(), back.bytes());
            assertEquals(c, back.command().orElseThrow(), line);
        }
        ReceivedFrame rejected = new ReceivedFrame(Instant.EPOCH, new byte[]{0}, DecodeResult.rejected("bad checksum"));
        assertEquals("bad checksum", ReceivedFrameJson.parse(ReceivedFrameJson.toLine(rejected)).rejection().orElseThrow());
    }

    @Test
    void aBrokenLineIsReportedWithFileAndLineNumber(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("frames.jsonl");
        Files.writeString(file, ReceivedFrameJson.toLine(new ReceivedFrame(Instant.EPOCH, new byte[]{1},
                DecodeResult.ok(new DeviceCommand.Stop()))) + "\n{\"at\": \n");
        IOException e = assertThrows(IOException.class, () -> ReceivedFrameJson.readAll(file));
        assertTrue(e.getMessage().contains(file + " line 2"), e.getMessage());
        assertTrue(ReceivedFrameJson.readAll(dir.resolve("missing.jsonl")).isEmpty());
    }
}
