package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thrum.app.DeviceDiscovery;
import dev.thrum.app.DeviceSpec;
import dev.thrum.store.AppConfig;
import dev.thrum.store.AppConfigWriter;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.ProfileLibrary;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The devices page's endpoints: the device in use with its link, battery and firmware
 * ({@code GET /devices/current}), what could be reached from here ({@code POST /devices/scan}, what
 * {@code thrum devices} finds) and the default device in config.json ({@code PUT /devices/default}).
 * The daemon keeps the device it started with until it restarts (docs/daemon.md says why); a new
 * default is written for the next start and the answer says so.
 */
final class DeviceEndpoints {
    static final double MAX_SCAN_SECONDS = 30;
    static final double DEFAULT_SCAN_SECONDS = 5;
    private static final String RESTART = "systemctl --user restart thrum, or stop 'thrum daemon' and start it again";

    /** What the daemon was started with. */
    record InUse(DeviceSpec spec, DeviceProfile profile, Path configFile) {}

    private final SessionHost host;
    private final InUse inUse;
    private final Map<String, DeviceProfile> profiles;
    private final DeviceWatch watch;
    private final DeviceScan scan;

    /**
     * @param profiles  every loaded profile by id, to check a profile a new default names
     * @param linkGrace how long the daemon waits for a lost link before it closes
     */
    DeviceEndpoints(SessionHost host, InUse inUse, Map<String, DeviceProfile> profiles, DeviceDiscovery discovery,
                    Duration linkGrace) {
        this(host, inUse, profiles, discovery, linkGrace, DeviceScan.MARGIN);
    }

    /** @param scanMargin how much longer than the Bluetooth scan itself a scan may take before the answer is 504 */
    DeviceEndpoints(SessionHost host, InUse inUse, Map<String, DeviceProfile> profiles, DeviceDiscovery discovery,
                    Duration linkGrace, Duration scanMargin) {
        this.host = host;
        this.inUse = inUse;
        this.profiles = Map.copyOf(profiles);
        this.watch = new DeviceWatch(Clock.systemUTC(), linkGrace, host.linkUp());
        this.scan = new DeviceScan(discovery, scanMargin);
        host.addListener(watch);
    }

    /** The daemon's own: discovery on this machine with the profiles the daemon loaded. */
    static DeviceEndpoints forDaemon(SessionHost host, DeviceSpec spec, DeviceProfile profile, ProfileLibrary library,
                                     Path configFile, Duration linkGrace) {
        return new DeviceEndpoints(host, new InUse(spec, profile, configFile), library.profiles(),
                DeviceDiscovery.onThisMachine(List.copyOf(library.profiles().values())), linkGrace);
    }

    void register(Router r) {
        r.add("GET", "/devices/current", q -> ApiResponse.ok(current()));
        r.add("POST", "/devices/scan", this::scan);
        r.add("PUT", "/devices/default", this::setDefault);
    }

    private ObjectNode current() {
        DeviceWatch.Snapshot s = watch.snapshot(host.linkUp());
        ObjectNode out = Json.MAPPER.createObjectNode()
                .put("device", DeviceText.of(inUse.spec()))
                .put("describe", host.deviceDescription())
                .put("kind", kind(inUse.spec()));
        if (inUse.profile() == null) out.putNull("profile");
        else out.putObject("profile").put("id", inUse.profile().id()).put("name", inUse.profile().name());
        out.put("link", s.link().name().toLowerCase(java.util.Locale.ROOT))
                .put("linkReason", s.linkReason())
                .put("downSince", s.downSince() == null ? null : s.downSince().toString())
                .put("battery", s.battery())
                .put("firmware", s.firmware())
                .put("statusAt", s.statusAt() == null ? null : s.statusAt().toString())
                .put("sessionRunning", host.sessionRunning());
        out.set("default", defaultJson());
        return out;
    }

    /** config.json's device: what the next start uses unless a --device flag overrides it. */
    private ObjectNode defaultJson() {
        ObjectNode d = Json.MAPPER.createObjectNode().put("file", inUse.configFile().toString());
        try {
            String device = AppConfig.load(inUse.configFile()).device();
            d.put("device", device == null ? "sim" : device).put("set", device != null);
            d.put("restartNeeded", !sameDevice(device == null ? "sim" : device));
        } catch (IllegalArgumentException e) {
            // a broken file is shown, not fatal: the page still shows the device in use
            d.putNull("device").put("set", false).put("restartNeeded", false).put("error", e.getMessage());
        }
        return d;
    }

