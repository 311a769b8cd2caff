package dev.thrum.store;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.ProfileLibrary;
import dev.thrum.profile.ProfileParseResult;
import dev.thrum.profile.ProfileParser;
import dev.thrum.profile.ProfileProblem;
import dev.thrum.protocol.Codecs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads device profiles in layers: the built-ins shipped in the jar, then each directory given, in
 * order (normally {@code ./device-profiles} and {@code $XDG_CONFIG_HOME/thrum/device-profiles}).
 * A later profile with the same id overrides the earlier one and says so in the notices, unless it
 * is identical (as when running from the repository root). A bad file is reported and skipped whole;
 * the others still load.
 */
public final class ProfileLibraryLoader {
    private static final System.Logger LOG = System.getLogger(ProfileLibraryLoader.class.getName());

    private static final String BUILT_IN_PREFIX = "built-in:";

    private final ProfileParser parser = new ProfileParser(Codecs.registeredNames());
    /**
     * Every valid profile parsed so far, by its file's text. Running from the repository root puts
     * byte-identical copies of the built-ins in {@code ./device-profiles}; reusing the parse halves the
     * profile work of every start (it is most of the daemon's start-up when the JVM is cold).
     */
    private final Map<String, DeviceProfile> parsedByText = new HashMap<>();
    /** The text each loaded profile came from: equal texts are equal profiles, without comparing them field by field. */
    private final Map<DeviceProfile, String> textOf = new IdentityHashMap<>();

    /** Built-ins, then {@code ./device-profiles}, then the user's profile directory from the real environment. */
    public static ProfileLibrary loadDefault() {
        return loadFrom(Path.of(""), ThrumDirs.fromEnvironment());
    }

    /** Built-ins, then {@code WORKDIR/device-profiles}, then {@code dirs.deviceProfiles()} (tests pass temporary ones). */
    public static ProfileLibrary loadFrom(Path workingDirectory, ThrumDirs dirs) {
        return new ProfileLibraryLoader().load(List.of(
                workingDirectory.resolve("device-profiles"), dirs.deviceProfiles()));
    }

    /** Built-ins, then the directories in order; a missing directory is skipped silently. */
    public ProfileLibrary load(List<Path> directories) {
        Map<String, DeviceProfile> byId = new TreeMap<>();
        List<ProfileProblem> errors = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        addLayer(readBuiltIns(errors), byId, errors, notices);
        for (Path dir : directories) addLayer(readDirectory(dir, errors), byId, errors, notices);
        return new ProfileLibrary(byId, errors, notices);
    }

    /** Parses one file on its own (for {@code thrum profiles check}). */
    public ProfileParseResult check(Path file) {
        try {
            return parse(file.toString(), TextFiles.readUtf8(file));
        } catch (IOException e) {
            return new ProfileParseResult.Invalid(List.of(unreadable(file.toString(), e)));
        }
    }

    private void addLayer(List<DeviceProfile> layer, Map<String, DeviceProfile> byId,
                          List<ProfileProblem> errors, List<String> notices) {
        Map<String, DeviceProfile> seenInLayer = new HashMap<>();
        for (DeviceProfile p : layer) {
            DeviceProfile twin = seenInLayer.putIfAbsent(p.id(), p);
            if (twin != null) {
                errors.add(new ProfileProblem(p.origin(), "$.id", 0, 0, "duplicate id '" + p.id()
                        + "': " + twin.origin() + " in the same directory already uses it; give one of them"
                        + " another id"));
                continue;
            }
            DeviceProfile earlier = byId.put(p.id(), p);
            if (earlier != null && !sameContent(earlier, p))
                notices.add(p.origin() + " overrides profile '" + p.id() + "' from " + earlier.origin());
        }
    }

    private boolean sameContent(DeviceProfile a, DeviceProfile b) {
        String textA = textOf.get(a);
        if (textA != null && textA.equals(textOf.get(b))) return true;
        return withoutOrigin(a).equals(withoutOrigin(b));
    }

    private static DeviceProfile withoutOrigin(DeviceProfile p) {
        return new DeviceProfile(p.id(), p.name(), p.models(), p.source(), p.match(), p.ble(), p.serial(),
                p.output(), p.pacing(), p.commands(), p.status(), p.codec(), "");
    }

    private List<DeviceProfile> readBuiltIns(List<ProfileProblem> errors) {
        List<DeviceProfile> out = new ArrayList<>();
        List<String> files;
        try {
            files = BuiltInProfileFiles.list();
        } catch (IOException e) {
            errors.add(new ProfileProblem(BUILT_IN_PREFIX + BuiltInProfileFiles.FOLDER, "", 0, 0,
                    "cannot list the built-in profiles (" + IoReason.of(e) + "); rebuild or reinstall Thrum"));
            return out;
        }
        if (files.isEmpty())
            errors.add(new ProfileProblem(BUILT_IN_PREFIX + BuiltInProfileFiles.FOLDER, "", 0, 0,
                    "no built-in profiles are packed in Thrum; rebuild or reinstall it"));
        for (String file : files) {
            String origin = BUILT_IN_PREFIX + file;
            try (InputStream in = ProfileLibraryLoader.class.getResourceAsStream("/device-profiles/" + file)) {
                if (in == null) {
                    errors.add(new ProfileProblem(origin, "", 0, 0, "missing from the jar; rebuild Thrum"));
                    continue;
                }
                accept(parse(origin, new String(in.readAllBytes(), StandardCharsets.UTF_8)), out, errors);
            } catch (IOException e) {
                errors.add(unreadable(origin, e));
            }
        }
        return out;
    }

    private List<DeviceProfile> readDirectory(Path dir, List<ProfileProblem> errors) {
        List<DeviceProfile> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            errors.add(unreadable(dir.toString(), e));
            return out;
        }
        for (Path f : files) accept(check(f), out, errors);
        return out;
    }

    private ProfileParseResult parse(String origin, String text) {
        DeviceProfile same = parsedByText.get(text);
        ProfileParseResult r;
        try {
            r = same != null ? new ProfileParseResult.Parsed(same.withOrigin(origin)) : parser.parse(origin, text);
        } catch (RuntimeException e) {
            // a parser slip must cost this one file, never the files after it or the whole command
            LOG.log(System.Logger.Level.ERROR, "parsing " + origin + " failed", e);
            return new ProfileParseResult.Invalid(List.of(new ProfileProblem(origin, "", 0, 0,
                    "Thrum could not read this profile (a fault in Thrum, please report it); the other profiles still load")));
        }
        if (r instanceof ProfileParseResult.Parsed p) {
            parsedByText.putIfAbsent(text, p.profile());
            textOf.put(p.profile(), text);
        }
        return r;
    }

    private static void accept(ProfileParseResult r, List<DeviceProfile> out, List<ProfileProblem> errors) {
        if (r instanceof ProfileParseResult.Parsed p) out.add(p.profile());
        else errors.addAll(((ProfileParseResult.Invalid) r).problems());
    }

    private static ProfileProblem unreadable(String file, IOException e) {
        return new ProfileProblem(file, "", 0, 0, "cannot read the file: " + IoReason.of(e)
                + "; check that it exists, is readable and is UTF-8 text");
    }
}
