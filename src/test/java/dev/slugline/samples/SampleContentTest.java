package dev.slugline.samples;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The sample posts of examples/content, imported at the first start into an empty database (as dev does). */
@QuarkusTest
@TestProfile(SampleContentTest.SampleContentOn.class)
class SampleContentTest {

    public static class SampleContentOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slugline.sample-content", "true");
        }
    }

    @Inject
    SampleContent samples;
    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void firstStartImportsBothSeedPostsWithTheirImages() {
        given().when().get("/api/posts?size=100")
                .then().statusCode(200)
                .contentType("application/json")
                .body("items.slug", hasItems("my-first-in-person-kubecon", "unforgettable-moments-first-kubecon"));
        String html = given().when().get("/api/posts/{slug}", "my-first-in-person-kubecon")
                .then().statusCode(200)
                .body("title", is("My first in-person KubeCon"))
                .extract().path("html");
        List<String> images = org.jsoup.Jsoup.parseBodyFragment(html).select("img").eachAttr("src");
        assertFalse(images.isEmpty());
        for (String src : images) {
            given().when().get(src).then().statusCode(200);
        }
        // the feature image of its front matter (../kubecon/gate.png) is the stored medium; the writer its author
        String cover = given().when().get("/api/posts/{slug}", "my-first-in-person-kubecon").then()
                .body("authors.name", org.hamcrest.Matchers.contains("Sample Writer"))
                .body("featureImage.alt", is("The KubeCon gate in Paris"))
                .extract().path("featureImage.url");
        given().when().get(cover).then().statusCode(200).contentType("image/png");
        given().when().get("/api/pages/about").then().statusCode(200).body("type", is("page"));
    }

    @Test
    void aSecondStartImportsNothing() {
        long before = posts();
        assertEquals(0, samples.importAtFirstStart());
        assertEquals(before, posts());
    }

    @Test
    void aDatabaseWithPostsGetsNothingEvenUnclaimed() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from sample_content_claim").executeUpdate());
        long before = posts();
        assertEquals(0, samples.importAtFirstStart());
        assertEquals(before, posts());
        assertEquals(false, QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select imported from sample_content_claim").getSingleResult()));
    }

    private long posts() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from post").getSingleResult()).longValue());
    }
}
