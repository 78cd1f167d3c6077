package dev.slugline.browser;

import dev.slugline.testing.Chromium;
import dev.slugline.testing.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * An editor's session in a real browser: Debian's chromium (installed by {@code .ci/run} with apt, never downloaded
 * by Selenium) opens the Swagger UI, creates a post from Markdown, reads it back, and leaves a screenshot in
 * {@code target/browser/}. {@link #authorize} signs in with HTTP Basic through the Authorize dialog.
 */
@QuarkusTest
@Tag("browser") // runs with -Pbrowser (Debian's chromium), as .ci/run does
class SwaggerUiBrowserTest {

    @TestHTTPResource("/q/swagger-ui/")
    URL swaggerUi;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        browser = Chromium.open("1400,2200");
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void editorCreatesAPostFromMarkdownAndReadsItBack() throws IOException {
        String slug = Fixtures.unique("from-the-browser");
        String title = "Written in Swagger UI " + slug.substring(slug.lastIndexOf('-') + 1);

        browser.get(swaggerUi.toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".information-container .title")));
        assertThat(browser.findElement(By.cssSelector(".information-container .title")).getText()).contains("Slugline API");
        authorize();

        // POST /api/posts with a Markdown file, front matter and all
        WebElement create = operation("post", "/api/posts");
        tryItOut(create);
        new Select(create.findElement(By.cssSelector(".body-param-content-type select"))).selectByVisibleText("text/markdown");
        WebElement body = create.findElement(By.cssSelector("textarea.body-param__text"));
        body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        body.sendKeys("---\ntitle: " + title + "\nslug: " + slug + "\ntags: [browser]\n---\n"
                + "Editors write **Markdown** here.\n\n- one\n- two\n");
        execute(create);
        assertThat(liveStatus(create)).isEqualTo("201");
        assertThat(liveBody(create)).contains("\"slug\": \"" + slug + "\"").contains("<strong>Markdown</strong>");

        // GET /api/posts/{slug}: read it back through the UI
        WebElement read = operation("get", "/api/posts/{slug}");
        tryItOut(read);
        WebElement slugInput = read.findElement(By.cssSelector("tr[data-param-name='slug'] input"));
        slugInput.clear();
        slugInput.sendKeys(slug);
        // The operation answers JSON or just the HTML; ask for the JSON
        new Select(read.findElement(By.cssSelector(".response-control-media-type select"))).selectByVisibleText("application/json");
        execute(read);
        assertThat(liveStatus(read)).isEqualTo("200");
        assertThat(liveBody(read)).contains("\"title\": \"" + title + "\"").contains("<li>two</li>");

        Path shot = Path.of("target", "browser", "swagger-ui-post-created.png");
        Files.createDirectories(shot.getParent());
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", create);
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        // And the post is really there for every client
        given().when().get("/api/posts/{slug}", slug).then().statusCode(200)
                .body("title", is(title), "html", containsString("<strong>Markdown</strong>"),
                        "tags.slug", hasItem("browser"));
    }

    /**
     * Issue 14: the editor's routine without the README: sign in, create a draft from Markdown, read its ETag from
     * the GET's response headers, edit with If-Match, schedule, preview, delete and restore, a screenshot per step.
     */
    @Test
    void editorsRoutineInTheSwaggerUi() throws IOException {
        String slug = Fixtures.unique("routine");
        browser.get(swaggerUi.toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".information-container .title")));
        authorize();
        shot("routine-1-authorized", null);

        WebElement create = operation("post", "/api/posts");
        tryItOut(create);
        new Select(create.findElement(By.cssSelector(".body-param-content-type select"))).selectByVisibleText("text/markdown");
        type(create.findElement(By.cssSelector("textarea.body-param__text")),
                "---\ntitle: A routine draft\nslug: " + slug + "\n---\nFirst words.\n");
        execute(create);
        assertThat(liveStatus(create)).isEqualTo("201");
        shot("routine-2-created", create);

        WebElement read = operation("get", "/api/posts/{slug}");
        tryItOut(read);
        type(read.findElement(By.cssSelector("tr[data-param-name='slug'] input")), slug);
        new Select(read.findElement(By.cssSelector(".response-control-media-type select"))).selectByVisibleText("application/json");
        execute(read);
        assertThat(liveStatus(read)).isEqualTo("200");
        String etag = liveEtag(read);
        assertThat(etag).matches("\"\\d+\\.\\d+\"");
        shot("routine-3-etag-in-response-headers", read);

        WebElement patch = operation("patch", "/api/posts/{slug}");
        tryItOut(patch);
        type(patch.findElement(By.cssSelector("tr[data-param-name='slug'] input")), slug);
        type(patch.findElement(By.cssSelector("tr[data-param-name='If-Match'] input")), etag);
        type(patch.findElement(By.cssSelector("textarea.body-param__text")), "{\"title\": \"A routine draft, edited\"}");
        execute(patch);
        assertThat(liveStatus(patch)).isEqualTo("200");
        assertThat(liveBody(patch)).contains("A routine draft, edited");
        etag = liveEtag(patch);
        shot("routine-4-edited-with-if-match", patch);

        type(patch.findElement(By.cssSelector("tr[data-param-name='If-Match'] input")), etag);
        type(patch.findElement(By.cssSelector("textarea.body-param__text")),
                "{\"status\": \"scheduled\", \"publishedAt\": \"2999-01-01T09:00:00+02:00\"}");
        execute(patch);
        assertThat(liveStatus(patch)).isEqualTo("200");
        assertThat(liveBody(patch)).contains("\"status\": \"scheduled\"");
        etag = liveEtag(patch);
        shot("routine-5-scheduled", patch);

        WebElement preview = operation("post", "/api/posts/{slug}/preview");
        tryItOut(preview);
        type(preview.findElement(By.cssSelector("tr[data-param-name='slug'] input")), slug);
        execute(preview);
        assertThat(liveStatus(preview)).isEqualTo("201");
        String previewUrl = liveBody(preview).replaceAll("(?s).*\"url\": \"([^\"]+)\".*", "$1");
        shot("routine-6-preview-link", preview);
        given().when().get(java.net.URI.create(previewUrl).getPath()).then().statusCode(200)
                .body("title", is("A routine draft, edited"));

        WebElement delete = operation("delete", "/api/posts/{slug}");
        tryItOut(delete);
        type(delete.findElement(By.cssSelector("tr[data-param-name='slug'] input")), slug);
        type(delete.findElement(By.cssSelector("tr[data-param-name='If-Match'] input")), etag);
        execute(delete);
        assertThat(liveStatus(delete)).isEqualTo("204");
        shot("routine-7-deleted", delete);

        WebElement restore = operation("post", "/api/trash/{slug}/restore");
        tryItOut(restore);
        type(restore.findElement(By.cssSelector("tr[data-param-name='slug'] input")), slug);
        type(restore.findElement(By.cssSelector("tr[data-param-name='If-Match'] input")), "*");
        execute(restore);
        assertThat(liveStatus(restore)).isEqualTo("200");
        shot("routine-8-restored", restore);

        Fixtures.editor().when().get("/api/posts/{slug}", slug).then().statusCode(200)
                .body("title", is("A routine draft, edited"), "status", is("scheduled"),
                        "publishedAt", is("2999-01-01T09:00:00+02:00"));
    }

    private void type(WebElement field, String text) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})", field);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    /** The ETag among the response headers Swagger UI shows for the last execution. */
    private static String liveEtag(WebElement operation) {
        String shown = operation.findElement(By.cssSelector(".live-responses-table tbody tr.response td.response-col_description")).getText();
        java.util.regex.Matcher etag = java.util.regex.Pattern.compile("(?im)^\\s*etag:\\s*(\\S+)").matcher(shown);
        assertThat(etag.find()).as("an etag among the response headers shown:%n%s", shown).isTrue();
        return etag.group(1);
    }

    private void shot(String name, WebElement operation) throws IOException {
        if (operation != null) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", operation);
        }
        Path shot = Path.of("target", "screenshots", "swagger-ui-" + name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void theAuthorizationSurvivesAPageReload() throws IOException {
        browser.get(swaggerUi.toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".information-container .title")));
        assertThat(browser.findElement(By.cssSelector("button.authorize")).getAttribute("class")).contains("unlocked");
        authorize();
        assertThat(browser.findElement(By.cssSelector("button.authorize")).getAttribute("class")).contains("locked")
                .doesNotContain("unlocked");

        // quarkus.swagger-ui.persist-authorization: the browser keeps it, so a reload is still signed in
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".information-container .title")));
        wait.until(d -> {
            String classes = d.findElement(By.cssSelector("button.authorize")).getAttribute("class");
            return classes.contains("locked") && !classes.contains("unlocked");
        });
        browser.findElement(By.cssSelector("button.authorize")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container")));
        assertThat(browser.findElements(By.cssSelector(".auth-container button")).stream().map(WebElement::getText))
                .as("the dialog offers to log out of the scheme signed in before the reload").contains("Logout");

        Path shot = Path.of("target", "screenshots", "swagger-ui-authorized-after-reload.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    /**
     * Signs in through Swagger UI's Authorize dialog with HTTP Basic, as the test admin of the %test profile
     * ({@link Fixtures#ADMIN}): the dialog has one form per declared scheme (Basic and Bearer).
     */
    private void authorize() {
        List<WebElement> authorize = browser.findElements(By.cssSelector("button.authorize"));
        assertThat(authorize).as("Swagger UI's Authorize button").isNotEmpty();
        authorize.get(0).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container")));
        WebElement basic = browser.findElements(By.cssSelector(".auth-container")).stream()
                .filter(form -> !form.findElements(By.cssSelector("input[type='password']")).isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("Swagger UI offers no Basic sign-in form"));
        basic.findElement(By.cssSelector("input[type='text']")).sendKeys(Fixtures.ADMIN);
        basic.findElement(By.cssSelector("input[type='password']")).sendKeys(Fixtures.ADMIN_PASSWORD);
        basic.findElement(By.cssSelector("button.authorize")).click();
        wait.until(d -> !basic.findElements(By.cssSelector("button.btn-done, button.authorize")).isEmpty());
        browser.findElement(By.cssSelector("button.btn-done")).click();
    }

    private WebElement operation(String method, String path) {
        By block = By.xpath("//div[contains(@class,'opblock-" + method + "')][.//*[contains(@class,'opblock-summary-path')][@data-path='" + path + "']]");
        WebElement operation = wait.until(ExpectedConditions.presenceOfElementLocated(block));
        if (operation.findElements(By.cssSelector(".opblock-body")).isEmpty()) {
            WebElement summary = operation.findElement(By.cssSelector(".opblock-summary-control, .opblock-summary"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})", summary);
            summary.click();
        }
        wait.until(d -> !operation.findElements(By.cssSelector(".opblock-body")).isEmpty());
        return operation;
    }

    private void tryItOut(WebElement operation) {
        WebElement button = wait.until(d -> operation.findElement(By.cssSelector("button.try-out__btn")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})", button);
        button.click();
    }

    private void execute(WebElement operation) {
        // a second run of the same operation: clear the last answer first, so the wait below sees the new one
        List<WebElement> clear = operation.findElements(By.cssSelector("button.btn-clear"));
        if (!clear.isEmpty()) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].click()", clear.get(0));
            wait.until(d -> operation.findElements(By.cssSelector(".live-responses-table tbody tr.response td.response-col_status")).isEmpty());
        }
        WebElement button = wait.until(d -> operation.findElement(By.cssSelector("button.execute")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})", button);
        button.click();
        wait.until(d -> !operation.findElements(By.cssSelector(".live-responses-table tbody tr.response td.response-col_status")).isEmpty());
    }

    private static String liveStatus(WebElement operation) {
        return operation.findElement(By.cssSelector(".live-responses-table tbody tr.response td.response-col_status")).getText().trim().split("\\s+")[0];
    }

    private static String liveBody(WebElement operation) {
        return operation.findElement(By.cssSelector(".live-responses-table tbody tr.response td.response-col_description pre")).getText();
    }
}
