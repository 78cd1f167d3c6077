package dev.slugline.posts;

import dev.slugline.testing.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.slugline.testing.Fixtures.create;
import static dev.slugline.testing.Fixtures.createPublished;
import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.post;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** Issue 15: standalone pages are in no list, feed or neighbour link of posts, and read at /api/pages. */
@QuarkusTest
class PagesTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aJsonPageIsReadAtApiPagesAndInNoPostList() {
        String tag = unique("aboutish");
        Map<String, Object> about = post("About " + unique("us"), "We write about **KubeCon**.");
        about.put("type", "page");
        about.put("tags", List.of(tag));
        about.put("publishedAt", "2024-01-01T00:00:00Z");
        String slug = create(about).statusCode(201)
                .body("type", is("page"))
                .body("frontMatter.type", is("page"))
                .extract().path("slug");

        String etag = given().when().get("/api/pages/{slug}", slug)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("slug", is(slug)).body("type", is("page"))
                .body("html", is("<p>We write about <strong>KubeCon</strong>.</p>\n"))
                .extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/pages/{slug}", slug).then().statusCode(304);
        given().queryParam("tag", tag).when().get("/api/pages")
                .then().statusCode(200).body("items.slug", contains(slug));

        given().queryParam("tag", tag).when().get("/api/posts").then().statusCode(200).body("items", empty());
        given().when().get("/api/posts/{slug}", slug).then().statusCode(404);
        // an editor reads it where it is written, with the ETag a write needs, never cached
        editor().when().get("/api/posts/{slug}", slug).then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("type", is("page"));
        given().queryParam("q", "KubeCon").queryParam("size", 100).when().get("/api/posts")
                .then().statusCode(200).body("items.slug", not(org.hamcrest.Matchers.hasItem(slug)));
        given().when().get("/feeds/rss.xml").then().statusCode(200).body(not(containsString("/" + slug + "<")));
        given().when().get("/api/tags/{tag}", tag).then().statusCode(404);

        // back to a post: a merge patch with the page's ETag
        editor().contentType("application/merge-patch+json").header("If-Match", etag).body("{\"type\": \"post\"}")
                .when().patch("/api/posts/{slug}", slug)
                .then().statusCode(200).body("type", is("post")).body("frontMatter.type", org.hamcrest.Matchers.nullValue());
        given().when().get("/api/pages/{slug}", slug).then().statusCode(404).contentType("application/problem+json");
        given().queryParam("tag", tag).when().get("/api/posts").then().statusCode(200).body("items.slug", contains(slug));
    }

    @Test
    void markdownFilesBecomePagesByTypeOrJekyllLayout() {
        for (String key : List.of("type", "layout")) {
            String slug = unique("contact");
            String file = "---\ntitle: Contact\nslug: " + slug + "\n" + key + ": page\ndate: 2024-02-02T10:00:00+01:00\n---\nWrite to us.\n";
            editor().contentType("text/markdown").body(file).when().post("/api/posts")
                    .then().statusCode(201).body("type", is("page"));
            given().when().get("/api/pages/{slug}", slug).then().statusCode(200)
                    .body("publishedAt", is("2024-02-02T10:00:00+01:00"));
        }
    }

    @Test
    void layoutPageInABlogsPostFoldersIsAPostsTemplate() {
        String run = unique("layouts").substring(8);
        String page = "---\ntitle: Page " + run + "\nlayout: page\ndate: 2013-03-03T10:00:00Z\n---\nAbout.\n";
        String post = "---\ntitle: Post " + run + "\nlayout: page\ndate: 2013-03-04T10:00:00Z\n---\nNews.\n";
        editor().contentType("application/zip").body(Archives.zip(Archives.files(
                        "about-" + run + ".md", page,
                        "_posts/2013-03-04-jekyll-" + run + ".md", post,
                        "content/posts/hugo-" + run + ".md", post.replace("Post ", "Hugo post "))))
                .when().post("/api/imports").then().statusCode(200).body("failed", is(0));
        given().when().get("/api/pages/about-{run}", run).then().statusCode(200);
        given().when().get("/api/posts/jekyll-{run}", run).then().statusCode(200).body("type", is("post"));
        given().when().get("/api/posts/hugo-{run}", run).then().statusCode(200).body("type", is("post"));
        given().when().get("/api/pages/hugo-{run}", run).then().statusCode(404);
    }

    @Test
    void aPageIsNoNeighbourOfPosts() {
        String older = createPublished(unique("older"), "1907-07-07T10:00:00Z", List.of(), List.of());
        Map<String, Object> page = post("Between " + unique("p"), "x");
        page.put("type", "page");
        page.put("publishedAt", "1907-07-07T10:01:00Z");
        String pageSlug = create(page).statusCode(201).extract().path("slug");
        String newer = createPublished(unique("newer"), "1907-07-07T10:02:00Z", List.of(), List.of());
        String links = String.join(", ", given().when().get("/api/posts/{slug}", newer).then().statusCode(200)
                .extract().headers().getValues("Link"));
        org.assertj.core.api.Assertions.assertThat(links).contains("/api/posts/" + older).doesNotContain(pageSlug);
    }

    @Test
    void badTypeIsRefused() {
        Map<String, Object> bad = post(unique("Bad"), "x");
        bad.put("type", "landing");
        create(bad).statusCode(400).contentType("application/problem+json").body("violations[0].field", is("type"));
        given().when().get("/api/pages/{slug}", "no-such-page").then().statusCode(404).contentType("application/problem+json");
    }
}
