package dev.slugline.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slugline.testing.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static dev.slugline.testing.Fixtures.editor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * The request body limit ({@code quarkus.http.limits.max-body-size}, 100M by default so that site archives can
 * arrive) answers 413 problem+json, for a body that declares its length and for a chunked one. A 1M limit here
 * keeps the test's requests small.
 */
@QuarkusTest
@TestProfile(BodyLimitTest.SmallBodies.class)
class BodyLimitTest {

    static final int LIMIT = 1024 * 1024;
    static final ObjectMapper JSON = new ObjectMapper();

    public static class SmallBodies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "1M");
        }
    }

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aBodyOverTheLimitIs413ProblemAndNothingIsWritten() {
        String slug = Fixtures.unique("too-large");
        String markdown = "x".repeat(LIMIT + 1);
        editor().contentType(ContentType.JSON)
                .body(Map.of("title", "Too large", "slug", slug, "markdown", markdown))
                .when().post("/api/posts")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", is(413), "title", is("Request Entity Too Large"),
                        "violations.field", hasItem("body"));
        given().when().get("/api/posts/{slug}", slug).then().statusCode(404);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413ProblemAndNothingIsWritten() throws Exception {
        String slug = Fixtures.unique("too-large-chunked");
        byte[] body = JSON.writeValueAsBytes(Map.of("title", "Too large", "slug", slug, "markdown", "x".repeat(LIMIT + 1)));

        HttpResponse<String> response = postChunked("api/posts", "application/json", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("title").asText()).isEqualTo("Request Entity Too Large");
        assertThat(problem.path("detail").asText()).isEqualTo("The request body is larger than the limit of " + LIMIT + " bytes");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/posts");
        assertThat(problem.path("violations").findValuesAsText("field")).containsExactly("body");
        given().when().get("/api/posts/{slug}", slug).then().statusCode(404);
    }

    @Test
    void aChunkedArchiveOverTheLimitIs413Problem() throws Exception {
        byte[] archive = new byte[LIMIT + 4096];
        new java.util.Random(7).nextBytes(archive);

        HttpResponse<String> response = postChunked("api/imports", "application/zip", archive);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("violations").findValuesAsText("field")).containsExactly("body");
    }

    @Test
    void aChunkedMultipartUploadOverTheLimitIs413Problem() throws Exception {
        String boundary = "slugline-boundary-7";
        byte[] file = "x".repeat(LIMIT + 4096).getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"posts/big.md\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = postChunked("api/imports", "multipart/form-data; boundary=" + boundary, body.toByteArray());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("violations").findValuesAsText("field")).as(response.body()).containsExactly("body");
    }

    @Test
    void aChunkedBodyUnderTheLimitIsReadWhole() throws Exception {
        String slug = Fixtures.unique("chunked");
        String markdown = "word ".repeat(100_000); // 500 KB: well past RESTEasy's in-memory buffer, under the limit
        byte[] body = JSON.writeValueAsBytes(Map.of("title", "Chunked", "slug", slug, "markdown", markdown));

        HttpResponse<String> response = postChunked("api/posts", "application/json", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        editor().when().get("/api/posts/{slug}", slug).then().statusCode(200).body("markdown", is(markdown));
    }

    /** POSTs the bytes as the test admin with chunked transfer coding (no Content-Length), as a streaming client does. */
    private HttpResponse<String> postChunked(String path, String contentType, byte[] body) throws Exception {
        String credentials = Base64.getEncoder().encodeToString(
                (Fixtures.ADMIN + ":" + Fixtures.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(root.toString()).resolve(path))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
