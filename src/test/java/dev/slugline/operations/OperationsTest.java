package dev.slugline.operations;

import dev.slugline.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Request ids, security headers, body limits, health and metrics of a running instance. */
@QuarkusTest
class OperationsTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void everyResponseCarriesAGeneratedRequestId() {
        String first = given().when().get("/api/posts").then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID)).extract().header("X-Request-Id");
        String second = given().when().get("/q/health/live").then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID)).extract().header("X-Request-Id");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aSaneIncomingRequestIdIsEchoed() {
        given().header("X-Request-Id", "lb-7f3a.42:1").when().get("/api/posts/{slug}", "no-such-post-7")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Request-Id", is("lb-7f3a.42:1"));
    }

    @Test
    void everyRequestGetsOneAccessLogLineWithItsId() throws InterruptedException {
        String id = "log-" + java.util.UUID.randomUUID();
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler collect = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record instanceof org.jboss.logmanager.ExtLogRecord ext) {
                    lines.add(ext.getFormattedMessage() + " mdc=" + ext.getMdc("requestId"));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger access = java.util.logging.Logger.getLogger("dev.slugline.access");
        access.addHandler(collect);
        try {
            given().header("X-Request-Id", id).when().get("/api/posts/{slug}", "no-such-post-logged").then().statusCode(404);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (lines.stream().noneMatch(line -> line.contains(id)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            access.removeHandler(collect);
        }
        assertThat(lines.stream().filter(line -> line.contains(id)).toList()).singleElement().asString()
                .matches("GET /api/posts/no-such-post-logged 404 \\d+\\.\\d{3}ms id=" + id + " mdc=" + id);
    }

    @Test
    void aPreviewTokenIsLeftOutOfTheAccessLog() {
        assertThat(RequestLog.withoutSecrets("/api/previews/s3cr3t-token?x=1")).isEqualTo("/api/previews/…?x=1");
        assertThat(RequestLog.withoutSecrets("/api/posts/previews/x")).isEqualTo("/api/posts/previews/x");
    }

    @Test
    void anInsaneIncomingRequestIdIsReplaced() {
        given().header("X-Request-Id", "<script>alert(1)</script>" + "x".repeat(80)).when().get("/api/posts")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID));
    }

    @Test
    void apiResponsesHaveSecurityHeadersAndAStrictPolicy() {
        given().when().get("/api/posts").then().statusCode(200)
                .header("X-Content-Type-Options", is("nosniff"))
                .header("Referrer-Policy", is("no-referrer"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        given().when().get("/api/posts/{slug}", "no-such-post-7").then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Content-Type-Options", is("nosniff"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    @Test
    void swaggerUiIsNotBrokenByTheApiPolicy() {
        given().when().get("/q/swagger-ui/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("X-Content-Type-Options", is("nosniff"))
                .header("Content-Security-Policy", nullValue());
        given().when().get("/q/openapi").then().statusCode(200)
                .header("Content-Security-Policy", nullValue());
    }

    @Test
    void healthChecksIncludeTheDatabase() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"), "checks.name", hasItem("Database connections health check"));
    }

    @Test
    void metricsHaveRouteHistogramsPoolAndPublishedPosts() {
        String slug = Fixtures.createPublished(Fixtures.unique("metrics"), "2024-05-01T09:00:00+02:00",
                java.util.List.of("ops"), java.util.List.of());
        given().when().get("/api/posts/{slug}", slug).then().statusCode(200);
        given().when().get("/api/posts/{slug}", "no-such-post-7").then().statusCode(404);

        String metrics = given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("uri=\"/api/posts/{slug}\""))
                .body(containsString("status=\"404\""))
                .body(containsString("slugline_http_problems_total{status=\"404\""))
                .body(containsString("agroal_active_count"))
                .body(not(containsString("uri=\"/api/posts/" + slug + "\"")))
                .extract().asString();
        Matcher published = Pattern.compile("(?m)^slugline_posts_published(?:\\{[^}]*})? ([0-9.E+-]+)$").matcher(metrics);
        assertThat(published.find()).as("slugline_posts_published in %s", metrics.lines().filter(l -> l.contains("slugline")).toList()).isTrue();
        assertThat(Double.parseDouble(published.group(1))).isGreaterThanOrEqualTo(1.0);
        assertThat(Arrays.stream(metrics.split("\n")).filter(l -> l.startsWith("http_server_requests_seconds_bucket{")
                && l.contains("uri=\"/api/posts/{slug}\"")).count()).isGreaterThan(5);
    }

    @Test
    void importsAreCountedByOutcome() {
        String run = Fixtures.unique("metered");
        byte[] zip = dev.slugline.testing.Archives.zip(dev.slugline.testing.Archives.files(
                "content/posts/" + run + ".md", "---\ntitle: Metered " + run + "\n---\nBody\n",
                "content/posts/" + run + "-bad.md", "---\ntitle: [not, a, title]\n---\nBody\n"));
        double createdBefore = importFiles("created");
        double failedBefore = importFiles("failed");
        Fixtures.editor().contentType("application/zip").body(zip).when().post("/api/imports").then().statusCode(200);
        assertThat(importFiles("created")).isEqualTo(createdBefore + 1);
        assertThat(importFiles("failed")).isEqualTo(failedBefore + 1);
    }

    /** {@code slugline_import_files_total} for one outcome, 0 before the first import. */
    private static double importFiles(String outcome) {
        String metrics = given().accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher counter = Pattern.compile("(?m)^slugline_import_files_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} ([0-9.E+-]+)$")
                .matcher(metrics);
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }
}
