package dev.thrum.protocol;

import dev.thrum.profile.DeviceProfile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Java codecs by name: the escape hatch for what a template cannot say (encryption, counters). A
 * profile names one with {@code "codec": "NAME"}; without it the profile's templates are used.
 * No shipped profile needs one yet; add a factory to {@link #builtIn()} when one does.
 */
public final class CodecRegistry {

    private final Map<String, Function<DeviceProfile, Codec>> factories;

    private CodecRegistry(Map<String, Function<DeviceProfile, Codec>> factories) {
        this.factories = Map.copyOf(factories);
    }

    /** The codecs that ship with Thrum. */
    public static CodecRegistry builtIn() { return new CodecRegistry(Map.of()); }

    /** A registry with one more codec (for tests and extensions). */
    public CodecRegistry with(String name, Function<DeviceProfile, Codec> factory) {
        Map<String, Function<DeviceProfile, Codec>> more = new LinkedHashMap<>(factories);
        more.put(name, factory);
        return new CodecRegistry(more);
    }

    public Set<String> names() { return new TreeSet<>(factories.keySet()); }

    /**
     * The codec for a profile: its named Java codec, or the template codec.
     *
     * @throws IllegalArgumentException when the profile names a codec that is not registered
     */
    public Codec forProfile(DeviceProfile profile) {
        if (profile.codec() == null) return new TemplateCodec(profile);
        Function<DeviceProfile, Codec> f = factories.get(profile.codec());
        if (f == null)
            throw new IllegalArgumentException("profile '" + profile.id() + "' names codec '" + profile.codec()
                    + "', which is not registered (registered: " + names() + ")");
        return f.apply(profile);
    }
}
