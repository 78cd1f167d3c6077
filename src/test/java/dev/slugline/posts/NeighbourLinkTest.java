package dev.slugline.posts;

import dev.slugline.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 1: the previous/next {@code Link} headers of a post carry its neighbours' titles and slugs from
 * content. A line break, a quote, emoji or right-to-left text in a title must leave a valid header (RFC 8288 with
 * RFC 8187 {@code title*}) that decodes back to the title; before, a line break made the response never arrive.
 */
@QuarkusTest
class NeighbourLinkTest {

    /** A response that does not arrive within this fails the test instead of waiting a minute. */
    private static final RestAssuredConfig PATIENT = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 10_000).setParam("http.connection.timeout", 5_000));
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,=\\s]+\\s*=\\s*(?:\"(?:[^\"\\\\]|\\\\.)*\"|[^;,\\s]*))*)");
    private static final Pattern PARAM = Pattern.compile(";\\s*([^;,=\\s]+)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^;,\\s]*)");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Two lines\nof title", "Carriage\rreturn and\r\nboth", "She said \"hi\"; rel=\"x\", <y>",
            "Launch day 🚀🎉", "שלום עולם – مرحبا بالعالم", "Tab\tand bell\u0007 and back\\slash", "Plain ASCII title"})
    void aNeighbourTitleFromContentLeavesAValidLinkThatDecodesBackToIt(String title) {
        OffsetDateTime at = uniqueInstant();
        Map<String, Object> older = Fixtures.post(title, "Older body");
        older.put("slug", Fixtures.unique("link-older"));
        older.put("publishedAt", at.toString());
        String olderSlug = Fixtures.create(older).statusCode(201).extract().path("slug");
        String middle = Fixtures.createPublished(Fixtures.unique("link-middle"), at.plusSeconds(1).toString(), List.of(), List.of());

        Map<String, Map<String, String>> links = links(get(middle));
        assertThat(links).containsKey("prev");
        assertThat(links.get("prev").get("uri")).endsWith("/api/posts/" + olderSlug);
        assertThat(decode(links.get("prev").get("title*"))).isEqualTo(title);
        if (links.get("prev").containsKey("title")) {
            assertThat(unquote(links.get("prev").get("title"))).isEqualTo(title);
        }

        // and the other way round: the older post names the middle one as next
        Map<String, Map<String, String>> back = links(get(olderSlug));
        assertThat(back.get("next").get("uri")).endsWith("/api/posts/" + middle);
        assertThat(decode(back.get("next").get("title*"))).isEqualTo("Post " + middle);
    }

    @Test
    void aYamlBlockTitleOverTwoLinesDoesNotStopItsNeighbourFromAnswering() {
        OffsetDateTime at = uniqueInstant();
        String olderSlug = Fixtures.unique("block-title");
        String file = "---\ntitle: |-\n  First line of the title\n  second line \"quoted\" 🚀\nslug: " + olderSlug
                + "\ndate: " + at + "\n---\nBody\n";
        Fixtures.editor().contentType("text/markdown; charset=UTF-8").body(file).when().post("/api/posts").then().statusCode(201);
        String middle = Fixtures.createPublished(Fixtures.unique("block-middle"), at.plusSeconds(1).toString(), List.of(), List.of());

        Map<String, Map<String, String>> links = links(get(middle));
        assertThat(decode(links.get("prev").get("title*"))).isEqualTo("First line of the title\nsecond line \"quoted\" 🚀");
        assertThat(links.get("prev")).doesNotContainKey("title");
    }

    private static Response get(String slug) {
        Response response = given().config(PATIENT).accept(ContentType.JSON).when().get("/api/posts/{slug}", slug);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("slug")).isEqualTo(slug);
        for (var header : response.headers()) {
            assertThat(header.getValue()).as(header.getName()).doesNotContainPattern("[\\x00-\\x1f\\x7f]");
            assertThat(header.getValue()).as(header.getName()).matches("[\\x20-\\x7e]*");
        }
        return response;
    }

    /** The Link header(s), parsed by RFC 8288's grammar: relation to its URI and parameters. */
    static Map<String, Map<String, String>> links(Response response) {
        Map<String, Map<String, String>> byRel = new LinkedHashMap<>();
        for (String header : response.headers().getValues("Link")) {
            Matcher link = LINK.matcher(header);
            int end = 0;
            while (link.find()) {
                assertThat(header.substring(end, link.start())).as("between links of " + header).matches("[\\s,]*");
                end = link.end();
                Map<String, String> params = new LinkedHashMap<>();
                params.put("uri", link.group(1));
                Matcher param = PARAM.matcher(link.group(2));
                while (param.find()) {
                    assertThat(params.put(param.group(1), param.group(2))).as("repeated " + param.group(1)).isNull();
                }
                byRel.put(unquote(params.get("rel")), params);
            }
            assertThat(header.substring(end)).as("rest of " + header).isBlank();
        }
        return byRel;
    }

    /** An RFC 8187 ext-value in UTF-8, percent-decoded by hand ('+' is itself, not a space). */
    static String decode(String extValue) {
        assertThat(extValue).isNotNull().startsWith("UTF-8''").matches("UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]*");
        String encoded = extValue.substring("UTF-8''".length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String unquote(String quoted) {
        if (quoted == null || !quoted.startsWith("\"")) {
            return quoted;
        }
        return quoted.substring(1, quoted.length() - 1).replaceAll("\\\\(.)", "$1");
    }

    /** A moment of the 1970s no other test publishes at, so these posts are each other's neighbours. */
    private static OffsetDateTime uniqueInstant() {
        long seconds = ThreadLocalRandom.current().nextLong(0, 315_000_000L / 10) * 10;
        return OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusSeconds(seconds);
    }
}
