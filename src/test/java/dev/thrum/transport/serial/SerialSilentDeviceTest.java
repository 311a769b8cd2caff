package dev.thrum.transport.serial;

import dev.thrum.testkit.Await;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.transport.sim.ReceivedFrame;
import dev.thrum.transport.sim.ReceivedFrameJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The packaged product ({@code thrum run} in its own JVM) against {@code thrum simulate} in another,
 * over a socat pty pair, when the device goes quiet: a device that still hears us must get stops
 * (our polling could keep its own watchdog from ever stopping the motor), and a far end that is gone
 * for good ends the session as link lost with a plain word to the person.
 */
class SerialSilentDeviceTest {

    private static final String PROFILE = "thrum-open-serial";
    private static final int LOWEST_RUNNING = 1;
    /** thrum-open-serial's linkTimeoutMs; the loss is noticed at most a fifth of it later. */
    private static final long LINK_TIMEOUT_MS = 3000;
    /** The paced stop interval for thrum-open-serial (20 ms gap, 50 ms floor). */
    private static final long HOLD_STILL_MS = 50;

    @TempDir
    Path dir;
    SimulatedSerialLine line;
    SimulatorProcess sim;
    Process run;

    @AfterEach
    void tearDown() throws Exception {
        if (line != null) line.close();
    }

    @Test
    void aDeviceThatGoesMuteMidRampGetsOnlyStopsUntilTheRampStartsAgainFromTheLowestValue() throws Exception {
        Path record = dir.resolve("received.jsonl");
        line = SimulatedSerialLine.start(dir, record);
        sim = line.simulator();
        Path output = dir.resolve("run.out");
        run = line.startThrum(output, "run", "general-warm-up", "--device", line.device(), "--plain");
        await("a ramp above the lowest value", 60, output, () -> speeds(record).stream().anyMatch(v -> v > LOWEST_RUNNING));

        sim.fault("mute", "fault: muted");
        Instant mutedAt = Instant.now();
        await("the link loss", 20, output, () -> text(output).contains("device: link lost"));
        await("a second of stops", 10, output, () -> Instant.now().isAfter(mutedAt.plusMillis(LINK_TIMEOUT_MS + 2000)));
        sim.fault("answer", "fault: answering again");
        Instant answeringAt = Instant.now();
        await("the re-ramp", 20, output, () -> text(output).contains("resumed, ramping up from low")
                && frames(record).stream().anyMatch(f -> f.at().isAfter(answeringAt) && f.command().orElse(null) instanceof DeviceCommand.SetSpeed));
        run.destroy(); // SIGTERM: stop, log, exit
        assertTrue(run.waitFor(20, TimeUnit.SECONDS), "thrum run did not end after SIGTERM");
        sim.close();

        List<ReceivedFrame> all = frames(record);
        List<ReceivedFrame> afterMute = all.stream().filter(f -> f.at().isAfter(mutedAt)).toList();
        ReceivedFrame firstStop = afterMute.stream().filter(f -> isStop(f)).findFirst()
                .orElseThrow(() -> new AssertionError("no stop reached the mute device: " + describe(afterMute)));
        long stopAfterMs = Duration.between(mutedAt, firstStop.at()).toMillis();
        // the loss is judged after linkTimeoutMs of silence (checked every fifth of it); the stop follows
        // within a gap (exactly so on virtual time: LostLinkStopTest); the rest is slack for a busy machine
        assertTrue(stopAfterMs <= LINK_TIMEOUT_MS + LINK_TIMEOUT_MS / 5 + 20 + 1000,
                "the first stop reached the device " + stopAfterMs + " ms after it went mute");

        // from the loss to the re-ramp: nothing that moves the motor, and stops at the paced rate
        // (speeds sent in the silence before the loss was judged still arrive: the host cannot know yet)
        List<ReceivedFrame> fromLoss = afterMute.subList(afterMute.indexOf(firstStop), afterMute.size());
        int reRamp = indexOf(fromLoss, f -> f.command().orElse(null) instanceof DeviceCommand.SetSpeed);
        assertTrue(reRamp > 0, "no re-ramp after the stops: " + describe(fromLoss));
        List<ReceivedFrame> outage = fromLoss.subList(0, reRamp);
        // (the open serial handshake, HELLO and GET_VERSION, is asked again when the link comes back: it moves nothing)
        assertTrue(outage.stream().allMatch(f -> isStop(f) || f.command().orElse(null) instanceof DeviceCommand.StatusRequest
                        || f.command().orElse(null) instanceof DeviceCommand.Keepalive
                        || f.command().orElse(null) instanceof DeviceCommand.Hello
                        || f.command().orElse(null) instanceof DeviceCommand.VersionRequest),
                "nothing that moves the motor from the loss to the re-ramp: " + describe(outage));
        List<ReceivedFrame> stops = outage.stream().filter(SerialSilentDeviceTest::isStop).toList();
        long spanMs = Duration.between(stops.get(0).at(), stops.get(stops.size() - 1).at()).toMillis();
        assertTrue(stops.size() >= 10, stops.size() + " stops over " + spanMs + " ms");
        double meanGap = spanMs / (double) (stops.size() - 1);
        assertTrue(meanGap <= 2 * HOLD_STILL_MS, "stops every " + meanGap + " ms on average; expected about " + HOLD_STILL_MS);
        assertEquals(new DeviceCommand.SetSpeed(LOWEST_RUNNING), fromLoss.get(reRamp).command().orElseThrow(),
                "the re-ramp starts from the lowest running value");

        String out = text(output);
        assertTrue(out.contains("keeps sending stop every " + HOLD_STILL_MS + " ms"), "the person is told: " + out);
        assertTrue(out.contains("switch it off by hand"), out);
    }

