package dev.thrum.conformance;

import dev.thrum.conformance.RuleResult.Verdict;
import dev.thrum.transport.TransportException;

import java.util.List;

import static dev.thrum.protocol.OpenSerialFrames.*;

/**
 * The rules about single frames: the handshake, an answer to every command, and what a device does
 * with a bad CRC, an unknown command, a short frame, a value out of range, a longer frame, a frame
 * in pieces, noise, and a frame that never finishes. None of them starts the motor (the range check
 * follows its SET_SPEED 101 with STOP in the same write, in case a device clamps).
 */
final class MessageRules {

    private final Probe p;

    MessageRules(Probe probe) { this.p = probe; }

    private RuleResult result(String id, String section, Verdict v, String detail) {
        return new RuleResult(id, section, v, detail, p.sent());
    }

    /** HELLO first: INFO makes it a version 2 device; silence a version 1 one. */
    RuleResult hello() throws TransportException, InterruptedException {
        p.begin();
        for (int attempt = 0; attempt < 3; attempt++) {
            // a STATUS may come unprompted at any time; only INFO or a NAK answer HELLO
            // Thrum waits 300 ms; the checker adds its own slack, so a busy computer does not make a v2 device look v1
            DeviceLine.Arrived a = p.ask(frame(HELLO, 2), f -> cmd(f) == INFO || cmd(f) == NAK, 300 + p.window() - Probe.ANSWER_MS);
            if (a == null) continue;
            byte[] f = a.frame();
            if (cmd(f) != INFO)
                return result("hello", "Talking version 2", Verdict.FAIL, "HELLO was answered with NAK " + a.hex()
                        + ": a version 2 device answers INFO (86), a version 1 device ignores HELLO");
            if (payloadLength(f) < 4)
                return result("hello", "Replies", Verdict.FAIL, "INFO has " + payloadLength(f) + " payload bytes; it needs 4");
            int version = payload(f, 0), caps = payload(f, 3);
            p.version2 = version >= 2;
            int firmware = payload(f, 1) * 256 + payload(f, 2);
            String detail = "INFO: protocol " + version + ", firmware " + firmware / 100 + "." + String.format("%02d", firmware % 100)
                    + String.format(", capabilities %02X", caps);
            if (version < 2)
                return result("hello", "Talking version 2", Verdict.FAIL, detail + "; a device that answers HELLO speaks version 2 or later");
            if ((caps & 0xF0) != 0)
                return result("hello", "Replies", Verdict.FAIL, detail + "; capability bits 10..80 are reserved and must be 0");
            if (!p.onTime(a))
                return result("hello", "Device rule 1", Verdict.FAIL, detail + "; it came after " + p.millisAfterSend(a) + " ms");
            return result("hello", "Talking version 2", Verdict.PASS, detail);
        }
        p.version2 = false;
        return result("hello", "Talking version 2", Verdict.PASS,
                "no answer to three HELLOs: a version 1 device (version 2 rules are skipped)");
    }

    /** A command is answered with its reply, on time, and the reply is well-formed. */
    RuleResult answers(String id, int command, int reply) throws TransportException, InterruptedException {
        p.begin();
        DeviceLine.Arrived a = p.ask(frame(command), Probe.is(reply), 1000);
        String name = switch (command) { case GET_STATUS -> "GET_STATUS"; case GET_VERSION -> "GET_VERSION"; default -> "PING"; };
        if (a == null) return result(id, "Device rule 1", Verdict.FAIL, name + " got no answer within 1 s");
        if (!p.onTime(a))
            return result(id, "Device rule 1", Verdict.FAIL, name + " was answered after " + p.millisAfterSend(a)
                    + " ms; the limit is " + Probe.ANSWER_MS + " ms");
        byte[] f = a.frame();
        if (reply == STATUS) {
            Probe.Status s = Probe.Status.of(f);
            if (s.problem() != null) return result(id, "Replies", Verdict.FAIL, "STATUS: " + s.problem());
            int expectedLength = p.version2 ? 12 : 11;
            if (f.length < expectedLength)
                return result(id, "Talking version 2", Verdict.FAIL, "STATUS has " + f.length + " bytes; after HELLO a"
                        + " version 2 device sends at least 12 (with the stop reason)");
            if (!p.version2 && f.length != 11)
                return result(id, "Talking version 2", Verdict.FAIL, "STATUS has " + f.length + " bytes before any HELLO"
                        + " negotiated version 2; version 1 hosts need exactly 11");
            if (!p.version2 && s.battery() == 0xFF)
                return result(id, "Replies", Verdict.FAIL, "battery FF (unknown) is only for version 2");
        } else if (reply == VERSION && payloadLength(f) < 2) {
            return result(id, "Replies", Verdict.FAIL, "VERSION has " + payloadLength(f) + " payload bytes; it needs 2");
        }
        return result(id, "Device rule 1", Verdict.PASS, name + " answered after " + p.millisAfterSend(a) + " ms");
    }

