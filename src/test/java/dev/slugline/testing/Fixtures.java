package dev.slugline.testing;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test data made through the API, with names unique to each call so tests never see each other's posts. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> post(String title, String markdown) {
        Map<String, Object> post = new HashMap<>();
        post.put("title", title);
        post.put("markdown", markdown);
        return post;
    }

    /** The first admin of the %test profile (application.properties). */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "quiet-Harbor-test-42";

    /** A request as the test admin, with HTTP Basic sent up front. */
    public static RequestSpecification editor() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    /** A request as the given user. */
    public static RequestSpecification as(String username, String password) {
        return given().auth().preemptive().basic(username, password);
    }

    /** The current ETag of a post of any status, read as the test admin. */
    public static String etag(String slug) {
        return editor().when().get("/api/posts/{slug}", slug).then().statusCode(200).extract().header("ETag");
    }

    public static ValidatableResponse create(Map<String, Object> post) {
        return editor().contentType(ContentType.JSON).body(post).when().post("/api/posts").then();
    }

    public static String createPublished(String slug, String publishedAt, List<String> tags, List<String> categories) {
        Map<String, Object> post = post("Post " + slug, "Body of " + slug);
        post.put("slug", slug);
        post.put("publishedAt", publishedAt);
        post.put("tags", tags);
        post.put("categories", categories);
        return create(post).statusCode(201).extract().path("slug");
    }

    /** Every item of a paged list ({@code /api/tags}, {@code /api/categories}), read a page of 100 at a time. */
    public static List<Map<String, Object>> allItems(java.util.function.Supplier<RequestSpecification> request, String path) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (int page = 1; ; page++) {
            List<Map<String, Object>> items = request.get().queryParam("size", 100).queryParam("page", page)
                    .when().get(path).then().statusCode(200).extract().path("items");
            all.addAll(items);
            if (items.size() < 100) {
                return all;
            }
        }
    }

    public static String seed(String fileName) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/seeds/" + fileName)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
