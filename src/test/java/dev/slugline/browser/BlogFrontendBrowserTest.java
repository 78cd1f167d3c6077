package dev.slugline.browser;

import com.sun.net.httpserver.HttpServer;
import dev.slugline.testing.Chromium;
import dev.slugline.testing.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The example frontend (examples/blog-frontend) built against this running Slugline and read in Debian's chromium:
 * the seed posts are imported with stand-ins for their images, {@code npm run gen} generates the TypeScript types from
 * this instance's {@code /q/openapi} and {@code npm run build} type-checks and bundles the site (so an API change that
 * breaks the frontend fails here), then {@code dist/} is served from another origin (CORS) and a reader's pages are
 * checked. Screenshots go to {@code target/screenshots/}. Needs Node.js (18 or newer) and npm on the PATH (or
 * {@code -Dfrontend.npm=/path/to/npm}): without them this test fails, it never skips.
 */
@QuarkusTest
@TestProfile(BlogFrontendBrowserTest.FrontendOrigin.class)
@Tag("browser")
class BlogFrontendBrowserTest {

    /** The frontend is served from 127.0.0.1 on a port chosen at run time: the API allows that origin. */
    public static class FrontendOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.origins", "/http://127\\.0\\.0\\.1:[0-9]+/");
        }
    }

    static final Path FRONTEND = Path.of("examples", "blog-frontend").toAbsolutePath();
    static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    static final String FIRST = "my-first-in-person-kubecon";
    static final String FIRST_TITLE = "My first in-person KubeCon";
    static final String SECOND = "unforgettable-moments-first-kubecon";
    static final String SECOND_TITLE = "Unforgettable Moments and New Milestones: My First KubeCon Experience";

    @TestHTTPResource("/")
    URL api;

    private ChromeDriver browser;
    private HttpServer site;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void readerSeesTheSeedPostsInTheBuiltFrontend() throws Exception {
        String apiBase = api.toString().replaceAll("/+$", "");
        importSeedPosts();
        buildFrontend(apiBase);
        String origin = serve(FRONTEND.resolve("dist"));
        openBrowser();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        // Home: the newest posts with their summaries, dates as written, reading times, tags and categories
        browser.get(origin + "/#/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.summary")));
        List<WebElement> cards = browser.findElements(By.cssSelector("article.summary"));
        assertThat(cards).extracting(card -> card.findElement(By.cssSelector("h2")).getText())
                .containsExactly(FIRST_TITLE, SECOND_TITLE); // newest first
        WebElement first = cards.get(0);
        assertThat(first.findElement(By.cssSelector("time")).getAttribute("datetime")).isEqualTo("2024-04-07T11:05:09+05:00");
        assertThat(first.findElement(By.cssSelector("time")).getText()).isEqualTo("7 April 2024, 11:05 UTC+05:00");
        assertThat(first.findElement(By.cssSelector(".reading-time")).getText()).matches(" ?· [1-9][0-9]* min read");
        assertThat(first.findElement(By.cssSelector(".summary-text")).getText()).startsWith("I've been around CNCF community");
        assertThat(hrefs(first, "ul.categories a")).contains("#/categories/kubecon", "#/categories/cncf");
        WebElement second = cards.get(1);
        assertThat(second.findElement(By.cssSelector("time")).getText()).isEqualTo("12 December 2023, 16:14 UTC+04:00");
        assertThat(hrefs(second, "ul.tags a")).containsExactlyInAnyOrder("#/tags/kubecon", "#/tags/community");
        assertThat(browser.findElement(By.cssSelector("header a.rss")).getAttribute("href")).isEqualTo(apiBase + "/feeds/rss.xml");
        screenshot("frontend-home.png");

        // The newest post: title, date with its offset, rendered headings and images, categories, the older post
        first.findElement(By.cssSelector("h2 a")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("article.post h1"), FIRST_TITLE));
        WebElement post = browser.findElement(By.cssSelector("article.post"));
        assertThat(browser.getCurrentUrl()).endsWith("#/posts/" + FIRST);
        assertThat(post.findElement(By.cssSelector(".meta time")).getText()).isEqualTo("7 April 2024, 11:05 UTC+05:00");
        assertThat(post.findElements(By.cssSelector(".content h3"))).extracting(WebElement::getText)
                .anySatisfy(h3 -> assertThat(h3).startsWith("Let the adventures begin!"));
        List<WebElement> images = post.findElements(By.cssSelector(".content img"));
        assertThat(images).hasSize(3);
        wait.until(d -> images.stream().allMatch(img -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return arguments[0].complete", img))));
        for (WebElement image : images) {
            assertThat(image.getAttribute("src")).startsWith(apiBase + "/api/media/kubecon/");
            Object width = ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", image);
            assertThat(((Number) width).intValue()).as("loaded width of %s", image.getAttribute("src")).isEqualTo(640);
        }
        assertThat(hrefs(post, "ul.categories a")).contains("#/categories/kubecon");
        assertThat(post.findElements(By.cssSelector("nav.neighbours a.next"))).as("no newer post").isEmpty();
        WebElement older = post.findElement(By.cssSelector("nav.neighbours a.prev"));
        assertThat(older.getText()).contains(SECOND_TITLE);
        screenshot("frontend-post.png");

        // The older post, reached by its prev link: its headings and tags, and the way back
        older.click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("article.post h1"), SECOND_TITLE));
        post = browser.findElement(By.cssSelector("article.post"));
        assertThat(browser.getCurrentUrl()).endsWith("#/posts/" + SECOND);
        assertThat(post.findElement(By.cssSelector(".meta time")).getAttribute("datetime")).isEqualTo("2023-12-12T16:14:55+04:00");
        assertThat(post.findElements(By.cssSelector(".content h4"))).extracting(WebElement::getText)
                .contains("KubeCon Contributor Summit", "Chicago's Charm and Culinary Delights");
        assertThat(post.findElements(By.cssSelector("nav.neighbours a.prev"))).as("no older post").isEmpty();
        assertThat(post.findElement(By.cssSelector("nav.neighbours a.next")).getText()).contains(FIRST_TITLE);
        assertThat(hrefs(post, "ul.tags a")).containsExactlyInAnyOrder("#/tags/kubecon", "#/tags/community");
        screenshot("frontend-post-older.png");

        // A tag page lists the posts with the tag
        post.findElement(By.cssSelector("ul.tags a[href='#/tags/community']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Tag: community"));
        assertThat(browser.findElements(By.cssSelector("article.summary h2"))).extracting(WebElement::getText)
                .containsExactly(SECOND_TITLE);
        screenshot("frontend-tag.png");

        // and a category page those in the category
        browser.get(origin + "/#/categories/kubecon");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Category: kubecon"));
        assertThat(browser.findElements(By.cssSelector("article.summary h2"))).extracting(WebElement::getText)
                .containsExactly(FIRST_TITLE);
    }

    /** The two seed posts in a Hugo-style folder, with stand-ins for the images they refer to (../kubecon/...). */
    private static void importSeedPosts() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String seed : List.of(FIRST + ".md", SECOND + ".md")) {
                out.putNextEntry(new ZipEntry("posts/" + seed));
                out.write(Fixtures.seed(seed).getBytes(StandardCharsets.UTF_8));
            }
            for (String image : List.of("gate.png", "keynote.jpg", "cern.jpg")) {
                out.putNextEntry(new ZipEntry("kubecon/" + image));
                out.write(standIn(image));
            }
        }
        Fixtures.editor().contentType("application/zip").body(zip.toByteArray())
                .queryParam("onConflict", "overwrite")
                .when().post("/api/imports")
                .then().statusCode(200).body("failed", is(0), "conflict", is(0));
    }

    private static byte[] standIn(String name) throws IOException {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x1f5fa8), 640, 360, new Color(name.hashCode() | 0x404040)));
        g.fillRect(0, 0, 640, 360);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, name.endsWith(".png") ? "png" : "jpg", bytes)).isTrue();
        return bytes.toByteArray();
    }

    /** npm ci (once: node_modules is kept until package-lock.json changes), then the types from this instance's OpenAPI document, then tsc and vite. */
    private static void buildFrontend(String apiBase) throws Exception {
        String npm = System.getProperty("frontend.npm", Chromium.findOnPath("npm"));
        npm = npm != null && new File(npm).canExecute() ? npm : null;
        assertThat(npm).as("npm (Node.js 18 or newer) on the PATH or -Dfrontend.npm: the frontend test builds examples/blog-frontend with it; "
                + "install Node.js and npm (Debian: apt-get install nodejs npm)").isNotNull();
        Path installed = FRONTEND.resolve("node_modules").resolve(".package-lock.json");
        if (!Files.exists(installed) || Files.getLastModifiedTime(FRONTEND.resolve("package-lock.json"))
                .compareTo(Files.getLastModifiedTime(installed)) > 0) {
            run(List.of(npm, "ci", "--no-audit", "--no-fund"), apiBase, "npm-ci.log");
        }
        run(List.of(npm, "run", "gen"), apiBase, "npm-gen.log");
        assertThat(Files.readString(FRONTEND.resolve("src/api.d.ts"))).contains("PostListItem", "listPosts");
        run(List.of(npm, "run", "build"), apiBase, "npm-build.log");
        assertThat(FRONTEND.resolve("dist/index.html")).exists();
    }

    private static void run(List<String> command, String apiBase, String logName) throws Exception {
        Path log = Path.of("target", "frontend", logName).toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(FRONTEND.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("VITE_SLUGLINE_URL", apiBase);
        Process process = builder.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished && process.exitValue() == 0)
                .as("%s in %s failed (log %s):%n%s", String.join(" ", command), FRONTEND, log, Files.readString(log))
                .isTrue();
    }

    /** dist/ from a JDK web server on a free port of 127.0.0.1: another origin than the API's (localhost). */
    private String serve(Path root) throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Path file = root.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String name = file.getFileName().toString();
            exchange.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : name.endsWith(".css") ? "text/css; charset=utf-8" : "application/octet-stream");
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        site.start();
        return "http://127.0.0.1:" + site.getAddress().getPort();
    }

    private void openBrowser() throws IOException {
        browser = Chromium.open("1200,1600");
    }

    private void screenshot(String name) throws IOException {
        Path shot = SCREENSHOTS.resolve(name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    private static List<String> hrefs(WebElement within, String css) {
        List<String> hrefs = new ArrayList<>();
        for (WebElement link : within.findElements(By.cssSelector(css))) {
            hrefs.add(link.getDomAttribute("href"));
        }
        return hrefs;
    }
}
