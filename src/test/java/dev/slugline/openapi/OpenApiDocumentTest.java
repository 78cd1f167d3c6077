package dev.slugline.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is what frontends generate their types from (examples/blog-frontend runs openapi-typescript on
 * it) and what editors read in the Swagger UI: every operation is named, every JSON answer has a schema with
 * properties, and every write that needs {@code If-Match} says so.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static JsonNode document;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void fetch() throws Exception {
        if (document != null) {
            return;
        }
        String json = given().when().get("/q/openapi?format=json")
                .then().statusCode(200).contentType("application/json").extract().asString();
        document = new ObjectMapper().readTree(json);
    }

    @Test
    void everyOperationHasAUniqueOperationId() {
        Map<String, String> seen = new HashMap<>();
        List<String> operations = new ArrayList<>();
        forEachOperation((name, operation) -> {
            operations.add(name);
            String id = operation.path("operationId").asText("");
            assertThat(id).as("operationId of %s", name).matches("[a-z][A-Za-z]+");
            String before = seen.put(id, name);
            assertThat(before).as("operationId %s of %s is also the one of %s", id, name, before).isNull();
        });
        assertThat(operations).contains("GET /api/posts", "GET /api/posts/{slug}", "POST /api/posts",
                "PUT /api/posts/{slug}", "PATCH /api/posts/{slug}", "DELETE /api/posts/{slug}", "GET /api/tags");
        assertThat(seen).containsEntry("listPosts", "GET /api/posts").containsEntry("getPost", "GET /api/posts/{slug}")
                .containsEntry("createPost", "POST /api/posts").containsEntry("updatePost", "PUT /api/posts/{slug}")
                .containsEntry("patchPost", "PATCH /api/posts/{slug}").containsEntry("deletePost", "DELETE /api/posts/{slug}")
                .containsEntry("listTags", "GET /api/tags").containsEntry("listCategories", "GET /api/categories");
    }

    @Test
    void everySuccessfulJsonAnswerHasASchemaWithProperties() {
        List<String> checked = new ArrayList<>();
        forEachOperation((name, operation) -> operation.path("responses").fields().forEachRemaining(response -> {
            if (!response.getKey().startsWith("2")) {
                return;
            }
            response.getValue().path("content").fields().forEachRemaining(content -> {
                if (!content.getKey().contains("json") || content.getKey().equals("application/feed+json")) {
                    return; // Markdown, HTML, files, and the feeds (JSON Feed is its own standard)
                }
                String where = name + " " + response.getKey() + " " + content.getKey();
                assertComplete(content.getValue().path("schema"), where, 0);
                checked.add(where);
            });
        }));
        assertThat(checked).hasSizeGreaterThan(25);
    }

    @Test
    void errorAnswersAreProblemsWithViolations() {
        List<String> problems = new ArrayList<>();
        forEachOperation((name, operation) -> operation.path("responses").fields().forEachRemaining(response -> {
            JsonNode problem = response.getValue().path("content").path("application/problem+json");
            if (!problem.isMissingNode()) {
                assertThat(problem.path("schema").path("$ref").asText()).as("%s %s", name, response.getKey())
                        .isEqualTo("#/components/schemas/Problem");
                problems.add(name + " " + response.getKey());
            }
        }));
        assertThat(problems).contains("GET /api/posts/{slug} 404", "POST /api/posts 400");
        assertThat(properties("Problem")).contains("type", "title", "status", "detail", "instance", "violations");
        JsonNode violations = schema("Problem").path("properties").path("violations");
        assertThat(resolve(violations.path("items")).path("properties").has("field")).as("Problem.violations[].field").isTrue();
        assertThat(resolve(violations.path("items")).path("properties").has("message")).as("Problem.violations[].message").isTrue();
    }

    @Test
    void keySchemasHaveTheFieldsAFrontendReads() {
        assertThat(properties("Post")).contains("slug", "title", "summary", "publishedAt", "html", "markdown", "tags",
                "categories", "readingMinutes", "version");
        assertThat(properties("PostSummary")).contains("slug", "title", "summary", "publishedAt", "tags", "readingMinutes");
        assertThat(properties("PostListItem")).contains("slug", "title", "summary", "publishedAt", "tags", "categories",
                "readingMinutes", "snippet");
        assertThat(properties("PostListing")).contains("items", "page", "size", "totalItems", "totalPages", "next");
        assertThat(schema("PostListing").path("properties").path("items").path("items").path("$ref").asText())
                .isEqualTo("#/components/schemas/PostListItem");
        assertThat(properties("TermPage")).contains("items", "page", "size", "totalItems", "totalPages");
        assertThat(schema("TermPage").path("properties").path("items").path("items").path("$ref").asText())
                .isEqualTo("#/components/schemas/Term");
        assertThat(properties("Term")).contains("slug", "name", "postCount");
        assertThat(properties("TermRef")).contains("slug", "name");
        assertThat(properties("Media")).contains("path", "contentType", "url");
        // the feature image, in every shape of a post
        for (String post : List.of("Post", "PostSummary", "PostListItem")) {
            assertThat(schema(post).path("properties").path("featureImage").toString()).as(post)
                    .contains("#/components/schemas/FeatureImage");
        }
        assertThat(properties("FeatureImage")).containsExactly("url", "alt", "caption");
        assertThat(resolve(schema("ImportedFile").path("properties").path("kind")).path("enum").toString())
                .contains("\"post\"", "\"page\"", "\"media\"");
        // Examples come from the seed posts
        assertThat(schema("Post").path("properties").path("slug").path("examples").toString()).contains("my-first-in-person-kubecon");
        assertThat(schema("Post").path("properties").path("publishedAt").path("examples").toString()).contains("2024-04-07T11:05:09+05:00");
    }

    @Test
    void writesSayWhichHeaderTheyNeedAndWhereToGetIt() {
        for (String write : List.of("PUT /api/posts/{slug}", "PATCH /api/posts/{slug}", "DELETE /api/posts/{slug}",
                "POST /api/posts/{slug}/revisions/{number}/restore", "POST /api/trash/{slug}/restore",
                "PATCH /api/tags/{slug}", "PATCH /api/categories/{slug}")) {
            JsonNode operation = operation(write);
            assertThat(operation.path("description").asText()).as("description of %s", write).contains("If-Match").containsIgnoringCase("etag");
            List<String> headers = new ArrayList<>();
            operation.path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("header")) {
                    headers.add(p.path("name").asText());
                }
            });
            assertThat(headers).as("header parameters of %s", write).contains("If-Match");
        }
        // and the reads they come from show the ETag header
        assertThat(operation("GET /api/posts/{slug}").path("responses").path("200").path("headers").has("ETag")).isTrue();
    }

    @Test
    void requestBodiesHaveExamples() {
        JsonNode create = operation("POST /api/posts").path("requestBody").path("content");
        assertThat(create.path("text/markdown").path("examples").toString()).contains("title:").contains("date: 2024-04-07T11:05:09+05:00");
        assertThat(create.path("application/json").path("examples").toString()).contains("markdown", "kubecon");
        JsonNode patch = operation("PATCH /api/posts/{slug}").path("requestBody").path("content").path("application/merge-patch+json");
        assertThat(patch.path("examples").toString()).contains("title");
    }

    private static void assertComplete(JsonNode schema, String where, int depth) {
        assertThat(depth).as("schema nesting at %s", where).isLessThan(10);
        JsonNode resolved = resolve(schema);
        if (resolved.path("type").asText().equals("array")) {
            assertComplete(resolved.path("items"), where + "[]", depth + 1);
            return;
        }
        assertThat(resolved.path("properties").size()).as("properties of the schema of %s: %s", where, schema).isGreaterThan(0);
    }

    private static JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : schema(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static JsonNode schema(String name) {
        JsonNode schema = document.path("components").path("schemas").path(name);
        assertThat(schema.isMissingNode()).as("schema %s", name).isFalse();
        return schema;
    }

    private static List<String> properties(String name) {
        List<String> names = new ArrayList<>();
        schema(name).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode operation(String name) {
        String[] parts = name.split(" ", 2);
        JsonNode operation = document.path("paths").path(parts[1]).path(parts[0].toLowerCase());
        assertThat(operation.isMissingNode()).as("operation %s", name).isFalse();
        return operation;
    }

    private static void forEachOperation(java.util.function.BiConsumer<String, JsonNode> action) {
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) {
                action.accept(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
            }
        }));
    }
}
