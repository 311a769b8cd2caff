package dev.thrum.transport.ble;

import dev.thrum.profile.DeviceProfile;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides which profile an advertising device belongs to.
 * <ol>
 * <li>By name first: the first profile (in the order given) with a BLE section whose
 *     {@code match.bleNames} pattern fits the advertised name. Names are compared exactly,
 *     {@code *} standing for any run of characters.</li>
 * <li>Else by advertised service: a profile one of whose {@code match.bleServices} the device
 *     advertises, but only when exactly one profile claims it. Generic services such as ffe0 are
 *     shared by several massagers (and by many cheap BLE modules); guessing among them would send
 *     one vendor's bytes to another's motor, so an ambiguous device stays unmatched.</li>
 * </ol>
 */
public final class ProfileMatcher {

    private ProfileMatcher() {}

    public static Optional<DeviceProfile> match(String name, List<String> advertisedServices,
                                                List<DeviceProfile> profiles) {
        List<DeviceProfile> ble = profiles.stream().filter(p -> p.ble() != null && p.match() != null).toList();
        for (DeviceProfile profile : ble) {
            if (matchesName(name, profile.match().bleNames())) return Optional.of(profile);
        }
        List<String> services = advertisedServices.stream().map(ProfileMatcher::fullOrSelf).toList();
        List<DeviceProfile> byService = ble.stream()
                .filter(p -> matchesService(services, p.match().bleServices())).toList();
        return byService.size() == 1 ? Optional.of(byService.get(0)) : Optional.empty();
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
