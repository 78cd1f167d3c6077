package dev.slugline.importing;

import dev.slugline.testing.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.slugline.testing.Fixtures.editor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slices of four real public blogs (src/test/resources/sites/real, sources and licences in its README.md), each
 * imported whole: every post is imported, readable, and shows no markup as text, as Hugo renders the same files.
 * Depends on issue 13's rendering work (sanitised raw HTML, shortcodes, footnotes, dotted slugs, valid Link headers).
 */
@QuarkusTest
class RealBlogsImportTest {

    /** What a reader must never see as text: shortcode delimiters, footnote markers, escaped tags (a closing tag such as {@code </sup>} too), comments. */
    private static final List<String> MARKUP = List.of("{{<", "{{%", "[^", "<div", "<a href", "<table", "<img", "<iframe", "<!--", "</");
    /** Text inside code is meant to show markup. */
    private static final Set<String> CODE = Set.of("code", "pre", "kbd", "samp");
    /** Markup in a plain-text summary: a tag, a shortcode, a footnote marker, a Markdown link or image. */
    private static final Pattern SUMMARY_MARKUP = Pattern.compile("<[a-zA-Z/!]|\\{\\{[<%]|\\[\\^|!?\\[[^\\]]*\\]\\(");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static JsonPath importSite(String site) {
        byte[] zip = Archives.zip(Archives.folder("real/" + site));
        return editor().contentType("application/zip").body(zip).when().post("/api/imports")
                .then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> file(JsonPath report, String path) {
        return report.getMap("files.find { it.path == '" + path + "' }");
    }

    static Response read(String slug) {
        return editor().accept("application/json").when().get("/api/posts/{slug}", slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"keda-blog", "grpc-blog", "otel-blog", "jekyll-news"})
    void everyPostIsImportedReadableAndShowsNoMarkupAsText(String site) {
        JsonPath report = importSite(site);
        List<String> posts = Archives.folder("real/" + site).keySet().stream()
                .filter(p -> ImportPaths.isMarkdown(p) && !ImportPaths.isSectionPage(p)).toList();
        assertThat(posts).hasSizeGreaterThanOrEqualTo(17);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(report.getInt("failed")).as("files failed").isZero();
        for (String path : posts) {
            Map<String, Object> entry = file(report, path);
            soft.assertThat(entry).as("report entry of %s", path).isNotNull();
            if (entry == null) {
                continue;
            }
            soft.assertThat(entry.get("status")).as("status of %s (%s)", path, entry.get("reason"))
                    .isIn("created", "updated", "unchanged");
            if (entry.get("slug") == null || "failed".equals(entry.get("status"))) {
                continue;
            }
            String slug = (String) entry.get("slug");
            Response response = read(slug);
            soft.assertThat(response.statusCode()).as("GET /api/posts/%s (%s)", slug, path).isEqualTo(200);
            for (Header header : response.headers()) {
                soft.assertThat(CONTROL.matcher(header.getValue()).find())
                        .as("control character in header %s of %s", header.getName(), slug).isFalse();
            }
            if (response.statusCode() != 200) {
                continue;
            }
            JsonPath post = response.jsonPath();
            soft.assertThat(markupShownAsText(post.getString("html"))).as("markup shown as text in %s", path).isEmpty();
            String summary = post.getString("summary");
            soft.assertThat(summary == null ? "" : summary).as("summary of %s", path).doesNotContainPattern(SUMMARY_MARKUP);
        }
        soft.assertAll();
    }

    /** The markers of {@link #MARKUP} found in text nodes outside code. */
    static List<String> markupShownAsText(String html) {
        Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
        List<String> found = new ArrayList<>();
        for (Element element : doc.body().getAllElements()) {
            if (element.parents().stream().anyMatch(p -> CODE.contains(p.normalName())) || CODE.contains(element.normalName())) {
                continue;
            }
            for (TextNode text : element.textNodes()) {
                MARKUP.stream().filter(text.getWholeText()::contains)
                        .forEach(m -> found.add(m + " in \"" + abbreviate(text.getWholeText()) + "\""));
            }
        }
        return found;
    }

    static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > 80 ? flat.substring(0, 80) + "…" : flat;
    }

