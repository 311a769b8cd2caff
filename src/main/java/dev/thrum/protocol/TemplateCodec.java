package dev.thrum.protocol;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.OutputRange;
import dev.thrum.profile.template.FrameTemplate;
import dev.thrum.profile.template.MatchResult;
import dev.thrum.profile.template.TemplateSyntaxException;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The codec a profile's templates describe, in both directions. Received bytes never make it throw:
 * a frame that does not fit is rejected with the reason, logged at debug level.
 */
public final class TemplateCodec implements Codec {

    private static final System.Logger LOG = System.getLogger(TemplateCodec.class.getName());

    // Decoding order: fixed commands first, so "speed 0" bytes that equal the stop template read as Stop.
    private static final List<String> DECODE_ORDER =
            List.of("stop", "status", "version", "battery", "keepalive", "hello", "setSpeed");

    private final String profileId;
    private final OutputRange output;
    private final Map<String, FrameTemplate> commands = new LinkedHashMap<>();
    private final List<StatusFrame> statusFrames = new ArrayList<>();

    /** @throws IllegalArgumentException when a template does not parse (profiles from the parser always do) */
    public TemplateCodec(DeviceProfile profile) {
        this.profileId = profile.id();
        this.output = profile.output();
        for (String name : DECODE_ORDER) {
            String text = profile.commands().get(name);
            if (text != null) commands.put(name, compile(text));
        }
        for (DeviceProfile.StatusFrameSpec spec : profile.status())
            statusFrames.add(new StatusFrame(compile(spec.frame()), spec.fields(), spec.name()));
    }

    private FrameTemplate compile(String text) {
        try {
            return FrameTemplate.parse(text);
        } catch (TemplateSyntaxException e) {
            throw new IllegalArgumentException("profile '" + profileId + "': template '" + text + "': " + e.getMessage(), e);
        }
    }

    @Override
    public boolean supports(Class<? extends DeviceCommand> command) {
        return commands.containsKey(templateName(command));
    }

    private static String templateName(Class<? extends DeviceCommand> type) {
        if (type == DeviceCommand.SetSpeed.class) return "setSpeed";
        if (type == DeviceCommand.Stop.class) return "stop";
        if (type == DeviceCommand.StatusRequest.class) return "status";
        if (type == DeviceCommand.VersionRequest.class) return "version";
        if (type == DeviceCommand.BatteryRequest.class) return "battery";
        if (type == DeviceCommand.Keepalive.class) return "keepalive";
        if (type == DeviceCommand.Hello.class) return "hello";
        return "";
    }

    @Override
    public byte[] encode(DeviceCommand command) {
        if (command instanceof DeviceCommand.SetSpeed set) {
            int v = set.value();
            if (v == output.stopValue() && commands.containsKey("stop")) return encode(new DeviceCommand.Stop());
            if (!output.accepts(v))
                throw new IllegalArgumentException("speed " + v + " is not a value profile '" + profileId
                        + "' accepts; " + describe(output));
            return template("setSpeed").fill(Map.of("speed", (long) v));
        }
        if (command instanceof DeviceCommand.Hello hello)
            return template("hello").fill(Map.of("protocol", (long) hello.protocol()));
        return template(command.templateName()).fill(Map.of());
    }

    /**
     * What the profile calls the reply frame these bytes are ("STATUS", "VERSION"...): the name of
     * the first status template they fit, or empty when none fits or the profile names none.
     */
    public java.util.Optional<String> replyName(byte[] frame) {
        for (StatusFrame f : statusFrames)
            if (f.read(frame).status() != null) return java.util.Optional.ofNullable(f.name());
        return java.util.Optional.empty();
    }

    private FrameTemplate template(String name) {
        FrameTemplate t = commands.get(name);
        if (t == null)
            throw new IllegalArgumentException("profile '" + profileId + "' has no \"" + name + "\" command");
        return t;
    }

    static String describe(OutputRange range) {
        if (range instanceof OutputRange.Continuous c)
            return "it takes " + c.min() + ".." + c.max() + " " + c.unit() + ", or " + c.stop() + " to stop";
        OutputRange.Discrete d = (OutputRange.Discrete) range;
        return "its levels are " + d.levels() + " (" + d.unit() + "), or " + d.stop() + " to stop";
    }

