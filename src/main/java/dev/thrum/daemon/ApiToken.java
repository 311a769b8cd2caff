package dev.thrum.daemon;

import dev.thrum.store.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The bearer token every API request must carry: 32 random bytes as hex, in a file only its owner
 * can read. Made on the daemon's first start and kept, so scripts keep working across restarts.
 * A token file that others could read is treated as leaked and replaced.
 */
public final class ApiToken {
    private static final System.Logger LOG = System.getLogger(ApiToken.class.getName());
    private static final int BYTES = 32;

    private final String value;

    private ApiToken(String value) { this.value = value; }

    public String value() { return value; }

    /** For the daemon: reads the token, or makes a new one when there is none (or it was not private). */
    public static ApiToken loadOrCreate(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!PrivateFiles.isOwnerOnly(file)) {
                LOG.log(System.Logger.Level.WARNING, file + " could be read by other users; made a new token");
            } else if (text.matches("[0-9a-f]{" + (2 * BYTES) + "}")) {
                return new ApiToken(text);
            } else {
                LOG.log(System.Logger.Level.WARNING, file + " did not hold a valid token; made a new one");
            }
        }
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        ApiToken token = new ApiToken(HexFormat.of().formatHex(bytes));
        PrivateFiles.writeAtomically(file, token.value + "\n");
        return token;
    }

    /** For clients: reads the token the daemon made. @throws IOException when there is none */
    public static ApiToken read(Path file) throws IOException {
        return new ApiToken(Files.readString(file, StandardCharsets.UTF_8).trim());
    }

    /** Compares in constant time, so timing does not leak how much of a guess was right. */
    public boolean matches(String candidate) {
        if (candidate == null) return false;
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII), candidate.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() { return "ApiToken[hidden]"; }
}
