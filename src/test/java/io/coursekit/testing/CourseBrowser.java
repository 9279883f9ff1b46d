package io.coursekit.testing;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Debian's headless Chromium driven through its chromedriver: the site as a reader's browser shows it.
 * Tests that need it are skipped, saying why, where Chromium is not installed (.ci/run installs it).
 */
public final class CourseBrowser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private CourseBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static CourseBrowser open() throws IOException {
        return open(Map.of());
    }

    /**
     * A Chromium that cannot see this machine's colour emoji font, as on a reader's machine without one: fontconfig
     * is told to reject Noto Color Emoji.
     */
    public static CourseBrowser withoutSystemEmoji() throws IOException {
        Path fonts = Files.createTempFile("coursekit-fonts", ".conf");
        Files.writeString(fonts, """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                  <selectfont><rejectfont><glob>*NotoColorEmoji*</glob><pattern><patelt name="family"><string>Noto Color Emoji</string></patelt></pattern></rejectfont></selectfont>
                </fontconfig>
                """);
        fonts.toFile().deleteOnExit();
        return open(Map.of("FONTCONFIG_FILE", fonts.toString()));
    }

    private static CourseBrowser open(Map<String, String> environment) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String reason = "skipped: headless Chromium needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver fonts-noto-cjk; .ci/run does this)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        Path profile = Files.createTempDirectory("coursekit-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--allow-file-access-from-files", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().withEnvironment(environment).build();
        return new CourseBrowser(new ChromeDriver(service, options), profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(Path file) {
        driver.get(file.toUri().toString());
    }

    public void open(String url) {
        driver.get(url);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** A wait that looks every 20 ms, not Selenium's 500: most of what tests wait for takes a few milliseconds. */
    public WebDriverWait await(Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(20));
    }

    /** Waits until site.js has drawn every diagram of the page (or found none) and returns the outcome. */
    public String awaitDiagrams() {
        await(Duration.ofSeconds(30)).until(d -> {
            Object state = script("return document.documentElement.dataset.diagrams || ''");
            return !"".equals(state) && !"drawing".equals(state);
        });
        return (String) script("return document.documentElement.dataset.diagrams");
    }

    public String currentFile() {
        return new File(java.net.URI.create(driver.getCurrentUrl().replaceAll("#.*$", ""))).getPath();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
