package dev.slugline.importing;

import dev.slugline.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** {@code POST /api/posts} with a whole Markdown file, front matter included, as the seeds are written. */
@QuarkusTest
class MarkdownImportTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static io.restassured.response.ValidatableResponse postFile(String file) {
        return dev.slugline.testing.Fixtures.editor().contentType("text/markdown; charset=UTF-8").body(file).when().post("/api/posts").then();
    }

    @Test
    void firstSeedImportsAndReadsBackAsWritten() {
        postFile(Fixtures.seed("my-first-in-person-kubecon.md"))
                .statusCode(201)
                .header("Location", endsWith("/api/posts/my-first-in-person-kubecon"))
                .body("slug", is("my-first-in-person-kubecon"),
                        "title", is("My first in-person KubeCon"),
                        "publishedAt", is("2024-04-07T11:05:09+05:00"),
                        "status", is("published"),
                        "summary", startsWith("I've been around CNCF community since my sophomore year"),
                        "categories.slug", contains("cncf", "kubecon", "kubernetes", "open-source"),
                        "tags", org.hamcrest.Matchers.empty());

        String json = given().get("/api/posts/my-first-in-person-kubecon").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("publishedAt", is("2024-04-07T11:05:09+05:00"),
                        "markdown", containsString("Finally!\" 😅"),
                        "html", containsString("🇫🇷✨"))
                .extract().path("html");
        Document html = Jsoup.parseBodyFragment(json);
        assertThat(html.select("h3").first().id()).isEqualTo("let-the-adventures-begin-");
        assertThat(html.select("img").first().attr("src")).isEqualTo("../kubecon/gate.png");
        assertThat(html.select("strong").eachText()).contains("CERN", "Yay, go CERN!");

        String fragment = given().accept(ContentType.HTML).get("/api/posts/my-first-in-person-kubecon")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertThat(Jsoup.parseBodyFragment(fragment).select("h3").text()).isEqualTo("Let the adventures begin! 🚀");
    }

    @Test
    void secondSeedImportsWithADerivedSummaryAndSlug() {
        postFile(Fixtures.seed("unforgettable-moments-first-kubecon.md"))
                .statusCode(201)
                .body("title", is("Unforgettable Moments and New Milestones: My First KubeCon Experience"),
                        "slug", is("unforgettable-moments-and-new-milestones-my-first-kubecon-experience"),
                        "publishedAt", is("2023-12-12T16:14:55+04:00"),
                        "status", is("published"),
                        "categories.name", containsInAnyOrder("Tech", "Blog"),
                        "tags.slug", contains("community", "kubecon"),
                        "summary", startsWith("Embarking on a journey to the United States for the first time"),
                        "summary", endsWith("…"));
        String summary = given().get("/api/posts/unforgettable-moments-and-new-milestones-my-first-kubecon-experience")
                .then().statusCode(200).extract().path("summary");
        assertThat(summary.length()).isBetween(150, 201);
        assertThat(summary).doesNotContain("  ");
    }

    @Test
    void unknownFrontMatterKeysAreKept() {
        String slug = unique("extra");
        String file = """
                ---
                title: Extra keys
                slug: %s
                images: ["cover.png", "second.png"]
                weight: 3
                author: { name: Ada, email: ada@example.com }
                tags: kubecon
                ---
                Body.
                """.formatted(slug);
        postFile(file).statusCode(201)
                .body("frontMatter.images", contains("cover.png", "second.png"),
                        "frontMatter.weight", is(3),
                        "frontMatter.author.email", is("ada@example.com"),
                        "authors.name", contains("Ada"),
                        "tags.slug", contains("kubecon"));
        given().get("/api/posts/{slug}", slug).then().body("frontMatter.images[1]", is("second.png"));
    }

    @Test
    void draftTrueCreatesADraft() {
        String slug = unique("draft");
        postFile("---\ntitle: Draft\nslug: " + slug + "\ndraft: true\n---\nwip\n")
                .statusCode(201).body("status", is("draft"));
        given().get("/api/posts/{slug}", slug).then().statusCode(404);
    }

    @Test
    void fileWithoutTitleIs422() {
        postFile("---\ndate: 2024-01-01\n---\nNo title here\n")
                .statusCode(422).contentType("application/problem+json")
                .body("status", is(422), "title", is("Unprocessable Content"), "violations.field", contains("title"));
        postFile("Just a body, no front matter\n")
                .statusCode(422).body("violations.field", contains("title"));
    }

    @Test
    void unclosedFrontMatterIs422() {
        postFile("---\ntitle: Never closed\n\nBody\n")
                .statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("frontMatter"), "detail", containsString("never closed"));
    }

    @Test
    void invalidYamlIs422WithTheLine() {
        postFile("---\ntitle: Bad\ntags: [unclosed\n---\nBody\n")
                .statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("frontMatter"), "detail", containsString("invalid YAML"));
        postFile("---\ntitle: One\ntitle: Two\n---\nBody\n")
                .statusCode(422).body("detail", containsString("title"), "detail", containsString("line 3"));
    }

    @Test
    void badValuesInFrontMatterAre422NamingTheKey() {
        postFile("---\ntitle: Bad date\ndate: 2024-13-45\n---\nx\n").statusCode(422)
                .body("violations.field", contains("date"));
        postFile("---\ntitle: Bad draft\ndraft: maybe\n---\nx\n").statusCode(422)
                .body("violations.field", contains("draft"));
        postFile("---\ntitle: Bad slug\nslug: ../../etc\n---\nx\n").statusCode(422)
                .body("violations.field", contains("slug"));
        postFile("---\ntitle: [a, b]\n---\nx\n").statusCode(422)
                .body("violations.field", contains("title"));
        postFile("").statusCode(422).body("violations.field", contains("file"));
    }

    @Test
    void datesWithoutOffsetAreTakenInUtc() {
        String slug = unique("localdate");
        postFile("---\ntitle: Local\nslug: " + slug + "\ndate: 2018-09-18 12:07\n---\nx\n")
                .statusCode(201).body("publishedAt", is("2018-09-18T12:07:00Z"));
        String other = unique("jekyll-date");
        postFile("---\ntitle: Jekyll\nslug: " + other + "\ndate: 2013-05-06 02:12:52 +0200\n---\nx\n")
                .statusCode(201).body("publishedAt", is("2013-05-06T02:12:52+02:00"));
    }

    @Test
    void theAnswerSaysInWhichZoneADateWithoutOffsetWasTaken() {
        String slug = unique("zone-said");
        postFile("---\ntitle: Zone\nslug: " + slug + "\ndate: 2018-09-18 12:07\n---\nx\n")
                .statusCode(201)
                .header("Slugline-Warning", is("date '2018-09-18 12:07' has no offset: taken in UTC"))
                .body("publishedAt", is("2018-09-18T12:07:00Z"));
        List<String> warnings = Fixtures.editor().contentType("text/markdown; charset=UTF-8")
                .body("---\ntitle: Zone\nslug: " + unique("zone-both") + "\ndate: 2018-09-18 12:07\nlastmod: 2018-09-19\n---\nx\n")
                .when().post("/api/posts").then().statusCode(201).extract().headers().getValues("Slugline-Warning");
        assertThat(warnings).containsExactly("date '2018-09-18 12:07' has no offset: taken in UTC",
                "lastmod '2018-09-19' has no offset: taken in UTC");
        // with an offset there is nothing to say
        postFile("---\ntitle: Offset\nslug: " + unique("zone-none") + "\ndate: 2013-05-06 02:12:52 +0200\n---\nx\n")
                .statusCode(201).header("Slugline-Warning", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void windowsLineEndingsAndByteOrderMarkAreAccepted() {
        String slug = unique("crlf");
        postFile("\uFEFF---\r\ntitle: CRLF\r\nslug: " + slug + "\r\n---\r\nLine one\r\n")
                .statusCode(201).body("title", is("CRLF"), "markdown", is("Line one\n"));
    }

    @Test
    void aFileNamingATakenSlugIs409AndChangesNothingWhoeverWroteThePost() {
        String slug = unique("taken");
        postFile("---\ntitle: The first\nslug: " + slug + "\n---\nfirst body\n").statusCode(201);
        String etag = Fixtures.etag(slug);
        postFile("---\ntitle: The second\nslug: " + slug + "\n---\nsecond body\n").statusCode(409)
                .contentType("application/problem+json")
                .body("status", is(409), "violations[0].field", is("slug"), "detail", containsString(slug));
        given().get("/api/posts/" + slug).then().statusCode(200).body("title", is("The first"), "markdown", containsString("first body"));
        assertThat(Fixtures.etag(slug)).isEqualTo(etag);

        // a post an import wrote is no different: a single file never replaces it (an import or PUT with If-Match does)
        String imported = unique("imported");
        Fixtures.editor().contentType("application/zip").body(dev.slugline.testing.Archives.zip(dev.slugline.testing.Archives.files(
                "posts/" + imported + ".md", "---\ntitle: Imported\n---\nimported body\n"))).when().post("/api/imports")
                .then().statusCode(200).body("created", is(1));
        postFile("---\ntitle: Posted\nslug: " + imported + "\n---\nposted body\n").statusCode(409)
                .contentType("application/problem+json").body("violations[0].field", is("slug"));
        given().get("/api/posts/" + imported).then().statusCode(200).body("title", is("Imported"));

        // without a slug key the slug comes from the title, and a taken one is not reused: a new post beside it
        String title = unique("Derived");
        String derived = postFile("---\ntitle: " + title + "\n---\none\n").statusCode(201).extract().path("slug");
        postFile("---\ntitle: " + title + "\n---\ntwo\n").statusCode(201).body("slug", is(derived + "-2"));
        given().get("/api/posts/" + derived).then().statusCode(200).body("markdown", containsString("one"));
    }

    @Test
    void hugoKeysForDatesSummariesAndImagesAreUnderstood() {
        String run = unique("keys");
        // publishDate stands in for a missing date; description is the summary
        postFile("---\ntitle: Publish date " + run + "\nslug: " + run + "-a\npublishDate: \"2021-03-04T05:06:07+01:00\"\n"
                + "description: The description.\nimage: /images/a.png\ncover: {image: c.png}\nauthors: [ada, bob]\n---\nBody\n")
                .statusCode(201)
                .body("publishedAt", is("2021-03-04T05:06:07+01:00"), "summary", is("The description."),
                        "frontMatter.image", is("/images/a.png"), "frontMatter.cover.image", is("c.png"),
                        "authors.slug", contains("ada", "bob"), "frontMatter.authors", org.hamcrest.Matchers.nullValue());
        // excerpt is the summary too; a quoted date without a zone is taken in UTC like an unquoted one
        postFile("---\ntitle: Excerpt " + run + "\nslug: " + run + "-b\ndate: '2013-05-06 02:12:52'\nexcerpt: The excerpt.\n---\nBody\n")
                .statusCode(201).body("publishedAt", is("2013-05-06T02:12:52Z"), "summary", is("The excerpt."));
        // TOML: a quoted date string and an unquoted offset date-time both work
        postFile("+++\ntitle = \"Toml quoted " + run + "\"\nslug = \"" + run + "-c\"\ndate = \"2013-05-06 02:12:52 +0200\"\n+++\nBody\n")
                .statusCode(201).body("publishedAt", is("2013-05-06T02:12:52+02:00"));
        postFile("+++\ntitle = \"Toml bare " + run + "\"\nslug = \"" + run + "-d\"\ndate = 2013-05-06T02:12:52-03:30\n+++\nBody\n")
                .statusCode(201).body("publishedAt", is("2013-05-06T02:12:52-03:30"));
    }

    @Test
    void aDecomposedTitleGivesTheSameSlugAsAComposedOne() {
        String run = unique("nfc").substring(4);
        String composed = "Ελληνικά " + run;
        String decomposed = java.text.Normalizer.normalize("Ελληνικά Ǻ " + run, java.text.Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(java.text.Normalizer.normalize(decomposed, java.text.Normalizer.Form.NFC));
        String first = postFile("---\ntitle: " + composed + "\n---\nBody\n").statusCode(201).extract().path("slug");
        assertThat(first).isEqualTo(java.text.Normalizer.normalize(first, java.text.Normalizer.Form.NFC)).startsWith("ελληνικά-");
        String second = postFile("---\ntitle: " + decomposed + "\n---\nBody\n").statusCode(201).extract().path("slug");
        assertThat(second).isEqualTo(java.text.Normalizer.normalize(second, java.text.Normalizer.Form.NFC))
                .isEqualTo("ελληνικά-a-" + run);
    }

    @Test
    void everyRefusedFileLeavesNothingBehind() {
        String run = unique("refused");
        List<List<String>> refused = List.of(
                List.of("title", "---\nslug: " + run + "-1\ndate: 2024-01-01\n---\nNo title\n"),
                List.of("frontMatter", "---\ntitle: Never closed\nslug: " + run + "-2\n\nBody\n"),
                List.of("frontMatter", "---\ntitle: Bad\nslug: " + run + "-3\ntags: [unclosed\n---\nBody\n"),
                List.of("frontMatter", "---\ntitle: One\nslug: " + run + "-4\ntitle: Two\n---\nBody\n"),
                List.of("date", "---\ntitle: Bad date\nslug: " + run + "-5\ndate: 2024-13-45\n---\nx\n"),
                List.of("draft", "---\ntitle: Bad draft\nslug: " + run + "-6\ndraft: maybe\n---\nx\n"),
                List.of("url", "---\ntitle: Backslash\nslug: " + run + "-7\nurl: /a\\\\b/\n---\nx\n"),
                List.of("url", "---\ntitle: Control\nslug: " + run + "-8\nurl: \"/a\\u0007b/\"\n---\nx\n"),
                List.of("aliases", "---\ntitle: Dots\nslug: " + run + "-9\naliases: [/ok/, /a/../../etc/]\n---\nx\n"),
                List.of("aliases", "---\ntitle: Scheme\nslug: " + run + "-10\naliases: javascript:alert(1)\n---\nx\n"));
        for (List<String> file : refused) {
            postFile(file.get(1)).statusCode(422).contentType("application/problem+json")
                    .body("violations[0].field", is(file.get(0)));
        }
        for (int i = 1; i <= refused.size(); i++) {
            dev.slugline.testing.Fixtures.editor().get("/api/posts/{slug}", run + "-" + i).then().statusCode(404);
        }
        dev.slugline.testing.Fixtures.editor().get("/api/trash")
                .then().statusCode(200).body(org.hamcrest.Matchers.not(containsString(run)));
    }

    @Test
    void aFiveMegabytePostOfDeepNestingIsStoredAndRenderedFlat() {
        String slug = unique("huge");
        String body = ">".repeat(2_400_000) + " deep\n\n" + "- ".repeat(1_000_000) + "listed\n\n" + "word ".repeat(100_000);
        assertThat(body.length()).isBetween(4_800_000, 5_000_000);
        postFile("---\ntitle: Huge\nslug: " + slug + "\n---\n" + body).statusCode(201).body("slug", is(slug));
        Document html = Jsoup.parseBodyFragment(given().get("/api/posts/{slug}", slug).then().statusCode(200)
                .extract().path("html"));
        assertThat(html.select("blockquote").size()).isLessThanOrEqualTo(64);
        assertThat(html.select("ul").size()).isLessThanOrEqualTo(64);
        assertThat(html.text()).contains("deep", "listed", "word word");

        // one character more than a post may hold is refused, not cut
        String tooLong = unique("too-long");
        postFile("---\ntitle: Too long\nslug: " + tooLong + "\n---\n" + "x".repeat(5_000_001))
                .statusCode(org.hamcrest.Matchers.anyOf(is(400), is(422))).contentType("application/problem+json")
                .body("violations[0].field", is("markdown"));
        dev.slugline.testing.Fixtures.editor().get("/api/posts/{slug}", tooLong).then().statusCode(404);
    }
}