    @Override
    public DecodeResult<DeviceStatus> decodeStatus(byte[] frame) {
        if (frame == null) return rejected("no bytes");
        if (statusFrames.isEmpty()) return rejected("profile '" + profileId + "' defines no status frames");
        StatusFrame.Read best = null;
        for (StatusFrame f : statusFrames) {
            StatusFrame.Read r = f.read(frame);
            if (r.status() != null) return DecodeResult.ok(r.status());
            if (best == null || r.closeness() > best.closeness()) best = r;
        }
        if (best.closeness() == 0)
            return rejected("frame has " + frame.length + " bytes; status frames of this profile have "
                    + lengths(statusFrames.stream().map(StatusFrame::template).toList()) + " bytes", frame);
        return rejected(statusFrames.size() == 1 ? best.rejection() : "no status frame fits; closest: " + best.rejection(),
                frame);
    }

    @Override
    public DecodeResult<DeviceCommand> decodeCommand(byte[] frame) {
        if (frame == null) return rejected("no bytes");
        MatchResult.Mismatch best = null;
        for (var e : commands.entrySet()) {
            MatchResult m = e.getValue().match(frame);
            if (m instanceof MatchResult.Matched matched) {
                DeviceCommand c = command(e.getKey(), matched.values());
                if (c != null) return DecodeResult.ok(c);
                long v = matched.values().get("speed");
                return rejected("speed " + v + " is outside the output range: " + describe(output), frame);
            }
            MatchResult.Mismatch mm = (MatchResult.Mismatch) m;
            if (best == null || mm.closeness() > best.closeness()) best = mm;
        }
        if (best == null) return rejected("profile '" + profileId + "' defines no commands", frame);
        if (best.closeness() == 0)
            return rejected("frame has " + frame.length + " bytes; commands of this profile have "
                    + lengths(List.copyOf(commands.values())) + " bytes", frame);
        return rejected("no command template fits; closest: " + best.reason(), frame);
    }

    private DeviceCommand command(String name, Map<String, Long> values) {
        return switch (name) {
            case "stop" -> new DeviceCommand.Stop();
            case "status" -> new DeviceCommand.StatusRequest();
            case "version" -> new DeviceCommand.VersionRequest();
            case "battery" -> new DeviceCommand.BatteryRequest();
            case "keepalive" -> new DeviceCommand.Keepalive();
            case "hello" -> new DeviceCommand.Hello(values.get("protocol").intValue());
            case "setSpeed" -> {
                long v = values.get("speed");
                if (v == output.stopValue()) yield new DeviceCommand.Stop();
                yield v <= Integer.MAX_VALUE && output.accepts((int) v) ? new DeviceCommand.SetSpeed((int) v) : null;
            }
            default -> null;
        };
    }

    private static String lengths(List<FrameTemplate> templates) {
        List<String> out = new ArrayList<>();
        for (FrameTemplate t : templates) {
            String n = t.lengthText();
            if (!out.contains(n)) out.add(n);
        }
        return out.size() == 1 ? out.get(0)
                : String.join(", ", out.subList(0, out.size() - 1)) + " or " + out.get(out.size() - 1);
    }

    @Override
    public byte[] encodeStatus(DeviceStatus status) {
        // The frame carrying the most of the status's values; of those, the one with the fewest
        // fields the status leaves empty (a version 1 STATUS rather than the longer version 2 one).
        StatusFrame best = null;
        int bestCount = 0, bestSpare = 0;
        for (StatusFrame f : statusFrames) {
            int n = f.covers(status), spare = f.fieldCount() - n;
            if (n > bestCount || (n == bestCount && n > 0 && spare < bestSpare)) {
                best = f;
                bestCount = n;
                bestSpare = spare;
            }
        }
        if (best == null)
            throw new IllegalArgumentException("profile '" + profileId + "' has no status frame carrying any of "
                    + status);
        return best.write(status);
    }

    /** Device side: the status frame of one template, by its index in the profile's status list. */
    public byte[] encodeStatus(DeviceStatus status, int frameIndex) {
        return statusFrames.get(frameIndex).write(status);
    }

    @Override
    public FrameReader statusFrameReader() {
        return new TemplateFrameReader(statusFrames.stream().map(StatusFrame::template).toList());
    }

    @Override
    public FrameReader commandFrameReader() {
        return new TemplateFrameReader(List.copyOf(commands.values()));
    }

    private static <T> DecodeResult<T> rejected(String reason) { return DecodeResult.rejected(reason); }

    private <T> DecodeResult<T> rejected(String reason, byte[] frame) {
        LOG.log(System.Logger.Level.DEBUG, () -> "profile " + profileId + ": rejected frame "
                + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(frame) + ": " + reason);
        return DecodeResult.rejected(reason);
    }
}
