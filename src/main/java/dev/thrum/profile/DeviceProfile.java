package dev.thrum.profile;

import dev.thrum.pressure.ForceScale;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One device family, completely described as data (see docs/device-profiles.md).
 * Exactly one of {@code ble} and {@code serial} is usually set; a profile may have both
 * (for example a gun that speaks the same frames over BLE and a USB cable).
 *
 * @param origin where it was loaded from (a file path or "built-in:NAME"), for messages
 * @param force  what the status field {@code force} means (unit, useful range, pressure bands); null when undeclared
 */
public record DeviceProfile(
        String id,
        String name,
        List<String> models,
        Source source,
        Match match,
        BleSettings ble,
        SerialSettings serial,
        OutputRange output,
        Pacing pacing,
        Map<String, String> commands,
        List<StatusFrameSpec> status,
        String codec,
        String origin,
        ForceScale force) {

    /** A profile whose force figure has no declared meaning (or that reports none). */
    public DeviceProfile(String id, String name, List<String> models, Source source, Match match, BleSettings ble,
                         SerialSettings serial, OutputRange output, Pacing pacing, Map<String, String> commands,
                         List<StatusFrameSpec> status, String codec, String origin) {
        this(id, name, models, source, match, ble, serial, output, pacing, commands, status, codec, origin, null);
    }

    public enum Confidence { DOCUMENTED, REVERSE_ENGINEERED, INFERRED, OPEN_SPEC }

    public record Source(Confidence confidence, String reference) {}

    /** @param bleNames advertised names, {@code *} matches any run of characters */
    public record Match(List<String> bleNames, List<String> bleServices, List<String> usbIds) {

        /** True when an advertised name fits one of the patterns (case-sensitive; {@code *}: any run of characters). */
        public boolean matchesBleName(String advertised) {
            if (advertised == null) return false;
            for (String pattern : bleNames) if (wildcard(pattern, advertised)) return true;
            return false;
        }

        /** True when a USB id {@code vvvv:pppp} (any case) is listed. */
        public boolean matchesUsbId(String vendorProduct) {
            return vendorProduct != null && usbIds.contains(vendorProduct.toLowerCase(Locale.ROOT));
        }

        private static boolean wildcard(String pattern, String text) {
            StringBuilder regex = new StringBuilder();
            String[] parts = pattern.split("\\*", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) regex.append(".*");
                regex.append(Pattern.quote(parts[i]));
            }
            return text.matches(regex.toString());
        }
    }

    public enum WriteMode { WITH_RESPONSE, WITHOUT_RESPONSE }

    public enum ReadMode { NOTIFY, INDICATE, READ }

    /** UUIDs are always stored in their full 128-bit lower-case form. */
    public record BleSettings(String service, String txUuid, WriteMode txWrite,
                              String rxUuid, ReadMode rxMode, String batteryUuid) {}

    public enum Parity { NONE, EVEN, ODD, MARK, SPACE }

    public record SerialSettings(int baud, int dataBits, Parity parity, int stopBits) {}

    /**
     * @param minGapMs      shortest time between two writes
     * @param keepaliveMs   0 when the device needs none
     * @param statusPollMs  0 when the device streams status by itself or has no status
     * @param linkTimeoutMs no status for this long means the link is lost (0: not used)
     */
    public record Pacing(int minGapMs, int keepaliveMs, int statusPollMs, int linkTimeoutMs) {}

    /**
     * One status frame template and its typed fields.
     *
     * @param name what the frame is called in its protocol ("STATUS", "VERSION"), or null
     */
    public record StatusFrameSpec(String frame, Map<String, FieldSpec> fields, String name) {
        public StatusFrameSpec(String frame, Map<String, FieldSpec> fields) { this(frame, fields, null); }
    }

    /**
     * @param scale   multiply the raw value by this (for example battery bars 0..4 to percent: 25)
     * @param unknown the raw value that means "not known" (read as absent), or null
     * @param max     the highest valid raw value (above it the frame is rejected), or null
     */
    public record FieldSpec(int at, String type, double scale, Long unknown, Long max) {
        public FieldSpec(int at, String type, double scale) { this(at, type, scale, null, null); }
    }

    /** The same profile, loaded from somewhere else (a byte-identical copy of a file already parsed). */
    public DeviceProfile withOrigin(String newOrigin) {
        return new DeviceProfile(id, name, models, source, match, ble, serial, output, pacing, commands, status, codec, newOrigin, force);
    }
}
