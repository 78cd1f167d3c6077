package dev.slugline.search;

import dev.slugline.testing.Archives;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.etag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

/**
 * Imports leave search vectors to {@link SearchIndexer} (V71__defer_post_search_vector.sql); search finds a post
 * whose vector is still missing all the same. Scheduled jobs are off here, so only the test runs the indexer
 * (besides the one run an import starts, which {@code indexPending} waits for).
 */
@QuarkusTest
@TestProfile(StatementCountTest.NoBackgroundJobs.class)
class SearchIndexerTest {

    @Inject
    SearchIndexer indexer;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Letters only, so that both text search configurations keep it as one word. */
    private static String word() {
        return "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    @Test
    void aPostWaitingForItsVectorIsFoundAndTheIndexerFillsItIn() throws SQLException {
        String title = word();
        String body = word();
        String slug = "indexed-" + title;
        editor().contentType("application/zip").body(Archives.zip(Archives.files("posts/" + slug + ".md",
                        "---\ntitle: About " + title + "\ndate: 2024-01-01T00:00:00Z\n---\nThe body says " + body + ".\n")))
                .when().post("/api/imports").then().statusCode(200).body("created", is(1));
        indexer.indexPending();
        assertThat(hasVector(slug)).isTrue();
        searchFinds(body, slug);

        // as an import leaves it: no vector yet; found all the same, by title first
        execute("update post set search_vector = null where slug = ?", slug);
        assertThat(hasVector(slug)).isFalse();
        searchFinds(body, slug);
        given().queryParam("q", title).when().get("/api/posts").then().statusCode(200)
                .body("items.slug", contains(slug), "items[0].rank", greaterThan(0f));

        assertThat(indexer.indexPending()).isGreaterThanOrEqualTo(1);
        assertThat(hasVector(slug)).isTrue();
        searchFinds(body, slug);
    }

    @Test
    void anyOtherWriteComputesTheVectorAtOnce() throws SQLException {
        String first = word();
        String second = word();
        String slug = "written-" + first;
        Map<String, Object> post = dev.slugline.testing.Fixtures.post("Written through the API", "Body " + first);
        post.put("slug", slug);
        post.put("publishedAt", "2024-01-01T00:00:00Z");
        editor().contentType(ContentType.JSON).body(post).when().post("/api/posts").then().statusCode(201);
        assertThat(hasVector(slug)).isTrue();
        searchFinds(first, slug);

        post.put("markdown", "Body " + second);
        editor().contentType(ContentType.JSON).header("If-Match", etag(slug)).body(post)
                .when().put("/api/posts/{slug}", slug).then().statusCode(200);
        assertThat(hasVector(slug)).isTrue();
        searchFinds(second, slug);
        given().queryParam("q", first).when().get("/api/posts").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void moreThanOneTransactionOfPendingPostsIsIndexedInOneRunAndEachIsFound() throws SQLException {
        String run = word();
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        List<String> words = new java.util.ArrayList<>();
        for (int i = 0; i < 450; i++) { // more than two transactions of 200
            String body = word();
            words.add(body);
            files.put("posts/many-" + run + "-" + i + ".md",
                    ("---\ntitle: Many " + i + "\ndate: 2024-01-01T00:00:00Z\n---\nSays " + body + ".\n").getBytes(StandardCharsets.UTF_8));
        }
        editor().contentType("application/zip").body(Archives.zip(files)).when().post("/api/imports")
                .then().statusCode(200).body("created", is(450));
        indexer.indexPending(); // waits for the run the import started, if it is still at it

        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from post where slug like ? and search_vector is null")) {
            query.setString(1, "many-" + run + "-%");
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).isZero();
            }
        }
        searchFinds(words.get(0), "many-" + run + "-0");
        searchFinds(words.get(449), "many-" + run + "-449");
    }

    @Test
    void anIndexerWithNothingToDoChangesNothingReadersSee() {
        indexer.indexPending();
        String etag = given().get("/api/posts").then().statusCode(200).extract().header("ETag");
        assertThat(indexer.indexPending()).isZero();
        given().header("If-None-Match", etag).get("/api/posts").then().statusCode(304);
    }

    @Test
    void fillingInAVectorChangesNothingReadersSeeSoCachedAnswersStay() throws SQLException {
        String body = word();
        String slug = "kept-" + body;
        editor().contentType("application/zip").body(Archives.zip(Archives.files("posts/" + slug + ".md",
                        "---\ntitle: Kept\ndate: 2024-01-01T00:00:00Z\n---\nThe body says " + body + ".\n")))
                .when().post("/api/imports").then().statusCode(200).body("created", is(1));
        indexer.indexPending();
        execute("update post set search_vector = null where slug = ?", slug); // as an import leaves it
        String list = given().get("/api/posts").then().statusCode(200).extract().header("ETag");
        String search = given().queryParam("q", body).get("/api/posts").then().statusCode(200)
                .body("items.slug", contains(slug)).extract().header("ETag");

        assertThat(indexer.indexPending()).isGreaterThanOrEqualTo(1);
        assertThat(hasVector(slug)).isTrue();
        given().header("If-None-Match", list).get("/api/posts").then().statusCode(304);
        given().header("If-None-Match", search).queryParam("q", body).get("/api/posts").then().statusCode(304);
        searchFinds(body, slug);
    }

    private static void searchFinds(String word, String slug) {
        given().queryParam("q", word).when().get("/api/posts").then().statusCode(200)
                .body("items.slug", contains(slug));
    }

    private boolean hasVector(String slug) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select search_vector is not null from post where slug = ?")) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as(slug).isTrue();
                return row.getBoolean(1);
            }
        }
    }

    private void execute(String sql, String slug) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, slug);
            statement.executeUpdate();
        }
    }
}
