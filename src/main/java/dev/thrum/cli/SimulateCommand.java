package dev.thrum.cli;

import dev.thrum.app.PressureScripts;
import dev.thrum.app.ScriptedPress;
import dev.thrum.app.SerialSimulator;
import dev.thrum.store.ProfileLibraryLoader;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.ProfileLibrary;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.DecodeResult;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.FrameReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * {@code thrum simulate --profile ID --serial PATH [--record FILE]}: the simulated massager on the
 * far end of a serial port, so Thrum (or a maker's own tool) can be tried against a device that is
 * only software. Runs until killed; one line per frame received. Lines typed on standard input
 * switch faults: {@code mute} (keeps hearing and obeying, stops answering) and {@code answer}.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run the simulated massager on the far end of a serial port until killed.")
public final class SimulateCommand implements Callable<Integer> {

    /** How often the simulated motor moves and streamed status goes out. */
    static final long TICK_MS = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "ID",
            description = "Device profile to run backward, for example thrum-open-serial (see 'thrum profiles list').")
    String profileId;

    @Option(names = "--serial", required = true, paramLabel = "PATH",
            description = "Serial port to listen on, for example one end of a socat pseudo-terminal pair.")
    String serialPath;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Append every received frame to FILE as JSON lines (hex, command, value).")
    Path record;

    @Option(names = "--pressure-script", paramLabel = "FILE",
            description = "Press the simulated gun as FILE says: lines of SECONDS PRESSURE (0..1), from the first command on"
                    + " (see docs/pressure.md).")
    Path pressureScript;

    @Option(names = "--protocol", paramLabel = "1|2",
            description = "Open serial protocol version the device speaks (profiles with a hello command"
                    + " only): 2, or 1 as older firmware does. Default: 2.")
    Integer protocol;

    @Option(names = "--fault", paramLabel = "FAULT",
            description = "Break one rule of the open serial protocol on purpose (repeatable), to see"
                    + " 'thrum conformance' catch it: no-nak, clamp-speed, drop-frames-in-gap, polls-feed-watchdog,"
                    + " no-watchdog, chatty, no-inter-byte-timeout, slow-answers.")
    List<String> faults = new ArrayList<>();

    private final Supplier<ProfileLibrary> profiles;

    public SimulateCommand() {
        this(ProfileLibraryLoader::loadDefault);
    }

    public SimulateCommand(Supplier<ProfileLibrary> profiles) {
        this.profiles = profiles;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeviceProfile profile = profiles.get().require(profileId);
        SerialSimulator massager = new SerialSimulator(profile, serialPath, problem -> {
            err.println(problem);
            err.flush();
        });
        if (record != null) massager.recordTo(record);
        if (pressureScript != null) massager.followPressure(pressureScript(pressureScript));

        try {
            if (protocol != null) massager.speakProtocol(protocol);
            for (String f : faults) massager.addFault(f);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }

        // A reader of its own for the printout: asking the simulator for its whole record after
        // every chunk would copy an ever longer list.
        Codec codec = massager.codec();
        FrameReader printReader = massager.commandFrameReader();
        massager.start(bytes -> {
            for (byte[] frame : printReader.feed(bytes)) out.println("received " + describe(codec, frame));
            out.flush();
        }, up -> {
            out.println(up ? "port " + serialPath + " is open" : "port " + serialPath + " went away; waiting for it");
            out.flush();
        }, TICK_MS);

        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(massager::close, "simulate-shutdown"));
        out.println("simulating " + profile.id() + " on " + serialPath + "; stop with Ctrl-C");
        out.flush();
        startFaultConsole(massager, out);
        forever.await();
        return 0;
    }

    /**
     * Reads fault switches from standard input, one a line, so a person (or a test) can make the
     * device go silent mid-session: a device that still hears the host but no longer answers is the
     * case where only stops sent into the silence can stop the motor.
     */
    private static void startFaultConsole(SerialSimulator massager, PrintWriter out) {
        Thread console = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    switch (line.trim()) {
                        case "mute" -> { massager.stopAnswering(); out.println("fault: muted (hearing, not answering)"); }
                        case "answer" -> { massager.resumeAnswering(); out.println("fault: answering again"); }
                        case "" -> { continue; }
                        default -> out.println("unknown fault '" + dev.thrum.cli.SimulateCommand.printable(line)
                                + "': type mute or answer");
                    }
                    out.flush();
                }
            } catch (java.io.IOException e) {
                // standard input closed: no more faults
            }
        }, "simulate-faults");
        console.setDaemon(true);
        console.start();
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(40).forEach(c -> b.append(Character.isISOControl(c) ? '?' : Character.toString(c)));
        return b.toString();
    }

    private ScriptedPress pressureScript(Path file) {
        try {
            return PressureScripts.read(file);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Like {@code A5 05 01 28 7F  setSpeed 40}, or the reason the frame was rejected. */
    static String describe(Codec codec, byte[] frame) {
        String hex = HexFormat.ofDelimiter(" ").withUpperCase().formatHex(frame);
        DecodeResult<DeviceCommand> r;
        try {
            r = codec.decodeCommand(frame);
        } catch (RuntimeException e) {
            return hex + "  rejected: " + e.getMessage();
        }
        if (r instanceof DecodeResult.Decoded<DeviceCommand> d) {
            DeviceCommand c = d.value();
            String value = c instanceof DeviceCommand.SetSpeed s ? " " + s.value()
                    : c instanceof DeviceCommand.Hello h ? " " + h.protocol() : "";
            return hex + "  " + c.templateName() + value;
        }
        return hex + "  rejected: " + ((DecodeResult.Rejected<DeviceCommand>) r).reason();
    }
}
