package dev.thrum.cli;

import dev.thrum.store.ProfileLibraryLoader;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.OutputRange;
import dev.thrum.profile.ProfileLibrary;
import dev.thrum.profile.ProfileParseResult;
import dev.thrum.profile.ProfileProblem;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.Codecs;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;
import dev.thrum.protocol.TemplateCodec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code thrum profiles}: the tools for people adding a device (see docs/device-profiles.md). */
@Command(name = "profiles",
        description = "List, show, check and try out device profiles.",
        mixinStandardHelpOptions = true,
        subcommands = {ProfilesCommand.ListProfiles.class, ProfilesCommand.Show.class, ProfilesCommand.Check.class,
                ProfilesCommand.Encode.class, ProfilesCommand.Decode.class})
public final class ProfilesCommand implements Runnable {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private final Supplier<ProfileLibrary> library;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public ProfilesCommand() { this(ProfileLibraryLoader::loadDefault); }

    /** For tests: profiles from a given loader instead of the real directories. */
    public ProfilesCommand(Supplier<ProfileLibrary> library) { this.library = library; }

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** Loads the library and prints its notices and errors to stderr. */
    ProfileLibrary load(PrintWriter err) {
        ProfileLibrary lib = library.get();
        for (String n : lib.notices()) err.println("note: " + n);
        for (ProfileProblem p : lib.errors()) err.println("skipped: " + p);
        return lib;
    }

    static String hex(byte[] bytes) { return HEX.formatHex(bytes); }

    static String describe(OutputRange out) {
        if (out instanceof OutputRange.Continuous c)
            return c.min() + ".." + c.max() + " " + c.unit() + " (stop " + c.stop() + ")";
        OutputRange.Discrete d = (OutputRange.Discrete) out;
        String levels = d.levels().size() <= 6 ? d.levels().toString()
                : "[" + d.lowestRunning() + ".." + d.highest() + "]";
        return d.levels().size() + " levels " + levels + " " + d.unit() + " (stop " + d.stop() + ")";
    }

    static String transport(DeviceProfile p) {
        List<String> parts = new ArrayList<>();
        if (p.ble() != null) parts.add("ble");
        if (p.serial() != null) parts.add("serial");
        return String.join("+", parts);
    }

    static String confidence(DeviceProfile p) {
        return p.source().confidence().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Command(name = "list", description = "List the loaded device profiles.", mixinStandardHelpOptions = true)
    static final class ListProfiles implements Callable<Integer> {
        @CommandLine.ParentCommand ProfilesCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ProfileLibrary lib = parent.load(spec.commandLine().getErr());
            out.printf("%-20s %-19s %-10s %-36s %s%n", "ID", "CONFIDENCE", "TRANSPORT", "OUTPUT", "NAME");
            for (DeviceProfile p : lib.profiles().values())
                out.printf("%-20s %-19s %-10s %-36s %s%n", p.id(), confidence(p), transport(p),
                        describe(p.output()), p.name());
            return 0;
        }
    }

