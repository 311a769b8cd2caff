package dev.thrum.protocol;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.template.FrameTemplate;
import dev.thrum.profile.template.IntType;
import dev.thrum.profile.template.MatchResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * One status frame template with its typed fields: reads a frame into a {@link DeviceStatus} and
 * writes a status into a frame. Values that cannot be true (a running flag of 7, a battery above 100%)
 * reject the frame rather than pass on a wrong value.
 */
final class StatusFrame {

    private final FrameTemplate template;
    private final Map<String, DeviceProfile.FieldSpec> fields;
    private final String name;

    StatusFrame(FrameTemplate template, Map<String, DeviceProfile.FieldSpec> fields, String name) {
        this.template = template;
        this.name = name;
        this.fields = Map.copyOf(fields);
        for (var e : fields.entrySet()) {
            var f = e.getValue();
            if (f.at() + type(f).width() > template.minLength())
                throw new IllegalArgumentException("field " + e.getKey() + " lies outside the frame " + template);
        }
    }

    FrameTemplate template() { return template; }

    /** What the protocol calls this frame ("STATUS", "VERSION"), or null when the profile does not say. */
    String name() { return name; }

    /** A status, or the reason the frame was rejected (never both); closeness ranks rejections. */
    record Read(DeviceStatus status, String rejection, int closeness) {}

    Read read(byte[] frame) {
        MatchResult m = template.match(frame);
        if (m instanceof MatchResult.Mismatch mm) return new Read(null, mm.reason(), mm.closeness());
        Map<String, Object> values = new HashMap<>();
        for (var e : fields.entrySet()) {
            var f = e.getValue();
            long raw = type(f).read(frame, f.at());
            String name = e.getKey();
            if (f.unknown() != null && raw == f.unknown()) continue; // "not known": the field stays absent
            if (f.max() != null && raw > f.max())
                return reject(String.format("%s at byte %d is %d; at most %d is valid", name, f.at(), raw, f.max()));
            switch (name) {
                case "running" -> {
                    if (raw > 1) return reject(String.format("running flag at byte %d is %d; only 0 or 1 are valid",
                            f.at(), raw));
                    values.put(name, raw == 1);
                }
                case "firmware" -> values.put(name, firmwareText(raw, f.scale()));
                default -> {
                    double scaled = raw * f.scale();
                    if (scaled > Integer.MAX_VALUE) return reject(name + " at byte " + f.at() + " is too large: " + raw);
                    int value = (int) Math.round(scaled);
                    if (name.equals("battery") && value > 100)
                        return reject("battery at byte " + f.at() + " reads " + value + "%, above 100%");
                    values.put(name, value);
                }
            }
        }
        DeviceStatus status = new DeviceStatus((Boolean) values.get("running"), (Integer) values.get("speed"),
                (Integer) values.get("force"), (Integer) values.get("battery"), (Integer) values.get("timer"),
                (String) values.get("firmware"), (Integer) values.get("protocol"),
                (Integer) values.get("capabilities"), (Integer) values.get("stopReason"),
                (Integer) values.get("nakCommand"), (Integer) values.get("nakReason"));
        return new Read(status, null, Integer.MAX_VALUE);
    }

    private static Read reject(String reason) { return new Read(null, reason, Integer.MAX_VALUE - 1); }

    int fieldCount() { return fields.size(); }

    /** How many of the status's non-null values this frame carries. */
    int covers(DeviceStatus s) {
        int n = 0;
        for (String name : fields.keySet()) if (valueOf(s, name) != null) n++;
        return n;
    }

    byte[] write(DeviceStatus s) {
        return template.fill(Map.of(), frame -> {
            for (var e : fields.entrySet()) {
                var f = e.getValue();
                Object v = valueOf(s, e.getKey());
                long raw;
                if (v == null) raw = f.unknown() != null ? f.unknown() : 0;
                else if (v instanceof Boolean b) raw = b ? 1 : 0;
                else if (v instanceof String text) raw = firmwareRaw(text, f.scale());
                else {
                    int value = (Integer) v;
                    if (value < 0) throw new IllegalArgumentException(e.getKey() + " " + value + " is negative");
                    raw = Math.round(value / f.scale());
                }
                type(f).write(frame, f.at(), raw);
            }
        });
    }

    private static Object valueOf(DeviceStatus s, String name) {
        return switch (name) {
            case "running" -> s.running();
            case "speed" -> s.speed();
            case "force" -> s.force();
            case "battery" -> s.battery();
            case "timer" -> s.timer();
            case "firmware" -> s.firmware();
            case "protocol" -> s.protocol();
            case "capabilities" -> s.capabilities();
            case "stopReason" -> s.stopReason();
            case "nakCommand" -> s.nakCommand();
            case "nakReason" -> s.nakReason();
            default -> null;
        };
    }

    private static IntType type(DeviceProfile.FieldSpec f) {
        return IntType.parse(f.type()).orElseThrow(() -> new IllegalArgumentException("unknown type " + f.type()));
    }

    // Firmware: the raw number, or raw x scale with the scale's decimals (412 x 0.01 -> "4.12").
    private static String firmwareText(long raw, double scale) {
        if (scale == 1) return Long.toString(raw);
        BigDecimal s = BigDecimal.valueOf(scale);
        return BigDecimal.valueOf(raw).multiply(s).setScale(Math.max(0, s.scale()), RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    private static long firmwareRaw(String text, double scale) {
        try {
            BigDecimal v = new BigDecimal(text.trim());
            return v.divide(BigDecimal.valueOf(scale)).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("firmware '" + text + "' cannot be written as a number with scale "
                    + scale, e);
        }
    }
}
