package dev.slugline.ghost;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.slugline.testing.Fixtures.create;
import static dev.slugline.testing.Fixtures.editor;
import static dev.slugline.testing.Fixtures.post;
import static dev.slugline.testing.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ghost's official client, {@code @tryghost/content-api} (pinned in examples/ghost-client), runs its Node tests
 * against this Slugline: browse, read by slug and id, filters, pagination to the end, tags, authors, pages, settings,
 * errors. Needs
 * Node and npm (the browser profile, which CI runs).
 */
@QuarkusTest
@Tag("browser")
class GhostClientTest {

    private static final Path CLIENT = Path.of("examples/ghost-client");

    @Test
    void officialGhostClientReadsSlugline() throws Exception {
        String tag = unique("ghostclient");
        String author = unique("ghostwriter");
        String coauthor = unique("coauthor");
        publish("Unforgettable moments", "2023-12-12T16:14:55+04:00", tag, List.of(author));
        publish("My first in-person KubeCon", "2024-04-07T11:05:09+05:00", tag, List.of(author));
        publish("Back again", "2024-11-20T09:00:00-08:00", tag, List.of(author, coauthor));
        Map<String, Object> about = post("About " + unique("us"), "Who we are, and why we write.");
        about.put("type", "page");
        about.put("authors", List.of(author));
        String page = create(about).statusCode(201).extract().path("slug");
        String key = editor().contentType(ContentType.JSON).body(Map.of("name", "ghost client test"))
                .when().post("/api/content-keys").then().statusCode(201).extract().path("key");

        if (!Files.isDirectory(CLIENT.resolve("node_modules/@tryghost/content-api"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
        }
        String output = run(List.of("node", "--test"), Map.of("SLUGLINE_URL", "http://localhost:" + RestAssured.port,
                "SLUGLINE_KEY", key, "SLUGLINE_TAG", tag, "SLUGLINE_AUTHOR", author, "SLUGLINE_COAUTHOR", coauthor,
                "SLUGLINE_PAGE", page), 120);
        assertThat(output).contains("# pass 10").contains("# fail 0");
    }

    private static void publish(String title, String publishedAt, String tag, List<String> authors) {
        Map<String, Object> body = post(title + " " + unique("x"), "# Heading\n\nSome **text** with ![an image](https://example.com/a.png).");
        body.put("publishedAt", publishedAt);
        body.put("tags", List.of(tag, "kubecon"));
        body.put("authors", authors);
        create(body).statusCode(201);
    }

    private static String run(List<String> command, Map<String, String> environment, int seconds) throws IOException, InterruptedException {
        File log = Files.createTempFile("ghost-client", ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENT.toFile()).redirectErrorStream(true)
                .redirectOutput(log);
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertThat(finished).as("%s finished within %d s:%n%s", command, seconds, output).isTrue();
        assertThat(process.exitValue()).as("%s exit code, output:%n%s", command, output).isZero();
        return output;
    }
}