    @Command(name = "show", description = "Show one profile in full, with example bytes.", mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @CommandLine.ParentCommand ProfilesCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", description = "Profile id (see `thrum profiles list`).")
        String id;

        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DeviceProfile p = parent.load(spec.commandLine().getErr()).require(id);
            out.println(p.id() + ": " + p.name());
            out.println("  from:       " + p.origin());
            if (!p.models().isEmpty()) out.println("  models:     " + String.join(", ", p.models()));
            out.println("  confidence: " + confidence(p) + " (" + p.source().reference() + ")");
            var m = p.match();
            if (!m.bleNames().isEmpty()) out.println("  BLE names:  " + String.join(", ", m.bleNames()));
            if (!m.bleServices().isEmpty()) out.println("  BLE services: " + String.join(", ", m.bleServices()));
            if (!m.usbIds().isEmpty()) out.println("  USB ids:    " + String.join(", ", m.usbIds()));
            if (p.ble() != null) {
                var b = p.ble();
                out.println("  BLE:        service " + b.service());
                out.println("              tx " + b.txUuid() + " (" + lower(b.txWrite()) + ")");
                if (b.rxUuid() != null) out.println("              rx " + b.rxUuid() + " (" + lower(b.rxMode()) + ")");
                if (b.batteryUuid() != null) out.println("              battery " + b.batteryUuid());
            }
            if (p.serial() != null) {
                var s = p.serial();
                out.println("  serial:     " + s.baud() + " baud, " + s.dataBits() + " data bits, parity "
                        + lower(s.parity()) + ", " + s.stopBits() + " stop bit(s)");
            }
            out.println("  output:     " + describe(p.output()));
            var pc = p.pacing();
            out.println("  pacing:     min gap " + pc.minGapMs() + " ms, keepalive " + pc.keepaliveMs()
                    + " ms, status poll " + pc.statusPollMs() + " ms, link timeout " + pc.linkTimeoutMs() + " ms");
            if (p.codec() != null) out.println("  codec:      " + p.codec());
            out.println("  commands:");
            Codec codec = Codecs.forProfile(p);
            for (Map.Entry<String, String> e : p.commands().entrySet()) {
                out.printf("    %-10s %s%n", e.getKey(), e.getValue());
                if (e.getKey().equals("setSpeed")) {
                    int lo = p.output().lowestRunning(), hi = p.output().highest();
                    out.printf("    %-10s speed %d -> %s%n", "", lo, hex(codec.encode(new DeviceCommand.SetSpeed(lo))));
                    if (hi != lo) out.printf("    %-10s speed %d -> %s%n", "", hi, hex(codec.encode(new DeviceCommand.SetSpeed(hi))));
                }
            }
            if (!p.status().isEmpty()) out.println("  status frames:");
            for (var f : p.status()) {
                out.println("    " + f.frame());
                f.fields().forEach((name, fs) -> out.printf("      %-9s byte %d, %s%s%n", name, fs.at(), fs.type(),
                        fs.scale() == 1 ? "" : ", x" + fs.scale()));
            }
            return 0;
        }

