package dev.slugline.importing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.slugline.testing.Fixtures.editor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** The single-file {@code POST /api/posts} (text/markdown) with TOML and JSON front matter, refusals, hostile content. */
@QuarkusTest
class FrontMatterFormatsTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse postFile(String file) {
        return editor().contentType("text/markdown; charset=UTF-8").body(file).when().post("/api/posts").then();
    }

    @Test
    void tomlFrontMatterIsRead() {
        String slug = unique("toml");
        postFile("+++\ntitle = \"TOML post\"\nslug = \"" + slug + "\"\ndate = 2024-05-01T10:00:00+02:00\n"
                + "draft = false\ntags = [\"a\", \"b\"]\n[params]\nx = 1\n+++\nBody")
                .statusCode(201).contentType("application/json")
                .body("slug", is(slug), "publishedAt", is("2024-05-01T10:00:00+02:00"),
                        "tags.slug", contains("a", "b"), "frontMatter.params.x", is(1), "markdown", is("Body"));
    }

    @Test
    void tabsAfterAYamlValueAreReadAsHugoReadsThem() {
        // carpentries.org's NASA-2.md: its title line ends in two tabs, which SnakeYAML alone refuses
        String slug = unique("tabs");
        postFile("---\ntitle: \"Shields Up (De-Fanged)\"\t\t\nslug: " + slug + "\t\ntags: [a]\n---\nBody")
                .statusCode(201).body("slug", is(slug), "title", is("Shields Up (De-Fanged)"), "tags.slug", contains("a"));
        // a tab inside a value stays, and YAML that is wrong for other reasons is still refused
        postFile("---\ntitle: \"a\tb\"\nslug: " + unique("tab") + "\n---\nBody").statusCode(201).body("title", is("a\tb"));
        postFile("---\ntitle: [unclosed\t\n---\nBody").statusCode(422).contentType("application/problem+json");
    }

    @Test
    void jsonFrontMatterIsRead() {
        String slug = unique("json");
        postFile("{\n  \"title\": \"JSON post\",\n  \"slug\": \"" + slug + "\",\n  \"categories\": [\"x\"]\n}\n\nBody\n")
                .statusCode(201).body("slug", is(slug), "categories.slug", contains("x"), "markdown", is("\nBody\n"));
    }

    @Test
    void aTitleInAnotherScriptKeepsItsLetters() {
        String title = "日本語のタイトル " + UUID.randomUUID().toString().substring(0, 4);
        String location = postFile("---\ntitle: " + title + "\n---\n本文\n").statusCode(201)
                .body("slug", containsString("日本語のタイトル")).extract().header("Location");
        assertThat(location).contains("%E6%97%A5").doesNotContain("日");
    }

    @Test
    void refusalsAre422NamingFieldAndLineAndWriteNothing() {
        String slug = unique("refused");
        postFile("+++\ntitle = \"A\"\nslug = \"" + slug + "\"\ntitle = \"B\"\n+++\n").statusCode(422)
                .contentType("application/problem+json")
                .body("status", is(422), "violations[0].field", is("frontMatter"), "detail", containsString("TOML"));
        postFile("+++\ntitle = \"never closed\"\nslug = \"" + slug + "\"\n").statusCode(422)
                .body("detail", containsString("never closed"));
        postFile("{\"title\": \"A\", \"slug\": \"" + slug + "\", \"title\": \"B\"}\n").statusCode(422)
                .body("violations[0].field", is("frontMatter"), "detail", containsString("Duplicate field"));
        postFile("---\ntitle: Bad\nslug: " + slug + "\ndate: 2024-02-30\n---\n").statusCode(422)
                .body("violations[0].field", is("date"), "detail", containsString("line 4"));
        postFile("---\ntitle: Bad\nslug: " + slug + "\nurl: /a/../../b\n---\n").statusCode(422)
                .body("violations[0].field", is("url"));
        postFile("---\ntitle: " + "t".repeat(301) + "\nslug: " + slug + "\n---\n").statusCode(422)
                .body("violations[0].field", is("title"));
        postFile("---\ntitle: Nul\nslug: " + slug + "\nauthor: \"a\\0b\"\n---\n").statusCode(422)
                .body("violations[0].field", is("author"), "detail", containsString("NUL"));
        postFile("---\ntitle: Big\nslug: " + slug + "\nnote: " + "n".repeat(10_001) + "\n---\n").statusCode(422)
                .body("violations[0].field", is("note"), "detail", containsString("at most 10000"));
        given().get("/api/posts/{slug}", slug).then().statusCode(404);
    }

    @Test
    void hostileContentIsKeptAsTextAndRenderedSafe() {
        String slug = unique("hostile");
        String markdown = """
                <script>alert(1)</script>

                <img src=x onerror="alert(2)">

                <iframe src="https://evil.example"></iframe><object data="x"></object>
                <form action="https://evil.example"><input name=a></form><style>body{display:none}</style>

                [js](javascript:alert(3)) [vb](vbscript:msgbox(4)) [data](data:text/html;base64,PHNjcmlwdD4=)
                [JS upper](JaVaScRiPt:alert(5)) ![img](javascript:alert(6)) <javascript:alert(7)>

                [entity](&#106;avascript:alert(8)) [ok](https://example.com)

                <a href="javascript:alert(9)" onclick="alert(10)">raw</a>
                """;
        String html = postFile("---\ntitle: Hostile\nslug: " + slug + "\n---\n" + markdown).statusCode(201)
                .body("markdown", containsString("<script>alert(1)</script>")).extract().path("html");
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, iframe, object, embed, form, input, style")).isEmpty();
        for (Element element : doc.getAllElements()) {
            element.attributes().forEach(attribute -> {
                assertThat(attribute.getKey()).doesNotStartWithIgnoringCase("on");
                String value = attribute.getValue().strip().toLowerCase();
                assertThat(value).doesNotStartWith("javascript:").doesNotStartWith("vbscript:").doesNotStartWith("data:");
            });
        }
        assertThat(doc.select("a[href=https://example.com]")).hasSize(1);
        // raw HTML is sanitised (issue 13): the script is gone, content and all; the Markdown keeps what was written
        assertThat(doc.text()).doesNotContain("alert(1)");
    }
}
