package dev.slugline.search;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.slugline.testing.Fixtures.createPublished;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

@QuarkusTest
@TestProfile(CacheControlConfigTest.PrivateCaching.class)
class CacheControlConfigTest {

    public static class PrivateCaching implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slugline.http.cache-control", "private, max-age=5",
                    "slugline.http.response-cache-entries", "0",
                    "slugline.site.url", "https://blog.example.org/");
        }
    }

    @Test
    void cacheControlAndSiteUrlComeFromConfiguration() {
        String slug = createPublished(unique("cfg"), "2024-01-01T00:00:00Z", List.of(), List.of());
        given().when().get("/api/posts/{slug}", slug).then().statusCode(200).header("Cache-Control", is("private, max-age=5"));
        given().when().get("/api/posts").then().statusCode(200).header("Cache-Control", is("private, max-age=5"));
        given().when().get("/feeds/feed.json").then().statusCode(200)
                .body("home_page_url", is("https://blog.example.org/"),
                        "items.find { it.id.endsWith('/" + slug + "') }.url", is("https://blog.example.org/posts/" + slug));
    }

    @Test
    void corsAllowsTheConfiguredFrontendOrigin() {
        given().header("Origin", "http://localhost:3000").when().get("/api/posts")
                .then().statusCode(200).header("Access-Control-Allow-Origin", is("http://localhost:3000"));
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "GET")
                .when().options("/api/posts")
                .then().header("Access-Control-Allow-Origin", is("http://localhost:3000"));
    }
}
