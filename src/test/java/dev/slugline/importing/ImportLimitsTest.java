package dev.slugline.importing;

import dev.slugline.testing.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static dev.slugline.testing.Fixtures.editor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** The configurable import limits, set small here, each enforced with 413 or 422 and nothing written. */
@QuarkusTest
@TestProfile(ImportLimitsTest.SmallLimits.class)
class ImportLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "slugline.importing.max-archive-size", "20K",
                    "slugline.importing.max-expanded-size", "40K",
                    "slugline.importing.max-files", "5",
                    "slugline.importing.max-file-size", "16K",
                    "slugline.importing.max-depth", "3",
                    "slugline.media.max-size", "1K");
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static io.restassured.response.ValidatableResponse send(byte[] zip) {
        return editor().contentType("application/zip").body(zip).when().post("/api/imports").then();
    }

    @Test
    void aZipBombStopsAtTheFileSizeLimit() {
        String run = run();
        Map<String, byte[]> files = Archives.files("ok-" + run + ".md", "---\ntitle: Ok\n---\n",
                "bomb-" + run + ".md", new byte[5_000_000]);
        byte[] zip = Archives.zip(files);
        org.assertj.core.api.Assertions.assertThat(zip.length).isLessThan(20_000);
        send(zip).statusCode(413).contentType("application/problem+json")
                .body("status", is(413), "detail", containsString("max-file-size"));
        given().get("/api/posts/ok-" + run).then().statusCode(404);
    }

    @Test
    void theExpandedTotalIsLimited() {
        String run = run();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            files.put("big-" + i + "-" + run + ".md", ("---\ntitle: Big\n---\n" + "a".repeat(15_000)).getBytes());
        }
        send(Archives.zip(files)).statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("max-expanded-size"));
        given().get("/api/posts/big-0-" + run).then().statusCode(404);
    }

    @Test
    void theNumberOfFilesIsLimited() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            files.put("f" + i + ".md", "---\ntitle: F\n---\n".getBytes());
        }
        send(Archives.zip(files)).statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("max-files"));
    }

    @Test
    void theArchiveSizeIsLimited() {
        byte[] random = new byte[30_000];
        new java.util.Random(4).nextBytes(random);
        send(Archives.zip(Archives.files("noise.bin", random))).statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("max-archive-size"));
    }

    @Test
    void nestingDepthIsLimited() {
        String run = run();
        send(Archives.zip(Archives.files("a/b/c/d/deep-" + run + ".md", "---\ntitle: Deep\n---\n")))
                .statusCode(422).contentType("application/problem+json").body("detail", containsString("max-depth"));
        send(Archives.zip(Archives.files("a/b/c/shallow-" + run + ".md", "---\ntitle: Shallow\n---\n")))
                .statusCode(200).body("created", is(1));
    }

    @Test
    void mediaUploadsAreLimited() {
        byte[] big = new byte[2048];
        System.arraycopy(Archives.PNG, 0, big, 0, Archives.PNG.length);
        editor().contentType("image/png").body(big).when().post("/api/media").then().statusCode(413)
                .contentType("application/problem+json").body("violations[0].field", is("body"));
    }
}