    private boolean sameDevice(String text) {
        try {
            DeviceSpec spec = DeviceSpec.parse(text);
            return DeviceText.of(spec).equals(DeviceText.of(inUse.spec())) || text.equals(host.deviceDescription());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private ApiResponse scan(ApiRequest q) {
        ObjectNode body = q.body();
        only(body, "POST /devices/scan", "seconds (1 to 30, how long the Bluetooth scan lasts), ble and serial (true or false)",
                "seconds", "ble", "serial");
        double seconds = DEFAULT_SCAN_SECONDS;
        JsonNode n = body.get("seconds");
        if (n != null && !n.isNull()) {
            if (!n.isNumber() || !(n.asDouble() >= 1 && n.asDouble() <= MAX_SCAN_SECONDS))
                throw ApiException.badRequest("POST /devices/scan ($.seconds): must be a number of seconds from 1 to 30, got " + n,
                        "for example {\"seconds\": 5}");
            seconds = n.asDouble();
        }
        boolean ble = flag(body, "ble"), serial = flag(body, "serial");
        if (!ble && !serial)
            throw ApiException.badRequest("POST /devices/scan: nothing to scan (ble and serial are both false)", "leave them out to scan both");
        // No Bluetooth scan during any session: on a Bluetooth massager the scan shares the one radio
        // with the session's link and can delay its frames (a stop must never wait); on any massager the
        // first scan loads tinyb's native code into the daemon, whose BlueZ failures can end the process.
        // A scan is never urgent. Serial ports are only listed, which touches no radio and no device.
        boolean reconnectingBle = inUse.spec() instanceof DeviceSpec.Ble && !host.linkUp();
        if (ble && (host.sessionRunning() || reconnectingBle))
            throw ApiException.conflict("not scanning for Bluetooth devices while " + (host.sessionRunning()
                            ? "a session runs" : "the daemon is reconnecting to its Bluetooth massager"),
                    "scan again when the session has ended, or list serial ports only with {\"ble\": false}");
        ObjectNode out = scan.run(Duration.ofMillis(Math.round(seconds * 1000)), ble, serial);
        return ApiResponse.ok(out);
    }

    private ApiResponse setDefault(ApiRequest q) {
        ObjectNode body = q.body();
        only(body, "PUT /devices/default", "device", "device");
        JsonNode n = body.get("device");
        if (n == null || !n.isTextual() || n.asText().isBlank())
            throw ApiException.badRequest("PUT /devices/default ($.device): missing: give the device as text",
                    "for example {\"device\": \"serial:/dev/ttyUSB0@thrum-open-serial\"}, {\"device\": \"ble:AA:BB:CC:DD:EE:FF\"} or {\"device\": \"sim\"}");
        String text = n.asText().trim();
        DeviceSpec spec;
        try {
            spec = DeviceSpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("PUT /devices/default ($.device): " + e.getMessage(),
                    "write sim, sim:PROFILE, ble, ble:ADDRESS, serial:PATH or serial:PATH@PROFILE");
        }
        if (spec instanceof DeviceSpec.Serial s && !s.path().startsWith("/"))
            throw ApiException.badRequest("PUT /devices/default ($.device): the serial port '" + s.path() + "' is not a full path",
                    "write it from the root, for example serial:/dev/" + s.path() + "; the daemon does not start in your folder");
        checkProfile(spec);
        String normal = DeviceText.of(spec);
        try {
            AppConfigWriter.setDevice(inUse.configFile(), normal);
        } catch (AppConfigWriter.Refused e) {
            throw e.fileProblem() ? ApiException.conflict(e.getMessage(), "fix config.json by hand (docs/daemon.md), then choose the device again")
                    : new ApiException(500, e.getMessage(), "check the disk and the folder's permissions, then try again");
        }
        boolean restart = !sameDevice(normal);
        ObjectNode out = Json.MAPPER.createObjectNode().put("device", normal).put("file", inUse.configFile().toString())
                .put("restartNeeded", restart)
                .put("message", restart ? "Saved as the default device. The daemon keeps using " + DeviceText.of(inUse.spec())
                        + " until it restarts (" + RESTART + ")." : "Saved as the default device; the daemon already uses it.");
        return ApiResponse.ok(out);
    }

    // a profile the daemon would refuse at its next start is refused now, while the person is here
    private void checkProfile(DeviceSpec spec) {
        String id = spec instanceof DeviceSpec.Sim s ? s.profileId() : spec instanceof DeviceSpec.Serial s ? s.profileId() : null;
        if (id == null) return;
        DeviceProfile p = profiles.get(id);
        if (p == null)
            throw ApiException.badRequest("PUT /devices/default ($.device): no device profile '" + id + "'",
                    "use one of " + String.join(", ", new java.util.TreeSet<>(profiles.keySet())) + " (see 'thrum profiles list')");
        if (spec instanceof DeviceSpec.Serial && p.serial() == null)
            throw ApiException.badRequest("PUT /devices/default ($.device): the profile '" + id + "' does not speak serial",
                    "choose a serial profile, for example " + profiles.values().stream().filter(x -> x.serial() != null)
                            .map(DeviceProfile::id).sorted().findFirst().orElse("thrum-open-serial"));
    }

    private static void only(ObjectNode body, String request, String takes, String... keys) {
        java.util.Set<String> allowed = java.util.Set.of(keys);
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key))
                throw ApiException.badRequest(request + ": unknown field '" + key + "'", "it takes " + takes);
        }
    }

    private static boolean flag(ObjectNode body, String key) {
        JsonNode n = body.get(key);
        if (n == null || n.isNull()) return true;
        if (!n.isBoolean()) throw ApiException.badRequest("POST /devices/scan ($." + key + "): must be true or false, got " + n, null);
        return n.asBoolean();
    }

    private static String kind(DeviceSpec spec) {
        if (spec instanceof DeviceSpec.Ble) return "ble";
        if (spec instanceof DeviceSpec.Serial) return "serial";
        return "sim";
    }
}
