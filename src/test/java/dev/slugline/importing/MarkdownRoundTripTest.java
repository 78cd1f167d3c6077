package dev.slugline.importing;

import dev.slugline.testing.Archives;
import dev.slugline.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * Issue 13, item 8: every post an editor can read as JSON (draft, scheduled, published, expired) exports as
 * Markdown, and importing that file again gives the same post: instant and offset, status, taxonomy, front matter.
 * The test database is shared, so the copy is imported under its own slug and compared field by field.
 */
@QuarkusTest
class MarkdownRoundTripTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @ParameterizedTest
    @ValueSource(strings = {"draft", "scheduled", "published", "expired"})
    void everyStatusExportsAndComesBackTheSame(String status) {
        String slug = Fixtures.unique("round-trip-" + status);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHoursMinutes(5, 30)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> post = Fixtures.post("Round trip: " + status + " \"quoted\" 🚀", "Body of *" + slug + "*\n\nSecond paragraph.");
        post.put("slug", slug);
        post.put("summary", "A summary: with a colon");
        post.put("categories", List.of("Round Trips"));
        post.put("tags", List.of("export", "YAML & Markdown"));
        Map<String, Object> frontMatter = new LinkedHashMap<>();
        frontMatter.put("author", "Ada");
        frontMatter.put("weight", 3);
        frontMatter.put("params", Map.of("mood", "calm", "list", List.of(1, 2)));
        post.put("frontMatter", frontMatter);
        switch (status) {
            case "draft" -> {
                post.put("status", "draft");
                post.put("publishedAt", now.minusDays(3).withOffsetSameInstant(ZoneOffset.ofHours(-7)).toString());
            }
            case "scheduled" -> {
                post.put("status", "scheduled");
                post.put("publishedAt", now.plusDays(30).toString());
            }
            case "published" -> post.put("publishedAt", now.minusDays(10).withOffsetSameInstant(ZoneOffset.ofHours(9)).toString());
            default -> {
                post.put("publishedAt", now.minusDays(20).toString());
                post.put("expiresAt", now.minusDays(1).withOffsetSameInstant(ZoneOffset.ofHours(-3)).toString());
            }
        }
        // an expired post is published with an expiry date in the past: its status reads published
        String shown = status.equals("expired") ? "published" : status;
        Fixtures.create(post).statusCode(201).body("status", is(shown));

        String markdown = Fixtures.editor().accept("text/markdown").when().get("/api/posts/{slug}", slug).then()
                .statusCode(200).contentType(startsWith("text/markdown")).header("Cache-Control", is("private, no-store"))
                .extract().asString();
        if (!status.equals("published")) {
            given().accept("text/markdown").when().get("/api/posts/{slug}", slug).then().statusCode(404);
        }

        String copy = slug + "-copy";
        assertThat(markdown).containsPattern("(?m)^slug: \"?" + slug + "\"?$");
        String file = markdown.replaceFirst("(?m)^slug: \"?" + slug + "\"?$", "slug: " + copy);
        Fixtures.editor().contentType("application/zip")
                .body(Archives.zip(Archives.files("content/posts/" + copy + ".md", file))).when().post("/api/imports")
                .then().statusCode(200).body("created", is(1), "failed", is(0));

        JsonPath original = Fixtures.editor().when().get("/api/posts/{slug}", slug).then().statusCode(200).extract().jsonPath();
        JsonPath imported = Fixtures.editor().when().get("/api/posts/{slug}", copy).then().statusCode(200).extract().jsonPath();
        assertThat(imported.getString("slug")).isEqualTo(copy);
        for (String field : List.of("title", "status", "publishedAt", "expiresAt", "summary", "markdown", "html",
                "categories", "tags", "frontMatter", "wordCount", "readingMinutes")) {
            assertThat((Object) imported.get(field)).as(status + ": " + field).isEqualTo(original.get(field));
        }
        assertThat(original.getString("status")).isEqualTo(shown);
        assertThat(OffsetDateTime.parse(original.getString("publishedAt")))
                .as("instant and offset as written").isEqualTo(OffsetDateTime.parse((String) post.get("publishedAt")));
    }
}
