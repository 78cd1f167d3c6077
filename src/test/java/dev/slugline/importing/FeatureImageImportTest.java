package dev.slugline.importing;

import dev.slugline.testing.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.slugline.importing.ImportResourceTest.file;
import static dev.slugline.importing.ImportResourceTest.importZip;
import static dev.slugline.importing.ImportResourceTest.run;
import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * The feature image of imported posts and pages: a relative path (a bundle's {@code cover.png}, Hugo's
 * {@code static/} and Jekyll's root-relative paths) leads to the stored medium, as the images of the Markdown do,
 * in Slugline's JSON, its lists and the Ghost Content API alike.
 */
@QuarkusTest
class FeatureImageImportTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** The bytes at a feature image's URL: the stored medium, as an image. */
    private static void servesImage(String url, byte[] expected) {
        byte[] served = given().urlEncodingEnabled(false).when().get(url)
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(served).isEqualTo(expected);
    }

    @Test
    void aHugoPageBundlesCoverLeadsToItsStoredMedium() {
        String run = run();
        String tag = unique("covers");
        byte[] cover = Archives.uniquePng();
        byte[] aboutCover = Archives.uniquePng();
        byte[] banner = Archives.uniquePng();
        Map<String, byte[]> site = Archives.files(
                "hugo.toml", "baseURL = \"https://blog.example.org/\"\n",
                "content/posts/gate-" + run + "/index.md", """
                        ---
                        title: The gate RUN
                        slug: fi-gate-RUN
                        date: 2024-03-01T10:00:00+01:00
                        tags: [TAG]
                        cover:
                          image: cover.png
                          alt: The gate at dawn
                          caption: Paris, March 2024
                        ---
                        Through the gate: ![inline](cover.png)
                        """.replace("RUN", run).replace("TAG", tag),
                "content/posts/gate-" + run + "/cover.png", cover,
                "content/posts/static-" + run + ".md", """
                        ---
                        title: Static RUN
                        slug: fi-static-RUN
                        date: 2024-03-02T10:00:00Z
                        tags: [TAG]
                        images: [/images/banner-RUN.png]
                        ---
                        A banner from Hugo's static folder.
                        """.replace("RUN", run).replace("TAG", tag),
                "static/images/banner-" + run + ".png", banner,
                "content/about-" + run + "/index.md", """
                        ---
                        title: About RUN
                        slug: fi-about-RUN
                        type: page
                        date: 2024-01-01T00:00:00Z
                        tags: [TAG]
                        image: images/me.png
                        ---
                        About us.
                        """.replace("RUN", run).replace("TAG", tag),
                "content/about-" + run + "/images/me.png", aboutCover,
                "content/posts/missing-" + run + ".md", """
                        ---
                        title: Missing RUN
                        slug: fi-missing-RUN
                        date: 2024-03-03T10:00:00Z
                        tags: [TAG]
                        image: nowhere.png
                        ---
                        The cover was never uploaded.
                        """.replace("RUN", run).replace("TAG", tag));
        JsonPath report = importZip(Archives.zip(site), "").statusCode(200).body("failed", is(0)).extract().jsonPath();
        assertThat(file(report, "content/posts/missing-" + run + ".md").get("warnings").toString())
                .contains("feature image 'nowhere.png' is not in the archive: not used");

        String coverUrl = "/api/media/content/posts/gate-" + run + "/cover.png";
        given().when().get("/api/posts/{slug}", "fi-gate-" + run)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("featureImage.url", is(coverUrl))
                .body("featureImage.alt", is("The gate at dawn"))
                .body("featureImage.caption", is("Paris, March 2024"))
                // the same medium as the image in the Markdown
                .body("html", org.hamcrest.Matchers.containsString("src=\"" + coverUrl + "\""));
        servesImage(coverUrl, cover);

        String bannerUrl = given().when().get("/api/posts/{slug}", "fi-static-" + run)
                .then().statusCode(200).body("featureImage.alt", nullValue()).extract().path("featureImage.url");
        assertThat(bannerUrl).isEqualTo("/api/media/static/images/banner-" + run + ".png");
        servesImage(bannerUrl, banner);

        given().when().get("/api/posts/{slug}", "fi-missing-" + run)
                .then().statusCode(200).body("featureImage", nullValue());

        String aboutUrl = given().when().get("/api/pages/{slug}", "fi-about-" + run)
                .then().statusCode(200).body("type", is("page")).extract().path("featureImage.url");
        assertThat(aboutUrl).isEqualTo("/api/media/content/about-" + run + "/images/me.png");
        servesImage(aboutUrl, aboutCover);

        // lists carry it too (oldest first), by default and when asked for with fields
        given().queryParam("tag", tag).queryParam("sort", "-date").when().get("/api/posts")
                .then().statusCode(200)
                .body("items.slug", contains("fi-gate-" + run, "fi-static-" + run, "fi-missing-" + run))
                .body("items[0].featureImage.url", is(coverUrl))
                .body("items[0].featureImage.caption", is("Paris, March 2024"))
                .body("items[1].featureImage.url", is(bannerUrl))
                .body("items[2].featureImage", nullValue())
                .body("items[2]", org.hamcrest.Matchers.hasKey("featureImage"));
        given().queryParam("tag", tag).queryParam("fields", "slug,featureImage").queryParam("sort", "-date")
                .when().get("/api/posts")
                .then().statusCode(200)
                .body("items[0].slug", is("fi-gate-" + run))
                .body("items[0].featureImage.alt", is("The gate at dawn"))
                .body("items[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("title")));
        given().queryParam("tag", tag).when().get("/api/pages")
                .then().statusCode(200).body("items.featureImage.url", contains(aboutUrl));
        given().queryParam("fields", "slug,image").when().get("/api/posts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("fields"));

        // Ghost: absolute on the site, with alt text and caption
        String key = editor().contentType(ContentType.JSON).body(Map.of("name", unique("frontend")))
                .when().post("/api/content-keys").then().statusCode(201).extract().path("key");
        given().queryParam("key", key).when().get("/ghost/api/content/posts/slug/{slug}/", "fi-gate-" + run)
                .then().statusCode(200)
                .body("posts[0].feature_image", is("http://localhost:8080" + coverUrl))
                .body("posts[0].feature_image_alt", is("The gate at dawn"))
                .body("posts[0].feature_image_caption", is("Paris, March 2024"));
        given().queryParam("key", key).when().get("/ghost/api/content/pages/slug/{slug}/", "fi-about-" + run)
                .then().statusCode(200)
                .body("pages[0].feature_image", is("http://localhost:8080" + aboutUrl))
                .body("pages[0].url", is("http://localhost:8080/fi-about-" + run + "/"));
        given().queryParam("key", key).when().get("/ghost/api/content/posts/slug/{slug}/", "fi-missing-" + run)
                .then().statusCode(200).body("posts[0].feature_image", nullValue());
    }

    @Test
    void aJekyllPostsImageLeadsToItsStoredMedium() {
        String run = run();
        byte[] image = Archives.uniquePng();
        Map<String, byte[]> site = Archives.files(
                "_config.yml", "title: My Jekyll site\n",
                "_posts/2024-03-04-fi-jekyll-" + run + ".md", """
                        ---
                        layout: post
                        title: Jekyll RUN
                        image: /assets/img/fi-RUN.png
                        ---
                        A Jekyll post with an image.
                        """.replace("RUN", run),
                "assets/img/fi-" + run + ".png", image,
                "_posts/2024-03-05-fi-script-" + run + ".md", """
                        ---
                        layout: post
                        title: Script RUN
                        image: "javascript:alert(document.cookie)"
                        ---
                        No image here.
                        """.replace("RUN", run));
        importZip(Archives.zip(site), "").statusCode(200).body("failed", is(0));

        String url = given().when().get("/api/posts/{slug}", "fi-jekyll-" + run)
                .then().statusCode(200).body("featureImage.alt", nullValue()).extract().path("featureImage.url");
        assertThat(url).isEqualTo("/api/media/assets/img/fi-" + run + ".png");
        servesImage(url, image);
        given().when().get("/api/posts/{slug}", "fi-script-" + run)
                .then().statusCode(200).body("featureImage", nullValue())
                .body("frontMatter.image", is("javascript:alert(document.cookie)"));
    }

    @Test
    void anEditThroughTheApiKeepsTheImportedMediumWhileTheFrontMatterNamesIt() {
        String run = run();
        String slug = "fi-edit-" + run;
        importZip(Archives.zip(Archives.files(
                "content/posts/edit-" + run + "/index.md", """
                        ---
                        title: Edit RUN
                        slug: SLUG
                        date: 2024-03-01T10:00:00Z
                        cover:
                          image: cover.png
                          alt: Old words
                        ---
                        Body.
                        """.replace("RUN", run).replace("SLUG", slug),
                "content/posts/edit-" + run + "/cover.png", Archives.uniquePng())), "").statusCode(200).body("failed", is(0));
        String url = "/api/media/content/posts/edit-" + run + "/cover.png";

        // a new title, then new alt text: the same path, the same medium
        editor().contentType("application/merge-patch+json").header("If-Match", "*").body(Map.of("title", "Edited " + run))
                .when().patch("/api/posts/{slug}", slug)
                .then().statusCode(200).body("featureImage.url", is(url));
        editor().contentType("application/merge-patch+json").header("If-Match", "*")
                .body(Map.of("frontMatter", Map.of("cover", Map.of("image", "cover.png", "alt", "New words"))))
                .when().patch("/api/posts/{slug}", slug)
                .then().statusCode(200).body("featureImage.url", is(url)).body("featureImage.alt", is("New words"));
        // another image: an http(s) URL is taken as written, an unsafe one gives none
        editor().contentType("application/merge-patch+json").header("If-Match", "*")
                .body(Map.of("frontMatter", Map.of("cover", Map.of("image", "https://cdn.example.com/new.png"))))
                .when().patch("/api/posts/{slug}", slug)
                .then().statusCode(200).body("featureImage.url", is("https://cdn.example.com/new.png"));
        editor().contentType("application/merge-patch+json").header("If-Match", "*")
                .body(Map.of("frontMatter", Map.of("cover", Map.of("image", "data:image/png;base64,iVBORw0KGgo="))))
                .when().patch("/api/posts/{slug}", slug)
                .then().statusCode(200).body("featureImage", nullValue());
        // and the relative path again, written through the API: no import resolves it
        editor().contentType("application/merge-patch+json").header("If-Match", "*")
                .body(Map.of("frontMatter", Map.of("cover", Map.of("image", "cover.png"))))
                .when().patch("/api/posts/{slug}", slug)
                .then().statusCode(200).body("featureImage", nullValue());
    }
}
