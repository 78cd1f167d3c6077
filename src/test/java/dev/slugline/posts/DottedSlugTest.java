package dev.slugline.posts;

import dev.slugline.testing.Archives;
import dev.slugline.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * Issue 13, item 2: a dot inside a slug is kept however the slug was given (JSON, PATCH, a Markdown post's front
 * matter, an imported file's front matter or name), and such a post is read at its slug in every format.
 */
@QuarkusTest
class DottedSlugTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aDottedSlugThroughJsonIsKeptAndReadInEveryFormat() {
        String slug = "announcing-linkerd-2.7-" + run();
        Map<String, Object> post = Fixtures.post("Announcing Linkerd 2.7", "Release notes");
        post.put("slug", slug);
        post.put("publishedAt", "2020-02-10T09:00:00+01:00");
        Fixtures.create(post).statusCode(201).body("slug", is(slug)).header("Location", endsWith("/api/posts/" + slug));

        given().when().get("/api/posts/{slug}", slug).then().statusCode(200).body("slug", is(slug));
        given().accept("text/html").when().get("/api/posts/{slug}", slug).then().statusCode(200)
                .contentType(startsWith("text/html"));
        String markdown = given().accept("text/markdown").when().get("/api/posts/{slug}", slug).then().statusCode(200)
                .extract().asString();
        assertThat(markdown).containsPattern("(?m)^slug: \"?" + java.util.regex.Pattern.quote(slug) + "\"?$");
    }

    @Test
    void aPatchMayGiveADottedSlugAndTheOldOneLeadsToIt() {
        String run = run();
        String slug = Fixtures.createPublished("release-" + run, "2021-01-01T00:00:00Z", java.util.List.of(), java.util.List.of());
        String dotted = "release-3.0.1-" + run;
        Fixtures.editor().contentType("application/merge-patch+json").header("If-Match", Fixtures.etag(slug))
                .body("{\"slug\": \"" + dotted + ".\"}").when().patch("/api/posts/{slug}", slug)
                .then().statusCode(200).body("slug", is(dotted));
        given().when().get("/api/posts/{slug}", dotted).then().statusCode(200).body("slug", is(dotted));
        given().redirects().follow(false).when().get("/api/posts/{slug}", slug).then().statusCode(301)
                .header("Location", endsWith("/api/posts/" + dotted));
    }

    @Test
    void aMarkdownPostKeepsTheDotsOfItsSlugAndLosesTheTrailingOne() {
        String slug = "linkerd-2.8-" + run();
        String file = "---\ntitle: Linkerd 2.8\nslug: " + slug + ".\ndate: 2020-06-09T10:00:00+02:00\n---\nBody\n";
        Fixtures.editor().contentType("text/markdown; charset=UTF-8").body(file).when().post("/api/posts")
                .then().statusCode(201).body("slug", is(slug));
    }

    @Test
    void dotsAloneOrDoubledAreNoSlug() {
        for (String bad : new String[] {".", "..", "a..b", "../etc"}) {
            Map<String, Object> post = Fixtures.post("Dots " + run(), "x");
            post.put("slug", bad);
            Fixtures.create(post).statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("slug"));
        }
        String file = "---\ntitle: Dots\nslug: ..\n---\nBody\n";
        Fixtures.editor().contentType("text/markdown; charset=UTF-8").body(file).when().post("/api/posts")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void anImportKeepsDotsFromFrontMatterAndFromFileNames() {
        String run = run();
        String fromFrontMatter = "announcing-linkerd-2.7-" + run;
        byte[] zip = Archives.zip(Archives.files(
                "content/posts/release-" + run + ".md", "---\ntitle: Linkerd 2.7\nslug: " + fromFrontMatter
                        + "\ndate: 2020-02-10T09:00:00+01:00\n---\nBody\n",
                "content/posts/coredns-1.8.3-" + run + ".md", "---\ntitle: CoreDNS 1.8.3\ndate: 2021-01-05T09:00:00Z\n---\nBody\n"));
        JsonPath report = Fixtures.editor().contentType("application/zip").body(zip).when().post("/api/imports")
                .then().statusCode(200).body("failed", is(0), "created", is(2)).extract().jsonPath();
        assertThat(report.getList("files.slug")).contains(fromFrontMatter, "coredns-1.8.3-" + run);
        given().when().get("/api/posts/{slug}", fromFrontMatter).then().statusCode(200).body("title", is("Linkerd 2.7"));
        given().when().get("/api/posts/{slug}", "coredns-1.8.3-" + run).then().statusCode(200).body("title", is("CoreDNS 1.8.3"));
    }
}
