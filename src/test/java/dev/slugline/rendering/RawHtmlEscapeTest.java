package dev.slugline.rendering;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.slugline.testing.Fixtures.create;
import static dev.slugline.testing.Fixtures.post;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** {@code slugline.rendering.raw-html=escape} keeps the behaviour before issue 13: raw HTML is shown as text. */
@QuarkusTest
@TestProfile(RawHtmlEscapeTest.Escape.class)
class RawHtmlEscapeTest {

    public static class Escape implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slugline.rendering.raw-html", "escape");
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void rawHtmlIsShownAsTextAndCommentsStillNever() {
        String slug = unique("escaped");
        Map<String, Object> body = post("Escaped", "A <b>bold</b> word <!-- hidden -->\n\n<div class=\"x\">Block</div>\n\nNote.[^1]\n\n[^1]: Source.");
        body.put("slug", slug);
        create(body).statusCode(201).body("summary", is("A bold word"));
        String html = given().get("/api/posts/{slug}", slug).then().statusCode(200).extract().path("html");
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("b, div.x")).isEmpty();
        assertThat(doc.text()).contains("A <b>bold</b> word").contains("<div class=\"x\">Block</div>").doesNotContain("hidden");
        assertThat(doc.select("section.footnotes li").text()).startsWith("Source.");
    }
}
