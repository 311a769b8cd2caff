package dev.thrum.daemon;

import dev.thrum.testkit.ThrumLaunch;
import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Prints the web app's figures (not a test; surefire skips *Benchmark), against a real
 * {@code thrum daemon --device sim} child (through the {@code ./thrum} launcher when run from the
 * repository root, with the JVM options of the shipped unit file) and Debian's
 * Chromium, headless, on loopback:
 * <ol>
 *   <li>first render with live data: from the start of the page request to the page's own
 *       {@code thrum-live} mark (the first render after the stream's hello), with a session running;</li>
 *   <li>event to screen: from the {@code at} of a {@code paused}/{@code resumed} event (the daemon's
 *       clock, real time) to the moment the page's state label shows it (a MutationObserver);</li>
 *   <li>page weight: the bytes of the page and everything it loaded;</li>
 *   <li>the idle daemon (no session) with one page open: resident memory and CPU over a minute.</li>
 * </ol>
 * Run: {@code java -cp "$(cat target/cp.txt):target/classes:target/test-classes" dev.thrum.daemon.WebBenchmark [IDLE_SECONDS]}
 */
public final class WebBenchmark {
    /** The shipped unit file's JVM options (docs/thrum.service), or -Dthrum.bench.jvm="...". */
    private static final List<String> JVM = List.of(System.getProperty("thrum.bench.jvm",
            "-XX:+UseSerialGC -Xmx48m -Xss512k -XX:TieredStopAtLevel=1").trim().split("\\s+"));

    public static void main(String[] args) throws Exception {
        int idleSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path home = Files.createTempDirectory("thrum-web-bench");
        ChromeDriver browser = Chromium.start(1280, 800);
        try {
            try (ChildDaemon daemon = startDaemon(home.resolve("fresh"))) {
                System.out.println("Web benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, daemon through "
                        + (Files.isExecutable(Path.of("thrum")) ? "./thrum" : "java -cp") + ", JVM options " + String.join(" ", JVM) + ")");
                browser.get(daemon.client().post("/login-links", "").body().path("url").asText());
                awaitState(browser, "Ready");
                idle("a fresh daemon, no session yet, one page open", daemon, idleSeconds);
            }
            try (ChildDaemon daemon = startDaemon(home.resolve("used"))) {
                run(daemon, browser, idleSeconds);
            }
        } finally {
            browser.quit();
        }
    }

    /** As users start it: through the launcher (jar and start-up archive) when run from the repository root. */
    private static ChildDaemon startDaemon(Path home) throws java.io.IOException {
        Path launcher = ThrumLaunch.LAUNCHER;
        if (!Files.isExecutable(launcher)) return ChildDaemon.start(home, JVM, "--device", "sim");
        return ChildDaemon.start(home, List.of(launcher.toString(), "daemon"), java.util.Map.of("THRUM_JAVA_OPTS", String.join(" ", JVM)), "--device", "sim");
    }

    private static void idle(String what, ChildDaemon daemon, int idleSeconds) throws Exception {
        Thread.sleep(5000); // let start-up work and the page's requests settle before measuring idle
        double rssBefore = DaemonBenchmark.rssKb(daemon.pid()) / 1024.0;
        long before = DaemonBenchmark.cpuTicks(daemon.pid());
        Thread.sleep(idleSeconds * 1000L);
        double cpu = (DaemonBenchmark.cpuTicks(daemon.pid()) - before) / 100.0;
        System.out.printf(Locale.ROOT, "idle, %s: resident memory %.1f MB, %.1f MB after %d s (target: under 80 MB);"
                        + " CPU %.2f s (%.2f%% of one core, the simulator's own tick thread included)%n",
                what, rssBefore, DaemonBenchmark.rssKb(daemon.pid()) / 1024.0, idleSeconds, cpu, 100 * cpu / idleSeconds);
    }

    private static void run(ChildDaemon daemon, ChromeDriver browser, int idleSeconds) throws Exception {
        DaemonClient client = daemon.client();
        String base = "http://127.0.0.1:" + daemon.port;
        browser.get(client.post("/login-links", "").body().path("url").asText());
        awaitState(browser, "Ready");
        check(client.post("/sessions", "{\"program\": \"general-warm-up\"}").status() == 201, "session start");

        List<Double> firstRender = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            browser.get(base + "/");
            new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> browser.executeScript(
                    "return performance.getEntriesByName('thrum-live').length > 0"));
            firstRender.add(((Number) browser.executeScript("return performance.getEntriesByName('thrum-live')[0].startTime")).doubleValue());
        }
        report("first render with live data after the request (ms)", firstRender, 300);

        Number weight = (Number) browser.executeScript(
                "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                        + ".reduce((sum, e) => sum + (e.encodedBodySize || 0), 0)");
        Number files = (Number) browser.executeScript("return performance.getEntriesByType('resource').length + 1");
        System.out.printf(Locale.ROOT, "page weight: %.1f KB in %d files (target: under 300 KB)%n", weight.doubleValue() / 1024, files.intValue());

        BlockingQueue<JsonNode> published = new ArrayBlockingQueue<>(64);
        List<Double> toScreen = new ArrayList<>();
        try (DaemonEvents events = client.events(e -> {
            if (e.name().equals("paused") || e.name().equals("resumed")) published.offer(e.data());
        })) {
            for (int i = 0; i < 20; i++) {
                boolean pause = i % 2 == 0;
                String expected = pause ? "Paused" : "Running";
                browser.executeScript("window.__seen = null; const el = document.getElementById('state');"
                        + "new MutationObserver((m, o) => { if (el.textContent.startsWith(arguments[0])) { window.__seen = Date.now(); o.disconnect(); } })"
                        + ".observe(el, {childList: true, characterData: true, subtree: true});", expected);
                check(client.post("/session/" + (pause ? "pause" : "resume"), "").ok(), "control");
                JsonNode event = published.poll(5, TimeUnit.SECONDS);
                check(event != null, "the " + expected + " event");
                Number seen = (Number) new WebDriverWait(browser, Duration.ofSeconds(5))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> browser.executeScript("return window.__seen"));
                toScreen.add(seen.doubleValue() - Instant.parse(event.path("at").asText()).toEpochMilli());
            }
        }
        report("event published to visible on the page (ms)", toScreen, 100);

        check(client.emergencyStop().ok(), "stop");
        awaitState(browser, "Finished");
        idle("after a session, one page open", daemon, idleSeconds);
    }

    private static void awaitState(ChromeDriver browser, String state) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("state")).getText().equals(state));
    }

    private static void report(String what, List<Double> values, double target) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: median %.1f, max %.1f over %d (target: under %.0f)%n",
                what, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size(), target);
    }

    private static void check(boolean ok, String what) {
        if (!ok) throw new IllegalStateException("benchmark step failed: " + what);
    }
}
