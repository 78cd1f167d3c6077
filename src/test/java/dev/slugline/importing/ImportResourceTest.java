package dev.slugline.importing;

import dev.slugline.testing.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.etag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** {@code POST /api/imports}: whole Hugo and Jekyll folders in one request, with a report per file. */
@QuarkusTest
class ImportResourceTest {

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static ValidatableResponse importZip(byte[] zip, String query) {
        return editor().contentType("application/zip").body(zip).when().post("/api/imports" + query).then();
    }

    static Map<String, Object> file(JsonPath report, String path) {
        return report.getMap("files.find { it.path == '" + path + "' }");
    }

    @Test
    void aPercentSignInAnImageNameIsTheNameAsWritten() {
        String run = run();
        byte[] zip = Archives.zip(Archives.files(
                "content/posts/" + run + "/progress-50%.png", Archives.uniquePng(),
                "content/posts/" + run + "/index.md", "---\ntitle: Percent " + run + "\n---\n"
                        + "![bar](progress-50%.png) and ![gone](bad%zz.png)\n"));
        JsonPath report = importZip(zip, "").statusCode(200).body("failed", is(0)).extract().jsonPath();
        assertThat(file(report, "content/posts/" + run + "/index.md").get("warnings").toString())
                .contains("'bad%zz.png' is not in the archive");
        String html = given().get("/api/posts/{slug}", run).then().statusCode(200).extract().path("html");
        List<String> sources = Jsoup.parseBodyFragment(html).select("img").eachAttr("src");
        assertThat(sources).containsExactly("/api/media/content/posts/" + run + "/progress-50%25.png", "bad%zz.png");
        given().urlEncodingEnabled(false).get(sources.get(0)).then().statusCode(200).contentType("image/png");
    }

    @Test
    void filesThatAreNoMediaTypeAreReportedSkippedAndNeverStored() {
        String run = run();
        String html = "<html><body><script>alert(document.cookie)</script><img src=x onerror=alert(1)></body></html>";
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\">"
                + "<script>alert(document.domain)</script><rect width=\"1\" height=\"1\"/></svg>";
        byte[] innerZip = Archives.zip(Archives.files("inner.txt", "hello"));
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] png = Archives.uniquePng();
        byte[] zip = Archives.zip(Archives.files(
                "static/" + run + "/e.html", html,
                "static/" + run + "/app.js", "alert(document.cookie);",
                "static/" + run + "/x.zip", innerZip,
                "static/" + run + "/setup.exe", exe,
                "static/" + run + "/pretend.png", html,
                "static/" + run + "/evil.svg", svg,
                "static/" + run + "/cover.png", png,
                "content/posts/" + run + "-files.md", "---\ntitle: Files " + run + "\n---\n![page](/" + run + "/e.html)\n"));
        JsonPath report = importZip(zip, "").statusCode(200).body("failed", is(0)).extract().jsonPath();

        Map<String, String> skippedTypes = Map.of("e.html", "text/html", "app.js", "javascript", "x.zip", "application/zip",
                "setup.exe", "application/", "pretend.png", "text/html");
        skippedTypes.forEach((name, type) -> {
            Map<String, Object> entry = file(report, "static/" + run + "/" + name);
            assertThat(entry).as(name).containsEntry("kind", "media").containsEntry("status", "skipped")
                    .containsEntry("field", "type").doesNotContainKey("slug");
            assertThat((String) entry.get("reason")).as(name).contains("not stored").contains(type);
            given().get("/api/media/static/" + run + "/" + name).then().statusCode(404)
                    .contentType("application/problem+json");
        });
        assertThat(report.getInt("skipped")).isGreaterThanOrEqualTo(skippedTypes.size());

        // SVG is an upload type (served sandboxed, so its script never runs): imported by the same rule
        assertThat(file(report, "static/" + run + "/evil.svg")).containsEntry("status", "created");
        given().get("/api/media/static/" + run + "/evil.svg").then().statusCode(200).contentType("image/svg+xml")
                .header("Content-Security-Policy", is("sandbox"));
        assertThat(file(report, "static/" + run + "/cover.png")).containsEntry("status", "created");
        assertThat(given().get("/api/media/static/" + run + "/cover.png").then().statusCode(200).contentType("image/png")
                .header("Content-Disposition", nullValue()).extract().asByteArray()).isEqualTo(png);

