package dev.slugline.importing;

import dev.slugline.posts.PostRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import dev.slugline.testing.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.slugline.testing.Fixtures.editor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** Export as Markdown and as a Hugo content zip, and the round trip back in. */
@QuarkusTest
class ExportTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A post as a client reads it, without what a new write changes anyway (id, times, version). */
    private static Map<String, Object> comparable(String slug) {
        Map<String, Object> post = new LinkedHashMap<>(given().get("/api/posts/{slug}", slug).then().statusCode(200)
                .extract().jsonPath().getMap(""));
        post.keySet().removeAll(List.of("id", "createdAt", "updatedAt", "version"));
        return post;
    }

    @Test
    void aPostAsMarkdownImportsBackAsTheSamePost() {
        String slug = "export-" + run();
        String file = """
                ---
                title: "Export me: all fields"
                slug: %s
                date: 2019-07-01T09:15:30.5-03:30
                summary: Given summary.
                categories: [Notes]
                tags: [one, "Two Words", 42]
                weight: 7
                aliases: [/old/path/]
                params: {mood: calm, list: [1, 2.5, true, null]}
                ---
                # Heading

                Body with `code` and a table:

                | a | b |
                |---|---|
                | 1 | 2 |
                """.formatted(slug);
        editor().contentType("text/markdown").body(file).when().post("/api/posts").then().statusCode(201);
        Map<String, Object> before = comparable(slug);

        String markdown = given().accept("text/markdown").get("/api/posts/{slug}", slug).then().statusCode(200)
                .contentType(startsWith("text/markdown")).header("Vary", containsString("Accept"))
                .body(startsWith("---\ntitle: ")).extract().asString();
        assertThat(markdown).endsWith("| 1 | 2 |\n");

        editor().header("If-Match", "*").delete("/api/posts/{slug}", slug).then().statusCode(204);
        emptyTrash(List.of(slug));
        editor().contentType("text/markdown").body(markdown).when().post("/api/posts").then().statusCode(201);
        assertThat(comparable(slug)).isEqualTo(before);

        // the Markdown file is a representation of its own, with validators of its own
        io.restassured.response.Response exported = given().accept("text/markdown").get("/api/posts/{slug}", slug);
        String tag = exported.then().statusCode(200).header("Last-Modified", org.hamcrest.Matchers.notNullValue())
                .extract().header("ETag");
        assertThat(tag).startsWith("\"").isNotEqualTo(given().get("/api/posts/{slug}", slug).header("ETag"));
        given().accept("text/markdown").header("If-None-Match", tag).get("/api/posts/{slug}", slug)
                .then().statusCode(304).header("ETag", tag).body(is(""));
        given().accept("text/markdown").header("If-Modified-Since", exported.header("Last-Modified"))
                .get("/api/posts/{slug}", slug).then().statusCode(304);
        String renamed = slug + "-moved";
        editor().contentType("application/merge-patch+json").header("If-Match", "*").body(Map.of("slug", renamed))
                .patch("/api/posts/{slug}", slug).then().statusCode(200);
        given().accept("text/markdown").redirects().follow(false).get("/api/posts/{slug}", slug)
                .then().statusCode(301).header("Location", endsWith("/api/posts/" + renamed));
        given().accept("text/markdown").header("If-None-Match", tag).get("/api/posts/{slug}", renamed)
                .then().statusCode(200).body(containsString("slug: \"" + renamed + "\""));

        given().accept("text/markdown").get("/api/posts/{slug}", "no-such-" + slug).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theWholeSiteExportsAsAZipThatReimportsAsTheSameSite() {
        String run = run();
        Map<String, byte[]> hugo = Archives.site("hugo", run);
        Map<String, byte[]> jekyll = Archives.site("jekyll", run);
        Map<String, byte[]> site = new LinkedHashMap<>(hugo);
        site.putAll(jekyll);
        JsonPath report = editor().contentType("application/zip").body(Archives.zip(site)).when().post("/api/imports")
                .then().statusCode(200).body("failed", is(0)).extract().jsonPath();
        List<String> slugs = new ArrayList<>(report.getList("files.findAll { it.kind == 'post' && it.status == 'created' }.slug"));
        assertThat(slugs).hasSize(10);
        Map<String, Map<String, Object>> before = new LinkedHashMap<>();
        slugs.forEach(slug -> before.put(slug, comparable(slug)));

        byte[] zip = editor().get("/api/exports").then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", containsString("attachment")).extract().asByteArray();
        Map<String, byte[]> exported = Archives.unzip(zip);
        // this run's files: its posts (by slug in the front matter) and its media, at the paths they came from
        Map<String, byte[]> mine = new LinkedHashMap<>();
        exported.forEach((path, data) -> {
            if (path.contains(run)) {
                mine.put(path, data);
            }
        });
        assertThat(mine.keySet()).contains("content/kubecon/gate-" + run + ".png",
                "content/posts/bundle-" + run + "/index.md", "_posts/2013-05-06-hello-jekyll-" + run + ".md",
                "assets/dance-" + run + ".gif");
        assertThat(mine.get("content/kubecon/gate-" + run + ".png")).isEqualTo(Archives.PNG);
        String bundle = new String(mine.get("content/posts/bundle-" + run + "/index.md"), StandardCharsets.UTF_8);
        assertThat(bundle).startsWith("---\n").contains("mood: \"sunny\"").endsWith(new String(
                hugo.get("content/posts/bundle-" + run + "/index.md"), StandardCharsets.UTF_8).split("\\+\\+\\+\n", 3)[2]);

        // every file the site brought besides its posts is in the export, byte for byte, at its path
        List<String> mediaPaths = site.keySet().stream().filter(path -> !path.matches(".*\\.(md|markdown)$")).toList();
        assertThat(mediaPaths).hasSize(3);
        mediaPaths.forEach(path -> assertThat(mine.get(path)).as(path).isEqualTo(site.get(path)));

        // empty the site of this run's posts and media, then import the export
        slugs.forEach(slug -> editor().header("If-Match", "*").delete("/api/posts/{slug}", slug).then().statusCode(204));
        slugs.forEach(slug -> given().get("/api/posts/{slug}", slug).then().statusCode(404));
        emptyTrash(slugs);
        QuarkusTransaction.requiringNew().run(() -> media.delete("path in ?1", mediaPaths));
        mediaPaths.forEach(path -> given().get("/api/media/" + path).then().statusCode(404));
        JsonPath again = editor().contentType("application/zip").body(Archives.zip(mine)).when().post("/api/imports")
                .then().statusCode(200).body("failed", is(0), "created", is(10 + mediaPaths.size())).extract().jsonPath();
        assertThat(again.getList("files.findAll { it.kind == 'media' }.status")).containsOnly("created");
        slugs.forEach(slug -> assertThat(comparable(slug)).as(slug).isEqualTo(before.get(slug)));
        mediaPaths.forEach(path -> assertThat(given().get("/api/media/" + path).then().statusCode(200).extract()
                .asByteArray()).as(path).isEqualTo(site.get(path)));
    }

    @Inject
    PostRepository posts;

    @Inject
    dev.slugline.media.MediaRepository media;

    /** Deleted posts wait in the trash with their slugs; an empty site has none, so purge them as the trash job would. */
    private void emptyTrash(List<String> slugs) {
        QuarkusTransaction.requiringNew().run(() -> posts.delete("deletedAt is not null and slug in ?1", slugs));
    }
}
