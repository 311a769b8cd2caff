package dev.thrum.protocol;

import dev.thrum.profile.DeviceProfile;

import java.util.Set;

/** The usual way to get a codec: {@code Codecs.forProfile(profile)}. */
public final class Codecs {
    private Codecs() {}

    private static final CodecRegistry BUILT_IN = CodecRegistry.builtIn();

    /** The codec for a loaded profile (templates, or the Java codec it names). */
    public static Codec forProfile(DeviceProfile profile) { return BUILT_IN.forProfile(profile); }

    /** Names a profile's {@code codec} key may use. */
    public static Set<String> registeredNames() { return BUILT_IN.names(); }
}
