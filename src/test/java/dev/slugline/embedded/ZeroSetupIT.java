package dev.slugline.embedded;

import dev.slugline.testing.FreePorts;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Issue 7's zero-setup start, as a writer with only Java gets it: the packaged jar with no datasource URL starts an
 * embedded PostgreSQL with its data in a folder, both seeds import, and after a restart the posts are still there.
 */
class ZeroSetupIT {

    private static final String ADMIN = "zero-admin";
    private static final String ADMIN_PASSWORD = "Zero-Setup-Pa55phrase!";
    private static final int PORT = FreePorts.pick(1)[0];
    private static Path home;

    @BeforeAll
    static void folder() throws IOException {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        home = Files.createTempDirectory("slugline-zero-setup");
    }

    @AfterAll
    static void removeFolder() throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void withoutADatabaseUrlItRunsOnAnEmbeddedPostgresWhoseDataSurvivesARestart() throws Exception {
        Path firstLog = home.resolve("first.log");
        Process first = start(firstLog);
        try {
            awaitReady(first, firstLog);
            assertThat(Files.readString(firstLog)).contains("EMBEDDED PostgreSQL")
                    .contains(home.resolve("data").toString());
            for (String seed : List.of("my-first-in-person-kubecon.md", "unforgettable-moments-first-kubecon.md")) {
                given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType("text/markdown; charset=UTF-8")
                        .body(seed(seed)).when().post(url("/api/posts")).then().statusCode(201);
            }
        } finally {
            stop(first);
        }

        Path secondLog = home.resolve("second.log");
        Process second = start(secondLog);
        try {
            awaitReady(second, secondLog);
            assertThat(Files.readString(secondLog)).contains("EMBEDDED PostgreSQL")
                    .doesNotContain("Created database");
            given().when().get(url("/api/posts/my-first-in-person-kubecon")).then().statusCode(200)
                    .body("title", is("My first in-person KubeCon"));
            given().when().get(url("/api/posts")).then().statusCode(200).body("totalItems", is(2));
        } finally {
            stop(second);
        }
    }

    /** The packaged app as the README's run command starts it, with no datasource settings at all. */
    private static Process start(Path log) throws IOException {
        String jar = System.getProperty("slugline.jar", "target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.http.port=" + PORT,
                "-Dslugline.embedded-postgres.data-dir=" + home.resolve("data"),
                "-Dslugline.admin.username=" + ADMIN,
                "-Dslugline.admin.password=" + ADMIN_PASSWORD,
                "-jar", new File(jar).getAbsolutePath())
                .directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("QUARKUS_DATASOURCE") || name.startsWith("SLUGLINE_"));
        return builder.start();
    }

    private static void awaitReady(Process process, Path log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Slugline did not get ready on its embedded PostgreSQL:\n" + Files.readString(log));
    }

    /** SIGTERM, as an operator stops it: the embedded server must stop with it, or the restart finds it running. */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + PORT + path;
    }

    private static String seed(String name) throws IOException {
        try (InputStream in = ZeroSetupIT.class.getResourceAsStream("/seeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
