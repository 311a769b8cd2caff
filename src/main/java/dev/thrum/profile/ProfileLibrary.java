package dev.thrum.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profiles that loaded, by id (sorted), plus what went wrong with the others and notices such as
 * "this file overrides the built-in one". Bad profiles are never in {@code profiles}.
 */
public record ProfileLibrary(Map<String, DeviceProfile> profiles, List<ProfileProblem> errors,
                             List<String> notices) {

    public ProfileLibrary {
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        errors = List.copyOf(errors);
        notices = List.copyOf(notices);
    }

    public Optional<DeviceProfile> find(String id) { return Optional.ofNullable(profiles.get(id)); }

    /** The profile with this id, or an exception whose message lists the known ids. */
    public DeviceProfile require(String id) {
        DeviceProfile p = profiles.get(id);
        if (p == null)
            throw new IllegalArgumentException("no device profile with id '" + id + "'; known: "
                    + String.join(", ", profiles.keySet()) + " (see `thrum profiles list`)");
        return p;
    }
}
