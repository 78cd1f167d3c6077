package dev.slugline.taxonomy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.slugline.testing.Fixtures.create;
import static dev.slugline.testing.Fixtures.createPublished;
import static dev.slugline.testing.Fixtures.post;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

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

        List<Map<String, Object>> tags = given().queryParam("size", 100).when().get("/api/tags")
                .then().statusCode(200)
                .header("X-Total-Count", notNullValue())
                .extract().path("items");
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

        List<Map<String, Object>> categories = given().queryParam("size", 100).when().get("/api/categories")
                .then().statusCode(200).extract().path("items");
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
}
