package dev.thrum.profile.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameTemplateTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    @Test
    void theragunWorkedExample() throws Exception {
        FrameTemplate t = FrameTemplate.parse("AA {sum8:2..} 01 03 {speed:u16be} 03");
        assertEquals(7, t.minLength());
        assertEquals("AA 70 01 03 09 60 03", HEX.formatHex(t.fill(Map.of("speed", 2400L))));
        var m = assertInstanceOf(MatchResult.Matched.class, t.match(HEX.parseHex("AA 70 01 03 09 60 03")));
        assertEquals(2400L, m.values().get("speed"));
    }

    /** Published check values over the ASCII text "123456789" (crc8 1D/FF is CRC-8/SAE-J1850 4B without its final XOR FF). */
    @ParameterizedTest
    @CsvSource({
            "sum8, DD", "xor8, 31", "crc8, F4", "crc8:poly=1D:init=FF, B4",
            "crc16-ccitt, 31C3", "crc16-ccitt:init=FFFF, 29B1", "crc16-modbus:be, 4B37"})
    void checksumCheckValues(String spec, String expected) throws Exception {
        FrameTemplate t = FrameTemplate.parse("313233343536373839 {" + spec.replaceFirst("^([a-z0-9-]+)", "$1:0..8") + "}");
        byte[] frame = t.fill(Map.of());
        assertEquals("123456789", new String(frame, 0, 9, StandardCharsets.US_ASCII));
        String cs = HexFormat.of().withUpperCase().formatHex(frame, 9, frame.length);
        assertEquals(expected, cs);
    }

    @Test
    void modbusDefaultsToLowByteFirst() throws Exception {
        byte[] frame = FrameTemplate.parse("313233343536373839 {crc16-modbus:0..8}").fill(Map.of());
        assertEquals("37 4B", HEX.formatHex(frame, 9, 11));
    }

    @Test
    void lengthFieldsCountTheirRange() throws Exception {
        FrameTemplate t = FrameTemplate.parse("68 79 {len:u16be} 01 02 {speed:u8} {len:u8:4..-3} {crc16-ccitt:0..-3}");
        byte[] f = t.fill(Map.of("speed", 5L));
        assertEquals(0, f[2]);
        assertEquals(10, f[3]);
        assertEquals(4, f[7]); // bytes 4..7 of a 10-byte frame (-3 is index 7)
        byte[] wrong = f.clone();
        wrong[3] = 11;
        var mm = assertInstanceOf(MatchResult.Mismatch.class, t.match(wrong));
        assertTrue(mm.reason().contains("length field at byte 2 says 11, expected 10"), mm.reason());
    }

    @Test
    void littleEndianValuesAndWildcards() throws Exception {
        FrameTemplate t = FrameTemplate.parse("01 .. {speed:u16le} {x:u32be}");
        byte[] f = t.fill(Map.of("speed", 0x1234L, "x", 0xA1B2C3D4L));
        assertEquals("01 00 34 12 A1 B2 C3 D4", HEX.formatHex(f));
        f[1] = 0x7F; // a wildcard accepts anything
        var m = assertInstanceOf(MatchResult.Matched.class, t.match(f));
        assertEquals(0x1234L, m.values().get("speed"));
        assertEquals(0xA1B2C3D4L, m.values().get("x"));
    }

    @Test
    void valueTooLargeForItsTypeIsRefused() throws Exception {
        FrameTemplate t = FrameTemplate.parse("01 {speed:u8}");
        assertThrows(IllegalArgumentException.class, () -> t.fill(Map.of("speed", 256L)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AA {crc32:1..}            | 4  | unknown checksum kind 'crc32'",
            "AA {speed:u17}            | 4  | unknown value type 'u17'",
            "AA ZZ                     | 4  | 'ZZ' is not a hex byte",
            "AA {sum8:5..} 01          | 0  | does not fit",
            "AA {sum8:0..}             | 0  | its own",
            "AA {sum8:x}               | 4  | is not a byte range",
            "AA {sum8:1..:le}          | 4  | means nothing for the one-byte",
            "AA {xor8:0..0:poly=07}    | 4  | only crc kinds",
            "AA {crc8:0..0:poly=1234}  | 4  | at most 2 digits",
            "AA {speed}                | 4  | needs exactly a name and a type",
            "AA {len:u8:1..:x}         | 4  | a length field is written",
            "'   '                     | 0  | empty",
            "AA {speed:                | 4  | not a complete placeholder",
            "AA ... 01                 | 8  | must be the last token",
            "AA {len:u8:-2..} 00 ...   | 0  | counts its start from the end",
            "AA BB {sum8:0..-2} ...    | 0  | its own place",
            "AA {sum8:2..-2} 00 ...    | 0  | does not fit"})
    void syntaxErrorsSayWhereAndHow(String text, int column, String message) {
        var e = assertThrows(TemplateSyntaxException.class, () -> FrameTemplate.parse(text));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(column, e.column());
    }

    @Test
    void couldStartWithChecksLiteralsAndLengthsSeenSoFar() throws Exception {
        FrameTemplate t = FrameTemplate.parse("A5 {len:u8} 01 {speed:u8} {crc8:1..-2}");
        assertTrue(t.couldStartWith(HEX.parseHex("A5 05"), 0, 2));
        assertTrue(!t.couldStartWith(HEX.parseHex("A5 06"), 0, 2));
        assertTrue(!t.couldStartWith(HEX.parseHex("A4"), 0, 1));
    }

    @Test
    void anOpenTailAcceptsFurtherBytesAndItsChecksumCoversThem() throws Exception {
        FrameTemplate t = FrameTemplate.parse("BB {sum8:2..} 10 {speed:u16be} ...");
        assertTrue(t.openEnded());
        assertEquals(5, t.minLength());
        assertEquals("BB 17 10 00 07", HEX.formatHex(t.fill(Map.of("speed", 7L))), "written at the fixed length");
        assertInstanceOf(MatchResult.Matched.class, t.match(HEX.parseHex("BB 17 10 00 07")));
        var longer = assertInstanceOf(MatchResult.Matched.class, t.match(HEX.parseHex("BB 1A 10 00 07 01 02")));
        assertEquals(7L, longer.values().get("speed"));
        var wrongSum = assertInstanceOf(MatchResult.Mismatch.class, t.match(HEX.parseHex("BB 17 10 00 07 01 02")));
        assertTrue(wrongSum.reason().contains("sum8 over bytes 2..6"), wrongSum.reason());
        var shorter = assertInstanceOf(MatchResult.Mismatch.class, t.match(HEX.parseHex("BB 10 10 00")));
        assertTrue(shorter.reason().contains("expected at least 5"), shorter.reason());
        var huge = assertInstanceOf(MatchResult.Mismatch.class, t.match(new byte[FrameTemplate.MAX_OPEN_LENGTH + 1]));
        assertTrue(huge.reason().contains("more than the 512"), huge.reason());
    }

    @Test
    void aLengthFieldOfAnOpenFrameCountsTheBytesReallySent() throws Exception {
        FrameTemplate t = FrameTemplate.parse("A5 {len:u8:2..} {xor8:3..} 83 ...");
        assertEquals("A5 02 83 83", HEX.formatHex(t.fill(Map.of())));
        assertInstanceOf(MatchResult.Matched.class, t.match(HEX.parseHex("A5 03 81 83 02")));
        assertInstanceOf(MatchResult.Mismatch.class, t.match(HEX.parseHex("A5 02 81 83 02")));
        // On a stream the length field says where the frame ends (4 bytes from byte 2: 6 in all);
        // 01 could not be a frame this short.
        assertEquals(6, t.streamLength(HEX.parseHex("A5 04 81"), 0, 3));
        assertEquals(-1, t.streamLength(HEX.parseHex("A5"), 0, 1));
        assertEquals(0, t.streamLength(HEX.parseHex("A5 01"), 0, 2));
        assertTrue(!t.couldStartWith(HEX.parseHex("A5 01"), 0, 2));
        assertTrue(t.couldStartWith(HEX.parseHex("A5 09"), 0, 2));
    }

    @Test
    void anOpenFrameWithoutALengthFieldIsCutAtItsFixedPartOnAStream() throws Exception {
        FrameTemplate t = FrameTemplate.parse("BB {sum8:2..} 10 .. ...");
        assertEquals(4, t.streamLength(HEX.parseHex("BB 11 10 01 02 03"), 0, 6));
    }
}