        // a post's reference to a skipped file is not pointed at the media API
        String rendered = given().get("/api/posts/{slug}", run + "-files").then().statusCode(200).extract().path("html");
        assertThat(Jsoup.parseBodyFragment(rendered).select("img").eachAttr("src")).containsExactly("/" + run + "/e.html");
    }

    @Test
    void hugoSiteImportsInOneRequestWithEveryFormatAndTrap() {
        String run = run();
        JsonPath report = importZip(Archives.zip(Archives.site("hugo", run)), "")
                .statusCode(200).contentType(ContentType.JSON)
                .body("dryRun", is(false), "created", is(9), "updated", is(0), "unchanged", is(0),
                        "failed", is(0), "skipped", is(1))
                .extract().jsonPath();
        assertThat(file(report, "content/_index.md")).containsEntry("status", "skipped");
        assertThat(file(report, "content/kubecon/gate-" + run + ".png"))
                .containsEntry("kind", "media").containsEntry("status", "created");
        assertThat(file(report, "content/posts/undated-" + run + ".md").get("warnings").toString())
                .contains("no date");
        String bundleWarnings = file(report, "content/posts/bundle-" + run + "/index.md").get("warnings").toString();
        assertThat(bundleWarnings).contains("nope.png' is not in the archive", "points outside the archive");

        // YAML seed: its relative image now points at the stored medium
        String html = given().get("/api/posts/kubecon-seed-" + run).then().statusCode(200)
                .body("publishedAt", is("2024-04-07T11:05:09+05:00")).extract().path("html");
        String src = Jsoup.parseBodyFragment(html).select("img").first().attr("src");
        assertThat(src).isEqualTo("/api/media/content/kubecon/gate-" + run + ".png");
        byte[] image = given().get(src).then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(image).isEqualTo(Archives.PNG);

        // TOML bundle: slug from the folder, numbers as tags, duplicate tags once, nested table kept
        given().get("/api/posts/bundle-" + run).then().statusCode(200)
                .body("title", is("Bundle " + run),
                        "publishedAt", is("2023-06-01T08:30:00-07:00"),
                        "tags.slug", containsInAnyOrder("2024", "hugo"),
                        "categories.name", containsInAnyOrder("Guides"),
                        "frontMatter.params.mood", is("sunny"),
                        "html", containsString("/api/media/content/posts/bundle-" + run + "/cover.png"));
        // images not in the archive, or pointing outside it, are left as written
        String bundleHtml = given().get("/api/posts/bundle-" + run).then().extract().path("html");
        assertThat(Jsoup.parseBodyFragment(bundleHtml).select("img").eachAttr("src"))
                .contains("/api/media/content/posts/bundle-" + run + "/cover.png", "nope.png", "../../../../etc/passwd.png");

        // JSON front matter, language suffix not in the slug
        given().get("/api/posts/json-" + run).then().statusCode(200)
                .body("title", is("Bonjour " + run), "frontMatter.custom.nested", org.hamcrest.Matchers.contains(1, 2, 3),
                        "tags.name", containsInAnyOrder("noël"), "publishedAt", is("2022-12-24T18:00:00+01:00"));

        // BOM, CRLF, draft "false", single tag key, Hexo's nested categories, <!--more-->, unknown keys kept
        String messyHtml = given().get("/api/posts/messy-" + run).then().statusCode(200)
                .body("status", is("published"),
                        "summary", is("Before the fold, bold."),
                        "publishedAt", is("2024-02-29T00:00:00Z"),
                        "tags.slug", containsInAnyOrder("single-" + run),
                        "categories.name", containsInAnyOrder("Parent " + run, "Child " + run),
                        "frontMatter.weight", is(4),
                        "frontMatter.aliases", hasItem("/old/messy-" + run + "/"),
                        "frontMatter.series", org.hamcrest.Matchers.contains("one", "two"),
                        "frontMatter.lastmod", is("2024-03-01T10:00:00+01:00"))
                .extract().path("html");
        assertThat(Jsoup.parseBodyFragment(messyHtml).text()).isEqualTo("Before the fold, bold. After the fold.");

        // closing fence on the last line, no body; no date at all: none invented
        given().get("/api/posts/no-body-" + run).then().statusCode(200).body("markdown", is(""));
        given().get("/api/posts/undated-" + run).then().statusCode(200).body("publishedAt", nullValue());

        // Unicode slug kept, percent-encoded in the URL
        String slug = "привет-" + run;
        given().get("/api/posts/{slug}", slug).then().statusCode(200).body("slug", is(slug), "title", is("Привет мир " + run));
    }

    @Test
    void jekyllPostsFolderImportsAsTarGz() {
        String run = run();
        JsonPath report = editor().contentType("application/gzip").body(Archives.tarGz(Archives.site("jekyll", run)))
                .when().post("/api/imports").then().statusCode(200)
                .body("created", is(4), "failed", is(0)).extract().jsonPath();
        assertThat(file(report, "_posts/2018-09-18-date-from-name-" + run + ".md").get("warnings").toString())
                .contains("date taken from the file name");
        assertThat(file(report, "_posts/2019-01-01-local-time-" + run + ".markdown").get("warnings").toString())
                .contains("has no offset: taken in UTC");

        String html = given().get("/api/posts/hello-jekyll-" + run).then().statusCode(200)
                .body("publishedAt", is("2013-05-06T02:12:52+02:00"),
                        "tags.slug", containsInAnyOrder("ruby", "jekyll-" + run),
                        "categories.slug", containsInAnyOrder("blog-" + run),
                        "frontMatter.layout", is("post"))
                .extract().path("html");
        List<String> sources = Jsoup.parseBodyFragment(html).select("img").eachAttr("src");
        assertThat(sources).containsOnly("/api/media/assets/dance-" + run + ".gif");
        given().get(sources.get(0)).then().statusCode(200).contentType("image/gif");
        given().get("/api/posts/date-from-name-" + run).then().statusCode(200).body("publishedAt", is("2018-09-18T00:00:00Z"));
        given().get("/api/posts/local-time-" + run).then().statusCode(200).body("publishedAt", is("2018-09-18T12:07:00Z"));
    }

    @Test
    void theSameArchiveTwiceChangesNothingAndAChangedFileUpdatesItsPost() {
        String run = run();
        Map<String, byte[]> site = Archives.site("hugo", run);
        importZip(Archives.zip(site), "").statusCode(200).body("created", is(9));
        String before = given().get("/api/posts/json-" + run).then().statusCode(200).extract().path("updatedAt");
        String etag = given().get("/api/posts/json-" + run).then().extract().header("ETag");

        importZip(Archives.zip(site), "").statusCode(200)
                .body("created", is(0), "updated", is(0), "unchanged", is(9), "failed", is(0));
        given().get("/api/posts/json-" + run).then().statusCode(200)
                .body("updatedAt", is(before)).header("ETag", is(etag));

        String path = "content/posts/json-" + run + ".fr.md";
        site.put(path, new String(site.get(path), StandardCharsets.UTF_8).replace("Le corps", "Le nouveau corps")
                .getBytes(StandardCharsets.UTF_8));
        JsonPath report = importZip(Archives.zip(site), "").statusCode(200)
                .body("created", is(0), "updated", is(1), "unchanged", is(8)).extract().jsonPath();
        assertThat(file(report, path)).containsEntry("status", "updated").containsEntry("slug", "json-" + run);
        given().get("/api/posts/json-" + run).then().body("markdown", containsString("Le nouveau corps"));
    }

    @Test
    void dryRunReportsAndWritesNothing() {
        String run = run();
        importZip(Archives.zip(Archives.site("hugo", run)), "?dryRun=true").statusCode(200)
                .body("dryRun", is(true), "created", is(9), "failed", is(0));
        given().get("/api/posts/json-" + run).then().statusCode(404);
        given().get("/api/media/content/kubecon/gate-" + run + ".png").then().statusCode(404);
        importZip(Archives.zip(Archives.site("hugo", run)), "?dryRun=maybe").statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("dryRun"));
    }

    @Test
    void foldersBecomeCategoriesOnlyWhenAsked() {
        String run = run();
        Map<String, byte[]> files = Archives.files("travel-" + run + "/paris-" + run + ".md", "---\ntitle: Paris\n---\nx\n");
        importZip(Archives.zip(files), "?foldersAsCategories=true").statusCode(200).body("created", is(1));
        given().get("/api/posts/paris-" + run).then().body("categories.name", containsInAnyOrder("travel-" + run));
        String other = run();
        importZip(Archives.zip(Archives.files("travel-" + other + "/rome-" + other + ".md", "---\ntitle: Rome\n---\nx\n")), "")
                .statusCode(200);
        given().get("/api/posts/rome-" + other).then().body("categories", org.hamcrest.Matchers.empty());
    }

    @Test
    void everyBadFileIsReportedWithFieldAndLineAndTheOthersAreImported() {
        String run = run();
        String longTitle = "x".repeat(301);
        Map<String, byte[]> files = Archives.files(
                "good-" + run + ".md", "---\ntitle: Good\n---\nfine\n",
                "unclosed-" + run + ".md", "---\ntitle: Never closed\nbody\n",
                "dup-yaml-" + run + ".md", "---\ntitle: A\ntitle: B\n---\n",
                "dup-toml-" + run + ".md", "+++\ntitle = \"A\"\ntitle = \"B\"\n+++\n",
                "bad-json-" + run + ".md", "{\n  \"title\": \"A\",\n  \"title\": \"B\"\n}\nbody\n",
                "no-title-" + run + ".md", "---\ndate: 2024-01-01\n---\nbody\n",
                "empty-" + run + ".md", "",
                "nul-" + run + ".md", "---\ntitle: Nul\n---\nbad \0 byte\n",
                "bad-date-" + run + ".md", "---\ntitle: Date\ndate: 2023-02-30\n---\n",
                "bad-offset-" + run + ".md", "---\ntitle: Offset\ndate: 2023-02-03T10:00:00+25:00\n---\n",
                "far-date-" + run + ".md", "---\ntitle: Far\ndate: \"+20000-01-01\"\n---\n",
                "long-title-" + run + ".md", "---\ntitle: " + longTitle + "\n---\n",
                "bad-slug-" + run + ".md", "---\ntitle: Slug\nslug: a/../b\n---\n",
                "bad-url-" + run + ".md", "---\ntitle: Url\nurl: /blog/../../etc/\n---\n",
                "bad-alias-" + run + ".md", "---\ntitle: Alias\naliases: [\"/ok/\", \"/bad\\u0007/\"]\n---\n",
                "latin1-" + run + ".md", new byte[]{'-', '-', '-', '\n', 't', 'i', 't', 'l', 'e', ':', ' ', (byte) 0xe9, '\n', '-', '-', '-', '\n'});
        JsonPath report = importZip(Archives.zip(files), "").statusCode(200)
                .body("created", is(1), "failed", is(15)).extract().jsonPath();
        assertFailed(report, "unclosed-" + run + ".md", "frontMatter", 1, "never closed");
        assertFailed(report, "dup-yaml-" + run + ".md", "frontMatter", 3, "Duplicate field 'title'");
        assertFailed(report, "dup-toml-" + run + ".md", "frontMatter", null, "TOML");
        assertFailed(report, "bad-json-" + run + ".md", "frontMatter", 3, "Duplicate field 'title'");
        assertFailed(report, "no-title-" + run + ".md", "title", null, "no title");
        assertFailed(report, "empty-" + run + ".md", "file", null, "empty");
        assertFailed(report, "nul-" + run + ".md", "markdown", 4, "NUL");
        assertFailed(report, "bad-date-" + run + ".md", "date", 3, "not a date");
        assertFailed(report, "bad-offset-" + run + ".md", "date", 3, "not a date");
        assertFailed(report, "far-date-" + run + ".md", "date", 3, "not a date");
        assertFailed(report, "long-title-" + run + ".md", "title", 2, "size must be between");
        assertFailed(report, "bad-slug-" + run + ".md", "slug", 3, "not a valid slug");
        assertFailed(report, "bad-url-" + run + ".md", "url", 3, "not a site path");
        assertFailed(report, "bad-alias-" + run + ".md", "aliases", 3, "not a site path");
        assertFailed(report, "latin1-" + run + ".md", "file", null, "not UTF-8");
        given().get("/api/posts/good-" + run).then().statusCode(200);
        for (String slug : List.of("unclosed", "dup-yaml", "dup-toml", "bad-json", "nul", "bad-date", "long-title", "bad-url")) {
            given().get("/api/posts/" + slug + "-" + run).then().statusCode(404);
        }
    }

    private static void assertFailed(JsonPath report, String path, String field, Integer line, String reason) {
        Map<String, Object> file = file(report, path);
        assertThat(file).as(path).containsEntry("status", "failed").containsEntry("field", field);
        if (line != null) {
            assertThat(file).as(path).containsEntry("line", line);
        }
        assertThat((String) file.get("reason")).as(path).contains(reason);
    }

    @Test
    void twoUndatedFilesClaimingOneSlugAreBothWrittenTheSecondByPathNumbered() {
        // issue 13, item 3: before, both were refused and nothing was written
        String run = run();
        Map<String, byte[]> files = Archives.files(
                "a/same-" + run + ".md", "---\ntitle: One\n---\none\n",
                "b/other.md", "---\ntitle: Two\nslug: same-" + run + "\n---\ntwo\n");
        JsonPath report = importZip(Archives.zip(files), "").statusCode(200)
                .body("failed", is(0), "created", is(2)).extract().jsonPath();
        assertThat(file(report, "a/same-" + run + ".md")).containsEntry("slug", "same-" + run);
        assertThat(file(report, "b/other.md")).containsEntry("slug", "same-" + run + "-2")
                .containsEntry("wantedSlug", "same-" + run);
        given().get("/api/posts/same-" + run).then().statusCode(200).body("title", is("One"));
        given().get("/api/posts/same-" + run + "-2").then().statusCode(200).body("title", is("Two"));
    }

    @Test
    void entriesReachingOutsideTheArchiveAreRefusedAndNothingIsWritten() {
        String run = run();
        for (String evil : List.of("../evil-" + run + ".md", "/etc/evil-" + run + ".md", "a/../../evil-" + run + ".md",
                "C:/evil.md", "a\\..\\evil.md")) {
            Map<String, byte[]> files = Archives.files("ok-" + run + ".md", "---\ntitle: Ok\n---\n", evil, "---\ntitle: Evil\n---\n");
            importZip(Archives.zip(files), "").statusCode(422).contentType("application/problem+json")
                    .body("status", is(422), "violations[0].field", is("body"), "detail", containsString("refused"));
        }
        editor().contentType("application/gzip")
                .body(Archives.tarGz(Archives.files("ok-" + run + ".md", "---\ntitle: Ok\n---\n"), Map.of("link.md", "/etc/passwd")))
                .when().post("/api/imports").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("link"));
        given().get("/api/posts/ok-" + run).then().statusCode(404);
    }

    @Test
    void somethingThatIsNoArchiveIsRefused() {
        importZip("just text".getBytes(StandardCharsets.UTF_8), "").statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("not a .zip or .tar.gz"));
        importZip(new byte[]{'P', 'K', 3, 4, 1, 2, 3}, "").statusCode(422).contentType("application/problem+json");
        importZip(new byte[0], "").statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("body"));
    }

    @Test
    void multipartFormDataTakesManyFiles() {
        String run = run();
        editor().multiPart("files", "posts/multi-" + run + ".md", ("---\ntitle: Multi\n---\n![p](pic-" + run + ".png)\n").getBytes(StandardCharsets.UTF_8), "text/markdown")
                .multiPart("files", "posts/pic-" + run + ".png", Archives.PNG, "image/png")
                .when().post("/api/imports").then().statusCode(200).contentType(ContentType.JSON)
                .body("created", is(2), "failed", is(0));
        given().get("/api/posts/multi-" + run).then().statusCode(200)
                .body("html", containsString("/api/media/posts/pic-" + run + ".png"));
        editor().multiPart("files", "../x.md", "x".getBytes(StandardCharsets.UTF_8), "text/markdown")
                .when().post("/api/imports").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void aPathLongerThanTheDatabaseStoresFailsForThatFileAloneNamingTheLimit() {
        String run = run();
        String longPost = "content/posts/" + "p".repeat(985) + "-" + run + ".md"; // 1,011 characters
        String longImage = "content/images/" + "i".repeat(985) + "-" + run + ".png";
        String fitting = "content/posts/" + "f".repeat(970) + run + ".md"; // 995: stored
        JsonPath report = importZip(Archives.zip(Archives.files(
                longPost, "---\ntitle: Too long " + run + "\n---\nbody\n",
                longImage, Archives.PNG,
                fitting, "---\ntitle: Fits " + run + "\nslug: fits-" + run + "\n---\nbody\n",
                "content/posts/short-" + run + ".md", "---\ntitle: Short " + run + "\n---\nbody\n")), "")
                .statusCode(200).contentType(ContentType.JSON)
                .body("created", is(2), "failed", is(2)).extract().jsonPath();
        assertThat(file(report, longPost)).containsEntry("kind", "post").containsEntry("status", "failed")
                .containsEntry("field", "path")
                .containsEntry("reason", "the path is 1011 characters long; at most 1000 are stored");
        assertThat(file(report, longImage)).containsEntry("kind", "media").containsEntry("status", "failed")
                .containsEntry("field", "path");
        given().get("/api/media/" + longImage).then().statusCode(404);
        given().get("/api/posts/fits-" + run).then().statusCode(200);
        given().get("/api/posts/short-" + run).then().statusCode(200);
        // the same again: the long ones fail again, nothing else changes
        importZip(Archives.zip(Archives.files(longPost, "---\ntitle: Too long " + run + "\n---\nbody\n")), "")
                .statusCode(200).body("created", is(0), "failed", is(1), "files[0].field", is("path"));
    }

    @Test
    void aSingleUploadedFileWithATooLongPathIs422NamingItAndTheLimit() {
        String run = run();
        String name = "posts/" + "n".repeat(995) + "-" + run + ".md";
        editor().multiPart("files", name, "---\ntitle: Long\n---\nbody\n".getBytes(StandardCharsets.UTF_8), "text/markdown")
                .when().post("/api/imports").then().statusCode(422).contentType("application/problem+json")
                .body("status", is(422),
                        "violations[0].field", is("files"),
                        "violations[0].message", containsString("'posts/nnnn"),
                        "violations[0].message", containsString("is 1013 characters long; at most 1000 are stored"));
        // among other files it fails in the report, and the others are imported
        editor().multiPart("files", name, "---\ntitle: Long\n---\nbody\n".getBytes(StandardCharsets.UTF_8), "text/markdown")
                .multiPart("files", "posts/ok-" + run + ".md", "---\ntitle: Ok\n---\nbody\n".getBytes(StandardCharsets.UTF_8), "text/markdown")
                .when().post("/api/imports").then().statusCode(200)
                .body("created", is(1), "failed", is(1),
                        "files.find { it.status == 'failed' }.reason", is("the path is 1013 characters long; at most 1000 are stored"));
        given().get("/api/posts/ok-" + run).then().statusCode(200);
    }

    @Test
    void aSlugInTheTrashIsAConflictNamingThatPostAndTheOtherFilesGoOn() {
        String run = run();
        String trashed = "trashed-" + run;
        String kept = "kept-" + run;
        String fresh = "fresh-" + run;
        Map<String, byte[]> site = Archives.files(
                "posts/" + trashed + ".md", "---\ntitle: Trashed\ndate: 2024-01-01T00:00:00Z\n---\nfirst\n",
                "posts/" + kept + ".md", "---\ntitle: Kept\ndate: 2024-01-01T00:00:00Z\n---\nkept\n");
        importZip(Archives.zip(site), "").statusCode(200).body("created", is(2));
        editor().header("If-Match", etag(trashed)).when().delete("/api/posts/{slug}", trashed).then().statusCode(204);

        site.put("posts/" + trashed + ".md", "---\ntitle: Trashed again\ndate: 2024-01-01T00:00:00Z\n---\nsecond\n"
                .getBytes(StandardCharsets.UTF_8));
        site.put("posts/" + fresh + ".md", "---\ntitle: Fresh\n---\nnew\n".getBytes(StandardCharsets.UTF_8));
        for (String query : List.of("?dryRun=true", "")) {
            JsonPath report = importZip(Archives.zip(site), query).statusCode(200)
                    .body("failed", is(1), "created", is(1), "unchanged", is(1)).extract().jsonPath();
            Map<String, Object> file = file(report, "posts/" + trashed + ".md");
            assertThat(file).as(query).containsEntry("status", "failed").containsEntry("field", "slug")
                    .containsEntry("slug", trashed);
            assertThat((String) file.get("reason")).as(query)
                    .contains("belongs to a post in the trash", "by admin", "POST /api/trash/" + trashed + "/restore");
        }
        given().get("/api/posts/" + fresh).then().statusCode(200);

        // the trashed post was not touched: still in the trash, as it was
        editor().when().get("/api/posts/{slug}", trashed).then().statusCode(404);
        editor().queryParam("size", 100).when().get("/api/trash").then().statusCode(200)
                .body("items.slug", hasItem(trashed));
        editor().header("If-Match", "*").when().post("/api/trash/{slug}/restore", trashed).then().statusCode(200).body("title", is("Trashed"));

        // restored, the next import updates it
        JsonPath report = importZip(Archives.zip(site), "").statusCode(200)
                .body("updated", is(1), "unchanged", is(2), "failed", is(0)).extract().jsonPath();
        assertThat(file(report, "posts/" + trashed + ".md")).containsEntry("status", "updated");
        given().get("/api/posts/" + trashed).then().statusCode(200).body("title", is("Trashed again"));
    }

    @Test
    void anUnchangedFileKeepsItsWarningsAndAnEditThroughTheApiIsAConflictUntilOverwritten() {
        String run = run();
        String slug = "edited-" + run;
        String path = "posts/" + slug + ".md";
        byte[] zip = Archives.zip(Archives.files(path, "---\ntitle: From the file\n---\nbody ![x](missing.png)\n"));
        JsonPath first = importZip(zip, "").statusCode(200).body("created", is(1)).extract().jsonPath();
        List<String> warnings = first.getList("files.find { it.path == '" + path + "' }.warnings");
        assertThat(warnings).anyMatch(w -> w.contains("no date")).anyMatch(w -> w.contains("missing.png"));

        // the same bytes: unchanged, known by their hash, with the same warnings
        JsonPath second = importZip(zip, "").statusCode(200).body("unchanged", is(1), "conflict", is(0)).extract().jsonPath();
        assertThat(file(second, path)).containsEntry("status", "unchanged").containsEntry("slug", slug)
                .containsEntry("warnings", warnings);

        // an edit through the API: neither the same file nor a changed one overwrites it, a dry run says so too
        Map<String, Object> edit = dev.slugline.testing.Fixtures.post("Edited in the API", "other body");
        editor().contentType(ContentType.JSON).header("If-Match", etag(slug)).body(edit)
                .when().put("/api/posts/{slug}", slug).then().statusCode(200);
        String edited = etag(slug);
        byte[] changed = Archives.zip(Archives.files(path, "---\ntitle: Changed in the file\n---\nnew body\n"));
        for (byte[] archive : List.of(zip, changed)) {
            for (String query : List.of("?dryRun=true", "", "?onConflict=refuse")) {
                JsonPath report = importZip(archive, query).statusCode(200)
                        .body("conflict", is(1), "updated", is(0), "unchanged", is(0), "failed", is(0)).extract().jsonPath();
                Map<String, Object> file = file(report, path);
                assertThat(file).as(query).containsEntry("status", "conflict").containsEntry("kind", "post")
                        .containsEntry("slug", slug).containsEntry("field", "slug");
                assertThat((String) file.get("reason")).as(query).contains("changed through the API after it was last imported",
                        edited, "nothing written", "onConflict=overwrite");
            }
        }
        given().get("/api/posts/" + slug).then().statusCode(200).body("title", is("Edited in the API"), "markdown", is("other body"));
        assertThat(etag(slug)).isEqualTo(edited);
        editor().when().get("/api/posts/{slug}/revisions", slug).then().statusCode(200)
                .body("action", org.hamcrest.Matchers.contains("update", "import"));

        // asked to, the import overwrites it, as a revision of its own; then the file is unchanged again
        importZip(zip, "?onConflict=overwrite").statusCode(200).body("updated", is(1), "conflict", is(0));
        given().get("/api/posts/" + slug).then().statusCode(200).body("title", is("From the file"));
        editor().when().get("/api/posts/{slug}/revisions", slug).then().statusCode(200)
                .body("number", org.hamcrest.Matchers.contains(3, 2, 1),
                        "action", org.hamcrest.Matchers.contains("import", "update", "import"),
                        "author", org.hamcrest.Matchers.everyItem(is("admin")));
        editor().when().get("/api/posts/{slug}/revisions/{n}", slug, 3).then().statusCode(200)
                .body("content.title", is("From the file"), "content.markdown", containsString("body"));
        importZip(zip, "").statusCode(200).body("unchanged", is(1), "conflict", is(0));
    }

    @Test
    void aPostWrittenThroughTheApiIsNotOverwrittenByAFileWithItsSlugAndTheOtherFilesGoOn() {
        String run = run();
        String slug = "api-" + run;
        String fresh = "fresh-" + run;
        Map<String, Object> post = dev.slugline.testing.Fixtures.post("Written in the API", "api body");
        post.put("slug", slug);
        dev.slugline.testing.Fixtures.create(post).statusCode(201);
        String written = etag(slug);
        Map<String, byte[]> site = Archives.files(
                "posts/" + slug + ".md", "---\ntitle: From a file\n---\nfile body\n",
                "posts/" + fresh + ".md", "---\ntitle: Fresh\n---\nnew\n");
        JsonPath report = importZip(Archives.zip(site), "").statusCode(200)
                .body("conflict", is(1), "created", is(1), "updated", is(0)).extract().jsonPath();
        assertThat(file(report, "posts/" + slug + ".md")).containsEntry("status", "conflict").containsEntry("slug", slug);
        assertThat((String) file(report, "posts/" + slug + ".md").get("reason"))
                .contains("belongs to a post written through the API, not by an import", written);
        given().get("/api/posts/" + slug).then().statusCode(200).body("title", is("Written in the API"), "markdown", is("api body"));
        assertThat(etag(slug)).isEqualTo(written);
        given().get("/api/posts/" + fresh).then().statusCode(200);

        // multipart takes the same parameter
        editor().multiPart("files", "posts/" + slug + ".md", site.get("posts/" + slug + ".md"), "text/markdown")
                .queryParam("onConflict", "overwrite").when().post("/api/imports").then().statusCode(200)
                .body("updated", is(1), "conflict", is(0), "files[0].status", is("updated"));
        given().get("/api/posts/" + slug).then().statusCode(200).body("title", is("From a file"));
    }

    @Test
    void aMediumReplacedOrUploadedThroughTheApiIsAConflictUntilOverwritten() {
        String run = run();
        String path = "images/" + run + "/cover.png";
        byte[] imported = Archives.uniquePng();
        byte[] zip = Archives.zip(Archives.files(path, imported));
        importZip(zip, "").statusCode(200).body("created", is(1));
        String etag = given().get("/api/media/" + path).then().statusCode(200).extract().header("ETag");
        byte[] uploaded = Archives.uniquePng();
        editor().contentType("image/png").body(uploaded).queryParam("path", path).header("If-Match", etag)
                .when().post("/api/media").then().statusCode(200);
        String uploadedEtag = "\"" + dev.slugline.media.MediaService.sha256(uploaded) + "\"";

        for (String query : List.of("?dryRun=true", "")) {
            JsonPath report = importZip(zip, query).statusCode(200).body("conflict", is(1), "updated", is(0)).extract().jsonPath();
            assertThat(file(report, path)).as(query).containsEntry("kind", "media").containsEntry("status", "conflict")
                    .containsEntry("field", "path");
            assertThat((String) file(report, path).get("reason")).as(query)
                    .contains("was replaced through the API after it was last imported", uploadedEtag, "onConflict=overwrite");
        }
        assertThat(given().get("/api/media/" + path).then().statusCode(200).extract().asByteArray()).isEqualTo(uploaded);

        importZip(zip, "?onConflict=overwrite").statusCode(200).body("updated", is(1), "conflict", is(0));
        assertThat(given().get("/api/media/" + path).then().statusCode(200).extract().asByteArray()).isEqualTo(imported);
        importZip(zip, "").statusCode(200).body("unchanged", is(1), "conflict", is(0));
        // the import wrote it last: a changed file in the archive updates it
        byte[] changed = Archives.uniquePng();
        importZip(Archives.zip(Archives.files(path, changed)), "").statusCode(200).body("updated", is(1));
        assertThat(given().get("/api/media/" + path).then().statusCode(200).extract().asByteArray()).isEqualTo(changed);

        // a file only ever uploaded is not the import's to replace
        String uploadedPath = "images/" + run + "/uploaded.png";
        editor().contentType("image/png").body(uploaded).queryParam("path", uploadedPath).when().post("/api/media").then().statusCode(201);
        JsonPath report = importZip(Archives.zip(Archives.files(uploadedPath, Archives.uniquePng())), "").statusCode(200)
                .body("conflict", is(1)).extract().jsonPath();
        assertThat((String) file(report, uploadedPath).get("reason")).contains("holds a file uploaded through the API, not imported");
        assertThat(given().get("/api/media/" + uploadedPath).then().statusCode(200).extract().asByteArray()).isEqualTo(uploaded);
    }

    @Test
    void anUnknownOnConflictIs400AndImportsNothing() {
        String slug = "unknown-option-" + run();
        byte[] zip = Archives.zip(Archives.files("posts/" + slug + ".md", "---\ntitle: Never\n---\nx\n"));
        importZip(zip, "?onConflict=merge").statusCode(400).contentType("application/problem+json")
                .body("status", is(400), "violations[0].field", is("onConflict"), "detail", containsString("merge"));
        editor().multiPart("files", "posts/" + slug + ".md", "---\ntitle: Never\n---\nx\n".getBytes(StandardCharsets.UTF_8),
                "text/markdown").queryParam("onConflict", "skip").when().post("/api/imports").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("onConflict"));
        editor().when().get("/api/posts/{slug}", slug).then().statusCode(404);
    }

    @Test
    void aChunkTheDatabaseRefusesIsRetriedFileByFileAndOnlyTheBadFileFails() throws java.sql.SQLException {
        String run = run();
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 620; i++) {
            files.put("many-" + run + "/post-" + i + "-" + run + ".md",
                    ("---\ntitle: Post " + i + "\ndate: 2024-01-01T00:00:00Z\ntags: [bulk-" + run + "]\n---\nBody " + i + "\n")
                            .getBytes(StandardCharsets.UTF_8));
        }
        // a row only the database refuses (every check the import makes itself reports before writing)
        String refusedPath = "many-" + run + "/refused-" + run + ".md";
        files.put(refusedPath, ("---\ntitle: Refused " + run + "\n---\nx\n").getBytes(StandardCharsets.UTF_8));
        String constraint = "refuse_" + run.replace('-', '_');
        JsonPath report;
        try (java.sql.Connection db = dataSource.getConnection(); java.sql.Statement sql = db.createStatement()) {
            sql.execute("alter table post add constraint " + constraint + " check (title <> 'Refused " + run + "') not valid");
            try {
                report = importZip(Archives.zip(files), "").statusCode(200)
                        .body("created", is(620), "failed", is(1)).extract().jsonPath();
            } finally {
                sql.execute("alter table post drop constraint " + constraint);
            }
        }
        assertThat(file(report, refusedPath)).containsEntry("status", "failed");
        assertThat((String) file(report, refusedPath).get("reason")).contains("could not be stored");
        given().get("/api/posts/refused-" + run).then().statusCode(404);
        given().get("/api/posts/post-619-" + run).then().statusCode(200).body("tags.slug", org.hamcrest.Matchers.contains("bulk-" + run));
        given().queryParam("tag", "bulk-" + run).when().get("/api/posts").then().statusCode(200)
                .header("X-Total-Count", "620");
    }

    @Test
    void importedAliasesLeadToTheirPost() {
        String run = run();
        String slug = "aliased-" + run;
        importZip(Archives.zip(Archives.files("posts/" + slug + ".md",
                "---\ntitle: Aliased\naliases: [\"/old/former-" + run + "/\", \"/older-" + run + ".html\"]\n---\nx\n")), "")
                .statusCode(200).body("created", is(1));
        for (String former : List.of("former-" + run, "older-" + run)) {
            given().redirects().follow(false).get("/api/posts/{slug}", former).then().statusCode(301)
                    .header("Location", org.hamcrest.Matchers.endsWith("/api/posts/" + slug));
        }
    }

    @Test
    void anImportChangesTheListEtags() {
        String run = run();
        String before = given().get("/api/posts").then().statusCode(200).extract().header("ETag");
        importZip(Archives.zip(Archives.files("posts/etag-" + run + ".md", "---\ntitle: Etag\n---\nx\n")), "")
                .statusCode(200).body("created", is(1));
        String after = given().get("/api/posts").then().statusCode(200).extract().header("ETag");
        assertThat(after).isNotEqualTo(before);
        given().header("If-None-Match", after).get("/api/posts").then().statusCode(304);
    }
}
