package dev.thrum.store;

import dev.thrum.profile.ProfileLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The early profile load gives what a direct load would, once, and only for the places it read. */
class EarlyProfilesTest {

    private static String profile(String id, int max) {
        return MalformedProfileTest.VALID.replace("test-gun", id).replace("\"max\": 2000", "\"max\": " + max);
    }

    @Test
    void theEarlyLoadIsUsedOnceAndALaterLoadSeesEdits(@TempDir Path tmp) throws Exception {
        Path wd = tmp.resolve("wd");
        Files.createDirectories(wd.resolve("device-profiles"));
        Path file = wd.resolve("device-profiles/mine.json");
        Files.writeString(file, profile("mine", 2000));
        ThrumDirs dirs = ThrumDirs.from(Map.of(), tmp.resolve("home"));

        EarlyProfiles.start(wd, dirs);
        ProfileLibrary first = EarlyProfiles.load(wd, dirs);
        assertEquals(2000, first.require("mine").output().highest());
        assertTrue(first.find("theragun-gen4").isPresent(), "the built-ins are there too");

        Files.writeString(file, profile("mine", 2200));
        assertEquals(2200, EarlyProfiles.load(wd, dirs).require("mine").output().highest(),
                "the early result is used once; a second load reads the files again");
    }

    @Test
    void aLoadForOtherPlacesDoesNotTakeTheEarlyResult(@TempDir Path tmp) throws Exception {
        Path early = tmp.resolve("early");
        Path other = tmp.resolve("other");
        Files.createDirectories(early.resolve("device-profiles"));
        Files.createDirectories(other.resolve("device-profiles"));
        Files.writeString(early.resolve("device-profiles/a.json"), profile("only-early", 2000));
        Files.writeString(other.resolve("device-profiles/b.json"), profile("only-other", 2000));
        ThrumDirs dirs = ThrumDirs.from(Map.of(), tmp.resolve("home"));

        EarlyProfiles.start(early, dirs);
        ProfileLibrary lib = EarlyProfiles.load(other, dirs);
        assertTrue(lib.find("only-other").isPresent() && lib.find("only-early").isEmpty(), lib.profiles().keySet().toString());
        assertTrue(EarlyProfiles.load(early, dirs).find("only-early").isPresent(), "still there for the places it read");
    }
}
