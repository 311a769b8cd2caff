package dev.thrum.transport.ble;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.DeviceProfile.WriteMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ProfileMatcherTest {

    private static final DeviceProfile GEN4 = BleTestProfiles.ffe0("gen4", List.of("Pro", "Elite"), List.of(), WriteMode.WITH_RESPONSE);
    private static final DeviceProfile WILD = BleTestProfiles.ffe0("wild", List.of("Hyper*", "*Mini", "Go*Go"), List.of(),
            WriteMode.WITH_RESPONSE);
    private static final DeviceProfile SVC = BleTestProfiles.ffe0("svc", List.of(), List.of("FFF0"), WriteMode.WITH_RESPONSE);

    @Test
    void exactNamesMatchCaseSensitively() {
        assertEquals("gen4", id("Pro"));
        assertEquals("gen4", id("Elite"));
        assertEquals("-", id("pro"));
        assertEquals("-", id("Pro X"));
    }

    @Test
    void starMatchesAnyRunOfCharacters() {
        assertEquals("wild", id("Hypervolt 2"));
        assertEquals("wild", id("Hyper"));
        assertEquals("wild", id("Theragun Mini"));
        assertEquals("wild", id("GoGo"));
        assertEquals("wild", id("Go-fast-Go"));
        assertEquals("-", id("Go-fast-Go!"));
    }

    @Test
    void regexCharactersInPatternsAreLiteral() {
        DeviceProfile dots = BleTestProfiles.ffe0("dots", List.of("A.B(1)*"), List.of(), WriteMode.WITH_RESPONSE);
        assertTrue(ProfileMatcher.match("A.B(1) x", List.of(), List.of(dots)).isPresent());
        assertTrue(ProfileMatcher.match("AxB(1)", List.of(), List.of(dots)).isEmpty());
    }

    @Test
    void advertisedServiceMatchesInShortOrFullForm() {
        assertEquals("svc", ProfileMatcher.match("Unknown", List.of("0000fff0-0000-1000-8000-00805f9b34fb"),
                List.of(GEN4, SVC)).map(DeviceProfile::id).orElse("-"));
        assertEquals("svc", ProfileMatcher.match(null, List.of("fff0"), List.of(GEN4, SVC)).map(DeviceProfile::id).orElse("-"));
        assertTrue(ProfileMatcher.match("Unknown", List.of("0000fff1-0000-1000-8000-00805f9b34fb"), List.of(SVC)).isEmpty());
    }

    @Test
    void aNameMatchBeatsAnEarlierProfileThatOnlySharesTheService() {
        DeviceProfile emsFirst = BleTestProfiles.ffe0("ems", List.of("hy*"), List.of("ffe0"), WriteMode.WITH_RESPONSE);
        DeviceProfile gen4 = BleTestProfiles.ffe0("gen4", List.of("Pro"), List.of("ffe0"), WriteMode.WITH_RESPONSE);
        String ffe0 = "0000ffe0-0000-1000-8000-00805f9b34fb";
        assertEquals("gen4", ProfileMatcher.match("Pro", List.of(ffe0), List.of(emsFirst, gen4)).orElseThrow().id());
    }

    @Test
    void aServiceClaimedBySeveralProfilesMatchesNone() {
        DeviceProfile a = BleTestProfiles.ffe0("a", List.of("A"), List.of("ffe0"), WriteMode.WITH_RESPONSE);
        DeviceProfile b = BleTestProfiles.ffe0("b", List.of("B"), List.of("ffe0"), WriteMode.WITH_RESPONSE);
        String ffe0 = "0000ffe0-0000-1000-8000-00805f9b34fb";
        assertTrue(ProfileMatcher.match("Kettle", List.of(ffe0), List.of(a, b)).isEmpty());
        assertEquals("a", ProfileMatcher.match("Kettle", List.of(ffe0), List.of(a)).orElseThrow().id());
    }

    @Test
    void firstProfileInOrderWinsAndProfilesWithoutBleAreSkipped() {
        DeviceProfile serialOnly = new DeviceProfile("serial", "s", List.of(), null,
                new DeviceProfile.Match(List.of("Pro"), List.of(), List.of()), null, null, GEN4.output(), GEN4.pacing(),
                GEN4.commands(), GEN4.status(), null, "test");
        DeviceProfile second = BleTestProfiles.ffe0("second", List.of("P*"), List.of(), WriteMode.WITH_RESPONSE);
        assertEquals("gen4", ProfileMatcher.match("Pro", List.of(), List.of(serialOnly, GEN4, second)).orElseThrow().id());
        assertEquals("second", ProfileMatcher.match("Pro", List.of(), List.of(serialOnly, second, GEN4)).orElseThrow().id());
    }

    @Property
    void aPatternMadeOfANameMatchesThatName(@ForAll @StringLength(max = 12) String name,
                                           @ForAll @AlphaChars @StringLength(min = 1, max = 4) String cut) {
        assertTrue(ProfileMatcher.matchesName(name, List.of(name)));
        assertTrue(ProfileMatcher.matchesName(name, List.of("*")));
        assertTrue(ProfileMatcher.matchesName(cut + name, List.of(cut + "*")));
        assertTrue(ProfileMatcher.matchesName(name + cut, List.of("*" + cut)));
        assertFalse(ProfileMatcher.matchesName(name, List.of(name + cut)));
    }

    private static String id(String name) {
        return ProfileMatcher.match(name, List.of(), List.of(GEN4, WILD, SVC)).map(DeviceProfile::id).orElse("-");
    }
}