        private static String lower(Enum<?> e) {
            return e == null ? "?" : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @Command(name = "check", description = "Check profile files; prints every problem, exit 1 if any file is bad.",
            mixinStandardHelpOptions = true)
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Profile JSON files.")
        List<Path> files;

        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ProfileLibraryLoader loader = new ProfileLibraryLoader();
            int bad = 0;
            for (Path f : files) {
                ProfileParseResult r = loader.check(f);
                if (r instanceof ProfileParseResult.Parsed p) {
                    out.println(f + ": ok (profile '" + p.profile().id() + "', " + describe(p.profile().output()) + ")");
                } else {
                    bad++;
                    for (ProfileProblem problem : ((ProfileParseResult.Invalid) r).problems()) err.println(problem);
                }
            }
            if (bad > 0) err.println(bad + " of " + files.size() + " file(s) have problems; fix them and check again");
            return bad > 0 ? 1 : 0;
        }
    }

    @Command(name = "encode", description = "Print the bytes of a command, in hex.", mixinStandardHelpOptions = true)
    static final class Encode implements Callable<Integer> {
        @CommandLine.ParentCommand ProfilesCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", description = "Profile id.")
        String id;
        @Parameters(index = "1", paramLabel = "COMMAND",
                description = "A command the profile defines (`thrum profiles show ID` lists them), by its"
                        + " template name or, for thrum-open-serial, its protocol name: SET_SPEED, STOP,"
                        + " GET_STATUS, GET_VERSION, PING, HELLO.")
        String command;
        @Parameters(index = "2", arity = "0..1", paramLabel = "VALUE",
                description = "The speed for setSpeed (a device value); the protocol version for hello.")
        Integer value;

        public Integer call() {
            DeviceProfile p = parent.load(spec.commandLine().getErr()).require(id);
            DeviceCommand c = parse(p);
            spec.commandLine().getOut().println(hex(Codecs.forProfile(p).encode(c)));
            return 0;
        }

        /** Template names, and the open serial protocol's names for them (docs/open-serial-protocol.md). */
        private static final Map<String, String> ALIASES = Map.of(
                "setspeed", "setSpeed", "speed", "setSpeed", "stop", "stop",
                "status", "status", "getstatus", "status", "version", "version", "getversion", "version",
                "battery", "battery", "keepalive", "keepalive", "ping", "keepalive");

        private DeviceCommand parse(DeviceProfile p) {
            String key = command.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            String name = key.equals("hello") ? "hello" : ALIASES.get(key);
            if (name == null || !p.commands().containsKey(name))
                throw new CommandLine.ParameterException(spec.commandLine(), "profile " + p.id() + " has no command '"
                        + command + "'; its commands are " + String.join(", ", p.commands().keySet()));
            boolean takesValue = name.equals("setSpeed") || name.equals("hello");
            if (value != null && !takesValue)
                throw new CommandLine.ParameterException(spec.commandLine(), command + " takes no VALUE");
            if (value == null && takesValue)
                throw new CommandLine.ParameterException(spec.commandLine(), name + " needs a VALUE");
            return switch (name) {
                case "setSpeed" -> new DeviceCommand.SetSpeed(value);
                case "hello" -> new DeviceCommand.Hello(value);
                case "stop" -> new DeviceCommand.Stop();
                case "status" -> new DeviceCommand.StatusRequest();
                case "version" -> new DeviceCommand.VersionRequest();
                case "battery" -> new DeviceCommand.BatteryRequest();
                default -> new DeviceCommand.Keepalive();
            };
        }
    }

    @Command(name = "decode", description = "Decode a frame given in hex: a status frame, else a command.",
            mixinStandardHelpOptions = true)
    static final class Decode implements Callable<Integer> {
        @CommandLine.ParentCommand ProfilesCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", description = "Profile id.")
        String id;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "HEX",
                description = "The frame, like \"BB 70 10 00\" or BB701000.")
        List<String> hex;

        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            byte[] frame = bytes();
            DeviceProfile p = parent.load(err).require(id);
            Codec codec = Codecs.forProfile(p);
            DecodeResult<DeviceStatus> status = codec.decodeStatus(frame);
            if (status instanceof DecodeResult.Decoded<DeviceStatus> d) {
                String name = codec instanceof TemplateCodec t ? t.replyName(frame).orElse("status") : "status";
                out.println(name + " frame (device to host):");
                print(out, d.value(), p.output().unit());
                return 0;
            }
            DecodeResult<DeviceCommand> command = codec.decodeCommand(frame);
            if (command instanceof DecodeResult.Decoded<DeviceCommand> d) {
                out.println("command frame (host to device): " + describe(d.value(), p.output().unit()));
                return 0;
            }
            err.println("rejected: not a status frame: " + ((DecodeResult.Rejected<DeviceStatus>) status).reason());
            err.println("          not a command either: " + ((DecodeResult.Rejected<DeviceCommand>) command).reason());
            return 1;
        }

        private byte[] bytes() {
            String joined = String.join("", hex).replaceAll("0x|0X|[\\s:,-]", "");
            try {
                return HexFormat.of().parseHex(joined);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "'" + String.join(" ", hex)
                        + "' is not hex bytes; write them like \"AA 70 01 03\"");
            }
        }

        private static void print(PrintWriter out, DeviceStatus s, String unit) {
            if (s.running() != null) out.println("  running:  " + s.running());
            if (s.speed() != null) out.println("  speed:    " + s.speed() + " " + unit);
            if (s.force() != null) out.println("  force:    " + s.force() + " (estimate)");
            if (s.battery() != null) out.println("  battery:  " + s.battery() + "%");
            if (s.timer() != null) out.println("  timer:    " + s.timer() + " s");
            if (s.firmware() != null) out.println("  firmware: " + s.firmware());
            if (s.protocol() != null) out.println("  protocol: " + s.protocol());
            if (s.capabilities() != null) out.printf("  capabilities: %02X%n", s.capabilities());
            if (s.stopReason() != null) out.println("  stop reason: " + s.stopReason());
            if (s.nakCommand() != null) out.printf("  refused command: %02X, reason %d%n", s.nakCommand(), s.nakReason());
        }

        private static String describe(DeviceCommand c, String unit) {
            if (c instanceof DeviceCommand.Hello h) return "hello, protocol " + h.protocol();
            return c instanceof DeviceCommand.SetSpeed s ? "setSpeed " + s.value() + " " + unit : c.templateName();
        }
    }
}
