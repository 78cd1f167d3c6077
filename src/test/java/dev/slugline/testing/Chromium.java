package dev.slugline.testing;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Debian's chromium, headless, through its chromedriver, for the tests tagged {@code browser}; and programs on PATH. */
public final class Chromium {

    public static final String CHROMIUM = System.getProperty("slugline.test.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("slugline.test.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {
    }

    /** A fresh headless browser with its own profile under target/, its window {@code width,height}. */
    public static ChromeDriver open(String windowSize) throws IOException {
        assertThat(new File(CHROMIUM).canExecute()).as("Debian's chromium at %s (bash .ci/run installs it)", CHROMIUM).isTrue();
        assertThat(new File(CHROMEDRIVER).canExecute())
                .as("Debian's chromium-driver at %s (bash .ci/run installs it)", CHROMEDRIVER).isTrue();
        Files.createDirectories(Path.of("target").toAbsolutePath());
        Path profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + windowSize, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** The absolute path of {@code program} on PATH, or null. */
    public static String findOnPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, program);
            if (!dir.isEmpty() && candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        return null;
    }
}
