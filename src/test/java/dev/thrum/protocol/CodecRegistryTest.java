package dev.thrum.protocol;

import dev.thrum.store.MalformedProfileTestAccess;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.ProfileParseResult;
import dev.thrum.profile.ProfileParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodecRegistryTest {

    private static DeviceProfile withCodec(String name, Set<String> known) {
        String json = MalformedProfileTestAccess.valid()
                .replace("\"name\": \"Test gun\",", "\"name\": \"Test gun\", \"codec\": \"" + name + "\",");
        return assertInstanceOf(ProfileParseResult.Parsed.class, new ProfileParser(known).parse("t.json", json)).profile();
    }

    @Test
    void aProfileNamingACodecGetsThatCodec() {
        List<DeviceProfile> seen = new ArrayList<>();
        Codec[] made = new Codec[1];
        CodecRegistry registry = CodecRegistry.builtIn().with("counter", p -> {
            seen.add(p);
            return made[0] = new TemplateCodec(p);
        });
        DeviceProfile profile = withCodec("counter", registry.names());
        Codec codec = registry.forProfile(profile);
        assertSame(made[0], codec);
        assertEquals(List.of(profile), seen);
    }

    @Test
    void withoutACodecNameTheTemplatesAreUsed() {
        assertInstanceOf(TemplateCodec.class, Codecs.forProfile(ShippedProfiles.get("foreo")));
    }

    @Test
    void anUnregisteredNameIsRefusedWithTheRegisteredOnes() {
        DeviceProfile profile = withCodec("aes", Set.of("aes"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> CodecRegistry.builtIn().with("other", TemplateCodec::new).forProfile(profile));
        assertTrue(e.getMessage().contains("'aes'") && e.getMessage().contains("other"), e.getMessage());
    }
}