    @Test
    void kedaDottedFileNameKeepsItsDots() {
        JsonPath report = importSite("keda-blog");
        assertThat(file(report, "content/blog/2020-09-11-keda-2.0-beta.md")).containsEntry("slug", "keda-2.0-beta");
        assertThat(file(report, "content/blog/2022-08-10-keda-2.8.0-release.md")).containsEntry("slug", "keda-2.8.0-release");
        read("keda-2.0-beta").then().statusCode(200);
    }

    @Test
    void kedaThemeShortcodeIsDroppedWithAWarningNamingIt() {
        JsonPath report = importSite("keda-blog");
        Map<String, Object> entry = file(report, "content/blog/2020-11-04-keda-2.0-release.md");
        assertThat(String.valueOf(entry.get("warnings"))).contains("user-icons");
        String html = read((String) entry.get("slug")).then().statusCode(200).extract().path("html");
        assertThat(Jsoup.parseBodyFragment(html).text()).doesNotContain("{{<", "user-icons");
    }

    @Test
    void grpcRawHtmlTablesAreTables() {
        JsonPath report = importSite("grpc-blog");
        String slug = (String) file(report, "content/en/blog/grpc-load-balancing.md").get("slug");
        Document doc = Jsoup.parseBodyFragment(read(slug).then().statusCode(200).extract().path("html"));
        // the file holds two raw <table> elements (load-balancing options), rendered by Hugo with unsafe = true
        assertThat(doc.select("table")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(doc.select("table td").size()).isGreaterThan(4);
        assertThat(doc.text()).doesNotContain("<table", "<td");
    }

    @Test
    void otelFootnotesAreASectionWithBackReferences() {
        JsonPath report = importSite("otel-blog");
        String slug = (String) file(report, "content/en/blog/2023/end-user-q-and-a-02.md").get("slug");
        Document doc = Jsoup.parseBodyFragment(read(slug).then().statusCode(200).extract().path("html"));
        assertThat(doc.select("sup a[href^=#fn]")).isNotEmpty();
        assertThat(doc.select(".footnotes li[id^=fn]")).isNotEmpty();
        assertThat(doc.text()).doesNotContain("[^1]");
    }

    @Test
    void otelYoutubeShortcodeIsAPrivacyFriendlyEmbed() {
        JsonPath report = importSite("otel-blog");
        String slug = (String) file(report, "content/en/blog/2023/humans-of-otel.md").get("slug");
        Document doc = Jsoup.parseBodyFragment(read(slug).then().statusCode(200).extract().path("html"));
        assertThat(doc.select("iframe").eachAttr("src"))
                .anySatisfy(src -> assertThat(src).startsWith("https://www.youtube-nocookie.com/embed/coPrhP_7lVU"));
        assertThat(doc.select("script")).isEmpty();
    }

    @Test
    void otelFoldedTitlesAreOneLineAndTheirNeighboursAnswer() {
        JsonPath report = importSite("otel-blog");
        String slug = (String) file(report, "content/en/blog/2021/malabi.md").get("slug");
        // title: > (folded, with a final line break) over two lines in the file
        read(slug).then().statusCode(200);
        String title = read(slug).then().extract().path("title");
        assertThat(title.strip()).isEqualTo("Trace-Based Testing with OpenTelemetry: Meet Open Source Malabi (Medium)");
        for (String path : List.of("content/en/blog/2021/malabi.md", "content/en/blog/2022/new-end-user-resources.md",
                "content/en/blog/2025/go-auto-instrumentation-beta.md",
                "content/en/blog/2025/kubeletstats-receiver-metrics-deprecation.md")) {
            Response response = read((String) file(report, path).get("slug"));
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            response.headers().getValues("Link")
                    .forEach(link -> assertThat(CONTROL.matcher(link).find()).as("Link of %s: %s", path, link).isFalse());
        }
    }

    @Test
    void jekyllDatesKeepTheirOffsetAndCategory() {
        JsonPath report = importSite("jekyll-news");
        String slug = (String) file(report, "_posts/2016-01-28-jekyll-3-1-1-released.markdown").get("slug");
        JsonPath post = read(slug).then().statusCode(200).extract().jsonPath();
        assertThat(post.getString("title")).isEqualTo("Jekyll 3.1.1 Released");
        assertThat(post.getString("publishedAt")).isEqualTo("2016-01-28T17:21:50-08:00");
        assertThat(post.getList("categories.name", String.class)).containsExactly("release");
    }
}
