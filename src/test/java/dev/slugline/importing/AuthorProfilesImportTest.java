package dev.slugline.importing;

import dev.slugline.testing.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 15: a site's author data (Jekyll's {@code _data/authors.yml} as Chirpy and Minimal Mistakes write it, Hugo's
 * {@code data/authors/<key>.toml}) names the authors posts give by key, and fills in their profiles.
 */
@QuarkusTest
class AuthorProfilesImportTest {

    @Test
    void jekyllAuthorKeysBecomeNamesWithTheirProfiles() {
        String run = unique("p").substring(2);
        String cotes = "cotes" + run;
        String sille = "sille_bille" + run;
        Map<String, byte[]> site = Archives.files(
                "blog/_data/authors.yml", """
                        ## Template › https://github.com/jekyll/minima/blob/master/_data/authors.yml
                        %s:
                          name: Cotes Chung %s
                          twitter: cotescc
                          url: https://github.com/cotes2020/
                          avatar: /assets/img/cotes%s.png
                        %s:
                          name: Dinesh Prasanth %s
                          url: javascript:alert(1)
                        """.formatted(cotes, run, run, sille, run),
                "blog/assets/img/cotes" + run + ".png", Archives.uniquePng(),
                "blog/_posts/2012-05-01-keys-" + run + ".md", "---\ntitle: Keys " + run + "\nauthor: " + cotes + "\n---\nHello\n",
                "blog/_posts/2012-05-02-pair-" + run + ".md", "---\ntitle: Pair " + run + "\nauthors: [" + sille + ", " + cotes
                        + "]\n---\nHello\n",
                "blog/_posts/2012-05-03-name-" + run + ".md", "---\ntitle: Name " + run + "\nauthor: Someone Else " + run
                        + "\n---\nHello\n");
        JsonPath report = editor().contentType("application/zip").body(Archives.zip(site)).when().post("/api/imports")
                .then().statusCode(200).body("failed", is(0)).extract().jsonPath();
        assertThat(report.getString("files.find { it.path == 'blog/_data/authors.yml' }.status")).isEqualTo("skipped");
        assertThat(report.getString("files.find { it.path == 'blog/_data/authors.yml' }.reason")).contains("author profiles (2)");

        assertThat(names("keys-" + run)).containsExactly("Cotes Chung " + run);
        assertThat(names("pair-" + run)).containsExactly("Dinesh Prasanth " + run, "Cotes Chung " + run);
        assertThat(names("name-" + run)).containsExactly("Someone Else " + run);
        String cotesSlug = given().get("/api/posts/keys-" + run).then().extract().path("authors[0].slug");
        String image = given().when().get("/api/authors/{slug}", cotesSlug).then().statusCode(200)
                .body("postCount", is(2), "website", is("https://github.com/cotes2020/"))
                .extract().path("profileImage");
        assertThat(image).isEqualTo("/api/media/blog/assets/img/cotes" + run + ".png");
        given().when().get(image).then().statusCode(200).contentType("image/png");
        String silleSlug = given().get("/api/posts/pair-" + run).then().extract().path("authors[0].slug");
        given().when().get("/api/authors/{slug}", silleSlug).then().statusCode(200).body("website", nullValue());

        // an editor's change stays when the site is imported again
        editor().contentType("application/merge-patch+json").header("If-Match", "*").body(Map.of("website", "https://cotes.example"))
                .when().patch("/api/authors/{slug}", cotesSlug).then().statusCode(200);
        editor().contentType("application/zip").body(Archives.zip(site)).when().post("/api/imports").then().statusCode(200);
        given().when().get("/api/authors/{slug}", cotesSlug).then().body("website", is("https://cotes.example"));
    }

    @Test
    void hugoDataAuthorsFilesNameAndDescribeAuthors() {
        String run = unique("h").substring(2);
        Map<String, byte[]> site = Archives.files(
                "hugo.toml", "baseURL = 'https://example.org/'\ntitle = 'Site'\n",
                "data/authors/jdoe" + run + ".toml", ("name = \"Jane Doe " + run + "\"\nbio = \"Writes the docs.\"\n"
                        + "image = \"/images/jdoe" + run + ".png\"\nlocation = \"Lisbon\"\n").getBytes(StandardCharsets.UTF_8),
                "static/images/jdoe" + run + ".png", Archives.uniquePng(),
                "content/posts/hugo-" + run + ".md", "---\ntitle: Hugo " + run + "\ndate: 2012-06-01T10:00:00Z\nauthors: [jdoe"
                        + run + "]\n---\nHello\n");
        editor().contentType("application/zip").body(Archives.zip(site)).when().post("/api/imports")
                .then().statusCode(200).body("failed", is(0))
                .body("files.find { it.path == 'data/authors/jdoe" + run + ".toml' }.reason", containsString("author profiles (1)"));
        assertThat(names("hugo-" + run)).containsExactly("Jane Doe " + run);
        String slug = given().get("/api/posts/hugo-" + run).then().extract().path("authors[0].slug");
        given().when().get("/api/authors/{slug}", slug).then().statusCode(200)
                .body("bio", is("Writes the docs."), "location", is("Lisbon"),
                        "profileImage", is("/api/media/static/images/jdoe" + run + ".png"));
    }

    private static List<String> names(String slug) {
        return given().when().get("/api/posts/{slug}", slug).then().statusCode(200).extract().path("authors.name");
    }
}
