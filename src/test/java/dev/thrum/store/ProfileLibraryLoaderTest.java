package dev.thrum.store;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.ProfileLibrary;
import dev.thrum.profile.ProfileProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileLibraryLoaderTest {

    private final ProfileLibraryLoader loader = new ProfileLibraryLoader();

    private static String profile(String id, int max) {
        return MalformedProfileTest.VALID.replace("test-gun", id).replace("\"max\": 2000", "\"max\": " + max);
    }

    @Test
    void builtInsAllLoadWithoutErrorsAndTheListMatchesTheDirectory() throws Exception {
        ProfileLibrary lib = loader.load(List.of());
        assertEquals(List.of(), lib.errors());
        assertEquals(List.of(), lib.notices());
        try (Stream<Path> files = Files.list(Path.of("device-profiles"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
            assertEquals(names, dev.thrum.store.BuiltInProfileFiles.list().stream().sorted().toList(),
                    "the built-ins are every file in device-profiles/");
        }
        assertEquals(List.of("ems-v2", "foreo", "theragun-gen4", "theragun-wave", "theragun-wave-solo",
                "thrum-open-serial"), List.copyOf(lib.profiles().keySet()));
        for (DeviceProfile p : lib.profiles().values()) {
            assertTrue(p.origin().startsWith("built-in:"), p.origin());
            assertEquals(p.id() + ".json", p.origin().substring("built-in:".length()), "file name = id");
        }
    }

    @Test
    void eachShippedProfileCarriesItsConfidence() {
        Map<String, DeviceProfile> p = loader.load(List.of()).profiles();
        assertEquals(DeviceProfile.Confidence.REVERSE_ENGINEERED, p.get("theragun-gen4").source().confidence());
        assertEquals(DeviceProfile.Confidence.INFERRED, p.get("theragun-wave").source().confidence());
        assertEquals(DeviceProfile.Confidence.OPEN_SPEC, p.get("thrum-open-serial").source().confidence());
        assertEquals(new DeviceProfile.SerialSettings(115200, 8, DeviceProfile.Parity.NONE, 1),
                p.get("thrum-open-serial").serial());
    }

    @Test
    void laterDirectoriesAddAndOverrideAndSaySo(@TempDir Path tmp) throws Exception {
        Path cwd = Files.createDirectories(tmp.resolve("cwd"));
        Path user = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(cwd.resolve("mine.json"), profile("mine", 2000));
        Files.writeString(user.resolve("mine.json"), profile("mine", 2500));
        String gun = Files.readString(Path.of("device-profiles/theragun-gen4.json")).replace("\"max\": 2400", "\"max\": 2300");
        Files.writeString(user.resolve("gun.json"), gun);

        ProfileLibrary lib = loader.load(List.of(cwd, user, tmp.resolve("missing")));

        assertEquals(List.of(), lib.errors());
        assertEquals(2500, lib.require("mine").output().highest());
        assertEquals(user.resolve("mine.json").toString(), lib.require("mine").origin());
        assertEquals(2300, lib.require("theragun-gen4").output().highest());
        assertEquals(List.of(
                user.resolve("gun.json") + " overrides profile 'theragun-gen4' from built-in:theragun-gen4.json",
                user.resolve("mine.json") + " overrides profile 'mine' from " + cwd.resolve("mine.json")), lib.notices());
    }

    @Test
    void aCopyIdenticalToTheBuiltInMakesNoNoise(@TempDir Path tmp) throws Exception {
        Files.copy(Path.of("device-profiles/foreo.json"), tmp.resolve("foreo.json"));
        ProfileLibrary lib = loader.load(List.of(tmp));
        assertEquals(List.of(), lib.notices());
        assertEquals(tmp.resolve("foreo.json").toString(), lib.require("foreo").origin());
    }

    @Test
    void aBadFileIsSkippedWholeAndTheOthersStillLoad(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("a-good.json"), profile("good", 2000));
        Files.writeString(tmp.resolve("b-bad.json"), profile("bad", 2000).replace("sum8", "sum9"));
        String badGun = Files.readString(Path.of("device-profiles/theragun-gen4.json")).replace("\"min\": 1750", "\"min\": 9999");
        Files.writeString(tmp.resolve("c-gun.json"), badGun);
        Files.writeString(tmp.resolve("notes.txt"), "not a profile");

        ProfileLibrary lib = loader.load(List.of(tmp));

        assertTrue(lib.find("good").isPresent());
        assertTrue(lib.find("bad").isEmpty());
        assertEquals(2400, lib.require("theragun-gen4").output().highest(), "the built-in stays when an override is bad");
        List<String> files = lib.errors().stream().map(ProfileProblem::file).distinct().toList();
        assertEquals(List.of(tmp.resolve("b-bad.json").toString(), tmp.resolve("c-gun.json").toString()), files);
        assertTrue(lib.errors().get(0).message().contains("unknown checksum kind 'sum9'"), lib.errors().toString());
    }

    @Test
    void duplicateIdInOneDirectoryIsAnError(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("one.json"), profile("twin", 2000));
        Files.writeString(tmp.resolve("two.json"), profile("twin", 2100));
        ProfileLibrary lib = loader.load(List.of(tmp));
        assertEquals(2000, lib.require("twin").output().highest());
        assertEquals(1, lib.errors().size());
        ProfileProblem p = lib.errors().get(0);
        assertEquals(tmp.resolve("two.json").toString(), p.file());
        assertEquals("$.id", p.path());
        assertTrue(p.message().contains("duplicate id 'twin'") && p.message().contains("one.json"), p.message());
    }

    @Test
    void loadFromReadsTheWorkingDirectoryThenTheConfigDirectory(@TempDir Path tmp) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work/device-profiles"));
        ThrumDirs dirs = ThrumDirs.from(Map.of("XDG_CONFIG_HOME", tmp.resolve("cfg").toString()), tmp.resolve("home"));
        Files.createDirectories(dirs.deviceProfiles());
        Files.writeString(work.resolve("a.json"), profile("from-work", 2000));
        Files.writeString(dirs.deviceProfiles().resolve("a.json"), profile("from-work", 2200));
        ProfileLibrary lib = ProfileLibraryLoader.loadFrom(tmp.resolve("work"), dirs);
        assertEquals(2200, lib.require("from-work").output().highest());
        assertEquals(1, lib.notices().size());
        assertTrue(lib.find("theragun-gen4").isPresent());
    }

    @Test
    void requireNamesTheKnownIds() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> loader.load(List.of()).require("nope"));
        assertTrue(e.getMessage().contains("theragun-gen4"), e.getMessage());
    }
}
