package dev.slugline.importing;

import dev.slugline.testing.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.slugline.testing.Fixtures.editor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** Issue 13, item 6: a Hugo site's {@code taxonomies} say which front matter keys are its tags and categories. */
@QuarkusTest
class HugoTaxonomiesImportTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void configuredTaxonomyKeysFeedTagsAndCategories() {
        String run = "t" + UUID.randomUUID().toString().substring(0, 8);
        byte[] zip = Archives.zip(Archives.files(
                "hugo.toml", """
                        baseURL = "https://old.example.org/"
                        [taxonomies]
                          tag = "keywords"
                          category = "topics"
                          series = "series"
                        """,
                "content/posts/" + run + ".md", """
                        ---
                        title: Taxonomies %s
                        date: 2024-01-02T03:04:05Z
                        keywords: [Linkerd, mesh-%s]
                        topics: Releases %s
                        tags: [kept-%s]
                        series: [not-a-tag]
                        ---
                        Body.
                        """.formatted(run, run, run, run)));
        editor().contentType("application/zip").body(zip).when().post("/api/imports")
                .then().statusCode(200).body("failed", is(0));
        given().get("/api/posts/{slug}", run).then().statusCode(200)
                .body("tags.name", containsInAnyOrder("Linkerd", "mesh-" + run, "kept-" + run),
                        "categories.name", contains("Releases " + run),
                        "frontMatter.keywords", nullValue(),
                        "frontMatter.topics", nullValue(),
                        "frontMatter.series", contains("not-a-tag"));
    }
}
