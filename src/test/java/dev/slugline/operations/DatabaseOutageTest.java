package dev.slugline.operations;

import dev.slugline.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * PostgreSQL goes away under a running instance and comes back: requests get a fast 503 problem and readiness
 * turns down meanwhile; afterwards the same instance serves again without a restart of its own.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnPostgres.class)
class DatabaseOutageTest {

    /** Injected by {@link OwnPostgresResource#inject}. */
    OwnPostgresResource database;

    public static class OwnPostgres implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OwnPostgresResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "2S",
                    "quarkus.datasource.jdbc.login-timeout", "2S");
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void outageIsA503ProblemAndRecoveryNeedsNoRestart() {
        assertThat(database).as("the test's own PostgreSQL").isNotNull();
        String slug = Fixtures.createPublished(Fixtures.unique("outage"), "2024-05-01T09:00:00+02:00",
                List.of("ops"), List.of());
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));

        database.stop();
        try {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                given().when().get("/api/posts/{slug}", slug).then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", is("5"))
                        .body("status", is(503), "title", is("Service Unavailable"),
                                "instance", is("/api/posts/" + slug));
                assertThat((System.nanoTime() - start) / 1_000_000).as("ms until the 503").isLessThan(4_000);
            }
            Map<String, Object> write = Fixtures.post("During the outage", "Nothing may be written");
            write.put("slug", Fixtures.unique("outage-write"));
            long writeStart = System.nanoTime();
            Fixtures.create(write).statusCode(503).contentType("application/problem+json");
            assertThat((System.nanoTime() - writeStart) / 1_000_000)
                    .as("ms until a write's 503: at once, not after the pool's 2 s acquisition timeout").isLessThan(1_500);
            given().when().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"));
            given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        } finally {
            database.startAgain();
        }

        // Readiness alone is watched (no API request wakes anything): once it says UP, every request is served.
        long back = System.nanoTime();
        int ready = 0;
        while (System.nanoTime() - back < 20_000_000_000L) {
            ready = given().when().get("/q/health/ready").statusCode();
            if (ready == 200) {
                break;
            }
            sleep();
        }
        assertThat(ready).as("readiness after PostgreSQL came back").isEqualTo(200);
        Map<Integer, Integer> statuses = hammer(slug);
        assertThat(statuses).as("statuses of 200 requests right after readiness turned UP").containsOnlyKeys(200);
        given().when().get("/api/posts/{slug}", slug).then().statusCode(200).body("slug", is(slug));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        Fixtures.createPublished(Fixtures.unique("after-outage"), "2024-05-02T09:00:00+02:00", List.of(), List.of());
    }

    /** 200 reads of the post, the list and the HTML: the first 40 one by one, then 160 by 8 clients at once. */
    private static Map<Integer, Integer> hammer(String slug) {
        Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        List<String> paths = List.of("/api/posts/" + slug, "/api/posts", "/api/posts?tag=ops", "/api/posts/" + slug);
        for (int i = 0; i < 40; i++) {
            statuses.merge(given().when().get(paths.get(i % paths.size())).statusCode(), 1, Integer::sum);
        }
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 160; i++) {
                String path = paths.get(i % paths.size());
                answers.add(clients.submit(() -> given().when().get(path).statusCode()));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.merge(answer.get(30, java.util.concurrent.TimeUnit.SECONDS), 1, Integer::sum);
            }
        } catch (Exception e) {
            throw new AssertionError("a request did not answer", e);
        } finally {
            clients.shutdownNow();
        }
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
        return statuses;
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
