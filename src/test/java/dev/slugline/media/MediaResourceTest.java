package dev.slugline.media;

import dev.slugline.testing.Archives;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.UUID;

import static dev.slugline.testing.Fixtures.editor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** {@code POST /api/media} and {@code GET /api/media/{id-or-path}}. */
@QuarkusTest
class MediaResourceTest {

    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\">"
            + "<script>alert(1)</script><rect width=\"1\" height=\"1\"/></svg>";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] uniquePng() {
        return Archives.uniquePng();
    }

    @Test
    void uploadsAndServesAPngWithEtagCacheAndLength() {
        byte[] png = uniquePng();
        String path = "images/" + run() + "/cover.png";
        String url = editor().contentType("image/png").body(png).queryParam("path", path)
                .when().post("/api/media").then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", endsWith("/api/media/" + path))
                .body("path", is(path), "contentType", is("image/png"), "size", is(png.length),
                        "url", is("/api/media/" + path))
                .extract().path("url");
        String etag = given().get(url).then().statusCode(200).contentType("image/png")
                .header("Content-Length", is(String.valueOf(png.length)))
                .header("Cache-Control", containsString("max-age=31536000"))
                .header("Accept-Ranges", is("bytes"))
                .header("Content-Security-Policy", is("sandbox"))
                .header("Content-Disposition", nullValue())
                .header("Last-Modified", notNullValue())
                .extract().header("ETag");
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");
        assertThat(given().get(url).then().extract().asByteArray()).isEqualTo(png);
        given().header("If-None-Match", etag).get(url).then().statusCode(304);
        String lastModified = given().get(url).then().extract().header("Last-Modified");
        given().header("If-Modified-Since", lastModified).get(url).then().statusCode(304).body(is(""));
        given().header("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").get(url).then().statusCode(200);
        long id = editor().contentType("image/png").body(png).queryParam("path", path).post("/api/media")
                .then().statusCode(200).extract().jsonPath().getLong("id");
        given().get("/api/media/" + id).then().statusCode(200).header("ETag", is(etag));
    }

    @Test
    void theSameBytesUploadedTwiceAreOneFile() {
        byte[] png = uniquePng();
        long first = editor().contentType("image/png").body(png).post("/api/media").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        editor().contentType("image/png").body(png).post("/api/media").then().statusCode(200)
                .body("id", is((int) first));
    }

    @Test
    void rangesAreServed() {
        byte[] png = uniquePng();
        String url = editor().contentType("image/png").body(png).post("/api/media").then().statusCode(201)
                .extract().path("url");
        byte[] part = given().header("Range", "bytes=1-3").get(url).then().statusCode(206)
                .header("Content-Range", is("bytes 1-3/" + png.length)).header("Content-Length", is("3"))
                .extract().asByteArray();
        assertThat(part).isEqualTo(Arrays.copyOfRange(png, 1, 4));
        byte[] suffix = given().header("Range", "bytes=-4").get(url).then().statusCode(206).extract().asByteArray();
        assertThat(suffix).isEqualTo(Arrays.copyOfRange(png, png.length - 4, png.length));
        given().header("Range", "bytes=" + png.length + "-").get(url).then().statusCode(416)
                .contentType("application/problem+json").header("Content-Range", is("bytes */" + png.length));
        given().header("Range", "pages=1-2").get(url).then().statusCode(200);
    }

    @Test
    void svgIsServedSandboxedSoItCannotRunScript() {
        String url = editor().contentType("image/svg+xml").body(SVG.replace("width=\"1\"", "width=\"" + run().length() + run() .hashCode() % 7 + "\""))
                .post("/api/media").then().statusCode(201).body("contentType", is("image/svg+xml")).extract().path("url");
        given().get(url).then().statusCode(200).contentType("image/svg+xml")
                .header("Content-Security-Policy", is("sandbox")).header("X-Content-Type-Options", is("nosniff"));
    }

    @Test
    void gifJpegAndWebpAreAccepted() {
        editor().contentType("image/gif").body(Archives.GIF).post("/api/media").then().statusCode(org.hamcrest.Matchers.anyOf(is(200), is(201)))
                .body("contentType", is("image/gif"));
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
                (byte) 0xFF, (byte) 0xD9, (byte) run().hashCode()};
        editor().contentType("image/jpeg").body(jpeg).post("/api/media").then().statusCode(org.hamcrest.Matchers.anyOf(is(200), is(201)))
                .body("contentType", is("image/jpeg"));
        byte[] webp = {'R', 'I', 'F', 'F', 26, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 13, 0, 0, 0, 0x2f, 0, 0, 0, 0x10,
                7, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88, (byte) 0xfe, 7, 0};
        editor().contentType("image/webp").body(webp).post("/api/media").then().statusCode(org.hamcrest.Matchers.anyOf(is(200), is(201)))
                .body("contentType", is("image/webp"));
    }

    @Test
    void aTypeThatDisagreesWithTheBytesIsRefused() {
        editor().contentType("image/png").body("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))
                .post("/api/media").then().statusCode(415).contentType("application/problem+json")
                .body("violations[0].field", is("body"), "detail", containsString("text/html"));
        editor().contentType("image/jpeg").body(uniquePng()).post("/api/media").then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", is("Content-Type"));
        editor().contentType("image/png").body(new byte[0]).post("/api/media").then().statusCode(400)
                .contentType("application/problem+json");
        editor().contentType("image/png").body(uniquePng()).queryParam("path", "../escape.png").post("/api/media")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", is("path"));
    }

    @Test
    void unknownMediaIs404() {
        given().get("/api/media/no/such/file.png").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/media/999999999").then().statusCode(404).contentType("application/problem+json");
    }

    // ---- replacing a file at a path: the same preconditions as posts (If-Match, 428, 412), If-None-Match: * ----

    private static ValidatableResponse upload(String path, byte[] png, String header, String value) {
        RequestSpecification request = editor().contentType("image/png").body(png).queryParam("path", path);
        if (header != null) {
            request.header(header, value);
        }
        return request.when().post("/api/media").then();
    }

    /** The bytes served at a path now. */
    private static byte[] served(String path) {
        return given().get("/api/media/" + path).then().statusCode(200).extract().asByteArray();
    }

    @Test
    void otherBytesAtATakenPathNeedIfMatch428AndTheFileStays() {
        String path = "images/" + run() + "/cover.png";
        byte[] first = uniquePng();
        String etag = upload(path, first, null, null).statusCode(201).extract().header("ETag");
        upload(path, uniquePng(), null, null).statusCode(428).contentType("application/problem+json")
                .body("status", is(428), "title", is("Precondition Required"),
                        "violations[0].field", is("If-Match"), "detail", containsString(path));
        assertThat(served(path)).isEqualTo(first);
        given().get("/api/media/" + path).then().header("ETag", is(etag));
    }

    @Test
    void aStaleIfMatchIs412NamingTheCurrentEtagAndTheFileStays() {
        String path = "images/" + run() + "/cover.png";
        byte[] first = uniquePng();
        String stale = "\"" + "0".repeat(64) + "\"";
        String etag = upload(path, first, null, null).statusCode(201).extract().header("ETag");
        upload(path, uniquePng(), "If-Match", stale).statusCode(412).contentType("application/problem+json")
                .body("status", is(412), "violations[0].field", is("If-Match"), "detail", containsString(etag));
        assertThat(served(path)).isEqualTo(first);
    }

    @Test
    void theCurrentEtagOrStarReplacesTheFileAndTheAnswerHasItsNewEtag() {
        String path = "images/" + run() + "/cover.png";
        byte[] first = uniquePng();
        byte[] second = uniquePng();
        String etag = upload(path, first, null, null).statusCode(201).extract().header("ETag");
        assertThat(etag).isEqualTo("\"" + MediaService.sha256(first) + "\"");
        String newEtag = upload(path, second, "If-Match", etag).statusCode(200).contentType(ContentType.JSON)
                .header("Location", endsWith("/api/media/" + path))
                .body("path", is(path), "sha256", is(MediaService.sha256(second)), "size", is(second.length))
                .extract().header("ETag");
        assertThat(newEtag).isEqualTo("\"" + MediaService.sha256(second) + "\"");
        assertThat(served(path)).isEqualTo(second);
        given().get("/api/media/" + path).then().header("ETag", is(newEtag));
        // the ETag read before the replacement is stale now
        upload(path, uniquePng(), "If-Match", etag).statusCode(412).body("violations[0].field", is("If-Match"));
        assertThat(served(path)).isEqualTo(second);
        // * replaces whatever is there
        byte[] third = uniquePng();
        upload(path, third, "If-Match", "*").statusCode(200).body("sha256", is(MediaService.sha256(third)));
        assertThat(served(path)).isEqualTo(third);
    }

    @Test
    void theSameBytesAgainAtAPathAreUnchangedWithoutIfMatch() {
        String path = "images/" + run() + "/cover.png";
        byte[] png = uniquePng();
        String etag = upload(path, png, null, null).statusCode(201).extract().header("ETag");
        upload(path, png, null, null).statusCode(200).header("ETag", is(etag)).body("sha256", is(MediaService.sha256(png)));
        // already applied (RFC 9110 13.1.1): a retry whose first answer was lost is no error
        upload(path, png, "If-Match", "\"" + "0".repeat(64) + "\"").statusCode(200).header("ETag", is(etag));
    }

    @Test
    void concurrentReplacementsWithOneEtagReplaceOnceAndTheOthersAre412() throws Exception {
        String path = "images/" + run() + "/cover.png";
        String etag = upload(path, uniquePng(), null, null).statusCode(201).extract().header("ETag");
        int writers = 6;
        List<byte[]> files = IntStream.range(0, writers).mapToObj(i -> uniquePng()).toList();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (byte[] file : files) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return upload(path, file, "If-Match", etag).extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                got.add(status.get(60, TimeUnit.SECONDS));
            }
            assertThat(got).containsOnly(200, 412).filteredOn(status -> status == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        // what is served is the one file that won, whole
        assertThat(files).anySatisfy(file -> assertThat(served(path)).isEqualTo(file));
    }

    @Test
    void ifNoneMatchStarCreatesOnly() {
        String path = "images/" + run() + "/cover.png";
        byte[] first = uniquePng();
        upload(path, first, "If-None-Match", "*").statusCode(201).header("Location", endsWith("/api/media/" + path));
        upload(path, uniquePng(), "If-None-Match", "*").statusCode(412).contentType("application/problem+json")
                .body("status", is(412), "violations[0].field", is("If-None-Match"), "detail", containsString(path));
        upload(path, first, "If-None-Match", "*").statusCode(412).body("violations[0].field", is("If-None-Match"));
        assertThat(served(path)).isEqualTo(first);
    }

    @Test
    void ifMatchOnAFreePathIs412AndCreatesNothing() {
        String path = "images/" + run() + "/cover.png";
        upload(path, uniquePng(), "If-Match", "*").statusCode(412).contentType("application/problem+json")
                .body("violations[0].field", is("If-Match"), "detail", containsString("No file at '" + path + "'"));
        given().get("/api/media/" + path).then().statusCode(404);
    }

    @Test
    void anUploadWithoutPathNeverReplacesTheFileAtTheNameItWouldTake() {
        byte[] png = uniquePng();
        String generated = "uploads/" + MediaService.sha256(png).substring(0, 16) + ".png";
        byte[] other = uniquePng();
        upload(generated, other, null, null).statusCode(201);
        editor().contentType("image/png").body(png).post("/api/media").then().statusCode(409)
                .contentType("application/problem+json").body("violations[0].field", is("path"),
                        "detail", containsString(generated));
        assertThat(served(generated)).isEqualTo(other);
    }

    @Test
    void conditionsWithoutAPathAre400() {
        editor().contentType("image/png").body(uniquePng()).header("If-Match", "*").post("/api/media")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", is("If-Match"));
        editor().contentType("image/png").body(uniquePng()).header("If-None-Match", "*").post("/api/media")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", is("If-None-Match"));
    }
}
