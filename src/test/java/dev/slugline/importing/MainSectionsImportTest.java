package dev.slugline.importing;

import dev.slugline.testing.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

/**
 * A Hugo site whose config names its post sections ({@code params.mainSections}): its content outside them (an
 * About page at the top of {@code content/}, a Contact bundle, a docs section) imports as pages.
 */
@QuarkusTest
class MainSectionsImportTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Map<String, byte[]> site(String run, String tag, String config) {
        return Archives.files(
                "hugo.toml", config,
                "content/posts/_index.md", "---\ntitle: Posts\n---\nAll the posts.\n",
                "content/posts/first-" + run + ".md", post("First", "ms-first-" + run, tag, ""),
                "content/posts/second-" + run + "/index.md", post("Second", "ms-second-" + run, tag, ""),
                "content/about-" + run + ".md", post("About", "ms-about-" + run, tag, ""),
                "content/contact-" + run + "/index.md", post("Contact", "ms-contact-" + run, tag, ""),
                "content/docs-" + run + "/setup.md", post("Setup", "ms-setup-" + run, tag, ""),
                "content/notes-" + run + "/typed.md", post("Typed", "ms-typed-" + run, tag, "type: post\n"));
    }

    private static String post(String title, String slug, String tag, String more) {
        return "---\ntitle: " + title + "\nslug: " + slug + "\ndate: 2024-05-01T10:00:00Z\ntags: [" + tag + "]\n" + more
                + "---\n" + title + " text.\n";
    }

    @Test
    void contentOutsideTheMainSectionsIsPages() {
        String run = run();
        String tag = unique("sections");
        JsonPath report = importZip(Archives.zip(site(run, tag, """
                baseURL = "https://example.org/"
                [params]
                  mainSections = ["posts"]
                """)), "").statusCode(200).body("failed", is(0)).extract().jsonPath();

        given().queryParam("tag", tag).when().get("/api/pages").then().statusCode(200)
                .body("items.slug", containsInAnyOrder("ms-about-" + run, "ms-contact-" + run, "ms-setup-" + run));
        // a file with a type of its own keeps it
        given().queryParam("tag", tag).when().get("/api/posts").then().statusCode(200)
                .body("items.slug", containsInAnyOrder("ms-first-" + run, "ms-second-" + run, "ms-typed-" + run));
        given().when().get("/api/pages/{slug}", "ms-contact-" + run).then().statusCode(200)
                .body("type", is("page")).body("frontMatter.type", is("page"));
        given().when().get("/api/posts/{slug}", "ms-about-" + run).then().statusCode(404);

        // the report says what each file became; the section's list page stays skipped
        for (String path : new String[]{"content/about-" + run + ".md", "content/contact-" + run + "/index.md",
                "content/docs-" + run + "/setup.md"}) {
            assertThat(file(report, path)).as(path).containsEntry("kind", "page").containsEntry("status", "created");
        }
        for (String path : new String[]{"content/posts/first-" + run + ".md", "content/posts/second-" + run + "/index.md",
                "content/notes-" + run + "/typed.md"}) {
            assertThat(file(report, path)).as(path).containsEntry("kind", "post").containsEntry("status", "created");
        }
        assertThat(file(report, "content/posts/_index.md")).containsEntry("status", "skipped");

        // imported again: unchanged, and still reported as pages
        JsonPath again = importZip(Archives.zip(site(run, tag, """
                baseURL = "https://example.org/"
                [params]
                  mainSections = ["posts"]
                """)), "").statusCode(200).extract().jsonPath();
        assertThat(file(again, "content/about-" + run + ".md")).containsEntry("kind", "page").containsEntry("status", "unchanged");

        // the export says so without the site's config: its file imports as a page on its own
        Map<String, byte[]> export = Archives.unzip(editor().when().get("/api/exports")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray());
        String exported = new String(export.get("content/about-" + run + ".md"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(exported).startsWith("---\n").contains("\ntype: \"page\"\n");
        String copy = exported.replace("ms-about-" + run, "ms-about-copy-" + run);
        importZip(Archives.zip(Archives.files("copy-" + run + ".md", copy)), "").statusCode(200)
                .body("files[0].kind", is("page")).body("files[0].status", is("created"));
        given().when().get("/api/pages/{slug}", "ms-about-copy-" + run).then().statusCode(200).body("type", is("page"));
    }

    @Test
    void withoutMainSectionsEveryFileIsAPost() {
        String run = run();
        String tag = unique("nosections");
        importZip(Archives.zip(site(run, tag, "baseURL = \"https://example.org/\"\n")), "").statusCode(200)
                .body("failed", is(0));
        given().queryParam("tag", tag).when().get("/api/pages").then().statusCode(200).body("items", empty());
        given().queryParam("tag", tag).when().get("/api/posts").then().statusCode(200)
                .body("items.slug", containsInAnyOrder("ms-first-" + run, "ms-second-" + run, "ms-about-" + run,
                        "ms-contact-" + run, "ms-setup-" + run, "ms-typed-" + run));
    }
}
