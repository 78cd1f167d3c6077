package dev.slugline.importing;

import dev.slugline.testing.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** Hugo content pages written in HTML ({@code .html} with front matter) import as posts with a sanitised body. */
@QuarkusTest
class HtmlPageImportTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String page(String slug) {
        return "+++\ntitle = \"An HTML page\"\nslug = \"" + slug + "\"\ndate = 2021-03-04T10:00:00+01:00\ntags = [\"html\"]\n+++\n"
                + "<p>The <em>first</em> paragraph, with a <a href=\"https://gohugo.io/\" onclick=\"steal()\">link</a>.</p>\n\n"
                + "<table>\n  <tr><th>Version</th><th>Date</th></tr>\n\n    <tr><td>1.0</td><td>2021</td></tr>\n</table>\n"
                + "<script>alert(document.cookie)</script>\n<!-- a comment -->\n"
                + "<pre>a\n\n    b</pre>\n";
    }

    @Test
    void anHtmlPageWithFrontMatterIsAPostAndAnHtmlTemplateStaysAFile() {
        String run = unique("htmlpage");
        String slug = run + "-page";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("content/posts/" + run + ".html", page(slug).getBytes(StandardCharsets.UTF_8));
        files.put("layouts/" + run + "/single.html", "<html><body>{{ .Content }}</body></html>".getBytes(StandardCharsets.UTF_8));
        JsonPath report = editor().contentType("application/zip").body(Archives.zip(files)).when().post("/api/imports")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("files.find { it.path == 'content/posts/" + run + ".html' }.kind")).isEqualTo("post");
        assertThat(report.getString("files.find { it.path == 'content/posts/" + run + ".html' }.status")).isEqualTo("created");
        assertThat(report.getString("files.find { it.path == 'content/posts/" + run + ".html' }.slug")).isEqualTo(slug);
        assertThat(report.getString("files.find { it.path == 'layouts/" + run + "/single.html' }.kind")).isEqualTo("media");

        JsonPath post = given().get("/api/posts/{slug}", slug).then().statusCode(200)
                .body("title", is("An HTML page"), "publishedAt", is("2021-03-04T10:00:00+01:00"),
                        "summary", is("The first paragraph, with a link."), "tags[0].slug", is("html"))
                .extract().jsonPath();
        Document html = Jsoup.parseBodyFragment(post.getString("html"));
        assertThat(html.select("p a[href=https://gohugo.io/]").text()).isEqualTo("link");
        assertThat(html.select("[onclick], script")).isEmpty();
        assertThat(html.select("table td").eachText()).containsExactly("1.0", "2021");
        assertThat(html.select("pre").first().wholeText()).isEqualTo("a\n\n    b");
        assertThat(html.select("pre code")).isEmpty(); // the indented row stayed HTML, not a code block
        assertThat(html.text()).doesNotContain("alert").doesNotContain("comment").doesNotContain("<");
        assertThat(post.getString("markdown")).doesNotContain("<script").doesNotContain("\n\n");

        // the export keeps the page at its path, as HTML, and importing it again changes nothing
        Map<String, byte[]> exported = Archives.unzip(editor().get("/api/exports").then().statusCode(200).extract().asByteArray());
        byte[] again = exported.get("content/posts/" + run + ".html");
        assertThat(again).isNotNull();
        assertThat(new String(again, StandardCharsets.UTF_8)).startsWith("---\n").contains("<table>");
        editor().contentType("application/zip").body(Archives.zip(Map.of("content/posts/" + run + ".html", again)))
                .when().post("/api/imports").then().statusCode(200).body("failed", is(0), "created", is(0));
        given().get("/api/posts/{slug}", slug).then().statusCode(200).body("html", is(post.getString("html")),
                "markdown", is(post.getString("markdown")));
    }
}
