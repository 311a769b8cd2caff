package dev.thrum.profile.template;

import dev.thrum.protocol.TemplateFrameReader;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A checksum after {@code ...}: it closes the real frame, whatever its length (the open serial
 * protocol's frames end in a CRC and may grow).
 */
class TrailingChecksumTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
    private static final String GET_STATUS = "A5 {len:u8} 03 ... {crc8:1..-2}";

    @Test
    void writesTheShortestFrameWithItsChecksumLast() throws Exception {
        FrameTemplate t = FrameTemplate.parse("A5 {len:u8} 01 {speed:u8} ... {crc8:1..-2}");
        assertEquals(5, t.minLength());
        assertEquals("A5 05 01 32 4B", HEX.formatHex(t.fill(Map.of("speed", 50L))));
    }

    @Test
    void readsALongerFrameWithTheChecksumAtItsRealEnd() throws Exception {
        FrameTemplate t = FrameTemplate.parse(GET_STATUS);
        assertInstanceOf(MatchResult.Matched.class, t.match(HEX.parseHex("A5 04 03 5D")));
        assertInstanceOf(MatchResult.Matched.class, t.match(HEX.parseHex("A5 05 03 AB A7")));
        var bad = assertInstanceOf(MatchResult.Mismatch.class, t.match(HEX.parseHex("A5 05 03 AC A7")));
        assertTrue(bad.reason().contains("crc8 over bytes 1..3"), bad.reason());
        var lying = assertInstanceOf(MatchResult.Mismatch.class, t.match(HEX.parseHex("A5 04 03 AB A7")));
        assertTrue(lying.reason().contains("length field at byte 1 says 4, expected 5"), lying.reason());
    }

    @Test
    void aStreamReaderCutsGrownFramesByTheirLength() throws Exception {
        TemplateFrameReader reader = new TemplateFrameReader(List.of(FrameTemplate.parse(GET_STATUS)));
        List<byte[]> frames = reader.feed(HEX.parseHex("A5 05 03 AB A7 A5 04 03 5D"));
        assertEquals(2, frames.size());
        assertEquals("A5 05 03 AB A7", HEX.formatHex(frames.get(0)));
        assertEquals("A5 04 03 5D", HEX.formatHex(frames.get(1)));
    }

    @Test
    void onlyChecksumsMayFollowTheOpenTail() {
        var e = assertThrows(TemplateSyntaxException.class, () -> FrameTemplate.parse("A5 {len:u8} 03 ... 00 {crc8:1..-2}"));
        assertTrue(e.getMessage().contains("followed only by checksums"), e.getMessage());
        var own = assertThrows(TemplateSyntaxException.class, () -> FrameTemplate.parse("A5 {len:u8} 03 ... {crc8:1..}"));
        assertTrue(own.getMessage().contains("its own"), own.getMessage());
    }
}
