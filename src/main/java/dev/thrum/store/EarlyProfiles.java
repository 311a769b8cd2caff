package dev.thrum.store;

import dev.thrum.profile.ProfileLibrary;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Loads the device profiles on a second thread from the moment the process starts, for the commands
 * that need them first thing ({@code thrum daemon}, {@code thrum run}). In a fresh JVM, parsing the
 * profiles and the command line each take about 100 ms, and the two do not depend on each other.
 * <p>
 * The early load is used once, and only by a caller asking for the same places it read; anything
 * else, and an early load that failed, loads afresh on the caller's thread.
 */
public final class EarlyProfiles {
    private record Early(Path workingDirectory, ThrumDirs dirs, CompletableFuture<ProfileLibrary> library) {}

    private static Early early;

    private EarlyProfiles() {}

    /** Starts loading from the working directory and the user's directories of the real environment. */
    public static synchronized void start() {
        start(Path.of("").toAbsolutePath(), ThrumDirs.fromEnvironment());
    }

    static synchronized void start(Path workingDirectory, ThrumDirs dirs) {
        CompletableFuture<ProfileLibrary> library = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                library.complete(ProfileLibraryLoader.loadFrom(workingDirectory, dirs));
            } catch (RuntimeException | Error e) {
                library.completeExceptionally(e);
            }
        }, "thrum-profiles-early");
        loader.setDaemon(true);
        loader.start();
        early = new Early(workingDirectory, dirs, library);
    }

    /** The profiles in the built-ins, {@code workingDirectory/device-profiles} and the user's directory. */
    public static ProfileLibrary load(Path workingDirectory, ThrumDirs dirs) {
        Early e = take(workingDirectory, dirs);
        if (e != null) {
            try {
                return e.library().join();
            } catch (CompletionException failed) {
                // load again below, where the failure surfaces on the caller's thread as it always did
            }
        }
        return ProfileLibraryLoader.loadFrom(workingDirectory, dirs);
    }

    private static synchronized Early take(Path workingDirectory, ThrumDirs dirs) {
        Early e = early;
        if (e == null || !e.workingDirectory().equals(workingDirectory) || !e.dirs().equals(dirs)) return null;
        early = null; // once: a later load sees later edits to the files
        return e;
    }
}
