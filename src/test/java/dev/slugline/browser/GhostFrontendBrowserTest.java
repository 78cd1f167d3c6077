package dev.slugline.browser;

import dev.slugline.testing.Chromium;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.slugline.testing.Fixtures.create;
import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.post;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A static Astro site written for Ghost's Content API (examples/ghost-frontend: Ghost's official client
 * {@code @tryghost/content-api}, nothing that knows Slugline) built against this running Slugline with a content key,
 * then read in Debian's chromium as a reader would: the home page's post list, a post with its heading, paragraph,
 * image and tags, a standalone page, a tag archive and an author archive. The DOM chromium rendered is checked with
 * jsoup; screenshots go to {@code target/screenshots/}. Needs Node.js 20 and npm on the PATH (or
 * {@code -Dfrontend.npm=/path/to/npm}): without them this test fails, it never skips.
 */
@QuarkusTest
@Tag("browser")
class GhostFrontendBrowserTest {

    static final Path FRONTEND = Path.of("examples", "ghost-frontend").toAbsolutePath();
    static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    static final String IMAGE_PATH = "/images/stand-in.png";
    static final String COVER_PATH = "/images/cover.png";

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
    void readerSeesSluglineContentInAGhostFrontend() throws Exception {
        String origin = serve(FRONTEND.resolve("dist"));
        String run = unique("gf");
        String tag = "astro-" + run;
        String sharedTag = "ghost-frontend-" + run;
        String olderTitle = "An older story " + run;
        String olderSlug = publish(olderTitle, "2024-03-01T09:00:00Z", List.of(sharedTag),
                "Written before the other one.\n\nIt has two paragraphs.", Map.of());
        String newerTitle = "A newer story " + run;
        String newerSlug = publish(newerTitle, "2024-05-02T10:30:00+02:00", List.of(sharedTag, tag),
                "Opening words of the newer story.\n\n## What happened next\n\nA paragraph with **bold** words and a picture:\n\n"
                        + "![A gradient stand-in](" + origin + IMAGE_PATH + ")\n",
                Map.of("feature_image", origin + COVER_PATH, "feature_image_alt", "The cover"));
        Map<String, Object> page = post("About " + run, "This site is *Slugline* read through Ghost's Content API.");
        page.put("type", "page");
        String pageSlug = create(page).statusCode(201).extract().path("slug");
        String key = editor().contentType(ContentType.JSON).body(Map.of("name", "ghost frontend " + run))
                .when().post("/api/content-keys").then().statusCode(201).extract().path("key");
        Map<String, Object> settings = given().queryParam("key", key).when().get("/ghost/api/content/settings/")
                .then().statusCode(200).extract().path("settings");
        Map<String, Object> newer = given().queryParam("key", key).queryParam("include", "tags,authors")
                .when().get("/ghost/api/content/posts/slug/{slug}/", newerSlug)
                .then().statusCode(200).extract().path("posts[0]");

        List<Map<String, Object>> authors = castList(newer.get("authors"));
        assertThat(authors).as("the post's authors (include=authors)").isNotEmpty();
        String authorSlug = (String) authors.get(0).get("slug");
        String authorName = (String) authors.get(0).get("name");
        int authorPosts = given().queryParam("key", key).queryParam("include", "count.posts")
                .when().get("/ghost/api/content/authors/slug/{slug}/", authorSlug)
                .then().statusCode(200).extract().path("authors[0].count.posts");

        buildFrontend("http://localhost:" + RestAssured.port, key);
        openBrowser();

        // Home: the site's title from the settings, the standalone page in the header, posts newest first with tags
        Document home = load(origin + "/", ".post-feed", "ghost-frontend-home.png");
        assertThat(home.selectFirst(".site-title").text()).isEqualTo(settings.get("title"));
        assertThat(home.select(".site-nav a.page-link")).extracting(Element::text).contains("About " + run);
        List<String> titles = home.select(".post-card h2 a").eachText();
        assertThat(titles).contains(newerTitle, olderTitle);
        assertThat(titles.indexOf(newerTitle)).as("newest first: %s", titles).isLessThan(titles.indexOf(olderTitle));
        Element newerCard = card(home, newerTitle);
        assertThat(newerCard.selectFirst("h2 a").attr("href")).isEqualTo("/" + newerSlug + "/");
        assertThat(newerCard.selectFirst("time").attr("datetime")).isEqualTo(newer.get("published_at"));
        assertThat(newerCard.selectFirst("time").text()).isEqualTo("2 May 2024");
        assertThat(newerCard.selectFirst(".post-card-excerpt").text()).startsWith("Opening words of the newer story.");
        assertThat(links(newerCard.select("ul.tags a")))
                .containsExactlyInAnyOrder(sharedTag + " → /tag/" + sharedTag + "/", tag + " → /tag/" + tag + "/");
        Element olderCard = card(home, olderTitle);
        assertThat(olderCard.selectFirst("h2 a").attr("href")).isEqualTo("/" + olderSlug + "/");
        assertThat(olderCard.selectFirst("time").text()).isEqualTo("1 March 2024");
        assertThat(links(olderCard.select("ul.tags a"))).containsExactly(sharedTag + " → /tag/" + sharedTag + "/");

        // The newer post: its title, the body as Slugline rendered it (heading, paragraph, image), tags and author
        browser.findElement(By.linkText(newerTitle)).click();
        Document story = load(origin + "/" + newerSlug + "/", "article.post h1", "ghost-frontend-post.png");
        assertThat(story.title()).isEqualTo(newerTitle + " · " + settings.get("title"));
        Element article = story.selectFirst("article.post");
        assertThat(article.selectFirst("h1.post-title").text()).isEqualTo(newerTitle);
        assertThat(article.select(".post-content h2").eachText()).containsExactly("What happened next");
        assertThat(article.select(".post-content p").eachText())
                .contains("Opening words of the newer story.", "A paragraph with bold words and a picture:");
        assertThat(article.select(".post-content p strong").eachText()).containsExactly("bold");
        Element image = article.selectFirst(".post-content img");
        assertThat(image).isNotNull();
        assertThat(image.attr("src")).isEqualTo(origin + IMAGE_PATH);
        assertThat(image.attr("alt")).isEqualTo("A gradient stand-in");
        assertThat(naturalWidth(".post-content img")).as("the picture loaded in chromium").isEqualTo(640);
        Element cover = article.selectFirst(".feature-image img");
        assertThat(cover).as("the feature image from the post's front matter").isNotNull();
        assertThat(cover.attr("src")).isEqualTo(origin + COVER_PATH);
        assertThat(cover.attr("alt")).isEqualTo("The cover");
        assertThat(naturalWidth(".feature-image img")).as("the cover loaded in chromium").isEqualTo(640);
        assertThat(links(article.select("ul.tags a")))
                .containsExactlyInAnyOrder(sharedTag + " → /tag/" + sharedTag + "/", tag + " → /tag/" + tag + "/");
        assertThat(article.selectFirst(".meta .author").text()).isEqualTo("· " + authorName);
        assertThat(links(article.select(".meta .author a"))).containsExactly(authorName + " → /author/" + authorSlug + "/");

        // The standalone page, linked from the header, with its body and no post list
        browser.findElement(By.linkText("About " + run)).click();
        Document about = load(origin + "/" + pageSlug + "/", "article.page h1", "ghost-frontend-page.png");
        assertThat(about.selectFirst("article.page h1").text()).isEqualTo("About " + run);
        assertThat(about.select("article.page .post-content p").eachText())
                .containsExactly("This site is Slugline read through Ghost's Content API.");
        assertThat(about.select("article.page .post-content em").eachText()).containsExactly("Slugline");
        assertThat(about.select(".post-card")).isEmpty();

        // A tag archive, built with a Content API filter (tag:slug) and the tag's post count
        browser.get(origin + "/" + newerSlug + "/");
        browser.findElement(By.cssSelector("article.post ul.tags a[href='/tag/" + sharedTag + "/']")).click();
        Document archive = load(origin + "/tag/" + sharedTag + "/", ".tag-header h1", "ghost-frontend-tag.png");
        assertThat(archive.selectFirst(".tag-header h1").text()).isEqualTo(sharedTag);
        assertThat(archive.selectFirst(".tag-header .meta").text()).isEqualTo("2 posts");
        assertThat(archive.select(".post-card h2 a").eachText()).containsExactly(newerTitle, olderTitle);
        Document narrow = load(origin + "/tag/" + tag + "/", ".tag-header h1", null);
        assertThat(narrow.select(".post-card h2 a").eachText()).containsExactly(newerTitle);

        // The author's archive (authors.browse with count.posts, then filter=author:slug), reached from the post
        browser.get(origin + "/" + newerSlug + "/");
        browser.findElement(By.cssSelector("article.post .meta .author a")).click();
        Document byAuthor = load(origin + "/author/" + authorSlug + "/", ".author-header h1", "ghost-frontend-author.png");
        assertThat(byAuthor.selectFirst(".author-header h1").text()).isEqualTo(authorName);
        assertThat(byAuthor.selectFirst(".author-header .meta").text())
                .isEqualTo(authorPosts + (authorPosts == 1 ? " post" : " posts"));
        List<String> authored = byAuthor.select(".post-card h2 a").eachText();
        assertThat(authored).hasSize(authorPosts).contains(newerTitle, olderTitle);
        assertThat(authored.indexOf(newerTitle)).as("newest first: %s", authored).isLessThan(authored.indexOf(olderTitle));
    }

