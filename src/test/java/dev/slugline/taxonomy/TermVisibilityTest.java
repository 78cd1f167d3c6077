package dev.slugline.taxonomy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.slugline.testing.Fixtures.allItems;
import static dev.slugline.testing.Fixtures.create;
import static dev.slugline.testing.Fixtures.createPublished;
import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.post;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** Issue 15: a term that only unpublished posts carry is not public: no list shows it, its page and feeds are 404. */
@QuarkusTest
class TermVisibilityTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aDraftsTagIsAbsentForReadersAndThereForEditors() {
        String secret = unique("secretzebra");
        String category = unique("secretcat");
        Map<String, Object> draft = post(unique("Draft"), "not yet");
        draft.put("status", "draft");
        draft.put("tags", List.of(secret));
        draft.put("categories", List.of(category));
        create(draft).statusCode(201);
        Map<String, Object> scheduled = post(unique("Later"), "soon");
        scheduled.put("publishedAt", "2999-01-01T00:00:00Z");
        scheduled.put("tags", List.of(secret));
        create(scheduled).statusCode(201);

        org.assertj.core.api.Assertions.assertThat(allItems(RestAssured::given, "/api/tags"))
                .extracting(t -> t.get("slug")).doesNotContain(secret);
        org.assertj.core.api.Assertions.assertThat(allItems(RestAssured::given, "/api/categories"))
                .extracting(t -> t.get("slug")).doesNotContain(category);
        String unknown = unique("neverexisted");
        for (String path : List.of("/api/tags/" + secret, "/api/categories/" + category, "/feeds/tags/" + secret + "/rss.xml",
                "/feeds/tags/" + secret + "/atom.xml", "/feeds/categories/" + category + "/feed.json",
                "/api/tags/" + unknown, "/feeds/tags/" + unknown + "/rss.xml")) {
            given().when().get(path).then().statusCode(404).contentType("application/problem+json");
        }

        editor().queryParam("visibility", "all").when().get("/api/tags")
                .then().statusCode(200).header("Cache-Control", "private, no-store");
        org.assertj.core.api.Assertions.assertThat(allItems(() -> editor().queryParam("visibility", "all"), "/api/tags"))
                .filteredOn(t -> secret.equals(t.get("slug"))).extracting(t -> t.get("postCount")).containsExactly(0);
        editor().queryParam("visibility", "all").when().get("/api/tags/" + secret)
                .then().statusCode(200).body("postCount", is(0));
        given().queryParam("visibility", "all").when().get("/api/tags").then().statusCode(401);
        given().queryParam("visibility", "secret").when().get("/api/tags")
                .then().statusCode(400).body("violations[0].field", is("visibility"));
    }

    @Test
    void aTagBecomesPublicWithItsFirstPublicPost() {
        String tag = unique("soonpublic");
        Map<String, Object> draft = post(unique("Draft"), "x");
        draft.put("status", "draft");
        draft.put("tags", List.of(tag));
        create(draft).statusCode(201);
        given().when().get("/api/tags/" + tag).then().statusCode(404);

        createPublished(unique("public"), "2024-01-01T00:00:00Z", List.of(tag), List.of());
        given().when().get("/api/tags/" + tag).then().statusCode(200).body("postCount", is(1));
        org.assertj.core.api.Assertions.assertThat(allItems(RestAssured::given, "/api/tags"))
                .extracting(t -> t.get("slug")).contains(tag);
        given().when().get("/feeds/tags/" + tag + "/rss.xml").then().statusCode(200);
    }
}
