package dev.thrum.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the text files a person writes (profiles, programs, regions, clients, config.json) as
 * strict UTF-8. The JDK's own failure says only "Input length = 1"; this one names the byte
 * offset and line, so the person can find the bad byte.
 */
public final class TextFiles {
    private TextFiles() {}

    /** @throws IOException as the JDK throws it (describe it with {@link IoReason}), or {@link NotUtf8} saying where */
    public static String readUtf8(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    /** Strict UTF-8 decoding of bytes that came from outside (a file or a request body). */
    public static String decode(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) throw new NotUtf8(bytes, in.position());
        decoder.flush(out);
        return out.flip().toString();
    }

    /** The bytes are not UTF-8; says where. */
    public static final class NotUtf8 extends CharacterCodingException {
        private final String message;

        NotUtf8(byte[] bytes, int offset) {
            int line = 1;
            for (int i = 0; i < offset; i++) if (bytes[i] == '\n') line++;
            this.message = String.format("not UTF-8 text: byte 0x%02X at byte offset %d (line %d) is not valid UTF-8;"
                    + " save the file as UTF-8", bytes[offset] & 0xff, offset, line);
        }

        @Override
        public String getMessage() { return message; }
    }
}
