package dev.thrum.transport.ble;

import dev.thrum.profile.DeviceProfile;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides which profile an advertising device belongs to: the first profile (in the order given)
 * with a BLE section whose {@code match.bleNames} pattern fits the advertised name, or one of whose
 * {@code match.bleServices} the device advertises. Names are compared exactly, {@code *} standing for
 * any run of characters.
 */
public final class ProfileMatcher {

    private ProfileMatcher() {}

    public static Optional<DeviceProfile> match(String name, List<String> advertisedServices,
                                                List<DeviceProfile> profiles) {
        List<String> services = advertisedServices.stream().map(ProfileMatcher::fullOrSelf).toList();
        for (DeviceProfile profile : profiles) {
            if (profile.ble() == null || profile.match() == null) continue;
            if (matchesName(name, profile.match().bleNames()) || matchesService(services, profile.match().bleServices())) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }

    static boolean matchesName(String name, List<String> patterns) {
        if (name == null || patterns == null) return false;
        return patterns.stream().anyMatch(p -> glob(p).matcher(name).matches());
    }

    private static boolean matchesService(List<String> advertised, List<String> wanted) {
        if (wanted == null) return false;
        return wanted.stream().map(ProfileMatcher::fullOrSelf).anyMatch(advertised::contains);
    }

    static Pattern glob(String pattern) {
        String regex = java.util.Arrays.stream(pattern.split("\\*", -1))
                .map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.DOTALL);
    }

    private static String fullOrSelf(String uuid) {
        try {
            return BleUuids.full(uuid);
        } catch (IllegalArgumentException e) {
            return uuid; // not a UUID: can only match itself
        }
    }
}
