package dev.slugline.importing;

import dev.slugline.testing.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.slugline.testing.Fixtures.editor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * One import at a time ({@code slugline.importing.max-concurrent=1}): a second one while the first runs waits
 * {@code permit-wait}, then gets a 429 with {@code Retry-After} and writes nothing; the permit comes back however
 * an import ends.
 */
@QuarkusTest
@TestProfile(ConcurrentImportsTest.OneAtATime.class)
class ConcurrentImportsTest {

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slugline.importing.max-concurrent", "1", "slugline.importing.permit-wait", "PT0.2S",
                    "slugline.importing.retry-after", "7");
        }
    }

    @Inject
    ImportPermits permits;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static byte[] site(String slug) {
        return Archives.zip(Archives.files(
                "content/posts/" + slug + ".md", "---\ntitle: Busy " + slug + "\n---\nBody\n",
                "static/" + slug + "/cover.png", Archives.uniquePng()));
    }

    @Test
    void aSecondConcurrentImportIs429WithRetryAfterAndWritesNothing() throws Exception {
        String slug = "busy-" + UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        // the first import holds the one permit (the same path an HTTP import takes) until told to finish
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> permits.call(() -> {
            running.countDown();
            try {
                finish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1;
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        editor().contentType("application/zip").body(site(slug)).when().post("/api/imports")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", is("7"))
                .body("status", is(429), "title", is("Too Many Requests"),
                        "detail", containsString("slugline.importing.max-concurrent"));
        editor().contentType("multipart/form-data")
                .multiPart("files", "content/posts/" + slug + "-multi.md", "---\ntitle: Multi\n---\nx\n".getBytes())
                .when().post("/api/imports")
                .then().statusCode(429).header("Retry-After", is("7"));
        given().when().get("/api/posts/{slug}", slug).then().statusCode(404);
        given().when().get("/api/posts/{slug}", slug + "-multi").then().statusCode(404);
        given().when().get("/api/media/static/" + slug + "/cover.png").then().statusCode(404);

        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        editor().contentType("application/zip").body(site(slug)).when().post("/api/imports")
                .then().statusCode(200).body("created", is(2));
        given().when().get("/api/posts/{slug}", slug).then().statusCode(200).body("title", is("Busy " + slug));
        assertThat(permits.available()).isEqualTo(1);
    }

    @Test
    void aRefusedOrFailedImportGivesItsPermitBack() {
        editor().contentType("application/zip").body("no archive at all".getBytes()).when().post("/api/imports")
                .then().statusCode(422).contentType("application/problem+json");
        assertThat(permits.available()).isEqualTo(1);
        String slug = "after-" + UUID.randomUUID().toString().substring(0, 8);
        editor().contentType("application/zip").body(site(slug)).when().post("/api/imports")
                .then().statusCode(200).body("created", is(2));
        assertThat(permits.available()).isEqualTo(1);
    }

    @Test
    void anImportWaitsForARunningOneThatEndsWithinTheWait() throws Exception {
        String slug = "waits-" + UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> permits.call(() -> {
            running.countDown();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1;
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        editor().contentType("application/zip").body(site(slug)).when().post("/api/imports")
                .then().statusCode(200).body("created", is(2));
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }
}
