package dev.thrum.transport.ble;

import dev.thrum.profile.DeviceProfile.WriteMode;

import java.util.List;
import java.util.Optional;

/**
 * Checks that the TX characteristic offers the write the profile asks for. tinyb's writeValue
 * passes no write type, so BlueZ picks it from the characteristic's flags: a request (with
 * response) when "write" is offered, a command (without response) otherwise. A profile whose mode
 * the characteristic does not offer is a wrong profile, and is refused with a clear message.
 */
final class WriteModeCheck {

    private WriteModeCheck() {}

    static String flagFor(WriteMode mode) {
        return mode == WriteMode.WITHOUT_RESPONSE ? "write-without-response" : "write";
    }

    /** Empty when the characteristic offers the mode; otherwise what is wrong. */
    static Optional<String> problem(WriteMode mode, List<String> flags) {
        if (flags.contains(flagFor(mode))) return Optional.empty();
        return Optional.of("the profile writes '" + (mode == WriteMode.WITHOUT_RESPONSE ? "without-response" : "with-response")
                + "' but the characteristic only offers " + flags);
    }

    /** The write BlueZ will actually perform for these flags (the same rule BlueZ applies). */
    static WriteMode effective(List<String> flags) {
        return flags.contains("write") ? WriteMode.WITH_RESPONSE : WriteMode.WITHOUT_RESPONSE;
    }
}
