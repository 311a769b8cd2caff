package dev.thrum.daemon;

import dev.thrum.app.DeviceSpec;
import dev.thrum.store.ThrumDirs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Starts daemons on temporary directories and a free port, never the user's real home. */
final class TestDaemons {
    private TestDaemons() {}

    static ThrumDirs dirs(Path home) { return ThrumDirs.from(Map.of(), home); }

    static DaemonFiles files(Path home) { return DaemonFiles.from(dirs(home), Map.of()); }

    static EventHub hub(Daemon d) { return d.events(); }

    static Daemon start(Path home, SessionHost host, SessionRequestPlanner planner) throws Exception {
        return start(home, host, planner, List.of());
    }

    static Daemon start(Path home, SessionHost host, SessionRequestPlanner planner, List<java.util.function.Consumer<Router>> routes) throws Exception {
        DaemonSettings settings = new DaemonSettings(new DeviceSpec.Sim(null), 0, 1);
        return Daemon.start(new Daemon.Parts(settings, files(home), host, planner, routes,
                Duration.ofMillis(200), Duration.ofSeconds(30)));
    }

    /**
     * The real daemon as {@code thrum daemon} assembles it, on these directories, with the tests' usual
     * 1 s status interval and 60 s link grace.
     */
    static Daemon assembled(Path home, DaemonSettings settings) throws Exception {
        return DaemonAssembly.open(new DaemonAssembly.Options(settings, dirs(home), files(home),
                null, Duration.ofSeconds(1), Duration.ofSeconds(60)));
    }

    /** A daemon with the real programs and clients endpoints and planner on these directories, and a fake host. */
    static Daemon withLibrary(Path home, SessionHost host) throws Exception {
        LibraryEndpoints library = new LibraryEndpoints(dirs(home));
        return start(home, host, new ApiSessionPlanner(new dev.thrum.app.SessionService(dirs(home)), library),
                List.of(library::register, new EditorEndpoints(library)::register));
    }
}