    @Test
    void aFarEndThatDiesEndsAStandaloneRunAsLinkLostAndTellsThePersonToSwitchTheMotorOff() throws Exception {
        Path record = dir.resolve("received.jsonl");
        line = SimulatedSerialLine.start(dir, record);
        sim = line.simulator();
        Path output = dir.resolve("run.out");
        run = line.startThrum(output, "run", "general-warm-up", "--device", line.device(),
                "--plain", "--link-grace", "2");
        await("a ramp above the lowest value", 60, output, () -> speeds(record).stream().anyMatch(v -> v > LOWEST_RUNNING));
        sim.kill(); // the far end dies; the pty stays, nobody answers

        assertTrue(run.waitFor(30, TimeUnit.SECONDS),
                "thrum run still waits 30 s after its device died (grace 2 s):\n" + text(output));
        String out = text(output);
        assertEquals(1, run.exitValue(), out);
        assertTrue(out.contains("finished: link lost"), out);
        assertTrue(out.contains("link lost"), out);
        assertTrue(out.contains("could not confirm that the motor stopped") && out.contains("switch it off by hand"), out);
        assertFalse(out.contains("Motor stopped"), out);
        String log = Files.readString(dir.resolve("data/thrum/usage-log.jsonl"));
        assertTrue(log.contains("\"outcome\":\"link_lost\""), log);
    }

    private static boolean isStop(ReceivedFrame f) {
        return f.command().orElse(null) instanceof DeviceCommand.Stop;
    }

    private static int indexOf(List<ReceivedFrame> frames, java.util.function.Predicate<ReceivedFrame> p) {
        for (int i = 0; i < frames.size(); i++) if (p.test(frames.get(i))) return i;
        return -1;
    }

    private static String describe(List<ReceivedFrame> frames) {
        List<String> out = new ArrayList<>();
        for (ReceivedFrame f : frames) out.add(f.at() + " " + f.command().map(Object::toString).orElse("rejected"));
        return String.join("\n", out);
    }

    private void await(String what, long seconds, Path output, BooleanSupplier condition) throws Exception {
        Await.until(() -> {
            assertTrue(run.isAlive(), "thrum run ended before " + what + ":\n" + text(output));
            return condition.getAsBoolean();
        }, Duration.ofSeconds(seconds), () -> what + ":\n" + text(output) + "\nsimulator:\n" + sim.transcript());
    }

    private static String text(Path output) {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** The simulator's record so far; a line it is writing right now is left for the next look. */
    private static List<ReceivedFrame> frames(Path record) {
        List<ReceivedFrame> out = new ArrayList<>();
        if (!Files.exists(record)) return out;
        try {
            for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                try {
                    out.add(ReceivedFrameJson.parse(line));
                } catch (RuntimeException partial) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static List<Integer> speeds(Path record) {
        return frames(record).stream().map(f -> f.command().orElse(null))
                .filter(c -> c instanceof DeviceCommand.SetSpeed).map(c -> ((DeviceCommand.SetSpeed) c).value()).toList();
    }

}
