package dev.thrum.protocol;

import dev.thrum.store.ProfileLibraryLoader;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.ProfileLibrary;

import java.util.List;

/** The built-in profiles, loaded the way the product loads them (no user directories). */
public final class ShippedProfiles {
    private ShippedProfiles() {}

    private static ProfileLibrary library;

    public static synchronized ProfileLibrary library() {
        if (library == null) {
            library = new ProfileLibraryLoader().load(List.of());
            if (!library.errors().isEmpty()) throw new AssertionError("shipped profiles have errors: " + library.errors());
        }
        return library;
    }

    public static List<DeviceProfile> all() { return List.copyOf(library().profiles().values()); }

    public static DeviceProfile get(String id) { return library().require(id); }
}
