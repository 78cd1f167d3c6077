package dev.slugline.posts;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.slugline.testing.Fixtures.create;
import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.post;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** Drafts, scheduled and expired posts stay out of every public read until (and after) their time. */
@QuarkusTest
class PublicationTest {

    @Inject
    Scheduler scheduler;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static void invisibleToThePublic(String slug, String tag) {
        given().when().get("/api/posts/{slug}", slug).then().statusCode(404).contentType("application/problem+json");
        given().accept(ContentType.HTML).when().get("/api/posts/{slug}", slug).then().statusCode(404);
        given().queryParam("tag", tag).when().get("/api/posts")
                .then().statusCode(200).body("totalItems", is(0), "items.slug", not(hasItem(slug)));
        // a tag that only unpublished posts carry is not public either (issue 15)
        given().when().get("/api/tags/{tag}", tag).then().statusCode(404);
        dev.slugline.testing.Fixtures.editor().queryParam("visibility", "all").when().get("/api/tags/{tag}", tag)
                .then().statusCode(200).body("postCount", is(0));
    }

    @Test
    void scheduledPostIsInvisibleUntilItsMomentThenPublicWithoutAnyoneActing() throws InterruptedException {
        String tag = unique("0-sched");
        String slug = unique("scheduled");
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(2)).plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = post("Tomorrow's news", "Not yet");
        body.put("slug", slug);
        body.put("status", "scheduled");
        body.put("publishedAt", at.toString());
        body.put("tags", List.of(tag));
        create(body).statusCode(201).body("status", is("scheduled"));

        invisibleToThePublic(slug, tag);
        editor().when().get("/api/posts/{slug}", slug).then().statusCode(200).body("status", is("scheduled"));
        editor().queryParam("status", "scheduled").queryParam("size", 100).when().get("/api/posts")
                .then().statusCode(200).body("items.slug", hasItem(slug));

