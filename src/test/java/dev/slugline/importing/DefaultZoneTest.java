package dev.slugline.importing;

import dev.slugline.testing.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** {@code slugline.importing.default-zone} other than UTC: dates without offset are taken in it, and the answers say so. */
@QuarkusTest
@TestProfile(DefaultZoneTest.Paris.class)
class DefaultZoneTest {

    public static class Paris implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("slugline.importing.default-zone", "Europe/Paris");
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aSingleFileSaysTheConfiguredZone() {
        String slug = unique("paris-single");
        editor().contentType("text/markdown; charset=UTF-8")
                .body("---\ntitle: Paris\nslug: " + slug + "\ndate: 2018-07-14 12:00\n---\nx\n")
                .when().post("/api/posts").then().statusCode(201)
                .header("Slugline-Warning", is("date '2018-07-14 12:00' has no offset: taken in Europe/Paris"))
                .body("publishedAt", is("2018-07-14T12:00:00+02:00"));
    }

    @Test
    void theImportReportSaysTheConfiguredZone() {
        String slug = unique("paris-bulk");
        String path = "posts/" + slug + ".md";
        editor().contentType("application/zip")
                .body(Archives.zip(Archives.files(path, "---\ntitle: Paris\ndate: 2018-01-14 12:00\n---\nx\n")))
                .when().post("/api/imports").then().statusCode(200)
                .body("created", is(1), "files.find { it.path == '" + path + "' }.warnings",
                        hasItem("date '2018-01-14 12:00' has no offset: taken in Europe/Paris"));
        given().get("/api/posts/{slug}", slug).then().statusCode(200).body("publishedAt", is("2018-01-14T12:00:00+01:00"));
    }
}
