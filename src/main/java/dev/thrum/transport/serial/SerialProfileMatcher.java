package dev.thrum.transport.serial;

import dev.thrum.profile.DeviceProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which device profiles could drive a serial port. A profile that lists USB ids matches a port with
 * one of them; a serial profile without USB ids (a protocol any adapter may carry, like
 * thrum-open-serial) is only "possible" on any port, since nothing on the port says which protocol
 * the device behind it speaks. Profiles without a serial section never match.
 */
public final class SerialProfileMatcher {

    public enum Strength { MATCH, POSSIBLE }

    public record ProfileMatch(String profileId, Strength strength) {}

    private SerialProfileMatcher() {}

    /** Matches first, then possibles, each in the order of {@code profiles}. */
    public static List<ProfileMatch> match(SerialPortInfo port, List<DeviceProfile> profiles) {
        List<ProfileMatch> matches = new ArrayList<>();
        List<ProfileMatch> possibles = new ArrayList<>();
        for (DeviceProfile p : profiles) {
            if (p.serial() == null) continue;
            List<String> ids = p.match() == null || p.match().usbIds() == null ? List.of() : p.match().usbIds();
            if (ids.isEmpty()) {
                possibles.add(new ProfileMatch(p.id(), Strength.POSSIBLE));
            } else if (port.usbId() != null && ids.stream().map(SerialProfileMatcher::normalize)
                    .anyMatch(port.usbId()::equals)) {
                matches.add(new ProfileMatch(p.id(), Strength.MATCH));
            }
        }
        matches.addAll(possibles);
        return matches;
    }

    /** "0x0403:0x6001", "0403:6001" and "0403:6001" in capitals all read as {@code 0403:6001}. */
    static String normalize(String usbId) {
        return usbId.trim().toLowerCase(Locale.ROOT).replace("0x", "");
    }
}
