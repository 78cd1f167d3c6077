package dev.slugline.ghost;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.slugline.testing.Fixtures.as;
import static dev.slugline.testing.Fixtures.create;
import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.post;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class GhostContentApiTest {

    private static final String API = "/ghost/api/content";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String newKey() {
        return editor().contentType(ContentType.JSON).body(Map.of("name", unique("frontend")))
                .when().post("/api/content-keys")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/content-keys/\\d+"))
                .body("key", matchesPattern("[0-9a-f]{26}"))
                .extract().path("key");
    }

    /** A published post with these tags, dated, with the given front matter; returns its slug. */
    private static String publish(String title, String publishedAt, List<String> tags, Map<String, Object> frontMatter) {
        Map<String, Object> body = post(title, "Hello **" + title + "**\n\nSecond paragraph.");
        body.put("publishedAt", publishedAt);
        body.put("tags", tags);
        body.put("frontMatter", frontMatter);
        return create(body).statusCode(201).extract().path("slug");
    }

    @Test
    void postsInGhostsShapeWithTagsAndAuthors() {
        String key = newKey();
        String tag = unique("ghosttag");
        String slug = publish(unique("Ghost shaped"), "2024-04-07T11:05:09+05:00", List.of(tag),
                Map.of("author", "Ada Lovelace", "featured", true, "image", "https://cdn.example.com/cover.png"));

        given().queryParam("key", key).queryParam("include", "tags,authors").queryParam("filter", "tag:" + tag)
                .when().get(API + "/posts/")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("posts.size()", is(1))
                .body("posts[0].slug", is(slug))
                .body("posts[0].id", matchesPattern("[0-9a-f]{24}"))
                .body("posts[0].uuid", matchesPattern("[0-9a-f-]{36}"))
                .body("posts[0].html", is("<p>Hello <strong>" + given().queryParam("key", key).get(API + "/posts/slug/" + slug)
                        .then().extract().path("posts[0].title") + "</strong></p>\n<p>Second paragraph.</p>\n"))
                .body("posts[0].published_at", is("2024-04-07T11:05:09+05:00"))
                .body("posts[0].featured", is(true))
                .body("posts[0].visibility", is("public"))
                .body("posts[0].feature_image", is("https://cdn.example.com/cover.png"))
                .body("posts[0].url", is("http://localhost:8080/posts/" + slug))
                .body("posts[0].reading_time", is(1))
                .body("posts[0].tags.slug", contains(tag))
                .body("posts[0].primary_tag.slug", is(tag))
                .body("posts[0].authors.name", contains("Ada Lovelace"))
                .body("posts[0].primary_author.slug", is("ada-lovelace"))
                .body("posts[0]", not(hasKey("plaintext")))
                .body("meta.pagination.page", is(1))
                .body("meta.pagination.limit", is(15))
                .body("meta.pagination.pages", is(1))
                .body("meta.pagination.total", is(1))
                .body("meta.pagination.next", nullValue())
                .body("meta.pagination.prev", nullValue());
    }

    @Test
    void featureImagesByTheSameRuleAsSluglinesOwnJson() {
        String key = newKey();
        String tag = unique("ghostcover");
        String cover = publish(unique("Ghost cover"), "2024-04-08T10:00:00Z", List.of(tag),
                Map.of("cover", Map.of("image", "/images/gate.png", "alt", "The gate", "caption", "At dawn")));
        String ghostNames = publish(unique("Ghost names"), "2024-04-07T10:00:00Z", List.of(tag),
                Map.of("feature_image", "https://cdn.example.com/g.png", "feature_image_alt", "Alt",
                        "feature_image_caption", "Caption"));
        String script = publish(unique("Ghost script"), "2024-04-06T10:00:00Z", List.of(tag),
                Map.of("image", "javascript:alert(1)"));

        given().queryParam("key", key).queryParam("filter", "tag:" + tag).when().get(API + "/posts/")
                .then().statusCode(200)
                .body("posts.slug", contains(cover, ghostNames, script))
                .body("posts[0].feature_image", is("http://localhost:8080/images/gate.png"))
                .body("posts[0].feature_image_alt", is("The gate"))
                .body("posts[0].feature_image_caption", is("At dawn"))
                .body("posts[1].feature_image", is("https://cdn.example.com/g.png"))
                .body("posts[1].feature_image_alt", is("Alt"))
                .body("posts[1].feature_image_caption", is("Caption"))
                .body("posts[2].feature_image", nullValue())
                .body("posts[2].feature_image_alt", nullValue())
                .body("posts[2]", org.hamcrest.Matchers.hasKey("feature_image"));
        // the same image in Slugline's own JSON
        given().when().get("/api/posts/{slug}", cover).then().statusCode(200)
                .body("featureImage.url", is("/images/gate.png"))
                .body("featureImage.alt", is("The gate"))
                .body("featureImage.caption", is("At dawn"));
        given().when().get("/api/posts/{slug}", ghostNames).then().statusCode(200)
                .body("featureImage.url", is("https://cdn.example.com/g.png")).body("featureImage.caption", is("Caption"));
        given().when().get("/api/posts/{slug}", script).then().statusCode(200).body("featureImage", nullValue());
    }

    @Test
    void readBySlugAndByIdWithAndWithoutTrailingSlash() {
        String key = newKey();
        String slug = publish(unique("Readable"), "2024-01-02T03:04:05Z", List.of(), Map.of());
        String id = given().queryParam("key", key).when().get(API + "/posts/slug/{slug}/", slug)
                .then().statusCode(200).body("posts.size()", is(1)).body("posts[0].slug", is(slug))
                .body("$", not(hasKey("meta")))
                .extract().path("posts[0].id");
        given().queryParam("key", key).when().get(API + "/posts/{id}", id)
                .then().statusCode(200).body("posts[0].slug", is(slug));
        given().queryParam("key", key).queryParam("fields", "title,slug").queryParam("formats", "plaintext")
                .when().get(API + "/posts/slug/{slug}", slug)
                .then().statusCode(200).body("posts[0].keySet()", containsInAnyOrder("title", "slug"));
        given().queryParam("key", key).queryParam("formats", "plaintext")
                .when().get(API + "/posts/slug/{slug}", slug)
                .then().statusCode(200).body("posts[0]", not(hasKey("html")))
                .body("posts[0].plaintext", matchesPattern("Hello Readable-.*\\s+Second paragraph\\."));
    }

    @Test
    void unpublishedPostsAndTheirTagsAreNotInTheGhostApi() {
        String key = newKey();
        String secret = unique("secretzebra");
        Map<String, Object> draft = post(unique("Draft"), "not yet");
        draft.put("status", "draft");
        draft.put("tags", List.of(secret));
        String draftSlug = create(draft).statusCode(201).extract().path("slug");
        Map<String, Object> scheduled = post(unique("Later"), "soon");
        scheduled.put("publishedAt", "2999-01-01T00:00:00Z");
        scheduled.put("tags", List.of(secret));
        String scheduledSlug = create(scheduled).statusCode(201).extract().path("slug");

        given().queryParam("key", key).queryParam("filter", "tag:" + secret).when().get(API + "/posts/")
                .then().statusCode(200).body("posts", empty()).body("meta.pagination.total", is(0));
        for (String slug : List.of(draftSlug, scheduledSlug)) {
            given().queryParam("key", key).when().get(API + "/posts/slug/{slug}/", slug)
                    .then().statusCode(404).contentType(ContentType.JSON)
                    .body("errors[0].type", is("NotFoundError"))
                    .body("errors[0].message", is("Resource not found error, cannot read post."));
        }
        given().queryParam("key", key).queryParam("limit", "all").when().get(API + "/tags/")
                .then().statusCode(200).body("tags.slug", not(org.hamcrest.Matchers.hasItem(secret)));
        given().queryParam("key", key).when().get(API + "/tags/slug/{slug}/", secret)
                .then().statusCode(404).body("errors[0].type", is("NotFoundError"));
    }

    @Test
    void filtersPaginationAndOrder() {
        String key = newKey();
        String tag = unique("paged");
        String other = unique("other");
        String first = publish("A " + unique("one"), "2020-01-01T00:00:00Z", List.of(tag), Map.of());
        String second = publish("B " + unique("two"), "2021-01-01T00:00:00+02:00", List.of(tag, other), Map.of());
        String third = publish("C " + unique("three"), "2022-01-01T00:00:00-05:00", List.of(other), Map.of("featured", true));

        given().queryParam("key", key).queryParam("filter", "tags:[" + tag + "," + other + "]").queryParam("limit", 2)
                .queryParam("page", 2).when().get(API + "/posts")
                .then().statusCode(200)
                .body("posts.slug", contains(first))
                .body("meta.pagination.page", is(2)).body("meta.pagination.pages", is(2))
                .body("meta.pagination.total", is(3)).body("meta.pagination.prev", is(1))
                .body("meta.pagination.next", nullValue());
        given().queryParam("key", key).queryParam("filter", "tag:" + tag + "+tag:" + other).when().get(API + "/posts")
                .then().statusCode(200).body("posts.slug", contains(second));
        given().queryParam("key", key).queryParam("filter", "(tag:" + tag + ",tag:" + other + ")+tag:-" + tag)
                .when().get(API + "/posts").then().statusCode(200).body("posts.slug", contains(third));
        given().queryParam("key", key).queryParam("filter", "(tag:" + tag + ",tag:" + other + ")+featured:true")
                .when().get(API + "/posts").then().statusCode(200).body("posts.slug", contains(third));
        given().queryParam("key", key)
                .queryParam("filter", "tags:[" + tag + "," + other + "]+published_at:>='2020-06-01 00:00:00'")
                .queryParam("order", "published_at asc").queryParam("limit", "all")
                .when().get(API + "/posts").then().statusCode(200).body("posts.slug", contains(second, third))
                .body("meta.pagination.limit", is("all"));
        given().queryParam("key", key).queryParam("filter", "tags:[" + tag + "," + other + "]+slug:[" + first + "," + third + "]")
                .queryParam("order", "title asc")
                .when().get(API + "/posts").then().statusCode(200).body("posts.slug", contains(first, third));
    }

    @Test
    void tagsWithCountsAndSettings() {
        String key = newKey();
        String tag = unique("counted");
        publish(unique("Counted one"), "2024-02-01T00:00:00Z", List.of(tag), Map.of());
        publish(unique("Counted two"), "2024-02-02T00:00:00Z", List.of(tag), Map.of());
        given().queryParam("key", key).queryParam("include", "count.posts").queryParam("filter", "slug:" + tag)
                .when().get(API + "/tags/")
                .then().statusCode(200)
                .body("tags.size()", is(1))
                .body("tags[0].slug", is(tag))
                .body("tags[0].id", matchesPattern("[0-9a-f]{24}"))
                .body("tags[0].count.posts", is(2))
                .body("tags[0].visibility", is("public"))
                .body("meta.pagination.total", is(1));
        String id = given().queryParam("key", key).when().get(API + "/tags/slug/" + tag)
                .then().statusCode(200).body("tags[0].slug", is(tag)).extract().path("tags[0].id");
        given().queryParam("key", key).when().get(API + "/tags/" + id + "/")
                .then().statusCode(200).body("tags[0].slug", is(tag));

        given().queryParam("key", key).when().get(API + "/settings/")
                .then().statusCode(200)
                .body("settings.title", is("Slugline"))
                .body("settings.url", is("http://localhost:8080/"))
                .body("settings.lang", is("en"))
                .body("settings.timezone", is("Etc/UTC"))
                .body("settings.members_support_address", is("noreply@localhost"))
                .body("settings.navigation", empty());
    }

    @Test
    void authorsWithCountsProfilesAndFilters() {
        String key = newKey();
        String tag = unique("byauthors");
        String ada = "Ada " + unique("a");
        String bea = "Bea " + unique("b");
        String first = publish(unique("Pair"), "2024-03-01T00:00:00Z", List.of(tag), Map.of("authors", List.of(ada, bea)));
        String second = publish(unique("Solo"), "2024-03-02T00:00:00Z", List.of(tag), Map.of("author", ada));
        Map<String, Object> draft = post(unique("Hidden"), "Not yet");
        draft.put("status", "draft");
        draft.put("authors", List.of("Cyd " + unique("c")));
        String hidden = create(draft).statusCode(201).extract().path("authors[0].slug");
        String adaSlug = given().get("/api/posts/{slug}", first).then().extract().path("authors[0].slug");
        String beaSlug = given().get("/api/posts/{slug}", first).then().extract().path("authors[1].slug");
        editor().contentType("application/merge-patch+json").header("If-Match", "*")
                .body(Map.of("bio", "Counts things", "profileImage", "/api/media/ada.png", "website", "https://ada.example"))
                .when().patch("/api/authors/{slug}", adaSlug).then().statusCode(200);

        given().queryParam("key", key).queryParam("include", "count.posts")
                .queryParam("filter", "slug:[" + adaSlug + "," + beaSlug + "," + hidden + "]")
                .when().get(API + "/authors/")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("authors.slug", contains(adaSlug, beaSlug))
                .body("authors[0].id", matchesPattern("[0-9a-f]{24}"))
                .body("authors[0].name", is(ada))
                .body("authors[0].count.posts", is(2))
                .body("authors[1].count.posts", is(1))
                .body("authors[0].bio", is("Counts things"))
                .body("authors[0].profile_image", is("http://localhost:8080/api/media/ada.png"))
                .body("authors[0].website", is("https://ada.example"))
                .body("authors[0].url", is("http://localhost:8080/author/" + adaSlug + "/"))
                .body("meta.pagination.total", is(2));
        String id = given().queryParam("key", key).when().get(API + "/authors/slug/" + adaSlug + "/")
                .then().statusCode(200).body("authors[0].slug", is(adaSlug)).body("authors[0]", not(hasKey("count")))
                .extract().path("authors[0].id");
        given().queryParam("key", key).when().get(API + "/authors/" + id)
                .then().statusCode(200).body("authors[0].name", is(ada));
        given().queryParam("key", key).when().get(API + "/authors/slug/" + hidden + "/")
                .then().statusCode(404).body("errors[0].type", is("NotFoundError"));
        given().queryParam("key", key).queryParam("filter", "bio:x").when().get(API + "/authors/")
                .then().statusCode(400).body("errors[0].type", is("BadRequestError"));

        given().queryParam("key", key).queryParam("include", "authors").queryParam("filter", "authors:" + beaSlug)
                .when().get(API + "/posts/").then().statusCode(200)
                .body("posts.slug", contains(first))
                .body("posts[0].authors.slug", contains(adaSlug, beaSlug))
                .body("posts[0].primary_author.slug", is(adaSlug))
                .body("posts[0].primary_author.profile_image", is("http://localhost:8080/api/media/ada.png"));
        given().queryParam("key", key).queryParam("filter", "author:" + adaSlug + "+tag:" + tag)
                .when().get(API + "/posts/").then().statusCode(200).body("posts.slug", contains(second, first));
        given().queryParam("key", key).queryParam("filter", "tag:" + tag + "+authors:-" + beaSlug)
                .when().get(API + "/posts/").then().statusCode(200).body("posts.slug", contains(second));
        given().queryParam("key", key).queryParam("filter", "tag:" + tag + "+primary_author:" + beaSlug)
                .when().get(API + "/posts/").then().statusCode(200).body("posts", empty());
        given().queryParam("key", key).queryParam("filter", "tag:" + tag + "+primary_author:" + adaSlug)
                .when().get(API + "/posts/").then().statusCode(200).body("posts.slug", contains(second, first));
    }

    @Test
    void primaryTagIsTheFirstTagAPostShows() {
        String key = newKey();
        String run = unique("prim");
        String slug = publish(unique("Primary"), "2024-03-05T00:00:00Z", List.of("b-" + run, "a-" + run), Map.of());
        given().queryParam("key", key).queryParam("include", "tags").queryParam("filter", "primary_tag:a-" + run)
                .when().get(API + "/posts/").then().statusCode(200)
                .body("posts.slug", contains(slug)).body("posts[0].primary_tag.slug", is("a-" + run));
        given().queryParam("key", key).queryParam("filter", "primary_tag:b-" + run).when().get(API + "/posts/")
                .then().statusCode(200).body("posts", empty());
        given().queryParam("key", key).queryParam("filter", "tag:b-" + run).when().get(API + "/posts/")
                .then().statusCode(200).body("posts.slug", contains(slug));
    }

    @Test
    void missingUnknownAndRevokedKeysAreGhostsUnauthorizedError() {
        given().when().get(API + "/posts/")
                .then().statusCode(401).contentType(ContentType.JSON)
                .body("errors[0].type", is("UnauthorizedError"))
                .body("errors[0].message", is("Authorization failed"))
                .body("errors[0].context", is("Missing Content API Key"));
        given().queryParam("key", "0123456789abcdef0123456789").when().get(API + "/settings")
                .then().statusCode(401).body("errors[0].type", is("UnauthorizedError"));
        given().queryParam("key", "<script>").when().get(API + "/tags")
                .then().statusCode(401).body("errors[0].type", is("UnauthorizedError"));

        String key = newKey();
        given().queryParam("key", key).when().get(API + "/posts/").then().statusCode(200);
        long id = editor().when().get("/api/content-keys").then().statusCode(200)
                .extract().jsonPath().getLong("find { it.key == '" + key + "' }.id");
        editor().when().delete("/api/content-keys/{id}", id).then().statusCode(204);
        given().queryParam("key", key).when().get(API + "/posts/")
                .then().statusCode(401).body("errors[0].type", is("UnauthorizedError"));
        editor().when().get("/api/content-keys").then().statusCode(200)
                .body("find { it.key == '" + key + "' }.revokedAt", not(nullValue()));
    }

    @Test
    void badOptionsAreGhostsBadRequestError() {
        String key = newKey();
        for (Map<String, String> bad : List.of(Map.of("filter", "tag:"), Map.of("filter", "reading_time:5"),
                Map.of("filter", "published_at:>'yesterday'"), Map.of("limit", "0"), Map.of("limit", "101"),
                Map.of("limit", "ten"), Map.of("page", "-1"), Map.of("order", "reading_time desc"),
                Map.of("include", "comments"), Map.of("formats", "mobiledoc"), Map.of("filter", "id:xyz"))) {
            given().queryParam("key", key).queryParams(bad).when().get(API + "/posts/")
                    .then().statusCode(400).contentType(ContentType.JSON)
                    .body("errors[0].type", is("BadRequestError"))
                    .body("errors[0].message", org.hamcrest.Matchers.containsString(bad.keySet().iterator().next()));
        }
        given().queryParam("key", key).when().get(API + "/posts/{id}/", "0000000000000000000fffff")
                .then().statusCode(404).body("errors[0].type", is("NotFoundError"));
        given().queryParam("key", key).when().get(API + "/nothing-here/")
                .then().statusCode(404).contentType(ContentType.JSON).body("errors[0].type", is("NotFoundError"));
    }

    @Test
    void answersAreCachedWithEtagsAnd304() {
        String key = newKey();
        String etag = given().queryParam("key", key).when().get(API + "/posts/")
                .then().statusCode(200).extract().header("ETag");
        assertThat(etag).isNotBlank();
        given().queryParam("key", key).header("If-None-Match", etag).when().get(API + "/posts/")
                .then().statusCode(304);
        publish(unique("Changes everything"), "2024-03-01T00:00:00Z", List.of(), Map.of());
        given().queryParam("key", key).header("If-None-Match", etag).when().get(API + "/posts/")
                .then().statusCode(200);
    }

    @Test
    void onlyAdminsManageKeys() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).when().post("/api/content-keys")
                .then().statusCode(401).contentType("application/problem+json");
        editor().contentType(ContentType.JSON).body(Map.of("name", " ")).when().post("/api/content-keys")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("name"));
        editor().when().delete("/api/content-keys/{id}", 987654321).then().statusCode(404);
        String author = unique("writer");
        editor().contentType(ContentType.JSON)
                .body(Map.of("username", author, "password", "a long pass phrase here", "role", "author"))
                .when().post("/api/users").then().statusCode(201);
        as(author, "a long pass phrase here").when().get("/api/content-keys").then().statusCode(403);
    }

    @Test
    void pagesAreTheirOwnResource() {
        String key = newKey();
        String tag = unique("ghostpage");
        Map<String, Object> about = post("About " + unique("us"), "Who we are.");
        about.put("type", "page");
        about.put("tags", List.of(tag));
        String slug = create(about).statusCode(201).extract().path("slug");
        given().queryParam("key", key).queryParam("filter", "tag:" + tag).when().get(API + "/pages/")
                .then().statusCode(200).body("pages.slug", contains(slug)).body("meta.pagination.total", is(1))
                .body("pages[0].url", is("http://localhost:8080/" + slug + "/"));
        given().queryParam("key", key).queryParam("filter", "tag:" + tag).when().get(API + "/posts/")
                .then().statusCode(200).body("posts", empty());
        String id = given().queryParam("key", key).when().get(API + "/pages/slug/{slug}/", slug)
                .then().statusCode(200).body("pages[0].html", is("<p>Who we are.</p>\n")).extract().path("pages[0].id");
        given().queryParam("key", key).when().get(API + "/pages/{id}/", id).then().statusCode(200).body("pages[0].slug", is(slug));
        given().queryParam("key", key).when().get(API + "/posts/slug/{slug}/", slug)
                .then().statusCode(404).body("errors[0].type", is("NotFoundError"));
    }
}
