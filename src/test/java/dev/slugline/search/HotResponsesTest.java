package dev.slugline.search;

import dev.slugline.common.http.HotResponses;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import static dev.slugline.testing.Fixtures.createPublished;
import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * Repeats of an anonymous read are answered from memory before REST: the same bytes and headers as the first
 * answer, never a version older than the last acknowledged write, and nothing for requests with credentials.
 */
@QuarkusTest
class HotResponsesTest {

    @Inject
    HotResponses hot;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aRepeatedReadIsTheSameAnswerWithItsOwnRequestId() {
        String tag = unique("hot");
        String slug = createPublished(unique("hot-post"), "2024-03-01T10:00:00+02:00", List.of(tag), List.of());
        for (String path : List.of("/api/posts/" + slug, "/api/posts?tag=" + tag, "/feeds/tags/" + tag + "/rss.xml")) {
            Response first = given().when().get(path);
            first.then().statusCode(200);
            int held = hot.size();
            Response second = given().when().get(path);
            second.then().statusCode(200);
            assertThat(hot.size()).as(path).isGreaterThanOrEqualTo(held);
            assertThat(second.asByteArray()).as(path).isEqualTo(first.asByteArray());
            // the held copy is sent again whole, however often it was sent before
            assertThat(given().when().get(path).asByteArray()).as(path).isEqualTo(first.asByteArray());
            for (String header : List.of("Content-Type", "ETag", "Last-Modified", "Cache-Control", "Vary",
                    "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")) {
                assertThat(second.headers().getValues(header)).as(path + " " + header)
                        .isEqualTo(first.headers().getValues(header));
            }
            assertThat(second.headers().getValues("X-Request-Id")).as(path).hasSize(1)
                    .isNotEqualTo(first.headers().getValues("X-Request-Id"));
            given().header("If-None-Match", first.header("ETag")).when().get(path)
                    .then().statusCode(304).header("ETag", is(first.header("ETag"))).body(is(""));
            given().header("If-None-Match", "\"other\", W/" + first.header("ETag")).when().get(path)
                    .then().statusCode(304);
            given().header("If-None-Match", "\"other\"").when().get(path).then().statusCode(200);
        }
    }

    @Test
    void theAnswerDependsOnAcceptAndCorsStaysPerOrigin() {
        String slug = createPublished(unique("hot-accept"), "2024-03-02T10:00:00Z", List.of(), List.of());
        for (int i = 0; i < 2; i++) {
            given().accept(ContentType.JSON).when().get("/api/posts/" + slug)
                    .then().statusCode(200).contentType(ContentType.JSON).body("slug", is(slug));
            given().accept(ContentType.HTML).when().get("/api/posts/" + slug)
                    .then().statusCode(200).contentType(ContentType.HTML);
            given().header("Origin", "http://localhost:3000").when().get("/api/posts/" + slug)
                    .then().statusCode(200).header("Access-Control-Allow-Origin", is("http://localhost:3000"));
            given().header("Origin", "https://elsewhere.example").when().get("/api/posts/" + slug)
                    .then().header("Access-Control-Allow-Origin", is((String) null));
        }
    }

    @Test
    void anAcknowledgedWriteIsSeenByTheVeryNextRead() {
        String tag = unique("hot-write");
        String slug = createPublished(unique("hot-w"), "2024-03-03T10:00:00Z", List.of(tag), List.of());
        for (int round = 0; round < 5; round++) {
            given().when().get("/api/posts/" + slug).then().statusCode(200);
            given().when().get("/api/posts?tag=" + tag).then().statusCode(200);
            String title = "Round " + round;
            editor().contentType(MERGE_PATCH).header("If-Match", "*").body(Map.of("title", title))
                    .when().patch("/api/posts/{slug}", slug).then().statusCode(200);
            given().when().get("/api/posts/" + slug).then().statusCode(200).body("title", is(title));
            given().when().get("/api/posts?tag=" + tag).then().statusCode(200).body("items.title", contains(title));
        }
    }

    @Test
    void aChangeCommittedElsewhereIsInTheVeryNextAnswer() throws Exception {
        String slug = createPublished(unique("hot-sql"), "2024-03-04T10:00:00Z", List.of(), List.of());
        for (int round = 0; round < 10; round++) {
            given().when().get("/api/posts/" + slug).then().statusCode(200);
            given().when().get("/api/posts/" + slug).then().statusCode(200);
            String title = "Changed in SQL " + round;
            // as another instance would: a commit on the shared database, nothing said to this instance
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement update = connection.prepareStatement(
                         "update post set title = ?, version = version + 1 where slug = ?")) {
                update.setString(1, title);
                update.setString(2, slug);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            given().when().get("/api/posts/" + slug).then().statusCode(200).body("title", is(title));
        }
    }

    @Test
    void readsWithCredentialsAreNeverAnsweredFromTheAnonymousCopy() {
        String slug = createPublished(unique("hot-auth"), "2024-03-05T10:00:00Z", List.of(), List.of());
        given().when().get("/api/posts/" + slug).then().statusCode(200).header("Cache-Control", is("public, max-age=60, stale-while-revalidate=300"));
        given().when().get("/api/posts/" + slug).then().statusCode(200);
        editor().when().get("/api/posts/" + slug).then().statusCode(200).header("Cache-Control", is("private, no-store"));
        given().auth().preemptive().basic("nobody-hot", "wrong-password").when().get("/api/posts/" + slug)
                .then().statusCode(401);
    }

    private static final String MERGE_PATCH = "application/merge-patch+json";
}