    /** A frame with a wrong CRC gets no answer (not even a NAK) and changes nothing. */
    RuleResult badCrc() throws TransportException, InterruptedException {
        p.begin();
        p.send(withBadCrc(frame(SET_SPEED, 5)));
        List<DeviceLine.Arrived> got = p.listen(300);
        Probe.Status s = p.status();
        if (!got.isEmpty())
            return result("bad-crc", "Device rule 2", Verdict.FAIL, "a SET_SPEED 5 with a wrong CRC was answered; never"
                    + " answer a frame with a bad CRC");
        if (s == null || s.isRunning())
            return result("bad-crc", "Receiving frames", Verdict.FAIL, s == null ? "no STATUS afterwards"
                    : "the motor started on a frame with a wrong CRC");
        return result("bad-crc", "Device rule 2", Verdict.PASS, "no answer, motor still");
    }

    /** An unknown command: NAK 01 (v2), nothing (v1). */
    RuleResult unknownCommand() throws TransportException, InterruptedException {
        return refusal("unknown-command", frame(0x3E), 0x3E, UNKNOWN_COMMAND, "an unknown command (3E)");
    }

    /** SET_SPEED with no speed byte: NAK 02 (v2), nothing (v1); never a start. */
    RuleResult tooShort() throws TransportException, InterruptedException {
        return refusal("too-short", frame(SET_SPEED), SET_SPEED, TOO_SHORT, "SET_SPEED without its speed byte");
    }

    private RuleResult refusal(String id, byte[] frame, int cmd, int reason, String what)
            throws TransportException, InterruptedException {
        p.begin();
        p.send(frame);
        List<DeviceLine.Arrived> got = p.listen(p.window() + 100);
        Probe.Status s = p.status();
        if (s != null && s.isRunning())
            return result(id, "Device rule 2", Verdict.FAIL, what + " started the motor");
        if (!p.version2) {
            if (!got.isEmpty())
                return result(id, "Device rule 2", Verdict.FAIL, what + " was answered; a version 1 device ignores it");
            return result(id, "Device rule 2", Verdict.PASS, what + " was ignored (version 1)");
        }
        DeviceLine.Arrived nak = got.stream().filter(a -> cmd(a.frame()) == NAK).findFirst().orElse(null);
        if (nak == null)
            return result(id, "Device rule 2", Verdict.FAIL, what + " got no NAK within " + p.window() + " ms");
        byte[] f = nak.frame();
        if (payloadLength(f) < 2 || payload(f, 0) != cmd || payload(f, 1) != reason)
            return result(id, "Replies", Verdict.FAIL, String.format("%s: expected NAK %02X %02X, got %s", what, cmd, reason, nak.hex()));
        return result(id, "Device rule 2", Verdict.PASS, String.format("%s: NAK %02X reason %02X", what, cmd, reason));
    }

    /**
     * SET_SPEED 101 is refused, never clamped. STOP follows in the same write, so a device that does
     * clamp runs for no longer than it takes to read four more bytes.
     */
    RuleResult aboveRange() throws TransportException, InterruptedException {
        p.begin();
        byte[] speed = frame(SET_SPEED, 101), stop = frame(STOP);
        byte[] both = new byte[speed.length + stop.length];
        System.arraycopy(speed, 0, both, 0, speed.length);
        System.arraycopy(stop, 0, both, speed.length, stop.length);
        p.send(both);
        List<DeviceLine.Arrived> got = p.listen(400);
        for (DeviceLine.Arrived a : got) {
            if (!Probe.isStatus(a.frame())) continue;
            Probe.Status s = Probe.Status.of(a.frame());
            if (s.isRunning() || s.speed() > 0)
                return result("above-range", "Device rule 2", Verdict.FAIL, "SET_SPEED 101 ran the motor (STATUS "
                        + a.hex() + "); refuse it, never clamp to 100");
        }
        if (!p.version2) return result("above-range", "Device rule 2", Verdict.PASS, "SET_SPEED 101 changed nothing (version 1)");
        boolean nak = !got.isEmpty() && cmd(got.get(0).frame()) == NAK && payloadLength(got.get(0).frame()) >= 2
                && payload(got.get(0).frame(), 0) == SET_SPEED && payload(got.get(0).frame(), 1) == OUT_OF_RANGE;
        if (!nak)
            return result("above-range", "Device rule 2", Verdict.FAIL, "SET_SPEED 101 was not answered first with NAK 01 03");
        return result("above-range", "Device rule 2", Verdict.PASS, "SET_SPEED 101: NAK 01 03, motor still");
    }

