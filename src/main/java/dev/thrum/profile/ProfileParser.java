package dev.thrum.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.json.JsonErrors;
import dev.thrum.json.StrictJson;
import dev.thrum.profile.template.FrameTemplate;
import dev.thrum.profile.template.IntType;
import dev.thrum.profile.template.Slot;
import dev.thrum.profile.template.TemplateSyntaxException;
import dev.thrum.pressure.ForceScale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates one device profile (format in docs/device-profiles.md) from a source name and
 * its JSON text. Every problem found is reported, each with its place; a profile with any problem is
 * rejected whole. Does no I/O: {@code dev.thrum.store.ProfileLibraryLoader} reads the files.
 * <p>
 * One class over 350 lines because the sections of a profile check one another while it is read
 * (the output range bounds the command templates, a codec changes which commands are needed, a
 * serial section forbids open-ended frames without a length), through one problem list; the
 * checking vocabulary lives in {@link ProfileChecks} and the byte layouts in {@code template}.
 */
public final class ProfileParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern USB_ID = Pattern.compile("[0-9a-fA-F]{4}:[0-9a-fA-F]{4}");

    private static final List<String> TOP_KEYS = List.of("id", "name", "models", "source", "match", "ble",
            "serial", "output", "pacing", "commands", "status", "codec", "notes", "pressure");

    private final Set<String> knownCodecs;

    /** @param knownCodecs names of the Java codecs a profile's {@code codec} key may name */
    public ProfileParser(Set<String> knownCodecs) {
        this.knownCodecs = Set.copyOf(knownCodecs);
    }

    public ProfileParseResult parse(String sourceName, String json) {
        JsonNode root;
        try {
            root = StrictJson.readTree(json);
        } catch (JsonProcessingException e) {
            JsonErrors.Syntax why = JsonErrors.describe(e);
            return new ProfileParseResult.Invalid(List.of(new ProfileProblem(sourceName, "", why.line(), why.column(), why.message())));
        }
        ProfileChecks c = new ProfileChecks(sourceName, JsonLocator.of(json));
        if (root == null || !root.isObject()) {
            c.at("$", "a profile must be one JSON object {...}");
            return new ProfileParseResult.Invalid(c.problems());
        }
        DeviceProfile profile = new Reader(c, sourceName).read(root);
        return c.clean() && profile != null
                ? new ProfileParseResult.Parsed(profile)
                : new ProfileParseResult.Invalid(c.problems());
    }

    /** One parse: holds the checks so the many small read steps stay short. */
    private final class Reader {
        private final ProfileChecks c;
        private final String origin;

        Reader(ProfileChecks c, String origin) {
            this.c = c;
            this.origin = origin;
        }

        DeviceProfile read(JsonNode root) {
            c.onlyKeys(root, "$", TOP_KEYS);
            String id = c.string(root, "$", "id", true);
            if (id != null && !ID.matcher(id).matches())
                c.at("$.id", "id '" + id + "' may use only lower-case letters, digits, '.', '_' and '-',"
                        + " starting with a letter or digit (like theragun-gen4)");
            String name = c.string(root, "$", "name", true);
            List<String> models = c.strings(root, "$", "models");
            JsonNode notes = root.get("notes");
            if (notes != null && !notes.isTextual() && !notes.isArray())
                c.at("$.notes", "\"notes\" must be a text or a list of texts");
            DeviceProfile.Source source = source(root);
            DeviceProfile.Match match = match(root);
            DeviceProfile.BleSettings ble = ble(root);
            DeviceProfile.SerialSettings serial = serial(root);
            if (root.get("ble") == null && root.get("serial") == null)
                c.at("$", "the profile needs a \"ble\" or a \"serial\" section to say how to reach the device");
            OutputRange output = output(root);
            DeviceProfile.Pacing pacing = pacing(root);
            String codec = c.string(root, "$", "codec", false);
            if (codec != null && !knownCodecs.contains(codec))
                c.at("$.codec", "no Java codec is registered as '" + codec + "'"
                        + (knownCodecs.isEmpty() ? " (none are registered)" : "; registered: "
                        + String.join(", ", knownCodecs.stream().sorted().toList()))
                        + "; remove \"codec\" to use the templates");
            Map<String, String> commands = commands(root, output, codec != null);
            List<DeviceProfile.StatusFrameSpec> status = status(root);
            ForceScale force = PressureSection.read(c, root,
                    status.stream().anyMatch(f -> f.fields().containsKey("force")));
            if (!c.clean()) return null;
            return new DeviceProfile(id, name, List.copyOf(models), source, match, ble, serial, output, pacing,
                    Collections.unmodifiableMap(commands), List.copyOf(status), codec, origin, force);
        }

        private DeviceProfile.Source source(JsonNode root) {
            JsonNode n = c.object(root, "$", "source", true);
            if (n == null) return null;
            c.onlyKeys(n, "$.source", List.of("confidence", "reference"));
            String conf = c.string(n, "$.source", "confidence", true);
            String reference = c.string(n, "$.source", "reference", true);
            DeviceProfile.Confidence confidence = null;
            if (conf != null) {
                try {
                    confidence = DeviceProfile.Confidence.valueOf(conf.toUpperCase(Locale.ROOT).replace('-', '_'));
                } catch (IllegalArgumentException e) {
                    c.at("$.source.confidence", "unknown confidence '" + conf + "'; use documented,"
                            + " reverse-engineered, inferred or open-spec");
                }
            }
            return new DeviceProfile.Source(confidence, reference);
        }

        private DeviceProfile.Match match(JsonNode root) {
            JsonNode n = c.object(root, "$", "match", false);
            if (n == null) return new DeviceProfile.Match(List.of(), List.of(), List.of());
            c.onlyKeys(n, "$.match", List.of("bleNames", "bleServices", "usbIds"));
            List<String> names = c.strings(n, "$.match", "bleNames");
            List<String> services = new ArrayList<>();
            List<String> raw = c.strings(n, "$.match", "bleServices");
            for (int i = 0; i < raw.size(); i++) {
                String u = uuid(raw.get(i), "$.match.bleServices[" + i + "]");
                if (u != null) services.add(u);
            }
            List<String> usb = new ArrayList<>();
            List<String> rawUsb = c.strings(n, "$.match", "usbIds");
            for (int i = 0; i < rawUsb.size(); i++) {
                String u = rawUsb.get(i);
                if (USB_ID.matcher(u).matches()) usb.add(u.toLowerCase(Locale.ROOT));
                else c.at("$.match.usbIds[" + i + "]", "USB id '" + u + "' must be vendor:product in hex,"
                        + " like 10c4:ea60");
            }
            return new DeviceProfile.Match(List.copyOf(names), List.copyOf(services), List.copyOf(usb));
        }

        private String uuid(String text, String path) {
            var u = Uuids.normalize(text);
            if (u.isEmpty())
                c.at(path, "'" + text + "' is not a Bluetooth UUID; write 4 hex digits for a standard 16-bit"
                        + " UUID (like ffe0) or the full form like 0000ffe0-0000-1000-8000-00805f9b34fb");
            return u.orElse(null);
        }

        private DeviceProfile.BleSettings ble(JsonNode root) {
            JsonNode n = c.object(root, "$", "ble", false);
            if (n == null) return null;
            c.onlyKeys(n, "$.ble", List.of("service", "tx", "rx", "battery"));
            String serviceText = c.string(n, "$.ble", "service", true);
            String service = serviceText == null ? null : uuid(serviceText, "$.ble.service");
            String txUuid = null, rxUuid = null, battery = null;
            DeviceProfile.WriteMode write = null;
            DeviceProfile.ReadMode mode = null;
            JsonNode tx = c.object(n, "$.ble", "tx", true);
            if (tx != null) {
                c.onlyKeys(tx, "$.ble.tx", List.of("uuid", "write"));
                String t = c.string(tx, "$.ble.tx", "uuid", true);
                if (t != null) txUuid = uuid(t, "$.ble.tx.uuid");
                String w = c.string(tx, "$.ble.tx", "write", true);
                if (w != null) {
                    switch (w) {
                        case "with-response" -> write = DeviceProfile.WriteMode.WITH_RESPONSE;
                        case "without-response" -> write = DeviceProfile.WriteMode.WITHOUT_RESPONSE;
                        default -> c.at("$.ble.tx.write", "write mode '" + w
                                + "' is unknown; use with-response or without-response");
                    }
                }
            }
            JsonNode rx = c.object(n, "$.ble", "rx", false);
            if (rx != null) {
                c.onlyKeys(rx, "$.ble.rx", List.of("uuid", "mode"));
                String r = c.string(rx, "$.ble.rx", "uuid", true);
                if (r != null) rxUuid = uuid(r, "$.ble.rx.uuid");
                String m = c.string(rx, "$.ble.rx", "mode", true);
                if (m != null) {
                    switch (m) {
                        case "notify" -> mode = DeviceProfile.ReadMode.NOTIFY;
                        case "indicate" -> mode = DeviceProfile.ReadMode.INDICATE;
                        case "read" -> mode = DeviceProfile.ReadMode.READ;
                        default -> c.at("$.ble.rx.mode", "receive mode '" + m
                                + "' is unknown; use notify, indicate or read");
                    }
                }
            }
            String b = c.string(n, "$.ble", "battery", false);
            if (b != null) battery = uuid(b, "$.ble.battery");
            return new DeviceProfile.BleSettings(service, txUuid, write, rxUuid, mode, battery);
        }

        private DeviceProfile.SerialSettings serial(JsonNode root) {
            JsonNode n = c.object(root, "$", "serial", false);
            if (n == null) return null;
            c.onlyKeys(n, "$.serial", List.of("baud", "dataBits", "parity", "stopBits"));
            Integer baud = c.integer(n, "$.serial", "baud", true, 50, 10_000_000);
            Integer dataBits = c.integer(n, "$.serial", "dataBits", false, 5, 8);
            Integer stopBits = c.integer(n, "$.serial", "stopBits", false, 1, 2);
            String parityText = c.string(n, "$.serial", "parity", false);
            DeviceProfile.Parity parity = DeviceProfile.Parity.NONE;
            if (parityText != null) {
                try {
                    parity = DeviceProfile.Parity.valueOf(parityText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    c.at("$.serial.parity", "parity '" + parityText + "' is unknown; use none, even, odd,"
                            + " mark or space");
                }
            }
            return new DeviceProfile.SerialSettings(baud == null ? 0 : baud, dataBits == null ? 8 : dataBits,
                    parity, stopBits == null ? 1 : stopBits);
        }

        private OutputRange output(JsonNode root) {
            JsonNode n = c.object(root, "$", "output", true);
            if (n == null) return null;
            c.onlyKeys(n, "$.output", List.of("unit", "stop", "min", "max", "levels"));
            String unit = c.string(n, "$.output", "unit", true);
            Integer stop = c.integer(n, "$.output", "stop", true, 0, Integer.MAX_VALUE);
            boolean hasLevels = n.has("levels");
            boolean hasMinMax = n.has("min") || n.has("max");
            if (hasLevels && hasMinMax) {
                c.at("$.output", "give either \"min\" and \"max\" (a continuous range) or \"levels\""
                        + " (discrete steps), not both");
                return null;
            }
            if (!hasLevels && !hasMinMax) {
                c.at("$.output", "missing the range: give \"min\" and \"max\" for a continuous range, or"
                        + " \"levels\": [...] for discrete steps");
                return null;
            }
            if (hasMinMax) {
                Integer min = c.integer(n, "$.output", "min", true, 0, Integer.MAX_VALUE);
                Integer max = c.integer(n, "$.output", "max", true, 0, Integer.MAX_VALUE);
                if (min == null || max == null || unit == null || stop == null) return null;
                if (min > max) {
                    c.at("$.output.min", "min " + min + " is above max " + max
                            + "; min is the lowest running value and max the highest");
                    return null;
                }
                if (stop >= min && stop <= max) {
                    c.at("$.output.stop", "stop value " + stop + " lies inside the running range " + min + ".."
                            + max + "; the stop value must be outside it (usually 0)");
                    return null;
                }
                return new OutputRange.Continuous(unit, stop, min, max);
            }
            JsonNode levels = c.array(n, "$.output", "levels", true);
            if (levels == null || unit == null || stop == null) return null;
            if (levels.isEmpty()) {
                c.at("$.output.levels", "\"levels\" is empty; list the running values lowest first, like [1, 2, 3]");
                return null;
            }
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < levels.size(); i++) {
                Integer v = c.integerValue(levels.get(i), "$.output.levels[" + i + "]", "levels[" + i + "]",
                        0, Integer.MAX_VALUE);
                if (v == null) return null;
                if (!values.isEmpty() && v <= values.get(values.size() - 1)) {
                    c.at("$.output.levels[" + i + "]", "levels must rise strictly, lowest first; " + v
                            + " follows " + values.get(values.size() - 1));
                    return null;
                }
                if (v.equals(stop)) {
                    c.at("$.output.levels[" + i + "]", "level " + v + " is also the stop value; the stop value"
                            + " must not be a running level");
                    return null;
                }
                values.add(v);
            }
            return new OutputRange.Discrete(unit, stop, values);
        }

        private DeviceProfile.Pacing pacing(JsonNode root) {
            JsonNode n = c.object(root, "$", "pacing", true);
            if (n == null) return null;
            c.onlyKeys(n, "$.pacing", List.of("minGapMs", "keepaliveMs", "statusPollMs", "linkTimeoutMs"));
            int day = 86_400_000;
            Integer gap = c.integer(n, "$.pacing", "minGapMs", true, 0, 60_000);
            Integer keepalive = c.integer(n, "$.pacing", "keepaliveMs", false, 0, day);
            Integer poll = c.integer(n, "$.pacing", "statusPollMs", false, 0, day);
            Integer timeout = c.integer(n, "$.pacing", "linkTimeoutMs", false, 0, day);
            return new DeviceProfile.Pacing(gap == null ? 0 : gap, keepalive == null ? 0 : keepalive,
                    poll == null ? 0 : poll, timeout == null ? 0 : timeout);
        }

        private Map<String, String> commands(JsonNode root, OutputRange output, boolean hasCodec) {
            JsonNode n = c.object(root, "$", "commands", !hasCodec);
            Map<String, String> out = new LinkedHashMap<>();
            if (n == null) return out;
            c.onlyKeys(n, "$.commands", ProfileFields.COMMANDS);
            if (!hasCodec) {
                for (String required : List.of("setSpeed", "stop"))
                    if (!n.has(required))
                        c.at("$.commands", "missing the \"" + required + "\" command template; every device"
                                + " needs setSpeed and stop (write stop as setSpeed with the stop value if the"
                                + " device has no stop command of its own)");
            }
            Map<String, String> fixedBytes = new HashMap<>();
            for (String name : ProfileFields.COMMANDS) {
                if (!n.has(name)) continue;
                String path = "$.commands." + name;
                String text = c.string(n, "$.commands", name, true);
                if (text == null) continue;
                FrameTemplate t = template(text, path);
                if (t == null) continue;
                checkStreamable(root, t, path);
                List<Slot.Value> values = t.values();
                for (Slot.Value v : values) {
                    String allowed = name.equals("setSpeed") ? ProfileFields.SPEED
                            : name.equals("hello") ? ProfileFields.PROTOCOL : null;
                    if (!v.name().equals(allowed)) {
                        c.at(path, "the template names an undefined field {" + v.name() + ":"
                                + v.type().spelling() + "}; " + (allowed != null
                                ? name + " can carry only {" + allowed + ":TYPE}"
                                : "the " + name + " command carries no value: write its bytes out"));
                    }
                }
                if (name.equals("hello") && values.size() != 1)
                    c.at(path, "hello must carry the host's protocol version once: add {protocol:u8}");
                if (name.equals("setSpeed")) {
                    if (values.isEmpty())
                        c.at(path, "setSpeed must carry the speed: add a placeholder like {speed:u16be}");
                    if (values.size() > 1)
                        c.at(path, "setSpeed carries " + values.size() + " values; it must carry exactly one,"
                                + " {speed:TYPE}");
                    for (Slot.Value v : values) {
                        if (output != null && v.name().equals(ProfileFields.SPEED) && v.type().max() < output.highest())
                            c.at(path, "{speed:" + v.type().spelling() + "} holds at most " + v.type().max()
                                    + " but the output range goes up to " + output.highest()
                                    + "; use a wider type");
                    }
                }
                out.put(name, text);
                if (values.isEmpty()) {
                    String bytes = HexFormat.of().formatHex(t.fill(Map.of()));
                    String twin = fixedBytes.putIfAbsent(bytes, name);
                    if (twin != null)
                        c.at(path, "the " + name + " command has the same bytes as " + twin
                                + ", so a device could not tell them apart; remove one or fix its bytes");
                }
            }
            return out;
        }

        private List<DeviceProfile.StatusFrameSpec> status(JsonNode root) {
            JsonNode n = c.array(root, "$", "status", false);
            List<DeviceProfile.StatusFrameSpec> out = new ArrayList<>();
            if (n == null) return out;
            for (int i = 0; i < n.size(); i++) {
                String path = "$.status[" + i + "]";
                JsonNode frame = n.get(i);
                if (!frame.isObject()) {
                    c.at(path, "each status entry must be an object {\"frame\": ..., \"fields\": {...}}");
                    continue;
                }
                c.onlyKeys(frame, path, List.of("frame", "fields", "name"));
                String text = c.string(frame, path, "frame", true);
                String frameName = c.string(frame, path, "name", false);
                FrameTemplate t = text == null ? null : template(text, path + ".frame");
                if (t != null) checkStreamable(root, t, path + ".frame");
                if (t != null && !t.values().isEmpty())
                    c.at(path + ".frame", "status frames mark field bytes with '..' and list the fields under"
                            + " \"fields\"; replace {" + t.values().get(0).name() + ":...} with '..' bytes"
                            + " and add the field to \"fields\" with its \"at\" and \"type\"");
                JsonNode fields = c.object(frame, path, "fields", true);
                Map<String, DeviceProfile.FieldSpec> specs = new LinkedHashMap<>();
                if (fields != null) {
                    if (fields.isEmpty()) c.at(path + ".fields", "\"fields\" is empty; name at least one field");
                    c.onlyKeys(fields, path + ".fields", ProfileFields.STATUS_FIELDS);
                    fields.fields().forEachRemaining(e -> {
                        if (!ProfileFields.STATUS_FIELDS.contains(e.getKey())) return;
                        DeviceProfile.FieldSpec spec = field(e.getValue(), path + ".fields." + e.getKey(), t);
                        if (spec != null) specs.put(e.getKey(), spec);
                    });
                }
                checkOverlaps(specs, path);
                if (text != null) out.add(new DeviceProfile.StatusFrameSpec(text, Collections.unmodifiableMap(specs), frameName));
            }
            return out;
        }

        private void checkOverlaps(Map<String, DeviceProfile.FieldSpec> specs, String path) {
            List<Map.Entry<String, DeviceProfile.FieldSpec>> list = new ArrayList<>(specs.entrySet());
            for (int i = 0; i < list.size(); i++) {
                for (int j = 0; j < i; j++) {
                    var a = list.get(j).getValue();
                    var b = list.get(i).getValue();
                    int aEnd = a.at() + IntType.parse(a.type()).orElseThrow().width();
                    int bEnd = b.at() + IntType.parse(b.type()).orElseThrow().width();
                    if (a.at() < bEnd && b.at() < aEnd)
                        c.at(path + ".fields." + list.get(i).getKey() + ".at", "field " + list.get(i).getKey()
                                + " shares bytes with field " + list.get(j).getKey() + "; give each field its own bytes");
                }
            }
        }

        private DeviceProfile.FieldSpec field(JsonNode n, String path, FrameTemplate frame) {
            if (!n.isObject()) {
                c.at(path, "a field must be an object like {\"at\": 4, \"type\": \"u8\"}");
                return null;
            }
            c.onlyKeys(n, path, List.of("at", "type", "scale", "unknown", "max"));
            Integer unknown = c.integer(n, path, "unknown", false, 0, Integer.MAX_VALUE);
            Integer max = c.integer(n, path, "max", false, 0, Integer.MAX_VALUE);
            Integer at = c.integer(n, path, "at", true, 0, 65_535);
            String typeText = c.string(n, path, "type", true);
            IntType type = null;
            if (typeText != null) {
                type = IntType.parse(typeText).orElse(null);
                if (type == null) c.at(path + ".type", "unknown type '" + typeText + "'; use one of "
                        + IntType.spellings());
            }
            double scale = 1;
            JsonNode s = n.get("scale");
            if (s != null) {
                if (!s.isNumber() || !(s.doubleValue() > 0)) {
                    c.at(path + ".scale", "\"scale\" must be a number above 0 (the raw value is multiplied by it)");
                    return null;
                }
                scale = s.doubleValue();
            }
            if (at == null || type == null) return null;
            if (frame != null) {
                int end = at + type.width();
                // An open-ended frame's fields still lie in its fixed part: a frame too short for a
                // field the profile reads is rejected, never read past its end.
                if (end > frame.minLength()) {
                    c.at(path + ".at", "the field takes bytes " + at + ".." + (end - 1) + " but the frame describes only "
                            + frame.minLength() + " bytes (0.." + (frame.minLength() - 1) + "); the frame is shorter than"
                            + " its fields: lengthen the frame (add '..' before any '...') or move the field");
                    return null;
                }
                for (int b = at; b < end; b++) {
                    if (!(frame.slotAt(b) instanceof Slot.Wildcard)) {
                        c.at(path + ".at", "byte " + b + " of the frame is not a '..' wildcard, so it cannot hold"
                                + " this field; put '..' at bytes " + at + ".." + (end - 1) + " of the frame");
                        return null;
                    }
                }
            }
            for (Integer raw : java.util.Arrays.asList(unknown, max)) {
                if (raw != null && raw > type.max()) {
                    c.at(path, "\"" + (raw.equals(unknown) ? "unknown" : "max") + "\" is " + raw + " but a "
                            + type.spelling() + " holds at most " + type.max() + "; use a value the field can hold");
                    return null;
                }
            }
            return new DeviceProfile.FieldSpec(at, type.spelling(), scale,
                    unknown == null ? null : unknown.longValue(), max == null ? null : max.longValue());
        }

        // A serial line is one byte stream: only a length field tells where an open-ended frame ends.
        private void checkStreamable(JsonNode root, FrameTemplate t, String path) {
            if (root.get("serial") != null && t.openEnded() && t.framingLength() == null)
                c.at(path, "the frame ends in '...' but has no length field counting to its end, so on a"
                        + " serial line Thrum cannot tell where it stops; add one like {len:u8} or remove '...'");
        }

        private FrameTemplate template(String text, String path) {
            try {
                return FrameTemplate.parse(text);
            } catch (TemplateSyntaxException e) {
                c.atInString(path, e.column(), e.getMessage());
                return null;
            }
        }
    }
}
