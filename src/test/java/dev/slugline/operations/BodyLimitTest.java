package dev.slugline.operations;

import dev.slugline.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.slugline.testing.Fixtures.editor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * The request body limit ({@code quarkus.http.limits.max-body-size}, 100M by default so that site archives can
 * arrive) answers 413 problem+json. A 1M limit here keeps the test's request small.
 */
@QuarkusTest
@TestProfile(BodyLimitTest.SmallBodies.class)
class BodyLimitTest {

    public static class SmallBodies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "1M");
        }
    }

    @Test
    void aBodyOverTheLimitIs413ProblemAndNothingIsWritten() {
        String slug = Fixtures.unique("too-large");
        String markdown = "x".repeat(1024 * 1024 + 1);
        editor().contentType(ContentType.JSON)
                .body(Map.of("title", "Too large", "slug", slug, "markdown", markdown))
                .when().post("/api/posts")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", is(413), "title", is("Request Entity Too Large"),
                        "violations.field", hasItem("body"));
        given().when().get("/api/posts/{slug}", slug).then().statusCode(404);
    }
}
