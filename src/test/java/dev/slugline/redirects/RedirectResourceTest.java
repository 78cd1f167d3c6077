package dev.slugline.redirects;

import dev.slugline.testing.Archives;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static dev.slugline.testing.Fixtures.editor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** Issue 13, item 6: a Hugo site's old URLs lead to its imported posts; links between them follow. */
@QuarkusTest
class RedirectResourceTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String run() {
        return "r" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The same four posts under any config: {@code RUN} in paths and contents replaced. */
    private static Map<String, byte[]> site(String run, String root, Object... config) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Archives.files(config).forEach((path, data) -> files.put(root + path, data));
        Map<String, byte[]> posts = Archives.files(
                "content/posts/first-RUN.md", """
                        ---
                        title: First post RUN
                        date: 2020-02-10T23:30:00-08:00
                        ---
                        See [the second](https://old.example.org/blog/cest-la-vie-RUN/#top),
                        [the third](/special/third-RUN/#part), [by its alias](/old/second-RUN/),
                        [elsewhere](https://elsewhere.example/blog/cest-la-vie-RUN/),
                        [nothing here](/2099/01/01/nothing-RUN/) and [the draft](/2020/03/01/draft-post-RUN/).
                        """,
                "content/blog/second-RUN.md", """
                        +++
                        title = "C'est la vie RUN"
                        date = 2021-05-06T10:00:00Z
                        aliases = ["/old/second-RUN/"]
                        +++
                        Back to [the first](../../2020/02/10/first-post-RUN/) and [its file](../posts/first-RUN.md).
                        """,
                "content/posts/third-RUN.md", """
                        ---
                        title: Third RUN
                        date: 2022-01-01T00:00:00Z
                        url: /special/third-RUN/
                        ---
                        Third.
                        """,
                "content/posts/draft-RUN.md", """
                        ---
                        title: Draft post RUN
                        date: 2020-03-01T00:00:00Z
                        draft: true
                        ---
                        Not yet.
                        """);
        posts.forEach((path, data) -> files.put(root + path.replace("RUN", run),
                new String(data, java.nio.charset.StandardCharsets.UTF_8).replace("RUN", run).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return files;
    }

    /** Imports the site: four posts created, its config files read and not stored as media. */
    private static void importSite(Map<String, byte[]> files) {
        JsonPath report = editor().contentType("application/zip").body(Archives.zip(files)).when().post("/api/imports")
                .then().statusCode(200).body("failed", is(0), "created", is(4)).extract().jsonPath();
        for (String path : files.keySet()) {
            if (!path.contains("content/")) {
                assertThat(report.getString("files.find { it.path == '" + path + "' }.status")).as(path).isEqualTo("skipped");
            }
        }
    }

    private static JsonPath redirect(String path) {
        return given().queryParam("path", path).when().get("/api/redirects")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void hugoTomlPermalinksLeadToThePostsAndTheirLinksAreRewritten() {
        String run = run();
        importSite(site(run, "", "hugo.toml", """
                baseURL = "https://old.example.org/"
                [permalinks]
                  posts = "/:year/:month/:day/:slug/"
                  blog = "/blog/:title/"
                """));

        // the old permalink, however it is written
        for (String path : new String[] {"/2020/02/10/first-post-" + run + "/", "/2020/02/10/first-post-" + run,
                "https://old.example.org/2020/02/10/First-Post-" + run + "/?utm=x#top", "/2020/02/10/first%2Dpost-" + run + "/index.html"}) {
            JsonPath found = redirect(path);
            assertThat(found.getString("slug")).as(path).isEqualTo("first-" + run);
            assertThat(found.getString("path")).isEqualTo("/posts/first-" + run);
            assertThat(found.getString("api")).isEqualTo("/api/posts/first-" + run);
            assertThat(found.getString("post.title")).isEqualTo("First post " + run);
            assertThat(found.getString("from")).isEqualTo("/2020/02/10/first-post-" + run);
        }
        assertThat(redirect("/blog/cest-la-vie-" + run + "/").getString("slug")).isEqualTo("second-" + run);
        assertThat(redirect("/old/second-" + run + "/").getString("slug")).isEqualTo("second-" + run);
        assertThat(redirect("/special/third-" + run + "/").getString("slug")).isEqualTo("third-" + run);
        // this site's own path answers too, so a catch-all route needs one call
        assertThat(redirect("/posts/first-" + run).getString("slug")).isEqualTo("first-" + run);

        // a draft's old path is not named to the public
        given().queryParam("path", "/2020/03/01/draft-post-" + run + "/").when().get("/api/redirects")
                .then().statusCode(404).contentType("application/problem+json").body("status", is(404));

        // the existing 301 of a former slug: the last segment of the old permalink
        given().redirects().follow(false).when().get("/api/posts/{slug}", "first-post-" + run)
                .then().statusCode(301).header("Location", endsWith("/api/posts/first-" + run));
        given().redirects().follow(false).when().get("/api/posts/{slug}", "cest-la-vie-" + run)
                .then().statusCode(301).header("Location", endsWith("/api/posts/second-" + run));

        Document first = Jsoup.parseBodyFragment(given().get("/api/posts/{slug}", "first-" + run)
                .then().statusCode(200).extract().path("html"));
        assertThat(first.select("a:contains(the second)").attr("href")).isEqualTo("/posts/second-" + run + "#top");
        assertThat(first.select("a:contains(the third)").attr("href")).isEqualTo("/posts/third-" + run + "#part");
        assertThat(first.select("a:contains(by its alias)").attr("href")).isEqualTo("/posts/second-" + run);
        assertThat(first.select("a:contains(elsewhere)").attr("href"))
                .isEqualTo("https://elsewhere.example/blog/cest-la-vie-" + run + "/");
        assertThat(first.select("a:contains(nothing here)").attr("href")).isEqualTo("/2099/01/01/nothing-" + run + "/");
        // a link to a post the import has (a draft) points at its new path: the public sees it once it is published
        assertThat(first.select("a:contains(the draft)").attr("href")).isEqualTo("/posts/draft-" + run);

        Document second = Jsoup.parseBodyFragment(given().get("/api/posts/{slug}", "second-" + run)
                .then().statusCode(200).extract().path("html"));
        assertThat(second.select("a:contains(the first)").attr("href")).isEqualTo("/posts/first-" + run);
        assertThat(second.select("a:contains(its file)").attr("href")).isEqualTo("/posts/first-" + run);

        // importing the same archive again changes nothing and keeps every redirect
        editor().contentType("application/zip").body(Archives.zip(site(run, "", "hugo.toml", """
                        baseURL = "https://old.example.org/"
                        [permalinks]
                          posts = "/:year/:month/:day/:slug/"
                          blog = "/blog/:title/"
                        """))).when().post("/api/imports")
                .then().statusCode(200).body("files.findAll { it.kind == 'post' }.status", org.hamcrest.Matchers.everyItem(is("unchanged")));
        assertThat(redirect("/2020/02/10/first-post-" + run).getString("slug")).isEqualTo("first-" + run);
    }

    @Test
    void yamlConfigInAWrappingFolder() {
        String run = run();
        importSite(site(run, "my-blog/", "config.yaml", """
                baseurl: https://old.example.org/
                permalinks:
                  page:
                    posts: /:year/:monthname/:slugorfilename/
                """));
        assertThat(redirect("https://old.example.org/2020/february/first-" + run + "/").getString("slug"))
                .isEqualTo("first-" + run);
        // no pattern for blog/: Hugo's default, the folder and the file's name
        assertThat(redirect("/blog/second-" + run + "/").getString("slug")).isEqualTo("second-" + run);
        Document first = Jsoup.parseBodyFragment(given().get("/api/posts/{slug}", "first-" + run)
                .then().statusCode(200).extract().path("html"));
        assertThat(first.select("a:contains(the third)").attr("href")).isEqualTo("/posts/third-" + run + "#part");
    }

    @Test
    void configDefaultFolder() {
        String run = run();
        importSite(site(run, "", "config/_default/hugo.toml", "baseURL = 'https://old.example.org/'\n",
                "config/_default/permalinks.yaml", "posts: /archive/:year/:slug/\n"));
        assertThat(redirect("/archive/2020/first-post-" + run).getString("slug")).isEqualTo("first-" + run);
        // url: wins over the pattern
        assertThat(redirect("/special/third-" + run).getString("slug")).isEqualTo("third-" + run);
        given().queryParam("path", "/archive/2022/third-" + run).when().get("/api/redirects").then().statusCode(404);
    }

    @Test
    void twoFilesWithOneOldPathAreBothWarnedAndTheLastHasIt() {
        String run = run();
        JsonPath report = editor().contentType("application/zip").body(Archives.zip(Archives.files(
                        "hugo.toml", "[permalinks]\nposts = '/:year/:month/:slug/'\n",
                        "content/posts/a-" + run + ".md", "---\ntitle: Roundup " + run + "\ndate: 2021-03-04\n---\nA.\n",
                        "content/posts/b-" + run + ".md", "---\ntitle: Roundup " + run + "\ndate: 2021-03-18\n---\nB.\n")))
                .when().post("/api/imports").then().statusCode(200).body("failed", is(0)).extract().jsonPath();
        String path = "/2021/03/roundup-" + run;
        assertThat(report.getList("files.find { it.path == 'content/posts/a-" + run + ".md' }.warnings", String.class))
                .contains("old path '" + path + "' is also the path of content/posts/b-" + run + ".md: it leads there");
        assertThat(report.getList("files.find { it.path == 'content/posts/b-" + run + ".md' }.warnings", String.class))
                .contains("old path '" + path + "' is also the path of content/posts/a-" + run + ".md: it leads here");
        assertThat(redirect(path + "/").getString("slug")).isEqualTo("b-" + run);
    }

    @Test
    void unknownPathIsNotFound() {
        given().queryParam("path", "/2099/01/01/" + run() + "/").when().get("/api/redirects")
                .then().statusCode(404).contentType("application/problem+json").body("status", is(404));
    }

    @Test
    void missingOrInvalidPathIsBadRequest() {
        given().when().get("/api/redirects")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("path"));
        given().queryParam("path", "/a/../b").when().get("/api/redirects")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("path"));
    }
}
