package dev.slugline.taxonomy;

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
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class TaxonomyResourceTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Map<String, Object> term(List<Map<String, Object>> items, String slug) {
        return items.stream().filter(t -> slug.equals(t.get("slug"))).findFirst().orElse(null);
    }

    @Test
    void tagsCountOnlyPublishedPosts() {
        String tag = unique("counted");
        createPublished(unique("a"), "2024-01-01T00:00:00Z", List.of(tag), List.of());
        createPublished(unique("b"), "2024-01-02T00:00:00Z", List.of(tag.toUpperCase()), List.of());
        Map<String, Object> draft = post(unique("Draft"), "x");
        draft.put("status", "draft");
        draft.put("tags", List.of(tag));
        create(draft).statusCode(201);

        given().when().get("/api/tags").then().statusCode(200).header("X-Total-Count", notNullValue());
        List<Map<String, Object>> tags = dev.slugline.testing.Fixtures.allItems(RestAssured::given, "/api/tags");
        Map<String, Object> counted = term(tags, tag);
        org.assertj.core.api.Assertions.assertThat(counted).containsEntry("name", tag).containsEntry("postCount", 2);
    }

    @Test
    void categoriesFromACommaListAreSplitAndTrimmed() {
        String a = unique("alpha");
        String b = unique("beta");
        Map<String, Object> body = post(unique("Comma"), "x");
        body.put("categories", List.of("  " + a + " ,  " + b + "  ,"));
        create(body).statusCode(201).body("categories.name", contains(a, b));

        List<Map<String, Object>> categories = dev.slugline.testing.Fixtures.allItems(RestAssured::given, "/api/categories");
        org.assertj.core.api.Assertions.assertThat(term(categories, a)).containsEntry("postCount", 1);
        org.assertj.core.api.Assertions.assertThat(term(categories, b)).containsEntry("name", b);
    }

    @Test
    void termNamesWithoutLettersAre400() {
        Map<String, Object> body = post(unique("Emoji tag"), "x");
        body.put("tags", List.of("fine", "🎉"));
        create(body).statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("tags[1]"));
    }

    @Test
    void pageSizeOutOfRangeIs400() {
        given().queryParam("size", 1000).when().get("/api/tags")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", contains("size"));
        given().queryParam("page", -1).when().get("/api/categories")
                .then().statusCode(400).body("violations.field", contains("page"), "status", is(400));
    }

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void anEditorDescribesATagWithTheETagOfItsPage() {
        String tag = unique("described");
        String slug = createPublished(unique("d"), "2024-02-01T00:00:00Z", List.of(tag), List.of());
        String etag = given().when().get("/api/tags/{slug}", tag).then().statusCode(200)
                .body("description", nullValue()).extract().header("ETag");

        String changed = editor().contentType(MERGE_PATCH).header("If-Match", etag)
                .body(Map.of("description", "  Everything about " + tag + "  ", "name", "Described"))
                .when().patch("/api/tags/{slug}", tag)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("slug", is(tag), "name", is("Described"), "description", is("Everything about " + tag), "postCount", is(1))
                .extract().header("ETag");
        assertThat(changed).isNotNull().isNotEqualTo(etag);
        given().when().get("/api/tags/{slug}", tag).then().statusCode(200).header("ETag", is(changed))
                .body("name", is("Described"), "description", is("Everything about " + tag));
        given().when().get("/api/posts/{slug}", slug).then().statusCode(200).body("tags[0].name", is("Described"));

        // the ETag read before the change is stale now: refused, nothing written
        editor().contentType(MERGE_PATCH).header("If-Match", etag).body(Map.of("description", "Lost update"))
                .when().patch("/api/tags/{slug}", tag)
                .then().statusCode(412).contentType("application/problem+json").body("detail", containsString(changed));
        // null removes the description; the name stays
        editor().contentType(MERGE_PATCH).header("If-Match", "*").body("{\"description\": null}")
                .when().patch("/api/tags/{slug}", tag)
                .then().statusCode(200).body("name", is("Described"), "description", nullValue());
    }

    @Test
    void aPostWrittenAfterItsTagWasRenamedKeepsTheTag() {
        String tag = unique("renamed");
        String slug = createPublished(unique("r"), "2024-02-02T00:00:00Z", List.of(tag), List.of());
        editor().contentType(MERGE_PATCH).header("If-Match", "*").body(Map.of("name", "Kubernetes " + tag))
                .when().patch("/api/tags/{slug}", tag).then().statusCode(200);
        // the post's tags are names in a write: the renamed name is the same tag, not a new one
        editor().contentType(MERGE_PATCH).header("If-Match", editor().get("/api/posts/{slug}", slug).header("ETag"))
                .body(Map.of("title", "Retitled")).when().patch("/api/posts/{slug}", slug)
                .then().statusCode(200).body("tags.slug", contains(tag)).body("tags.name", contains("Kubernetes " + tag));
        given().when().get("/api/tags/{slug}", tag).then().statusCode(200).body("postCount", is(1));
    }

    @Test
    void aCategoryIsDescribedTheSameWay() {
        String category = unique("cat-described");
        createPublished(unique("c"), "2024-02-02T00:00:00Z", List.of(), List.of(category));
        String etag = given().when().get("/api/categories/{slug}", category).then().statusCode(200).extract().header("ETag");
        editor().contentType(MERGE_PATCH).header("If-Match", etag).body(Map.of("description", "About " + category))
                .when().patch("/api/categories/{slug}", category)
                .then().statusCode(200).body("description", is("About " + category), "postCount", is(1));
        given().when().get("/api/categories/{slug}", category).then().statusCode(200).body("description", is("About " + category));
    }

    @Test
    void badTermChangesAreRefusedAndChangeNothing() {
        String tag = unique("refused");
        createPublished(unique("r"), "2024-02-03T00:00:00Z", List.of(tag), List.of());
        String path = "/api/tags/{slug}";
        Map<String, Object> cases = new java.util.LinkedHashMap<>();
        cases.put("slug", Map.of("slug", "other"));
        cases.put("name", Map.of("name", "   "));
        cases.put("description", Map.of("description", "x".repeat(2_001)));
        cases.put("body", "[1, 2]");
        for (Map.Entry<String, Object> bad : cases.entrySet()) {
            editor().contentType(MERGE_PATCH).header("If-Match", "*").body(bad.getValue())
                    .when().patch(path, tag)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", is(bad.getKey()));
        }
        editor().contentType(MERGE_PATCH).header("If-Match", "*").body("{\"description\": ")
                .when().patch(path, tag).then().statusCode(400).contentType("application/problem+json");
        editor().contentType(MERGE_PATCH).header("If-Match", "*").body("{\"name\": 42}")
                .when().patch(path, tag).then().statusCode(400).body("violations[0].field", is("name"));
        editor().contentType(MERGE_PATCH).body(Map.of("description", "No If-Match"))
                .when().patch(path, tag).then().statusCode(428).contentType("application/problem+json");
        given().contentType(MERGE_PATCH).header("If-Match", "*").body(Map.of("description", "Anonymous"))
                .when().patch(path, tag).then().statusCode(401);
        editor().contentType(MERGE_PATCH).header("If-Match", "*").body(Map.of("description", "Nobody"))
                .when().patch(path, "no-such-" + tag).then().statusCode(404).contentType("application/problem+json");

        given().when().get(path, tag).then().statusCode(200).body("name", is(tag), "description", nullValue());
    }
}
