package dev.slugline.operations;

import dev.slugline.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
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

        long back = System.nanoTime();
        int status = 0;
        while (System.nanoTime() - back < 20_000_000_000L) {
            Response response = given().when().get("/api/posts/{slug}", slug);
            status = response.statusCode();
            if (status == 200) {
                break;
            }
            sleep();
        }
        assertThat(status).as("status after PostgreSQL came back").isEqualTo(200);
        given().when().get("/api/posts/{slug}", slug).then().statusCode(200).body("slug", is(slug));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        Fixtures.createPublished(Fixtures.unique("after-outage"), "2024-05-02T09:00:00+02:00", List.of(), List.of());
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
