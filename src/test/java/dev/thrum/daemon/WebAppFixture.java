package dev.thrum.daemon;

import dev.thrum.app.DeviceSpec;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The set-up the browser tests share, written once: a daemon under a fresh temporary home (a real
 * {@code thrum daemon} in a child JVM on the simulator, {@link #onSimulator}, or one in this JVM, for
 * example on a fake session host, {@link #inProcess}), then a real Chromium, logged in through a
 * one-time link when the test wants that. Starting happens in two steps (daemon, then
 * {@link #openBrowser} or {@link #openLoggedIn}) because some tests create clients through the API
 * before the page first loads.
 */
final class WebAppFixture implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "web-screenshots");

    /** Writes files into the temporary home before the daemon starts (logs, programs...). */
    interface HomeSetup {
        void prepare(Path home) throws Exception;
    }

    /** Starts a daemon in this JVM under the given home. */
    interface InProcessStart {
        Daemon start(Path home) throws Exception;
    }

    /** The real session host on the simulated massager, in this JVM so a test can pull the link away. */
    static final InProcessStart SIMULATOR = home -> DaemonAssembly.open(new DaemonAssembly.Options(
            new DaemonSettings(new DeviceSpec.Sim(null), 0, 1), TestDaemons.dirs(home), TestDaemons.files(home),
            null, Duration.ofSeconds(15), Duration.ofSeconds(60)));

    final Path home;
    /** The child JVM's daemon, or null when the daemon runs in this JVM. */
    final ChildDaemon daemon;
    /** The daemon in this JVM, or null when it is a child process. */
    final Daemon inProcess;
    final DaemonClient client;
    final String base;
    ChromeDriver browser;

    private WebAppFixture(Path home, ChildDaemon daemon, Daemon inProcess, DaemonClient client, int port) {
        this.home = home;
        this.daemon = daemon;
        this.inProcess = inProcess;
        this.client = client;
        this.base = "http://127.0.0.1:" + port;
    }

    /**
     * Skips (or fails on CI) without Chromium, then starts the daemon with {@code args} after
     * {@code daemon} (for example {@code "--device", "sim", "--speedup", "30"}).
     */
    static WebAppFixture onSimulator(String homePrefix, HomeSetup setup, String... args) throws Exception {
        return onSimulator(homePrefix, setup, home -> List.of(args));
    }

    /** Like {@link #onSimulator(String, HomeSetup, String...)}, for arguments naming files in the home (a frame record). */
    static WebAppFixture onSimulator(String homePrefix, HomeSetup setup, Function<Path, List<String>> argsInHome) throws Exception {
        return onSimulator(homePrefix, setup, home -> List.of(), argsInHome);
    }

    /** The general form: the child JVM's options too (system properties pointing into the home). */
    static WebAppFixture onSimulator(String homePrefix, HomeSetup setup, Function<Path, List<String>> jvmOptionsInHome,
                                     Function<Path, List<String>> argsInHome) throws Exception {
        Chromium.assumeInstalled();
        Path home = Files.createTempDirectory(homePrefix);
        setup.prepare(home);
        ChildDaemon daemon = ChildDaemon.start(home, jvmOptionsInHome.apply(home), argsInHome.apply(home).toArray(String[]::new));
        try {
            return new WebAppFixture(home, daemon, null, daemon.client(), daemon.port);
        } catch (IOException | RuntimeException e) {
            daemon.close();
            throw e;
        }
    }

    /** Skips (or fails on CI) without Chromium, then starts a daemon in this JVM under a fresh home. */
    static WebAppFixture inProcess(String homePrefix, InProcessStart start) throws Exception {
        Chromium.assumeInstalled();
        Path home = Files.createTempDirectory(homePrefix);
        Daemon daemon = start.start(home);
        return new WebAppFixture(home, null, daemon, new DaemonClient(daemon.port(), daemon.token()), daemon.port());
    }

    static WebAppFixture onSimulator(String homePrefix, String... args) throws Exception {
        return onSimulator(homePrefix, home -> { }, args);
    }

    /** A headless Chromium with a window of this size, not logged in. */
    ChromeDriver openBrowser(int width, int height) throws IOException {
        browser = Chromium.start(width, height);
        return browser;
    }

    /** A headless Chromium that has followed a fresh one-time login link and landed on the start page. */
    ChromeDriver openLoggedIn(int width, int height, Duration deadline) throws IOException {
        openBrowser(width, height);
        logIn(deadline, d -> d.getCurrentUrl().equals(base + "/"));
        return browser;
    }

    /** Follows a fresh one-time login link in the open browser and waits until {@code landed}. */
    void logIn(Duration deadline, Function<WebDriver, Boolean> landed) throws IOException {
        browser.get(client.post("/login-links", "").body().path("url").asText());
        await("logged in", deadline, landed);
    }

    /** Waits for a condition on the page; an element replaced while it is looked at counts as "not yet". */
    <T> T await(String what, Duration deadline, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, deadline).ignoring(StaleElementReferenceException.class)
                .withMessage(what).until(condition);
    }

    /** Keeps what the window shows now as target/web-screenshots/NAME.png, for people reviewing the pages. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        try {
            if (browser != null) browser.quit();
        } finally {
            if (daemon != null) daemon.close();
            if (inProcess != null) inProcess.close();
        }
    }
}
