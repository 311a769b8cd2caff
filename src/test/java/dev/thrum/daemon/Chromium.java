package dev.thrum.daemon;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's Chromium driven through its own chromedriver, both named by path so Selenium never looks
 * for (or downloads) a browser or driver. Headless, with a fresh profile per browser.
 */
final class Chromium {
    static final File BROWSER = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");

    private Chromium() {}

    /** Skips (loudly) when the browser is missing on a developer's machine; fails on CI, where it must be. */
    static void assumeInstalled() {
        if (BROWSER.canExecute() && DRIVER.canExecute()) return;
        String message = "browser tests need " + BROWSER + " and " + DRIVER + ": apt-get install chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(message + " (CI=true: they must run here)");
        System.err.println("\n*** SKIPPED: " + message + " ***\n");
        Assumptions.abort(message);
    }

    /** Scrolls the element to the middle of the window first, as a person would, clear of the page's fixed control bar. */
    static void click(ChromeDriver browser, String id) {
        var element = browser.findElement(org.openqa.selenium.By.id(id));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    static ChromeDriver start(int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("thrum-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