    private static String publish(String title, String publishedAt, List<String> tags, String markdown,
                                  Map<String, Object> frontMatter) {
        Map<String, Object> body = post(title, markdown);
        body.put("publishedAt", publishedAt);
        body.put("tags", tags);
        body.put("frontMatter", frontMatter);
        return create(body).statusCode(201).extract().path("slug");
    }

    /** npm ci (once: node_modules is kept until package-lock.json changes), then astro build with the API's address and key. */
    private static void buildFrontend(String apiBase, String key) throws Exception {
        String npm = System.getProperty("frontend.npm", Chromium.findOnPath("npm"));
        npm = npm != null && new File(npm).canExecute() ? npm : null;
        assertThat(npm).as("npm (Node.js 20 or newer) on the PATH or -Dfrontend.npm: this test builds examples/ghost-frontend "
                + "with it; bash .ci/ensure-node installs Node.js and npm").isNotNull();
        Path installed = FRONTEND.resolve("node_modules").resolve(".package-lock.json");
        if (!Files.exists(installed) || Files.getLastModifiedTime(FRONTEND.resolve("package-lock.json"))
                .compareTo(Files.getLastModifiedTime(installed)) > 0) {
            run(List.of(npm, "ci", "--no-audit", "--no-fund"), Map.of(), "ghost-frontend-npm-ci.log", 10);
        }
        run(List.of(npm, "run", "build"), Map.of("GHOST_URL", apiBase, "CONTENT_API_KEY", key,
                "ASTRO_TELEMETRY_DISABLED", "1"), "ghost-frontend-build.log", 5);
        assertThat(FRONTEND.resolve("dist/index.html")).exists();
    }

