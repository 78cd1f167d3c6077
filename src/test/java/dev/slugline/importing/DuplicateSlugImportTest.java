package dev.slugline.importing;

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
import static org.hamcrest.Matchers.is;

/**
 * Issue 13, item 3: files of one archive that claim one slug on different dates all become posts; the oldest
 * keeps the slug, later ones get their date as a suffix; the report names each file's slug (and the one it asked
 * for); importing the same archive again gives the same slugs and is recognised as unchanged.
 */
@QuarkusTest
class DuplicateSlugImportTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static JsonPath importZip(byte[] zip) {
        return Fixtures.editor().contentType("application/zip").body(zip).when().post("/api/imports")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> file(JsonPath report, String path) {
        return report.getMap("files.find { it.path == '" + path + "' }");
    }

    @Test
    void everyFileOfAReusedSlugBecomesAPostWithADatedSuffix() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String slug = "edge-release-roundup-" + run;
        String week3 = "content/posts/2021/03/11/roundup.md";
        String week1 = "content/posts/2021/02/25/roundup.md";
        String week2 = "content/posts/2021/03/04/roundup.md";
        Map<String, byte[]> files = Archives.files(
                week3, "---\ntitle: Roundup three\nslug: " + slug + "\ndate: 2021-03-11T23:30:00-05:00\n---\nThird\n",
                week1, "---\ntitle: Roundup one\nslug: " + slug + "\ndate: 2021-02-25T10:00:00Z\n---\nFirst\n",
                week2, "---\ntitle: Roundup two\nslug: " + slug + "\ndate: 2021-03-04T10:00:00+02:00\n---\nSecond\n");
        byte[] zip = Archives.zip(files);

        JsonPath report = importZip(zip);
        assertThat(report.getInt("created")).isEqualTo(3);
        assertThat(report.getInt("failed")).isZero();
        assertThat(file(report, week1)).containsEntry("slug", slug).doesNotContainKey("wantedSlug");
        assertThat(file(report, week2)).containsEntry("slug", slug + "-2021-03-04").containsEntry("wantedSlug", slug);
        assertThat(file(report, week3)).containsEntry("slug", slug + "-2021-03-11").containsEntry("wantedSlug", slug);
        given().when().get("/api/posts/{slug}", slug).then().statusCode(200).body("title", is("Roundup one"));
        given().when().get("/api/posts/{slug}", slug + "-2021-03-04").then().statusCode(200).body("title", is("Roundup two"));
        given().when().get("/api/posts/{slug}", slug + "-2021-03-11").then().statusCode(200)
                .body("title", is("Roundup three"), "publishedAt", is("2021-03-11T23:30:00-05:00"));

        JsonPath again = importZip(zip);
        assertThat(again.getInt("unchanged")).isEqualTo(3);
        assertThat(again.getInt("created") + again.getInt("updated") + again.getInt("failed")).isZero();
        assertThat(file(again, week1)).containsEntry("slug", slug);
        assertThat(file(again, week2)).containsEntry("slug", slug + "-2021-03-04");
        assertThat(file(again, week3)).containsEntry("slug", slug + "-2021-03-11");
    }

    @Test
    void onlyOneChangedFileOfAReusedSlugKeepsItsSuffixedSlug() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String slug = "legal-transparency-report-" + run;
        String y2020 = "content/posts/2020/report.md";
        String y2021 = "content/posts/2021/report.md";
        importZip(Archives.zip(Archives.files(
                y2021, "---\ntitle: Report 2021\nslug: " + slug + "\ndate: 2021-06-01T00:00:00Z\n---\nv1\n",
                y2020, "---\ntitle: Report 2020\nslug: " + slug + "\ndate: 2020-06-01T00:00:00Z\n---\nv1\n")));
        JsonPath report = importZip(Archives.zip(Archives.files(
                y2021, "---\ntitle: Report 2021\nslug: " + slug + "\ndate: 2021-06-01T00:00:00Z\n---\nv2, edited\n",
                y2020, "---\ntitle: Report 2020\nslug: " + slug + "\ndate: 2020-06-01T00:00:00Z\n---\nv1\n")));
        assertThat(file(report, y2020)).containsEntry("status", "unchanged").containsEntry("slug", slug);
        assertThat(file(report, y2021)).containsEntry("status", "updated").containsEntry("slug", slug + "-2021-06-01");
        given().when().get("/api/posts/{slug}", slug + "-2021-06-01").then().statusCode(200).body("markdown", is("v2, edited\n"));
        given().when().get("/api/posts/{slug}", slug).then().statusCode(200).body("title", is("Report 2020"));
    }
}
