package dev.slugline.posts;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.slugline.testing.Fixtures.create;
import static dev.slugline.testing.Fixtures.createPublished;
import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.etag;
import static dev.slugline.testing.Fixtures.post;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** No lost updates (If-Match, 428, 412, PATCH), revisions, and the trash. */
@QuarkusTest
class EditingTest {

    @Inject
    PostService postService;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void writesWithoutIfMatchAre428AndChangeNothing() {
        String slug = createPublished(unique("no-if-match"), "2024-01-01T00:00:00Z", List.of(), List.of());
        editor().contentType(ContentType.JSON).body(post("Blind overwrite", "x")).when().put("/api/posts/{slug}", slug)
                .then().statusCode(428).contentType("application/problem+json")
                .body("status", is(428), "title", is("Precondition Required"), "violations.field", hasItem("If-Match"));
        editor().contentType("application/merge-patch+json").body("{\"title\": \"Blind\"}").when().patch("/api/posts/{slug}", slug)
                .then().statusCode(428);
        editor().when().delete("/api/posts/{slug}", slug).then().statusCode(428);
        given().when().get("/api/posts/{slug}", slug).then().statusCode(200).body("title", is("Post " + slug));
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        String slug = createPublished(unique("patch"), "2024-01-01T00:00:00+05:00", List.of("keep-me"), List.of("Cat"));
        String etag = etag(slug);
        String newEtag = editor().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"title\": \"Patched title\", \"frontMatter\": {\"cover\": \"a.png\"}}")
                .when().patch("/api/posts/{slug}", slug)
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("ETag", not(etag))
                .body("title", is("Patched title"), "markdown", is("Body of " + slug), "tags.slug", contains("keep-me"),
                        "categories.name", contains("Cat"), "publishedAt", is("2024-01-01T00:00:00+05:00"),
                        "frontMatter.cover", is("a.png"))
                .extract().header("ETag");
        // null removes: the front matter key goes away
        editor().contentType("application/merge-patch+json").header("If-Match", newEtag)
                .body("{\"frontMatter\": {\"cover\": null}}").when().patch("/api/posts/{slug}", slug)
                .then().statusCode(200).body("frontMatter", not(org.hamcrest.Matchers.hasKey("cover")));
        // stale ETag
        editor().contentType("application/merge-patch+json").header("If-Match", etag).body("{\"title\": \"Late\"}")
                .when().patch("/api/posts/{slug}", slug).then().statusCode(412).contentType("application/problem+json");
        // invalid results and unknown fields are 400 with the field
        editor().contentType("application/merge-patch+json").header("If-Match", "*").body("{\"title\": null}")
                .when().patch("/api/posts/{slug}", slug)
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("title"));
        editor().contentType("application/merge-patch+json").header("If-Match", "*").body("{\"tittle\": \"x\"}")
                .when().patch("/api/posts/{slug}", slug).then().statusCode(400).body("violations.field", hasItem("tittle"));
        editor().contentType("application/merge-patch+json").header("If-Match", "*").body("[1, 2]")
                .when().patch("/api/posts/{slug}", slug).then().statusCode(400).body("violations.field", hasItem("body"));
        editor().contentType("application/merge-patch+json").header("If-Match", "*").body("{\"title\": ")
                .when().patch("/api/posts/{slug}", slug).then().statusCode(400).contentType("application/problem+json");
        editor().contentType("application/merge-patch+json").header("If-Match", "*").body("{\"title\": \"x\"}")
                .when().patch("/api/posts/{slug}", "no-such-post").then().statusCode(404);
        given().when().get("/api/posts/{slug}", slug).then().body("title", is("Patched title"));
    }

    @Test
    void parallelSavesWithTheSameEtagLetExactlyOneWin() throws Exception {
        String slug = createPublished(unique("race"), "2024-01-01T00:00:00Z", List.of(), List.of());
        String etag = etag(slug);
        int editors = 6;
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            String title = "Edit number " + i;
            Callable<Integer> save = () -> {
                start.await();
                return editor().contentType(ContentType.JSON).header("If-Match", etag).body(post(title, title))
                        .when().put("/api/posts/{slug}", slug).then().extract().statusCode();
            };
            results.add(pool.submit(save));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(editors - 1);
        String winner = given().when().get("/api/posts/{slug}", slug).then().statusCode(200).extract().path("title");
        given().when().get("/api/posts/{slug}", slug).then().body("markdown", is(winner), "version", is(1));
        editor().when().get("/api/posts/{slug}/revisions", slug).then().statusCode(200).body("$", hasSize(2));
    }

    @Test
    void revisionsAreListedReadDiffedAndRestored() {
        Map<String, Object> body = post("First title", "line one\nline two\nline three");
        String slug = unique("revs");
        body.put("slug", slug);
        body.put("publishedAt", "2024-01-01T00:00:00Z");
        create(body).statusCode(201);
        Map<String, Object> second = post("Second title", "line one\nline 2\nline three\nline four");
        second.put("slug", slug);
        second.put("publishedAt", "2024-01-01T00:00:00Z");
        editor().contentType(ContentType.JSON).header("If-Match", etag(slug)).body(second)
                .when().put("/api/posts/{slug}", slug).then().statusCode(200);

        editor().when().get("/api/posts/{slug}/revisions", slug).then().statusCode(200).contentType(ContentType.JSON)
                .body("number", contains(2, 1), "action", contains("update", "create"),
                        "author", contains("admin", "admin"));
        editor().when().get("/api/posts/{slug}/revisions/{n}", slug, 1).then().statusCode(200)
                .body("content.title", is("First title"), "content.markdown", is("line one\nline two\nline three"));
        editor().queryParam("from", 1).queryParam("to", 2).when().get("/api/posts/{slug}/revisions/diff", slug)
                .then().statusCode(200)
                .body("fields.field", contains("summary", "title"),
                        "fields.find { it.field == 'title' }.before", is("First title"),
                        "fields.find { it.field == 'title' }.after", is("Second title"),
                        "markdown", contains(" line one", "-line two", "+line 2", " line three", "+line four"));

        String beforeRestore = etag(slug);
        editor().header("If-Match", beforeRestore).when().post("/api/posts/{slug}/revisions/{n}/restore", slug, 1)
                .then().statusCode(200).body("title", is("First title"), "markdown", is("line one\nline two\nline three"));
        editor().when().get("/api/posts/{slug}/revisions", slug).then()
                .body("number", contains(3, 2, 1), "action", contains("restore", "update", "create"));
        // a restore based on a version that is no longer current is refused, and nothing is written
        editor().header("If-Match", beforeRestore).when().post("/api/posts/{slug}/revisions/{n}/restore", slug, 2)
                .then().statusCode(412).contentType("application/problem+json").body("violations.field", hasItem("If-Match"));
        editor().when().get("/api/posts/{slug}/revisions", slug).then().body("number", contains(3, 2, 1));

        given().when().get("/api/posts/{slug}/revisions", slug).then().statusCode(401).contentType("application/problem+json");
        editor().when().get("/api/posts/{slug}/revisions/{n}", slug, 99).then().statusCode(404).contentType("application/problem+json");
        editor().queryParam("from", "one").queryParam("to", 2).when().get("/api/posts/{slug}/revisions/diff", slug)
                .then().statusCode(400).body("violations.field", hasItem("from"));
        editor().when().post("/api/posts/{slug}/revisions/{n}/restore", slug, 1).then().statusCode(428);
    }

    @Test
    void theTrashPurgeDeletesWhatWaitedLongerThanTheRetentionAndLeavesCachesAloneOtherwise() throws SQLException {
        String old = createPublished(unique("purged"), "2024-01-01T00:00:00Z", List.of(), List.of());
        editor().header("If-Match", etag(old)).when().delete("/api/posts/{slug}", old).then().statusCode(204);
        postService.purgeTrash(); // whatever an earlier test left
        String list = given().when().get("/api/posts").then().statusCode(200).extract().header("ETag");
        assertThat(postService.purgeTrash()).as("nothing older than the retention").isZero();
        given().header("If-None-Match", list).when().get("/api/posts").then().statusCode(304);
        editor().queryParam("size", 100).when().get("/api/trash").then().body("items.slug", hasItem(old));

        try (Connection connection = dataSource.getConnection();
             PreparedStatement aged = connection.prepareStatement("update post set deleted_at = now() - interval '400 days' where slug = ?")) {
            aged.setString(1, old);
            assertThat(aged.executeUpdate()).isEqualTo(1);
        }
        assertThat(postService.purgeTrash()).isEqualTo(1);
        editor().queryParam("size", 100).when().get("/api/trash").then().body("items.slug", not(hasItem(old)));
    }

    @Test
    void deletedPostsGoToTheTrashAndComeBack() {
        String slug = createPublished(unique("trash"), "2024-01-01T00:00:00Z", List.of(), List.of());
        editor().header("If-Match", etag(slug)).when().delete("/api/posts/{slug}", slug).then().statusCode(204);
        given().when().get("/api/posts/{slug}", slug).then().statusCode(404);
        editor().when().get("/api/posts/{slug}", slug).then().statusCode(404);
        editor().queryParam("size", 100).when().get("/api/trash").then().statusCode(200)
                .body("items.slug", hasItem(slug), "items.find { it.slug == '" + slug + "' }.deletedBy", is("admin"));
        // the slug stays taken while the post is in the trash
        Map<String, Object> clash = post("Clash", "x");
        clash.put("slug", slug);
        create(clash).statusCode(409);

        editor().header("If-Match", "*").when().post("/api/trash/{slug}/restore", slug).then().statusCode(200)
                .body("slug", is(slug), "status", is("published"));
        given().when().get("/api/posts/{slug}", slug).then().statusCode(200);
        editor().header("If-Match", "*").when().post("/api/trash/{slug}/restore", slug)
                .then().statusCode(404).contentType("application/problem+json");
        editor().when().get("/api/posts/{slug}/revisions", slug).then()
                .body("action", hasItems("create", "trash", "untrash"));
        given().when().get("/api/trash").then().statusCode(401);
    }

    @Test
    void restoringFromTheTrashFollowsTheIfMatchRule() {
        String slug = createPublished(unique("untrash"), "2024-01-01T00:00:00Z", List.of(), List.of());
        String beforeDelete = etag(slug);
        editor().header("If-Match", beforeDelete).when().delete("/api/posts/{slug}", slug).then().statusCode(204);
        String trashed = editor().queryParam("size", 100).when().get("/api/trash").then().statusCode(200)
                .extract().path("items.find { it.slug == '" + slug + "' }.etag");
        assertThat(trashed).isNotNull().isNotEqualTo(beforeDelete);

        editor().when().post("/api/trash/{slug}/restore", slug)
                .then().statusCode(428).contentType("application/problem+json")
                .body("status", is(428), "title", is("Precondition Required"), "violations.field", hasItem("If-Match"));
        editor().header("If-Match", beforeDelete).when().post("/api/trash/{slug}/restore", slug)
                .then().statusCode(412).contentType("application/problem+json")
                .body("status", is(412), "violations.field", hasItem("If-Match"), "detail", containsString(trashed));
        // neither refusal restored anything
        given().when().get("/api/posts/{slug}", slug).then().statusCode(404);
        editor().queryParam("size", 100).when().get("/api/trash").then().statusCode(200).body("items.slug", hasItem(slug));

        String restored = editor().header("If-Match", trashed).when().post("/api/trash/{slug}/restore", slug)
                .then().statusCode(200).contentType(ContentType.JSON).body("slug", is(slug), "status", is("published"))
                .extract().header("ETag");
        assertThat(restored).isEqualTo(etag(slug)).isNotEqualTo(trashed);
        editor().queryParam("size", 100).when().get("/api/trash").then().statusCode(200).body("items.slug", not(hasItem(slug)));
    }

    @Test
    void ifMatchStarAndCurrentEtagBothPass() {
        String slug = createPublished(unique("star"), "2024-01-01T00:00:00Z", List.of(), List.of());
        editor().contentType(ContentType.JSON).header("If-Match", etag(slug)).body(post("With etag", "x"))
                .when().put("/api/posts/{slug}", slug).then().statusCode(200).header("ETag", containsString("."));
        editor().contentType(ContentType.JSON).header("If-Match", "*").body(post("With star", "x"))
                .when().put("/api/posts/{slug}", slug).then().statusCode(200).body("title", is("With star"));
    }
}