    private static void run(List<String> command, Map<String, String> environment, String logName, int minutes) throws Exception {
        Path log = Path.of("target", "frontend", logName).toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(FRONTEND.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        assertThat(finished && process.exitValue() == 0)
                .as("%s in %s failed or took over %d min (log %s):%n%s", String.join(" ", command), FRONTEND, minutes, log,
                        Files.readString(log))
                .isTrue();
        System.out.printf("%s took %d s%n", String.join(" ", command), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    /** dist/ and a stand-in picture for the posts, from a JDK web server on a free port of 127.0.0.1. */
    private String serve(Path root) throws IOException {
        byte[] picture = standInPicture();
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.equals(IMAGE_PATH) || path.equals(COVER_PATH)) {
                body = picture;
                type = "image/png";
            } else {
                Path file = root.resolve(path.substring(1)).normalize();
                if (Files.isDirectory(file)) {
                    file = file.resolve("index.html");
                }
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                    return;
                }
                body = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                type = name.endsWith(".html") ? "text/html; charset=utf-8"
                        : name.endsWith(".css") ? "text/css; charset=utf-8"
                        : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "application/octet-stream";
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        site.start();
        return "http://127.0.0.1:" + site.getAddress().getPort();
    }

    private static byte[] standInPicture() throws IOException {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x1f5fa8), 640, 360, new Color(0xe8a33d)));
        g.fillRect(0, 0, 640, 360);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "png", bytes)).isTrue();
        return bytes.toByteArray();
    }

    private void openBrowser() throws IOException {
        browser = Chromium.open("1200,1600");
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /**
     * The page at {@code url} (opened unless a click already got there) once {@code ready} is in it and its images
     * have loaded, as chromium rendered it, parsed by jsoup; with a screenshot when {@code screenshot} is given.
     */
    private Document load(String url, String ready, String screenshot) throws IOException {
        if (!url.equals(browser.getCurrentUrl())) {
            browser.get(url);
        }
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.urlToBe(url));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(ready)));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && Array.from(document.images).every(i => i.complete)")));
        if (screenshot != null) {
            Path shot = SCREENSHOTS.resolve(screenshot);
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
            assertThat(Files.size(shot)).isGreaterThan(10_000);
        }
        return Jsoup.parse(browser.getPageSource(), url);
    }

    private int naturalWidth(String css) {
        Object width = ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector(arguments[0]).naturalWidth", css);
        return ((Number) width).intValue();
    }

    private static Element card(Document home, String title) {
        for (Element card : home.select(".post-card")) {
            if (card.selectFirst("h2 a").text().equals(title)) {
                return card;
            }
        }
        throw new AssertionError("no post card titled '" + title + "' on the home page");
    }

    /** Each link as "text → href", the way a reader sees it and where it goes. */
    private static List<String> links(Elements anchors) {
        List<String> links = new ArrayList<>();
        for (Element a : anchors) {
            links.add(a.text() + " → " + a.attr("href"));
        }
        return links;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
