package dev.thrum.it;

import dev.thrum.transport.ble.fakebluez.DeviceEnd;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Theragun Gen 4 written from the public protocol notes (buttplug.io's stpihkal Theragun page),
 * not from Thrum's profile or codec: it checks each command's header and checksum, keeps the motor
 * speed, and answers status and version requests with a full 20-byte notification (the usual BLE
 * payload), three bytes longer than the 17 the theragun-gen4 profile describes. So it disagrees with
 * the profile where the profile had to guess.
 */
final class Gen4Peer implements DeviceEnd {

    static final int NOTIFICATION_BYTES = 20;
    static final int FIRMWARE_412 = 412;

    private final List<Integer> speeds = new ArrayList<>();
    private int speed;
    private int statusReplies;
    private int badFrames;

    @Override
    public void received(byte[] frame, Consumer<byte[]> toHost) {
        if (frame.length < 4 || (frame[0] & 0xFF) != 0xAA || (frame[1] & 0xFF) != sum(frame)) {
            synchronized (this) { badFrames++; }
            return;
        }
        int command = frame[2] & 0xFF;
        if (command == 0x01 && frame.length == 7 && frame[3] == 0x03 && frame[6] == 0x03) {
            synchronized (this) {
                speed = ((frame[4] & 0xFF) << 8) | (frame[5] & 0xFF);
                speeds.add(speed);
            }
        } else if (command == 0x10) {
            byte[] status = new byte[NOTIFICATION_BYTES];
            status[0] = (byte) 0xBB;
            status[2] = 0x10;
            synchronized (this) {
                status[4] = (byte) (speed > 0 ? 1 : 0);
                status[13] = (byte) (speed >> 8);
                status[14] = (byte) speed;
                statusReplies++;
            }
            // a force estimate (pounds, as the Theragun app shows it): a steady, light press, in the light band
            // everywhere, so the run is never paused for too much pressure; bytes 17-19 are padding the notes do not describe
            status[16] = 10;
            status[19] = 0x5A;
            status[1] = (byte) sum(status);
            toHost.accept(status);
        } else if (command == 0x20) {
            byte[] version = new byte[NOTIFICATION_BYTES];
            version[0] = (byte) 0xBB;
            version[2] = 0x20;
            version[12] = (byte) (FIRMWARE_412 >> 8);
            version[13] = (byte) FIRMWARE_412;
            version[1] = (byte) sum(version);
            toHost.accept(version);
        }
    }

    /** Byte 1 of every frame: the sum of bytes 2 to the end, modulo 256. */
    private static int sum(byte[] frame) {
        int s = 0;
        for (int i = 2; i < frame.length; i++) s += frame[i] & 0xFF;
        return s & 0xFF;
    }

    /** Every speed the host set, in order (0 is the stop). */
    synchronized List<Integer> speeds() { return List.copyOf(speeds); }

    synchronized int statusReplies() { return statusReplies; }

    synchronized int badFrames() { return badFrames; }
}