    /** Version 2: a command with extra payload bytes is read by the fields the device knows. */
    RuleResult longerFrames() throws TransportException, InterruptedException {
        p.begin();
        if (!p.version2) return result("longer-frames", "Frame layout", Verdict.SKIP, "version 1 devices check lengths strictly");
        DeviceLine.Arrived a = p.ask(frame(GET_STATUS, 0xAB, 0xCD), Probe.is(STATUS), p.window());
        if (a == null)
            return result("longer-frames", "Frame layout", Verdict.FAIL, "GET_STATUS with two extra payload bytes got no"
                    + " STATUS; payloads may grow, ignore bytes past the fields you know");
        return result("longer-frames", "Frame layout", Verdict.PASS, "GET_STATUS with extra payload bytes answered");
    }

    /** A frame written one byte at a time, 5 ms apart, is one frame. */
    RuleResult splitFrame() throws TransportException, InterruptedException {
        p.begin();
        byte[] f = frame(GET_STATUS);
        boolean answered = false;
        p.send(new byte[]{f[0]});
        for (int i = 1; i < f.length; i++) {
            for (DeviceLine.Arrived a : p.listen(5)) answered |= Probe.isStatus(a.frame());
            p.sendNow(new byte[]{f[i]});
        }
        for (DeviceLine.Arrived a : p.listen(p.window())) answered |= Probe.isStatus(a.frame());
        return result("split-frame", "Receiving frames", answered ? Verdict.PASS : Verdict.FAIL,
                answered ? "GET_STATUS sent byte by byte, 5 ms apart, was answered"
                        : "GET_STATUS sent byte by byte, 5 ms apart, got no STATUS");
    }

    /** Noise, a stray SYNC with an impossible LEN and raw control bytes before a frame do not hide it. */
    RuleResult noise() throws TransportException, InterruptedException {
        p.begin();
        byte[] noise = {0x00, (byte) 0xFF, 0x11, 0x13, 0x0A, 0x0D, (byte) 0xA5, 0x25, (byte) 0xA5, 0x02};
        byte[] f = frame(GET_STATUS);
        byte[] both = new byte[noise.length + f.length];
        System.arraycopy(noise, 0, both, 0, noise.length);
        System.arraycopy(f, 0, both, noise.length, f.length);
        DeviceLine.Arrived a = p.ask(both, Probe::isStatus, p.window());
        return result("noise", "Receiving frames", a != null ? Verdict.PASS : Verdict.FAIL, a != null
                ? "GET_STATUS after noise (00 FF 11 13 0A 0D A5 25 A5 02) was answered"
                : "GET_STATUS after noise (00 FF 11 13 0A 0D A5 25 A5 02) got no STATUS: skip to the next A5, drop"
                        + " LENs outside 4..32, and never treat 11/13 as flow control or 0A/0D as line ends");
    }

    /** A stray {@code A5 0B} followed by silence must not hold back the next frame. */
    RuleResult interByteTimeout() throws TransportException, InterruptedException {
        p.begin();
        if (!p.version2) return result("inter-byte-timeout", "Receiving frames", Verdict.SKIP, "version 1 has no inter-byte timeout");
        p.send(new byte[]{(byte) 0xA5, 0x0B});
        p.listen(OpenSerialTimeouts.AFTER_STRAY_MS);
        DeviceLine.Arrived a = p.ask(frame(GET_STATUS), Probe::isStatus, p.window());
        if (a == null) {
            p.send(new byte[11]); // let a device without the timeout finish the stray frame and resynchronise
            p.listen(200);
            return result("inter-byte-timeout", "Receiving frames", Verdict.FAIL, "after a stray A5 0B and "
                    + OpenSerialTimeouts.AFTER_STRAY_MS + " ms of silence, GET_STATUS got no STATUS: drop a started"
                    + " frame after 50 ms without a byte");
        }
        return result("inter-byte-timeout", "Receiving frames", Verdict.PASS, "a stray A5 0B did not hold back the next frame");
    }
}