        while (OffsetDateTime.now().isBefore(at.plusNanos(200_000_000))) {
            Thread.sleep(200);
        }
        given().when().get("/api/posts/{slug}", slug).then().statusCode(200).body("status", is("published"));
        given().queryParam("tag", tag).when().get("/api/posts").then().body("totalItems", is(1), "items[0].slug", is(slug));
    }

    @Test
    void cachedReadsFollowPublicationAndExpiryMomentsWithoutTheScheduler() throws InterruptedException {
        String tag = unique("0-moment");
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> coming = post(unique("Coming"), "Soon");
        coming.put("publishedAt", at.toString());
        coming.put("tags", List.of(tag));
        String comingSlug = create(coming).statusCode(201).body("status", is("scheduled")).extract().path("slug");
        Map<String, Object> going = post(unique("Going"), "Soon gone");
        going.put("publishedAt", "2024-01-01T00:00:00Z");
        going.put("expiresAt", at.toString());
        going.put("tags", List.of(tag));
        String goingSlug = create(going).statusCode(201).body("status", is("published")).extract().path("slug");

        scheduler.pause(); // nothing announces the moments: the reads alone must notice them
        try {
            String listTag = null;
            for (int i = 0; i < 3; i++) { // the first read fills the caches, the next ones are answered from them
                listTag = given().queryParam("tag", tag).when().get("/api/posts").then().statusCode(200)
                        .body("items.slug", is(List.of(goingSlug))).extract().header("ETag");
                given().when().get("/api/posts/{slug}", goingSlug).then().statusCode(200);
                given().when().get("/api/posts/{slug}", comingSlug).then().statusCode(404);
            }
            while (OffsetDateTime.now().isBefore(at.plusNanos(200_000_000))) {
                Thread.sleep(100);
            }
            given().header("If-None-Match", listTag).queryParam("tag", tag).when().get("/api/posts")
                    .then().statusCode(200).body("items.slug", is(List.of(comingSlug)))
                    .header("ETag", not(listTag));
            given().when().get("/api/posts/{slug}", goingSlug).then().statusCode(404);
            given().when().get("/api/posts/{slug}", comingSlug).then().statusCode(200).body("status", is("published"));
            String lastModified = given().queryParam("tag", tag).when().get("/api/posts").then().statusCode(200)
                    .body("items.slug", is(List.of(comingSlug))).extract().header("Last-Modified");
            assertThat(ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                    .isAfterOrEqualTo(at.toInstant());
        } finally {
            scheduler.resume();
        }
    }

    @Test
    void scheduledNeedsAFutureDate() {
        Map<String, Object> body = post(unique("Bad schedule"), "x");
        body.put("status", "scheduled");
        body.put("publishedAt", "2020-01-01T00:00:00Z");
        create(body).statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("publishedAt"));
    }

    @Test
    void publishedWithAFutureDateIsScheduledToo() {
        String tag = unique("0-future");
        Map<String, Object> body = post(unique("Future"), "x");
        body.put("publishedAt", "2999-01-01T00:00:00Z");
        body.put("tags", List.of(tag));
        String slug = create(body).statusCode(201).body("status", is("scheduled")).extract().path("slug");
        invisibleToThePublic(slug, tag);
    }

    @Test
    void draftIsInvisibleEverywherePublicAndListedForEditors() {
        String tag = unique("0-drafttag");
        Map<String, Object> body = post(unique("A draft"), "x");
        body.put("status", "draft");
        body.put("tags", List.of(tag));
        String slug = create(body).statusCode(201).extract().path("slug");
        invisibleToThePublic(slug, tag);
        editor().queryParam("status", "draft").queryParam("size", 100).when().get("/api/posts")
                .then().statusCode(200).body("items.slug", hasItem(slug));
        given().queryParam("status", "draft").when().get("/api/posts")
                .then().statusCode(401).contentType("application/problem+json");
        editor().queryParam("status", "hidden").when().get("/api/posts")
                .then().statusCode(400).body("violations.field", hasItem("status"));
    }

    @Test
    void expiredPostsLeavePublicView() {
        String tag = unique("0-exp");
        Map<String, Object> body = post(unique("Expiring"), "x");
        body.put("publishedAt", "2020-01-01T00:00:00Z");
        body.put("expiresAt", "2021-01-01T00:00:00Z");
        body.put("tags", List.of(tag));
        String slug = create(body).statusCode(201).body("expiresAt", is("2021-01-01T00:00:00Z")).extract().path("slug");
        invisibleToThePublic(slug, tag);
        editor().queryParam("status", "expired").queryParam("size", 100).when().get("/api/posts")
                .then().statusCode(200).body("items.slug", hasItem(slug));
    }

    @Test
    void hugoDraftAndExpiryDateAreHonouredOnImport() {
        String slug = unique("hugo-expired");
        String file = "---\ntitle: Old news\nslug: " + slug + "\ndate: 2019-01-01T00:00:00Z\nexpiryDate: 2020-01-01T00:00:00Z\n---\nGone.\n";
        editor().contentType("text/markdown").body(file).when().post("/api/posts")
                .then().statusCode(201).body("expiresAt", is("2020-01-01T00:00:00Z"), "frontMatter", not(org.hamcrest.Matchers.hasKey("expiryDate")));
        given().when().get("/api/posts/{slug}", slug).then().statusCode(404);
        String draft = unique("hugo-draft");
        editor().contentType("text/markdown").body("---\ntitle: WIP\nslug: " + draft + "\ndraft: true\n---\nx\n")
                .when().post("/api/posts").then().statusCode(201).body("status", is("draft"));
        given().when().get("/api/posts/{slug}", draft).then().statusCode(404);
    }

    @Test
    void previewLinkShowsADraftWithoutCredentialsUntilItExpires() throws InterruptedException {
        Map<String, Object> body = post(unique("Preview me"), "Draft *body*");
        body.put("status", "draft");
        String slug = create(body).statusCode(201).extract().path("slug");
        given().when().post("/api/posts/{slug}/preview", slug).then().statusCode(401);

        var link = editor().queryParam("ttl", "PT2S").when().post("/api/posts/{slug}/preview", slug)
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("url", containsString("/api/previews/")).extract();
        String token = link.path("token");
        given().when().get("/api/previews/{token}", token).then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("slug", is(slug), "status", is("draft"), "html", containsString("<em>body</em>"));
        String tampered = token.substring(0, token.indexOf('.')) + ".9999999999." + token.substring(token.lastIndexOf('.') + 1);
        given().when().get("/api/previews/{token}", tampered).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/previews/{token}", "nonsense").then().statusCode(404);
        editor().queryParam("ttl", "forever").when().post("/api/posts/{slug}/preview", slug)
                .then().statusCode(400).body("violations.field", hasItem("ttl"));
        Thread.sleep(3100);
        given().when().get("/api/previews/{token}", token).then().statusCode(404);
    }
}
