package dev.slugline.search;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.slugline.testing.Fixtures.create;
import static dev.slugline.testing.Fixtures.createPublished;
import static dev.slugline.testing.Fixtures.post;
import static dev.slugline.testing.Fixtures.unique;
import static dev.slugline.testing.Fixtures.editor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ReadPagesTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void everyReadHasEtagLastModifiedCacheControlAndAnswers304() {
        String tag = unique("cache");
        String cat = unique("cachecat");
        String slug = createPublished(unique("cached"), "2024-01-01T00:00:00Z", List.of(tag), List.of(cat));
        for (String path : List.of("/api/posts?tag=" + tag, "/api/posts/" + slug, "/api/posts/" + slug + "/related",
                "/api/archive", "/api/tags/" + tag, "/api/categories/" + cat, "/api/tags", "/api/categories?size=5")) {
            Response first = given().when().get(path);
            first.then().statusCode(200)
                    .header("ETag", not(emptyOrNullString()))
                    .header("Last-Modified", not(emptyOrNullString()))
                    .header("Cache-Control", is("public, max-age=60, stale-while-revalidate=300"))
                    .header("Vary", containsString("Accept"));
            String etag = first.header("ETag");
            assertThat(etag).as(path).startsWith("\"").endsWith("\"");
            given().header("If-None-Match", etag).when().get(path)
                    .then().statusCode(304).header("ETag", is(etag)).body(is(""));
            given().header("If-Modified-Since", first.header("Last-Modified")).when().get(path)
                    .then().statusCode(304);
            given().header("If-None-Match", "\"something-else\"").when().get(path).then().statusCode(200);
            // the same ETag on a second request: derived from stored versions, not from this instance's memory
            given().when().get(path).then().header("ETag", is(etag));
        }
    }

    @Test
    void feedsSitemapAndTheHtmlAndMarkdownOfAPostAnswerConditionalRequests() {
        String tag = unique("feedcache");
        String cat = unique("feedcachecat");
        String slug = createPublished(unique("feedcached"), "2024-01-02T00:00:00Z", List.of(tag), List.of(cat));
        List<List<String>> reads = new java.util.ArrayList<>();
        for (String file : List.of("rss.xml", "atom.xml", "feed.json")) {
            reads.add(List.of("/feeds/" + file, "*/*"));
            reads.add(List.of("/feeds/tags/" + tag + "/" + file, "*/*"));
            reads.add(List.of("/feeds/categories/" + cat + "/" + file, "*/*"));
        }
        reads.add(List.of("/sitemap.xml", "*/*"));
        reads.add(List.of("/api/posts/" + slug, "text/html"));
        reads.add(List.of("/api/posts/" + slug, "text/markdown"));
        for (List<String> read : reads) {
            String path = read.get(0);
            String accept = read.get(1);
            Response first = given().accept(accept).when().get(path);
            first.then().statusCode(200).header("ETag", not(emptyOrNullString())).header("Last-Modified", not(emptyOrNullString()));
            if (!path.matches("/feeds/[a-z]+\\.(xml|json)")) { // the site's feeds hold the newest 20 of all tests' posts
                assertThat(first.asString()).as(path).contains(slug);
            }
            given().accept(accept).header("If-None-Match", first.header("ETag")).when().get(path)
                    .then().statusCode(304).body(is(""));
            given().accept(accept).header("If-Modified-Since", first.header("Last-Modified")).when().get(path)
                    .then().statusCode(304);
            given().accept(accept).header("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT").when().get(path)
                    .then().statusCode(200);
        }
    }

    @Test
    void aChangeChangesTheListEtagAndTheListItself() {
        String tag = unique("change");
        String slug = createPublished(unique("first"), "2024-01-01T00:00:00Z", List.of(tag), List.of());
        Response before = given().queryParam("tag", tag).when().get("/api/posts");
        before.then().statusCode(200).body("items.slug", contains(slug));
        String newer = createPublished(unique("second"), "2024-02-01T00:00:00Z", List.of(tag), List.of());
        given().queryParam("tag", tag).header("If-None-Match", before.header("ETag")).when().get("/api/posts")
                .then().statusCode(200).body("items.slug", contains(newer, slug))
                .header("ETag", not(is(before.header("ETag"))));
        editor().header("If-Match", "*").when().delete("/api/posts/{slug}", newer).then().statusCode(204);
        given().queryParam("tag", tag).when().get("/api/posts").then().statusCode(200).body("items.slug", contains(slug));
    }

    @Test
    void relatedPostsShareTheMostTermsThenNewest() {
        String a = unique("ra");
        String b = unique("rb");
        String c = unique("rc");
        String me = createPublished(unique("me"), "2024-01-01T00:00:00Z", List.of(a, b), List.of(c));
        String three = createPublished(unique("three"), "2023-01-01T00:00:00Z", List.of(a, b), List.of(c));
        String oneOld = createPublished(unique("one-old"), "2022-01-01T00:00:00Z", List.of(a), List.of());
        String oneNew = createPublished(unique("one-new"), "2024-05-01T00:00:00Z", List.of(), List.of(c));
        createPublished(unique("none"), "2024-06-01T00:00:00Z", List.of(unique("x")), List.of());
        given().when().get("/api/posts/{slug}/related", me)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("items.slug", contains(three, oneNew, oneOld), "items[0]", not(org.hamcrest.Matchers.hasKey("html")));
        given().queryParam("size", 1).when().get("/api/posts/{slug}/related", me)
                .then().statusCode(200).body("items.slug", contains(three));
        given().when().get("/api/posts/{slug}/related", "no-such-post")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("size", 0).when().get("/api/posts/{slug}/related", me)
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", is("size"));
    }

    @Test
    void singlePostLinksToPreviousAndNext() {
        // far-past dates (a future one would be scheduled) so no other test's post falls between them
        String older = createPublished(unique("older"), "1901-01-01T00:00:00Z", List.of(), List.of());
        String middle = createPublished(unique("middle"), "1901-01-02T00:00:00Z", List.of(), List.of());
        String newer = createPublished(unique("newer"), "1901-01-03T00:00:00Z", List.of(), List.of());
        Response response = given().when().get("/api/posts/{slug}", middle);
        response.then().statusCode(200);
        String links = String.join(",", response.headers().getValues("Link"));
        assertThat(links).contains("/api/posts/" + older + ">; rel=\"prev\"", "/api/posts/" + newer + ">; rel=\"next\"");
    }

    @Test
    void archiveCountsPerYearAndMonth() {
        createPublished(unique("arch1"), "1999-04-10T00:00:00Z", List.of(), List.of());
        createPublished(unique("arch2"), "1999-04-20T00:00:00Z", List.of(), List.of());
        createPublished(unique("arch3"), "1999-06-01T00:00:00+02:00", List.of(), List.of());
        given().when().get("/api/archive")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("years.find { it.year == 1999 }.count", org.hamcrest.Matchers.greaterThanOrEqualTo(3),
                        "years.find { it.year == 1999 }.months.month", hasItem(6),
                        "years.find { it.year == 1999 }.months.find { it.month == 4 }.count", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
    }

    @Test
    void singleTermsWithCounts() {
        String tag = unique("single");
        createPublished(unique("t1"), "2024-01-01T00:00:00Z", List.of(tag), List.of(tag));
        Map<String, Object> draft = post("Draft", "x");
        draft.put("status", "draft");
        draft.put("tags", List.of(tag));
        create(draft).statusCode(201);
        given().when().get("/api/tags/{slug}", tag)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("slug", is(tag), "name", is(tag), "postCount", is(1), "description", nullValue());
        given().when().get("/api/categories/{slug}", tag)
                .then().statusCode(200).body("postCount", is(1));
        given().when().get("/api/tags/{slug}", "no-such-tag").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/categories/{slug}", "no-such-cat").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void formerSlugsAndHugoAliasesRedirectPermanently() {
        String old = unique("old-name");
        createPublished(old, "2024-01-01T00:00:00Z", List.of(), List.of());
        String renamed = unique("new-name");
        Map<String, Object> body = post("Renamed", "Body");
        body.put("slug", renamed);
        body.put("publishedAt", "2024-01-01T00:00:00Z");
        editor().header("If-Match", "*").contentType(ContentType.JSON).body(body).when().put("/api/posts/{slug}", old).then().statusCode(200);

        given().redirects().follow(false).when().get("/api/posts/{slug}", old)
                .then().statusCode(301).header("Location", endsWith("/api/posts/" + renamed));
        given().redirects().follow(false).accept(ContentType.HTML).when().get("/api/posts/{slug}", old)
                .then().statusCode(301).header("Location", endsWith("/api/posts/" + renamed));
        given().when().get("/api/posts/{slug}", old).then().statusCode(200).body("slug", is(renamed));

        String hugoAlias = unique("hugo-alias");
        String file = "---\ntitle: Aliased\nslug: " + unique("aliased") + "\naliases: [\"/posts/" + hugoAlias + "/\"]\n---\nHello";
        String slug = editor().contentType("text/markdown").body(file).when().post("/api/posts")
                .then().statusCode(201).extract().path("slug");
        given().redirects().follow(false).when().get("/api/posts/{slug}", hugoAlias)
                .then().statusCode(301).header("Location", endsWith("/api/posts/" + slug));
        given().redirects().follow(false).when().get("/api/posts/{slug}", unique("never-was"))
                .then().statusCode(404).contentType("application/problem+json");
    }

}
