package dev.slugline.posts;

import dev.slugline.testing.Archives;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.slugline.testing.Fixtures.create;
import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.post;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** Imports take post ids from post_seq themselves (BulkSql.newIds); they never meet the ids Hibernate hands out. */
@QuarkusTest
class ImportedIdsTest {

    @Inject
    PostRepository posts;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    @TestTransaction
    void bulkIdsAndPersistedIdsNeverCollide() {
        Post first = new Post();
        posts.persist(first); // Hibernate's pooled-lo block: this id and the 49 after it are Hibernate's
        Long[] bulk = posts.newIds(120);
        Post second = new Post();
        posts.persist(second);

        assertThat(bulk).hasSize(120).doesNotHaveDuplicates().doesNotContain(first.id, second.id);
        assertThat(second.id).isEqualTo(first.id + 1);
        for (Long id : bulk) {
            assertThat(id < first.id || id > first.id + 49).as("id %d outside Hibernate's block from %d", id, first.id).isTrue();
        }
        // three blocks of 50 consecutive ids, as the sequence allocates them
        for (int i = 0; i < bulk.length; i++) {
            assertThat(bulk[i]).isEqualTo(bulk[i - i % 50] + i % 50);
        }
        posts.getEntityManager().clear(); // nothing of this is written
    }

    @Test
    void postsCreatedByTheApiAndByImportsInTurnAllLive() {
        String run = unique("ids");
        List<String> slugs = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            String created = run + "-api-" + round;
            Map<String, Object> body = post("Api " + created, "Written through the API.");
            body.put("slug", created);
            create(body).statusCode(201);
            slugs.add(created);

            Map<String, byte[]> files = new LinkedHashMap<>();
            for (int i = 0; i < 60; i++) {
                String slug = run + "-import-" + round + "-" + i;
                files.put("content/posts/" + slug + ".md", ("---\ntitle: Imported " + slug + "\n---\nBody.\n").getBytes());
                slugs.add(slug);
            }
            editor().contentType("application/zip").body(Archives.zip(files)).when().post("/api/imports")
                    .then().statusCode(200).body("created", is(60), "failed", is(0));
        }
        Set<String> seen = new HashSet<>();
        for (String slug : slugs) {
            seen.add(given().get("/api/posts/{slug}", slug).then().statusCode(200).extract().path("slug"));
        }
        assertThat(seen).hasSize(3 + 180);
    }
}
