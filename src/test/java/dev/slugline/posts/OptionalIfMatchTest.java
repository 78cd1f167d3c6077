package dev.slugline.posts;

import dev.slugline.testing.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.slugline.testing.Fixtures.createPublished;
import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.etag;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * {@code slugline.editing.require-if-match=false}: writes without {@code If-Match} go through (last writer wins, as
 * the operator chose), but an {@code If-Match} that was sent is still checked.
 */
@QuarkusTest
@TestProfile(OptionalIfMatchTest.IfMatchOptional.class)
class OptionalIfMatchTest {

    public static class IfMatchOptional implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slugline.editing.require-if-match", "false");
        }
    }

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void postWritesWithoutIfMatchGoThroughAndAStaleOneIsStillRefused() {
        String slug = createPublished(unique("optional-if-match"), "2024-05-01T10:00:00Z", List.of(), List.of());
        String before = etag(slug);
        editor().contentType(MERGE_PATCH).body(Map.of("title", "Patched without If-Match"))
                .when().patch("/api/posts/{slug}", slug)
                .then().statusCode(200).body("title", is("Patched without If-Match"));
        given().when().get("/api/posts/{slug}", slug).then().statusCode(200).body("title", is("Patched without If-Match"));

        editor().contentType(MERGE_PATCH).header("If-Match", before).body(Map.of("title", "Lost update"))
                .when().patch("/api/posts/{slug}", slug)
                .then().statusCode(412).contentType("application/problem+json");
        given().when().get("/api/posts/{slug}", slug).then().statusCode(200).body("title", is("Patched without If-Match"));

        editor().when().delete("/api/posts/{slug}", slug).then().statusCode(204);
        given().when().get("/api/posts/{slug}", slug).then().statusCode(404);
    }

    @Test
    void mediaReplacementsWithoutIfMatchGoThroughAndAStaleOneIsStillRefused() {
        String path = "images/" + unique("optional") + "/cover.png";
        String first = editor().contentType("image/png").body(Archives.uniquePng()).queryParam("path", path)
                .when().post("/api/media").then().statusCode(201).extract().header("ETag");
        byte[] replacement = Archives.uniquePng();
        editor().contentType("image/png").body(replacement).queryParam("path", path)
                .when().post("/api/media").then().statusCode(200).contentType(ContentType.JSON);
        assertThat(given().when().get("/api/media/" + path).then().statusCode(200)
                .extract().asByteArray()).isEqualTo(replacement);

        editor().contentType("image/png").body(Archives.uniquePng()).queryParam("path", path).header("If-Match", first)
                .when().post("/api/media")
                .then().statusCode(412).contentType("application/problem+json").body("detail", containsString("ETag"));
        assertThat(given().when().get("/api/media/" + path).then().statusCode(200)
                .extract().asByteArray()).isEqualTo(replacement);
    }
}
